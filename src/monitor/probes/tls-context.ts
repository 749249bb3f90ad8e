// Secure contexts shared between probes. Building one with an extra CA means parsing all
// of Node's ~140 root certificates again: about 20 ms of CPU per probe, which at
// thousands of probes per minute is most of the work. The same CA and client certificate
// give the same context, so it is built once; the cache is bounded because the PEMs
// come from the controles.

import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls'
import type { ClientCertificaat } from '../typen.js'

const MAX = 256
const cache = new Map<string, SecureContext>()

/** Undefined when Node's default context will do (no extra CA, no client certificate). */
export function tlsContext(caPem: string | undefined, client: ClientCertificaat | undefined): SecureContext | undefined {
  if (!caPem && !client) return undefined
  const sleutel = `${caPem ?? ''}\u0000${client?.certPem ?? ''}\u0000${client?.keyPem ?? ''}`
  const bekend = cache.get(sleutel)
  if (bekend) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(sleutel)
    cache.set(sleutel, bekend)
    return bekend
  }
  const context = createSecureContext({
    ...(caPem ? { ca: [...rootCertificates, caPem] } : {}),
    ...(client ? { cert: client.certPem, key: client.keyPem } : {}),
  })
  cache.set(sleutel, context)
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string)
  return context
}
