import { useTranslation } from 'react-i18next'
import { CONTROLE_SOORTEN, MELDING_GEBEURTENISSEN, MELDINGSKANAAL_SOORTEN, WEBHOOK_FORMATEN } from '../../../src/domain/monitoring/invoer'
import { BEWIJS_SOORTEN } from '../../../src/domain/vertrouwen/typen'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  DECLARATIE_STATUSSEN,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  KOSTEN_CATEGORIEEN,
  KOSTEN_SOORTEN,
  ORGANISATIE_TYPES,
  SAMENWERKING_VORMEN,
} from '../../../src/domain/vocabulary'
import { TOEGANG_OBJECT_SOORTEN } from '../features/registry/velden'
import type waarden from './messages/waarden'

// A vocabulary value as a person reads it in the UI's language: "structureel" is
// "recurring" in English. The API keeps the value; only what is shown changes.

export type Lijst = keyof (typeof waarden)['nl']

/** Each labelled list and the vocabulary it labels (waarden.test.ts holds them together). */
export const LIJSTEN: Record<Lijst, readonly string[]> = {
  organisatieType: ORGANISATIE_TYPES,
  samenwerkingVorm: SAMENWERKING_VORMEN,
  hosting: APPLICATIE_HOSTING,
  applicatieStatus: APPLICATIE_STATUSSEN,
  koppelingType: KOPPELING_TYPES,
  richting: KOPPELING_RICHTINGEN,
  koppelingStatus: KOPPELING_STATUSSEN,
  biv: BIV_NIVEAUS,
  kostenSoort: KOSTEN_SOORTEN,
  kostenCategorie: KOSTEN_CATEGORIEEN,
  declaratieStatus: DECLARATIE_STATUSSEN,
  bewijsSoort: BEWIJS_SOORTEN,
  toegangObjectSoort: TOEGANG_OBJECT_SOORTEN,
  controleSoort: CONTROLE_SOORTEN,
  meldingskanaalSoort: MELDINGSKANAAL_SOORTEN,
  webhookFormaat: WEBHOOK_FORMATEN,
  meldingGebeurtenis: MELDING_GEBEURTENISSEN,
}

/** The list a field's values come from: the same array, else the first list that has the value. */
export function lijstVan(waarden: readonly string[] | undefined, waarde: string): Lijst | undefined {
  const alle = Object.entries(LIJSTEN) as [Lijst, readonly string[]][]
  return (alle.find(([, l]) => l === waarden) ?? alle.find(([, l]) => l.includes(waarde)))?.[0]
}

/** `label(waarde, waarden?)`: the value's label; a value of no list is shown as it is. */
export function useWaardeLabel() {
  const { t } = useTranslation('waarden')
  return (waarde: unknown, waarden?: readonly string[]): string => {
    const w = waarde === undefined || waarde === null ? '' : String(waarde)
    const lijst = w ? lijstVan(waarden, w) : undefined
    if (!lijst) return w
    // The whole list as an object, indexed by the value: values are no i18next keys ("A→B", spaces).
    const labels = t(lijst, { returnObjects: true }) as unknown as Record<string, string>
    return labels[w] ?? w
  }
}
