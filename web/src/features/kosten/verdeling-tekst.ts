import { decimaalTekst } from '../../../../src/domain/getallen'
import type { InvalidParam } from '../../api/client'

// Reading the allocation's numbers and messages for display, exactly.

/** teller/noemer as a percentage with `decimalen` decimals, rounded half up, exactly. */
export function breukAlsPercentage(teller: string, noemer: string, taal: string, decimalen = 2): string {
  const n = BigInt(noemer)
  const schaal = 10n ** BigInt(decimalen)
  const t = BigInt(teller) * 100n * schaal
  const afgerond = (2n * t + n) / (2n * n)
  const heel = afgerond / schaal
  const rest = (afgerond % schaal).toString().padStart(decimalen, '0')
  return decimaalTekst(`${heel}.${rest}`, taal)
}

interface Ontbrekend {
  maatstaf: string
  organisatieId: string
  naam: string
  jaar: string
}

/** A missing measure as the API words it: "Maatstaf 'werkplekken' ontbreekt voor Hilversum (<id>) in 2027." */
export function leesOntbrekend(p: InvalidParam): Ontbrekend | undefined {
  if (p.code !== 'maatstaf-ontbreekt') return undefined
  const m = /'([^']+)'.*?\b(?:voor|for) (.+?) \(([0-9a-fA-F-]{36})\).*?(\d{4})\D*$/.exec(p.reason)
  if (!m) return undefined
  return { maatstaf: m[1] as string, naam: m[2] as string, organisatieId: m[3] as string, jaar: m[4] as string }
}
