import {
  ActionGroup,
  Alert,
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiProblem, request } from '../../api/client'
import { ErrorAlert } from '../../components/page'
import { REGISTRY_KEY } from './api'
import { SOORT_VAN, type Soort } from './soorten'

// Deleting asks first, in the page (not a browser dialog), and explains a refusal:
// the API answers 409 with the objects that still refer to this one.

interface Afhankelijke {
  objecttype?: string
  type?: string
  id: string
  naam?: string
}

/** `nietZichtbaar`: how many more refer to it that the user may not see (the API counts them, never names them). */
function Afhankelijken({ lijst, nietZichtbaar }: { lijst: Afhankelijke[]; nietZichtbaar: number }) {
  const { t } = useTranslation('registry')
  return (
    <Alert type="error" role="alert">
      <Heading level={2} appearanceLevel={4}>
        {t('verwijderen.geweigerdTitel')}
      </Heading>
      <Paragraph>{t('verwijderen.geweigerd')}</Paragraph>
      <UnorderedList>
        {lijst.map((a) => {
          const soort = SOORT_VAN[a.objecttype ?? a.type ?? '']
          const naam = a.naam ?? a.id
          return (
            <UnorderedListItem key={`${a.objecttype ?? a.type}-${a.id}`}>
              {soort ? <Link to={`/${soort}/${a.id}`}>{naam}</Link> : naam} (
              {t(`objecttype.${a.objecttype ?? a.type}`, { defaultValue: a.objecttype ?? a.type })})
            </UnorderedListItem>
          )
        })}
        {nietZichtbaar > 0 && (
          <UnorderedListItem>
            {t(lijst.length > 0 ? 'verwijderen.nietZichtbaar' : 'verwijderen.alleenNietZichtbaar', { count: nietZichtbaar })}
          </UnorderedListItem>
        )}
      </UnorderedList>
    </Alert>
  )
}

/** `soort` is the collection path: a registry resource, or another page built on the same API shape (costs). */
export function Verwijderen({ soort, id, naam, etag }: { soort: Soort | string; id: string; naam: string; etag?: string }) {
  const { t } = useTranslation('registry')
  const client = useQueryClient()
  const navigate = useNavigate()
  const [vragen, setVragen] = useState(false)
  const kop = useRef<HTMLHeadingElement>(null)
  const knop = useRef<HTMLButtonElement>(null)
  const verwijder = useMutation({
    mutationFn: () => request(`${soort}/${id}`, { method: 'DELETE', ifMatch: etag }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: [...REGISTRY_KEY, 'object', soort, id] })
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      navigate(`/${soort}`, { state: { verwijderd: naam } })
    },
  })
  useEffect(() => {
    if (vragen) kop.current?.focus()
  }, [vragen])

  const fout = verwijder.error
  const geweigerd = fout instanceof ApiProblem && fout.status === 409 ? fout.body : undefined
  const afhankelijken = (geweigerd?.afhankelijken ?? []) as Afhankelijke[]
  const nietZichtbaar = geweigerd?.nietZichtbareAfhankelijken ?? 0
  return (
    <>
      <Button
        ref={knop}
        appearance="secondary-action-button"
        aria-expanded={vragen}
        onClick={() => {
          verwijder.reset()
          setVragen(true)
        }}
      >
        {t('common:acties.verwijderen')}
      </Button>
      {vragen && (
        <section className="rk-bevestiging rk-volle-breedte" aria-labelledby="verwijder-kop">
          <Alert type="warning">
            <Heading level={2} appearanceLevel={4} id="verwijder-kop" ref={kop} tabIndex={-1}>
              {t('verwijderen.titel')}
            </Heading>
            <Paragraph>{t('common:acties.bevestigVerwijderen', { naam })}</Paragraph>
            <ActionGroup>
              <Button appearance="primary-action-button" disabled={verwijder.isPending} onClick={() => verwijder.mutate()}>
                {t('verwijderen.ja')}
              </Button>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  setVragen(false)
                  knop.current?.focus()
                }}
              >
                {t('common:acties.annuleren')}
              </Button>
            </ActionGroup>
          </Alert>
          {afhankelijken.length > 0 || nietZichtbaar > 0 ? (
            <Afhankelijken lijst={afhankelijken} nietZichtbaar={nietZichtbaar} />
          ) : (
            <ErrorAlert error={fout} />
          )}
        </section>
      )}
    </>
  )
}
