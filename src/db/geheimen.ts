import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { configError, msg } from '../domain/errors.js'

// Secrets at rest (issue 14): a controle's secret headers and client key, a webhook's URL.
// AES-256-GCM with a key from the environment (GEHEIMSLEUTEL: 32 bytes as 64 hex digits or
// base64). On the embedded database without that variable the key is a file in the data
// folder (created once, mode 0600), so `npm start` works out of the box; a backup of that
// folder then holds the key too, which docs/monitoring.md says. On PostgreSQL without a
// key nothing secret can be stored: such a write is refused at its field.
//
// One key per process: the runtime sets it when it opens the database, before any write.

const VERSIE = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const BESTAND = 'geheimsleutel'

let sleutel: Buffer | undefined

/** The key in GEHEIMSLEUTEL, or undefined when the variable is not set; a malformed one stops start-up. */
export function leesSleutelUitOmgeving(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const raw = env.GEHEIMSLEUTEL?.trim()
  if (!raw) return undefined
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32)
    throw configError(
      msg(
        'GEHEIMSLEUTEL moet 32 bytes zijn: 64 hexadecimale tekens of base64 (bijvoorbeeld uit `openssl rand -hex 32`).',
        'GEHEIMSLEUTEL must be 32 bytes: 64 hexadecimal characters or base64 (for example from `openssl rand -hex 32`).',
      ),
    )
  return key
}

/** The key file in an embedded database's data folder, made on first use. */
export async function sleutelUitDatamap(dataDir: string): Promise<Buffer> {
  const bestand = path.join(dataDir, BESTAND)
  try {
    const hex = (await fs.readFile(bestand, 'utf8')).trim()
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  const nieuw = randomBytes(32)
  await fs.writeFile(bestand, `${nieuw.toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (e) => {
    // Another process made it first: use that one.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  })
  return Buffer.from((await fs.readFile(bestand, 'utf8')).trim(), 'hex')
}

export function stelSleutelIn(key: Buffer | undefined): void {
  sleutel = key
}

export const heeftSleutel = (): boolean => sleutel !== undefined

/** version | iv | tag | ciphertext of the JSON of `waarde`. */
export function versleutel(waarde: unknown): Buffer {
  if (!sleutel) throw new Error('geen geheimsleutel ingesteld')
  const iv = randomBytes(IV_BYTES)
  const c = createCipheriv('aes-256-gcm', sleutel, iv)
  const data = Buffer.concat([c.update(JSON.stringify(waarde), 'utf8'), c.final()])
  return Buffer.concat([Buffer.from([VERSIE]), iv, c.getAuthTag(), data])
}

/** The value, or undefined when there is no key or the blob was made with another key (or altered). */
export function ontsleutel<T>(blob: Buffer | Uint8Array | null | undefined): T | undefined {
  if (!blob || !sleutel) return undefined
  const b = Buffer.from(blob)
  if (b.length < 1 + IV_BYTES + TAG_BYTES || b[0] !== VERSIE) return undefined
  try {
    const d = createDecipheriv('aes-256-gcm', sleutel, b.subarray(1, 1 + IV_BYTES))
    d.setAuthTag(b.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES))
    const tekst = Buffer.concat([d.update(b.subarray(1 + IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8')
    return JSON.parse(tekst) as T
  } catch {
    return undefined
  }
}
