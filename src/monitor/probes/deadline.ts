// One clock for the whole probe (DNS, connect, TLS, response, body, every redirect):
// a per-phase timeout lets a slow server stretch a probe to several times its limit.
// The phase is remembered so a time-out can say where the time went.

import { type Message, msg } from '../../domain/errors.js'

export type Fase = 'dns' | 'verbinden' | 'tls' | 'antwoord' | 'lezen'

const FASE: Record<Fase, Message> = {
  dns: msg('bij het opzoeken van de naam (DNS)', 'while resolving the name (DNS)'),
  verbinden: msg('bij het verbinden', 'while connecting'),
  tls: msg('bij de TLS-handdruk', 'during the TLS handshake'),
  antwoord: msg('wachtend op het antwoord', 'waiting for the response'),
  lezen: msg('bij het lezen van het antwoord', 'while reading the response'),
}

export class Deadline {
  readonly #controller = new AbortController()
  readonly #timer: NodeJS.Timeout
  fase: Fase = 'dns'

  constructor(readonly ms: number) {
    this.#timer = setTimeout(() => this.#controller.abort(), ms)
  }

  get signal(): AbortSignal {
    return this.#controller.signal
  }

  get verlopen(): boolean {
    return this.#controller.signal.aborted
  }

  reden(): Message {
    const f = FASE[this.fase]
    return msg(`Geen antwoord binnen ${this.ms} ms (${f.nl}).`, `No answer within ${this.ms} ms (${f.en}).`)
  }

  /** Calls `opruimen` when the deadline passes; the returned function unhooks it (so listeners never pile up). */
  bijVerlopen(opruimen: () => void): () => void {
    if (this.verlopen) {
      opruimen()
      return () => {}
    }
    this.#controller.signal.addEventListener('abort', opruimen, { once: true })
    return () => this.#controller.signal.removeEventListener('abort', opruimen)
  }

  /** Rejects when the deadline passes first, for work that cannot be cancelled (getaddrinfo). */
  race<T>(werk: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const los = this.bijVerlopen(() => reject(new TijdOp()))
      werk.then(
        (v) => {
          los()
          resolve(v)
        },
        (e) => {
          los()
          reject(e)
        },
      )
    })
  }

  stop(): void {
    clearTimeout(this.#timer)
  }
}

export class TijdOp extends Error {
  constructor() {
    super('deadline')
    this.name = 'TijdOp'
  }
}
