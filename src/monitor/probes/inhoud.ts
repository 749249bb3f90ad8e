// Does the body show what the controle expects? Pure: the HTTP probe hands it at most
// maxBytes of text.

import { isDeepStrictEqual } from 'node:util'
import { type Message, msg } from '../../domain/errors.js'
import type { BodyControle } from '../typen.js'

/** Undefined when the body passes, otherwise why not. */
export function toetsInhoud(controle: BodyControle, tekst: string): Message | undefined {
  if (controle.soort === 'tekst-bevat') {
    if (tekst.includes(controle.tekst)) return undefined
    return msg(`Het antwoord bevat de tekst '${controle.tekst}' niet.`, `The response does not contain the text '${controle.tekst}'.`)
  }
  let json: unknown
  try {
    json = JSON.parse(tekst)
  } catch {
    return msg('Het antwoord is geen geldige JSON.', 'The response is not valid JSON.')
  }
  const gevonden = jsonPointer(json, controle.pointer)
  if (!gevonden.ok)
    return msg(`Het antwoord heeft geen waarde op ${controle.pointer}.`, `The response has no value at ${controle.pointer}.`)
  if (isDeepStrictEqual(gevonden.waarde, controle.waarde)) return undefined
  const kort = (v: unknown) => {
    const s = JSON.stringify(v) ?? String(v)
    return s.length > 80 ? `${s.slice(0, 77)}...` : s
  }
  return msg(
    `Op ${controle.pointer} staat ${kort(gevonden.waarde)}, verwacht ${kort(controle.waarde)}.`,
    `At ${controle.pointer} the response has ${kort(gevonden.waarde)}, expected ${kort(controle.waarde)}.`,
  )
}

/** RFC 6901. */
export function jsonPointer(doc: unknown, pointer: string): { ok: true; waarde: unknown } | { ok: false } {
  if (pointer === '') return { ok: true, waarde: doc }
  if (!pointer.startsWith('/')) return { ok: false }
  let huidig: unknown = doc
  for (const ruw of pointer.slice(1).split('/')) {
    const sleutel = ruw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(huidig)) {
      if (!/^(0|[1-9]\d*)$/.test(sleutel) || Number(sleutel) >= huidig.length) return { ok: false }
      huidig = huidig[Number(sleutel)]
    } else if (huidig !== null && typeof huidig === 'object' && Object.hasOwn(huidig, sleutel)) {
      huidig = (huidig as Record<string, unknown>)[sleutel]
    } else return { ok: false }
  }
  return { ok: true, waarde: huidig }
}
