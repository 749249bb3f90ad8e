import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { samenwerkingVanKoppeling } from '../../../../src/domain/koppeling-samenwerking'
import { useAlleObjecten } from './api'
import type { Concept, Eindpunt } from './concept'

// Before saving a koppeling, the form says in which samenwerking it will appear — by the
// same rule the API applies (src/domain/koppeling-samenwerking.ts), on what this person
// may see — and warns when it will appear in none, or when a choice is needed (issue 20.4).

type Lid = { organisatieId: string; bevestigd?: boolean }

export function KoppelingSamenwerkingMelding({ concept }: { concept: Concept }) {
  const { t } = useTranslation('registry')
  const applicaties = useAlleObjecten('applicaties')
  const samenwerkingen = useAlleObjecten('samenwerkingen')
  const gastheerschappen = useAlleObjecten('gastheerschappen')
  if (!applicaties.data || !samenwerkingen.data || !gastheerschappen.data) return null

  const eindGebruikers = [concept.bron, concept.doel]
    .map((e) => e as Eindpunt | undefined)
    .filter((e): e is Eindpunt => e?.keuze === 'applicatie' && Boolean(e.app))
    .map((e) => (applicaties.data.find((a) => a.id === e.app)?.inGebruikBij as string[] | undefined) ?? [])
  const gastheerschap = gastheerschappen.data.find((g) => g.id === concept.gastheerschapId)
  const sws = samenwerkingen.data.map((s) => ({
    id: s.id,
    naam: String(s.naam),
    leden: ((s.leden as Lid[] | undefined) ?? []).filter((l) => l.bevestigd !== false).map((l) => l.organisatieId),
  }))
  const naam = (id: string) => sws.find((s) => s.id === id)?.naam ?? id
  const u = samenwerkingVanKoppeling(
    {
      samenwerkingId: String(concept.samenwerkingId ?? '') || undefined,
      heeftGastheerschap: Boolean(concept.gastheerschapId),
      gastheerschapSamenwerkingId: (gastheerschap?.samenwerkingId as string | undefined) || undefined,
      eindGebruikers,
    },
    sws,
  )
  // Nothing to say before an end is chosen.
  if (u.uitkomst === 'geen' && eindGebruikers.length === 0 && !gastheerschap) return null

  let type: 'info' | 'warning' = 'info'
  let tekst: string
  switch (u.uitkomst) {
    case 'gekozen':
    case 'gastheerschap':
    case 'afgeleid':
      tekst = t(`koppelingSamenwerking.${u.uitkomst}`, { naam: naam(u.samenwerkingId) })
      break
    case 'kiezen':
      type = 'warning'
      tekst = t('koppelingSamenwerking.kiezen', { namen: u.kandidaten.map(naam).join(', ') })
      break
    case 'strijdig':
      type = 'warning'
      tekst = t('koppelingSamenwerking.strijdig', { naam: naam(u.gastheerschapSamenwerkingId) })
      break
    default:
      type = 'warning'
      tekst = t('koppelingSamenwerking.geen')
  }
  return (
    <div className="rk-koppeling-samenwerking" data-testid="koppeling-samenwerking" data-uitkomst={u.uitkomst}>
      <Alert type={type}>
        <Paragraph>{tekst}</Paragraph>
      </Alert>
    </div>
  )
}

/** On the koppeling's own page: the API's warnings (`waarschuwingen`), in the UI's language. */
export function KoppelingWaarschuwingen({ object }: { object: Record<string, unknown> }) {
  const { t } = useTranslation('registry')
  const waarschuwingen = (object.waarschuwingen as { code: string; melding: string }[] | undefined) ?? []
  if (waarschuwingen.length === 0) return null
  return (
    <div className="rk-koppeling-samenwerking" data-testid="koppeling-waarschuwingen">
      {waarschuwingen.map((w) => (
        <Alert key={w.code} type="warning">
          <Paragraph>{w.code === 'geen-samenwerking' ? t('koppelingSamenwerking.geen') : w.melding}</Paragraph>
        </Alert>
      ))}
    </div>
  )
}
