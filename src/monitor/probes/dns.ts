// The DNS controle: does the name resolve (to what is expected)? It asks the system's
// DNS servers directly (not /etc/hosts), as the koppeling's partner would. No connection
// is made, so the address policy does not apply.

import { Resolver } from 'node:dns/promises'
import { msg } from '../../domain/errors.js'
import type { DnsControle, ProbeOpties } from '../typen.js'
import type { Deadline } from './deadline.js'
import { dnsFout } from './fouten.js'
import { fout, geslaagd, type Resultaat } from './resultaat.js'

async function vraag(r: Resolver, c: DnsControle): Promise<string[]> {
  switch (c.type) {
    case 'A':
      return r.resolve4(c.naam)
    case 'AAAA':
      return r.resolve6(c.naam)
    case 'CNAME':
      return r.resolveCname(c.naam)
    case 'MX':
      return (await r.resolveMx(c.naam)).map((m) => `${m.priority} ${m.exchange}`)
    case 'TXT':
      return (await r.resolveTxt(c.naam)).map((delen) => delen.join(''))
  }
}

/** Names compare without case and trailing dot; an MX answer also matches on its host alone. */
const normaal = (s: string) => s.trim().toLowerCase().replace(/\.$/, '')
const komtOvereen = (antwoord: string, verwacht: string, type: DnsControle['type']) =>
  type === 'TXT'
    ? antwoord === verwacht
    : normaal(antwoord) === normaal(verwacht) || (type === 'MX' && normaal(antwoord.split(' ')[1] ?? '') === normaal(verwacht))

export async function dnsProbe(c: DnsControle, opties: ProbeOpties, deadline: Deadline): Promise<Resultaat> {
  deadline.fase = 'dns'
  const resolver = new Resolver({ timeout: Math.max(1, Math.min(c.timeoutMs, 5000)), tries: 2 })
  if (opties.dnsServers?.length) resolver.setServers(opties.dnsServers)
  let antwoorden: string[]
  try {
    antwoorden = await deadline.race(vraag(resolver, c))
  } catch (e) {
    return dnsFout(e, c.naam, deadline)
  } finally {
    // Pending queries would otherwise keep their sockets until c-ares gives up.
    resolver.cancel()
  }
  const details = { antwoorden }
  if (c.verwacht !== undefined && !antwoorden.some((a) => komtOvereen(a, c.verwacht as string, c.type)))
    return fout(
      'fout-inhoud',
      msg(
        `${c.naam} (${c.type}) wijst niet naar ${c.verwacht} maar naar ${antwoorden.join(', ')}.`,
        `${c.naam} (${c.type}) does not point to ${c.verwacht} but to ${antwoorden.join(', ')}.`,
      ),
      details,
    )
  return geslaagd(
    msg(`${c.naam} (${c.type}) wijst naar ${antwoorden.join(', ')}.`, `${c.naam} (${c.type}) resolves to ${antwoorden.join(', ')}.`),
    details,
  )
}
