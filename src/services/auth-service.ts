import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import argon2 from 'argon2'
import type { Database } from '../db/database.js'
import { apiTokens, setupLinks } from '../db/repos/api-tokens.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type Gebruiker, gebruikers } from '../db/repos/gebruikers.js'
import { sessies } from '../db/repos/sessies.js'
import type { Caller, Roltoekenning } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import { AppError, msg } from '../domain/errors.js'
import type { TokenScope } from '../domain/vocabulary.js'

// Signing in: passwords (argon2id), server-side sessions with idle and absolute
// timeouts, API tokens, login back-off and the one-time setup link. Every secret handed
// out is random, shown once and stored only as a SHA-256 hash.

export interface SessieInstellingen {
  idleMinuten: number
  maxUren: number
}

export interface NieuweSessie {
  token: string
  csrfToken: string
  verlooptOp: Date
  gebruiker: Gebruiker
}

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const
const FREE_ATTEMPTS = 5
const MAX_BLOCK_MINUTES = 60

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2)
}

export const WACHTWOORD_MIN_LENGTE = 12

export function loginFailed(): AppError {
  return new AppError(
    'niet-ingelogd',
    401,
    msg('Inloggen mislukt', 'Sign-in failed'),
    msg(
      'Onjuiste gebruikersnaam of wachtwoord, of het account is tijdelijk geblokkeerd. Probeer het later opnieuw.',
      'Incorrect user name or password, or the account is temporarily blocked. Try again later.',
    ),
  )
}

/** Minutes an account stays blocked after this many failures in a row (0: not blocked). */
export function blockMinutes(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0
  return Math.min(MAX_BLOCK_MINUTES, 2 ** (failures - FREE_ATTEMPTS))
}

export class AuthService {
  // Verified against when the user does not exist, so both paths take as long.
  private readonly dummyHash: Promise<string> = hashPassword(randomBytes(16).toString('hex'))
  private readonly tokenTouched = new Map<string, number>()

  constructor(
    private readonly db: Database,
    private readonly instellingen: SessieInstellingen,
  ) {}

  async callerFor(gebruikerId: string, via: Caller['via'], scopes: Caller['scopes']): Promise<Caller | undefined> {
    const g = await gebruikers.findById(this.db, gebruikerId)
    if (!g?.actief) return undefined
    return { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, rollen: g.rollen, scopes, via }
  }

  async login(gebruikersnaam: string, wachtwoord: string, herkomst: string): Promise<NieuweSessie> {
    const g = await gebruikers.loginGegevens(this.db, gebruikersnaam)
    const hash = g?.wachtwoordHash ?? (await this.dummyHash)
    const correct = await argon2.verify(hash, wachtwoord).catch(() => false)
    const blocked = g?.geblokkeerdTot && g.geblokkeerdTot > new Date()
    if (!g?.wachtwoordHash || !g.actief || blocked || !correct) {
      if (g && !blocked) {
        const minutes = blockMinutes(g.misluktePogingen + 1)
        await gebruikers.recordFailedLogin(this.db, g.id, minutes > 0 ? new Date(Date.now() + minutes * 60_000) : null)
      }
      await this.audit(gebruikersnaam.toLowerCase(), herkomst, 'inloggen', g?.id ?? '-', 'geweigerd')
      throw loginFailed()
    }
    await gebruikers.recordLogin(this.db, g.id)
    await this.audit(gebruikersnaam.toLowerCase(), herkomst, 'inloggen', g.id, 'geslaagd')
    return this.startSession(g.id, herkomst)
  }

  /** A new session for a user who proved who they are (password or OpenID Connect). */
  async startSession(gebruikerId: string, herkomst: string): Promise<NieuweSessie> {
    const token = secret('rks_')
    const csrfToken = randomBytes(24).toString('base64url')
    const verlooptOp = new Date(Date.now() + this.instellingen.maxUren * 3_600_000)
    await sessies.create(this.db, { tokenHash: sha256(token), gebruikerId, csrfToken, herkomst, verlooptOp })
    const gebruiker = (await gebruikers.findById(this.db, gebruikerId)) as Gebruiker
    return { token, csrfToken, verlooptOp, gebruiker }
  }

  /** The caller behind a session cookie, or undefined when it is unknown or timed out. */
  async sessionCaller(token: string): Promise<{ caller: Caller; csrfToken: string } | undefined> {
    const hash = sha256(token)
    // Every use is recorded (one statement, no extra round trip), so idle time counts
    // from the real last use rather than from a throttled write.
    const s = await sessies.use(this.db, hash, this.instellingen.idleMinuten * 60)
    if (!s) {
      await sessies.remove(this.db, hash)
      return undefined
    }
    const caller = await this.callerFor(s.gebruikerId, 'sessie', 'alle')
    return caller ? { caller, csrfToken: s.csrfToken } : undefined
  }

  async logout(token: string): Promise<void> {
    await sessies.remove(this.db, sha256(token))
  }

  async tokenCaller(token: string): Promise<Caller | undefined> {
    const t = await apiTokens.findValid(this.db, sha256(token))
    if (!t) return undefined
    // Record use at most once a minute per token: reads should not all become writes.
    const now = Date.now()
    if (now - (this.tokenTouched.get(t.id) ?? 0) > 60_000) {
      this.tokenTouched.set(t.id, now)
      await apiTokens.touch(this.db, t.id)
    }
    return this.callerFor(t.gebruikerId, 'token', t.scopes)
  }

  async createToken(caller: Caller, herkomst: string, input: { naam: string; scopes: TokenScope[]; verlooptOp: Date }) {
    const token = secret('rkt_')
    const created = await apiTokens.create(this.db, {
      gebruikerId: caller.gebruikerId,
      naam: input.naam,
      tokenHash: sha256(token),
      voorvoegsel: token.slice(0, 10),
      scopes: input.scopes,
      verlooptOp: input.verlooptOp,
    })
    await this.audit(caller.gebruikersnaam, herkomst, 'token-aanmaken', created.id, 'geslaagd', null, created)
    return { ...created, token }
  }

  listTokens(caller: Caller) {
    return apiTokens.listFor(this.db, caller.gebruikerId)
  }

  async revokeToken(caller: Caller, herkomst: string, id: string) {
    const revoked = await apiTokens.revoke(this.db, caller.gebruikerId, id)
    if (revoked) await this.audit(caller.gebruikersnaam, herkomst, 'token-intrekken', id, 'geslaagd', null, revoked)
    return revoked
  }

  /** Creates a one-time link for the first administrator, valid for a day. */
  async createSetupLink(): Promise<string> {
    const token = secret('rku_')
    await setupLinks.create(this.db, sha256(token), new Date(Date.now() + 24 * 3_600_000))
    return token
  }

  async useSetupLink(token: string): Promise<boolean> {
    if (!token || (await gebruikers.count(this.db)) > 0) return false
    return setupLinks.use(this.db, sha256(token))
  }

  private async audit(
    actor: string,
    herkomst: string,
    actie: AuditActie,
    objectId: string,
    resultaat: string,
    voor: unknown = null,
    na: unknown = null,
  ) {
    await this.db
      .transaction()
      .execute((trx) => auditlog.append(trx, { actor, herkomst, actie, objecttype: 'gebruiker', objectId, resultaat, voor, na }))
  }
}

/** Constant-time comparison for CSRF tokens. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export type { Roltoekenning }
