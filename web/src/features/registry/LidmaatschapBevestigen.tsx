import { ActionGroup, Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import type { Gastheerschap, Samenwerking } from '../../api/types'
import { ErrorAlert } from '../../components/page'
import { REGISTRY_KEY, useObject } from './api'
import { naamVan } from './soorten'

// A lid of a samenwerking, and an afnemer of a gastheerschap, shares nothing until its
// own organisation confirms it (issue 10). The detail page offers "Lidmaatschap
// bevestigen" (or "Afnemerschap bevestigen") for each lid or afnemer the API says this
// person may confirm (its toegestaneActies); the page above shows each as "bevestigd" or
// "wacht op bevestiging".

type Lid = Samenwerking['leden'][number] | Gastheerschap['afnemers'][number]

/** What is confirmed where: the leden of a samenwerking, the afnemers of a gastheerschap. */
const WAT = {
  samenwerkingen: { pad: 'leden', tekst: 'lidmaatschap' },
  gastheerschappen: { pad: 'afnemers', tekst: 'afnemerschap' },
} as const

function Knop({ lid, tekst, bezig, onBevestig }: { lid: Lid; tekst: string; bezig: boolean; onBevestig: (naam: string) => void }) {
  const { t } = useTranslation('registry')
  const org = useObject('organisaties', lid.organisatieId)
  const naam = org.data ? naamVan('organisaties', org.data.data) : lid.organisatieId
  return (
    <Button appearance="primary-action-button" disabled={bezig} onClick={() => onBevestig(naam)}>
      {t(`${tekst}.bevestigenVoor`, { naam })}
    </Button>
  )
}

export function LidmaatschapBevestigen({
  id,
  etag,
  leden,
  soort = 'samenwerkingen',
}: {
  id: string
  etag?: string
  leden: Lid[]
  soort?: keyof typeof WAT
}) {
  const { t } = useTranslation('registry')
  const { pad, tekst } = WAT[soort]
  const client = useQueryClient()
  const [gelukt, setGelukt] = useState<string>()
  const bevestig = useMutation({
    mutationFn: ({ organisatieId }: { organisatieId: string; naam: string }) =>
      request(`${soort}/${id}/${pad}/${organisatieId}/bevestigen`, { method: 'POST', ifMatch: etag }),
    onSuccess: async (_res, { naam }) => {
      setGelukt(naam)
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
    },
  })
  const open = leden.filter((l) => l.toegestaneActies?.includes('bevestigen'))
  if (open.length === 0 && !gelukt) return null
  return (
    <section aria-labelledby="lidmaatschap-kop" className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id="lidmaatschap-kop">
        {t(`${tekst}.bevestigen`)}
      </Heading>
      <Paragraph>{t(`${tekst}.uitleg`)}</Paragraph>
      {gelukt && (
        <Alert type="ok" role="status">
          <Paragraph>{t(`${tekst}.gelukt`, { naam: gelukt })}</Paragraph>
        </Alert>
      )}
      <ErrorAlert error={bevestig.error} />
      {open.length > 0 && (
        <ActionGroup>
          {open.map((l) => (
            <Knop
              key={l.organisatieId}
              lid={l}
              tekst={tekst}
              bezig={bevestig.isPending}
              onBevestig={(naam) => {
                setGelukt(undefined)
                bevestig.mutate({ organisatieId: l.organisatieId, naam })
              }}
            />
          ))}
        </ActionGroup>
      )}
    </section>
  )
}
