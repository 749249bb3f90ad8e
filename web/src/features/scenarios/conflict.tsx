import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConflictRij, type ConflictStaat, Conflictvergelijking, type Keuze } from '../../components/conflict'
import { formatBedrag, formatGetal } from '../../i18n/format'
import { useOpties } from '../registry/api'
import { type Concept, naarInvoer } from './concept'

// A business case in the shared conflict comparison (components/conflict.tsx): which
// parts of the form count as one field, how each compares (amounts as cents, as the
// API stores them) and how each reads (euros, organisations by name).

type Invoer = ReturnType<typeof naarInvoer>['invoer']

export const SCENARIO_VELDEN = [
  'naam',
  'omschrijving',
  'samenwerkingId',
  'deelnemers',
  'gezamenlijkEenmalig',
  'gezamenlijkJaarlijks',
  'sleutel',
  'maatstaf',
  'mixAandeel',
  'horizonJaren',
  'disconteringsvoet',
  'startjaar',
  'toelichting',
] as const satisfies readonly (keyof Concept)[]

const LABEL: Record<(typeof SCENARIO_VELDEN)[number], string> = {
  naam: 'formulier.naam',
  omschrijving: 'formulier.omschrijving',
  samenwerkingId: 'formulier.samenwerking',
  deelnemers: 'formulier.deelnemers',
  gezamenlijkEenmalig: 'formulier.gezamenlijkEenmalig',
  gezamenlijkJaarlijks: 'formulier.gezamenlijkJaarlijks',
  sleutel: 'formulier.sleutel',
  maatstaf: 'formulier.maatstaf',
  mixAandeel: 'formulier.mixAandeel',
  horizonJaren: 'formulier.horizon',
  disconteringsvoet: 'formulier.voet',
  startjaar: 'formulier.startjaar',
  toelichting: 'formulier.toelichting',
}

/** A field's value as the API would store it. */
export function scenarioWaarde(c: Concept, sleutel: string, t: TFunction): unknown {
  const { invoer } = naarInvoer(c, t)
  const i = invoer.invoer
  switch (sleutel) {
    case 'deelnemers': {
      const v = i.verdeling
      return [i.deelnemers, v.soort === 'vast percentage' ? v.percentages : undefined, i.maatstaven]
    }
    case 'gezamenlijkEenmalig':
      return i.gezamenlijk.eenmalig
    case 'gezamenlijkJaarlijks':
      return i.gezamenlijk.jaarlijks
    case 'sleutel':
      return i.verdeling.soort
    case 'maatstaf':
      return c.sleutel === 'maatstaf' || c.sleutel === 'mix' ? c.maatstaf.trim() : undefined
    case 'mixAandeel':
      return i.verdeling.soort === 'mix' ? i.verdeling.componenten[0]?.aandeel : undefined
    case 'horizonJaren':
      return i.horizonJaren
    case 'disconteringsvoet':
      return i.disconteringsvoet
    case 'startjaar':
      return i.startjaar
    default:
      return (invoer as unknown as Record<string, unknown>)[sleutel]
  }
}

function tekst(invoer: Invoer, sleutel: string, t: TFunction, naam: (id: string) => string): ReactNode {
  const i = invoer.invoer
  const leeg = t('common:leeg')
  switch (sleutel) {
    case 'samenwerkingId':
      return invoer.samenwerkingId ? naam(invoer.samenwerkingId) : leeg
    case 'deelnemers':
      return (
        <ul className="rk-lijst">
          {i.deelnemers.map((d, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <li key={n}>
              {d.organisatieId ? naam(d.organisatieId) : leeg}:{' '}
              {t('detail.eenmaligJaarlijks', {
                eenmalig: formatBedrag(d.huidigeKosten.eenmalig),
                jaarlijks: formatBedrag(d.huidigeKosten.jaarlijks),
              })}
            </li>
          ))}
        </ul>
      )
    case 'gezamenlijkEenmalig':
      return formatBedrag(i.gezamenlijk.eenmalig)
    case 'gezamenlijkJaarlijks':
      return formatBedrag(i.gezamenlijk.jaarlijks)
    case 'sleutel':
      return t(`formulier.sleutels.${i.verdeling.soort}`)
    case 'horizonJaren':
      return formatGetal(i.horizonJaren)
    case 'disconteringsvoet':
      return `${formatGetal(i.disconteringsvoet)} %`
    case 'mixAandeel': {
      const a = i.verdeling.soort === 'mix' ? i.verdeling.componenten[0]?.aandeel : undefined
      return a === undefined ? leeg : `${formatGetal(Number(a))} %`
    }
    default: {
      const w =
        sleutel === 'startjaar'
          ? i.startjaar
          : sleutel === 'maatstaf'
            ? (i.maatstaven?.[0]?.maatstaf ?? '')
            : (invoer as unknown as Record<string, unknown>)[sleutel]
      return w === undefined || w === '' ? leeg : <span className="rk-meertekst">{String(w)}</span>
    }
  }
}

/** The rows of the comparison: the person's version next to the stored business case. */
export function scenarioRijen(mijn: Concept, ander: Concept, t: TFunction, naam: (id: string) => string): ConflictRij[] {
  const a = naarInvoer(mijn, t).invoer
  const b = naarInvoer(ander, t).invoer
  return SCENARIO_VELDEN.map((sleutel) => ({
    sleutel,
    label: t(LABEL[sleutel]),
    mijn: tekst(a, sleutel, t, naam),
    ander: tekst(b, sleutel, t, naam),
  }))
}

/** The comparison after a 412, organisations and samenwerkingen by name. */
export function ScenarioConflict({ staat, onKeuze }: { staat: ConflictStaat<Concept>; onKeuze: (sleutel: string, keuze: Keuze) => void }) {
  const { t } = useTranslation('scenarios')
  const organisaties = useOpties('organisaties')
  const samenwerkingen = useOpties('samenwerkingen')
  const naamVan = (oid: string) => [...(organisaties.data ?? []), ...(samenwerkingen.data ?? [])].find((o) => o.id === oid)?.naam ?? oid
  return <Conflictvergelijking staat={staat} rijen={scenarioRijen(staat.mijn, staat.ander, t, naamVan)} onKeuze={onKeuze} />
}
