// From a host name to the one address the probe will connect to. Every address the name
// resolves to must pass the policy: a name that also points at a forbidden address is
// refused as a whole (a mix is how DNS-rebinding and metadata tricks look). The caller
// connects to the returned address itself, so no second lookup can swap it.

import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { AdresOpties } from '../typen.js'
import { adresToegestaan } from '../veilig-adres.js'
import type { Deadline } from './deadline.js'
import { dnsFout } from './fouten.js'
import { fout, type Resultaat } from './resultaat.js'

export type Opgelost = { ok: true; adres: string } | { ok: false; resultaat: Resultaat }

/** `host` as in URL.hostname: IPv6 literals may come with brackets. */
export async function oplossen(host: string, opties: AdresOpties, deadline: Deadline): Promise<Opgelost> {
  const kaal = host.replace(/^\[|\]$/g, '')
  deadline.fase = 'dns'
  let adressen: string[]
  if (isIP(kaal)) adressen = [kaal]
  else {
    try {
      const gevonden = await deadline.race(lookup(kaal, { all: true, verbatim: true }))
      adressen = gevonden.map((a) => a.address)
    } catch (e) {
      return { ok: false, resultaat: dnsFout(e, kaal, deadline) }
    }
  }
  if (adressen.length === 0) return { ok: false, resultaat: dnsFout({ code: 'ENOTFOUND' }, kaal, deadline) }
  for (const adres of adressen) {
    const oordeel = adresToegestaan(adres, opties)
    if (!oordeel.ok) return { ok: false, resultaat: fout('verboden-adres', oordeel.reden, { adres }) }
  }
  return { ok: true, adres: adressen[0] as string }
}
