import type { TFunction } from 'i18next'
import type { Foutmelding } from '../../components/error-summary'
import { eindpuntVelden, labelSleutel, type Veld } from './velden'

// Where a problem+json field path (`naam`, `leden[0].organisatieId`, `afnemerIds[2]`)
// belongs in the form: which element to jump to and how to name it in the summary.

export type Fouten = Record<string, string>

export const domId = (...delen: (string | number)[]) => `veld-${delen.join('-')}`

/** Messages for exactly these paths. */
export function foutVoor(fouten: Fouten, ...paden: string[]): string | undefined {
  const m = paden.map((p) => fouten[p]).filter(Boolean)
  return m.length ? m.join(' ') : undefined
}

/** Messages for a list field and each of its items (`afnemerIds`, `afnemerIds[1]`). */
export function foutOnder(fouten: Fouten, naam: string): string | undefined {
  const m = Object.entries(fouten)
    .filter(([k]) => k === naam || new RegExp(`^${naam}\\[\\d+\\]$`).test(k))
    .map(([, v]) => v)
  return m.length ? m.join(' ') : undefined
}

function veldVan(velden: Veld[], top: string): Veld | undefined {
  return velden.find((v) => v.naam === top || (v.soort === 'eindpunt' && Object.values(eindpuntVelden(v.kant)).includes(top)))
}

export function foutmeldingen(velden: Veld[], fouten: Fouten, t: TFunction): Foutmelding[] {
  return Object.entries(fouten).map(([pad, melding]) => {
    const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(pad)
    const veld = m?.[1] ? veldVan(velden, m[1]) : undefined
    if (!m || !veld) return { label: pad ? t(`registry:veld.${pad}`, { defaultValue: pad }) : t('registry:formulier'), melding }
    const index = m[2] === undefined ? undefined : Number(m[2])
    const sub = m[3]
    const label = t(`registry:${labelSleutel(veld)}`)
    if (veld.soort === 'rijen' && index !== undefined) {
      const rij = t(`registry:rij.${veld.rij}`, { nummer: index + 1 })
      const subVeld = veld.velden.find((v) => v.naam === sub)
      if (sub)
        return {
          doel: domId(veld.naam, index, sub),
          label: `${rij}: ${t(`registry:${subVeld ? labelSleutel(subVeld) : `veld.${sub}`}`)}`,
          melding,
        }
      return { doel: domId(veld.naam, index), label: rij, melding }
    }
    if (veld.soort === 'teksten' && index !== undefined) {
      return { doel: domId(veld.naam, index), label: t(`registry:rij.${veld.rij}`, { nummer: index + 1 }), melding }
    }
    // What a toegang opens: the control of the kind's own field (the applicatie, the zone's name or owner).
    if (veld.soort === 'toegangobject' && sub && sub !== 'soort') {
      return { doel: domId(veld.naam, sub), label: `${label}: ${t(`registry:toegangObject.${sub === 'id' ? 'object' : sub}`)}`, melding }
    }
    return { doel: domId(veld.naam), label, melding }
  })
}
