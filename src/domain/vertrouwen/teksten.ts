import { type Message, msg } from '../errors.js'
import type { BewijsSoort, Ernst } from './typen.js'

// The words the findings use for evidence and severity, in Dutch and English.

export const BEWIJS_NAAM: Record<BewijsSoort, Message> = {
  iso27001: msg('ISO 27001-certificaat', 'ISO 27001 certificate'),
  'isae3402-type2': msg('ISAE 3402 type II-verklaring', 'ISAE 3402 type II report'),
  'soc2-type2': msg('SOC 2 type II-rapport', 'SOC 2 type II report'),
  verwerkersovereenkomst: msg('verwerkersovereenkomst', 'data processing agreement'),
  geheimhoudingsverklaring: msg('geheimhoudingsverklaring', 'confidentiality agreement'),
  pentest: msg('pentestrapport', 'penetration test report'),
  ensia: msg('ENSIA-verantwoording', 'ENSIA statement'),
  'digid-assessment': msg('DigiD-assessment', 'DigiD assessment'),
  'suwinet-assessment': msg('Suwinet-assessment', 'Suwinet assessment'),
}

export const ERNST_NAAM: Record<Ernst, Message> = {
  hoog: msg('hoog', 'high'),
  middel: msg('middel', 'medium'),
  laag: msg('laag', 'low'),
}

/** "A, B of C" / "A, B or C". */
export function ofLijst(soorten: readonly BewijsSoort[]): Message {
  return lijst(
    soorten.map((s) => BEWIJS_NAAM[s]),
    msg('of', 'or'),
  )
}

/** "A, B en C" / "A, B and C". */
export function enLijst(delen: readonly Message[]): Message {
  return lijst(delen, msg('en', 'and'))
}

function lijst(delen: readonly Message[], voegwoord: Message): Message {
  const taal = (t: 'nl' | 'en') => {
    const woorden = delen.map((d) => d[t])
    if (woorden.length <= 1) return woorden.join('')
    return `${woorden.slice(0, -1).join(', ')} ${voegwoord[t]} ${woorden[woorden.length - 1]}`
  }
  return msg(taal('nl'), taal('en'))
}
