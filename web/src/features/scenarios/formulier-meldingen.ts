import type { TFunction } from 'i18next'
import type { Foutmelding } from '../../components/error-summary'
import type { Concept } from './concept'
import { domId, type Fouten } from './formulier-velden'

// Where each message of a save goes: to the field it names, else to the group it belongs
// to, and all of them, labelled, into the summary on top.

/** The fields that can carry a message, with their labels for the summary. */
function veldLabels(c: Concept, t: TFunction): [string, string][] {
  const velden: [string, string][] = [
    ['naam', t('formulier.naam')],
    ['omschrijving', t('formulier.omschrijving')],
    ['samenwerkingId', t('formulier.samenwerking')],
    ['toelichting', t('formulier.toelichting')],
    ['invoer.gezamenlijk.eenmalig', t('formulier.gezamenlijkEenmalig')],
    ['invoer.gezamenlijk.jaarlijks', t('formulier.gezamenlijkJaarlijks')],
    ['invoer.verdeling.maatstaf', t('formulier.maatstaf')],
    ['invoer.verdeling.componenten[0].regel.maatstaf', t('formulier.maatstaf')],
    ['invoer.verdeling.componenten[0].aandeel', t('formulier.mixAandeel')],
    ['invoer.horizonJaren', t('formulier.horizon')],
    ['invoer.disconteringsvoet', t('formulier.voet')],
    ['invoer.startjaar', t('formulier.startjaar')],
  ]
  c.deelnemers.forEach((_, i) => {
    const rij = t('formulier.deelnemer', { nummer: i + 1 })
    velden.push(
      [`invoer.deelnemers[${i}].organisatieId`, `${rij}: ${t('formulier.organisatie')}`],
      [`invoer.deelnemers[${i}].huidigeKosten.eenmalig`, `${rij}: ${t('formulier.huidigEenmalig')}`],
      [`invoer.deelnemers[${i}].huidigeKosten.jaarlijks`, `${rij}: ${t('formulier.huidigJaarlijks')}`],
      [`invoer.verdeling.percentages[${i}].percentage`, `${rij}: ${t('formulier.percentage')}`],
      [`invoer.maatstaven[${i}].waarde`, `${rij}: ${t('formulier.maatstafwaarde')}`],
    )
  })
  return velden
}

/** Messages about a participant row as a whole (a key naming it, a missing measure) go to its organisation field. */
function naarRij(fouten: Fouten): Fouten {
  const fijn: Fouten = { ...fouten }
  for (const [k, v] of Object.entries(fouten)) {
    const m = /^invoer\.(?:verdeling\.percentages|maatstaven)\[(\d+)\]\.(?:deelnemerId|organisatieId)$/.exec(k)
    if (m) {
      const doel = `invoer.deelnemers[${m[1]}].organisatieId`
      fijn[doel] = fijn[doel] ? `${fijn[doel]} ${v}` : v
      delete fijn[k]
    }
  }
  return fijn
}

export interface FormulierMeldingen {
  /** Messages by the field that shows them. */
  fijn: Fouten
  /** The fields that show their own message; a group shows the rest. */
  getoond: Set<string>
  /** Every message, labelled, for the summary. */
  meldingen: Foutmelding[]
}

export function formulierMeldingen(c: Concept, fouten: Fouten, t: TFunction): FormulierMeldingen {
  const velden = veldLabels(c, t)
  const fijn = naarRij(fouten)
  const getoond = new Set(velden.map(([v]) => v))
  const bekend = new Map(velden)
  const meldingen: Foutmelding[] = Object.entries(fijn).map(([veld, melding]) => {
    if (bekend.has(veld)) return { doel: domId(veld), label: bekend.get(veld) as string, melding }
    if (veld.startsWith('invoer.verdeling')) return { doel: domId('invoer.verdeling'), label: t('formulier.sleutel'), melding }
    if (veld.startsWith('invoer.deelnemers') || veld.startsWith('invoer.maatstaven'))
      return { doel: domId('invoer.deelnemers'), label: t('formulier.deelnemers'), melding }
    return { label: veld, melding }
  })
  return { fijn, getoond, meldingen }
}

/** Messages the fields do not show themselves, for the group they belong to. */
export function groepsfout(fouten: Fouten, prefix: string, getoond: Set<string>): string | undefined {
  const los = Object.entries(fouten).filter(
    ([k]) => !getoond.has(k) && (k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`)),
  )
  return los.length ? los.map(([, v]) => v).join(' ') : undefined
}
