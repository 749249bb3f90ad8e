import type { TFunction } from 'i18next'
import { formatDatum } from '../../i18n/format'
import type { BewijsEis, BewijsSoort } from './api'

// Lists and evidence in words, in the UI's language: "A, B of C", and the evidence that
// would fix a finding ("een ISO 27001-certificaat of ISAE 3402 type II-verklaring van …,
// geldig op 7 december 2026").

/** "A, B en C" / "A, B or C": `voegwoord` is the key of the joining word (lijst.en, lijst.of). */
export function lijst(t: TFunction, delen: readonly string[], voegwoord: 'en' | 'of'): string {
  if (delen.length <= 1) return delen.join('')
  return `${delen.slice(0, -1).join(', ')} ${t(`lijst.${voegwoord}`)} ${delen[delen.length - 1]}`
}

export const bewijsNaam = (t: TFunction, soort: BewijsSoort): string => t(`bewijs.${soort}`)

export const bewijsOf = (t: TFunction, soorten: readonly BewijsSoort[]): string =>
  lijst(
    t,
    soorten.map((s) => bewijsNaam(t, s)),
    'of',
  )

/** The evidence that would fix a finding, as one sentence: "Een verwerkersovereenkomst, getekend met Hilversum, geldig op 7 december 2026". */
export function bewijsEis(
  t: TFunction,
  eis: BewijsEis | (Omit<BewijsEis, 'geldigOp'> & { peildatum?: string }),
  naamVan: (id: string) => string,
): string {
  const geldigOp = 'geldigOp' in eis ? eis.geldigOp : eis.peildatum
  const voorwaarden = [
    ...(geldigOp ? [t('bewijsEis.geldigOp', { datum: formatDatum(geldigOp) })] : []),
    ...(eis.uitgegevenVanaf ? [t('bewijsEis.uitgegevenVanaf', { datum: formatDatum(eis.uitgegevenVanaf) })] : []),
  ]
  const delen = [
    t('bewijsEis.wat', { lijst: bewijsOf(t, eis.eenVan) }),
    ...(eis.getekendMetId ? [t('bewijsEis.getekendMet', { organisatie: naamVan(eis.getekendMetId) })] : []),
    ...(voorwaarden.length ? [lijst(t, voorwaarden, 'en')] : []),
  ]
  const zin = delen.join(', ')
  return zin.charAt(0).toUpperCase() + zin.slice(1)
}
