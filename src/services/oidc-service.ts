import { randomBytes, timingSafeEqual } from 'node:crypto'
import * as client from 'openid-client'
import { isLoopbackHost, type OidcConfig } from '../config.js'
import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type Gebruiker, gebruikers } from '../db/repos/gebruikers.js'
import { oidcAanvragen } from '../db/repos/oidc-aanvragen.js'
import { organisatieSleutels } from '../db/repos/registry.js'
import type { Roltoekenning } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import { AppError, configError, msg } from '../domain/errors.js'
import { hasUnstorableText } from '../domain/storable.js'
import { LIMITS } from '../domain/vocabulary.js'
import { type AuthService, type NieuweSessie, sha256 } from './auth-service.js'
import { gevraagdeRollen, soortVerwijzing } from './oidc-rollen.js'

// Signing in at an OpenID provider (Entra ID, Keycloak, …): authorization code flow
// with PKCE, state and nonce. The provider says who someone is and, through claims,
// which roles they hold; Regiekamer finds the user by (issuer, subject), creates it on
// first sign-in, replaces its roles on every sign-in and opens a normal session.
// A local account is never linked by user name or e-mail: the provider could then take
// over an account it does not own.

/** How long a started sign-in may take before the callback is refused. */
const AANVRAAG_MINUTEN = 10

/** Logs what an administrator should know; the route passes the request's logger. */
export type Waarschuw = (bericht: string, details?: Record<string, unknown>) => void

export interface OidcStart {
  /** The provider's authorization endpoint to send the browser to. */
  url: string
  /** Random value for an HttpOnly cookie: ties the callback to this browser. */
  sleutel: string
}

function unknownAttempt(): AppError {
  return new AppError(
    'ongeldige-invoer',
    400,
    msg('Onbekende inlogpoging', 'Unknown sign-in attempt'),
    msg(
      'Deze terugkeer van de identiteitsprovider hoort niet bij een lopende inlogpoging in deze browser: verlopen, al gebruikt of aangepast. Begin opnieuw bij /api/v1/oidc/inloggen.',
      'This return from the identity provider does not belong to a sign-in in progress in this browser: expired, already used or altered. Start again at /api/v1/oidc/inloggen.',
    ),
  )
}

function providerFailed(): AppError {
  return new AppError(
    'niet-ingelogd',
    401,
    msg('Inloggen mislukt', 'Sign-in failed'),
    msg(
      'Inloggen via de identiteitsprovider is mislukt of geweigerd. Probeer het opnieuw; blijft het misgaan, neem dan contact op met uw beheerder.',
      'Signing in through the identity provider failed or was refused. Try again; if it keeps failing, contact your administrator.',
    ),
  )
}

function providerUnreachable(): AppError {
  return new AppError(
    'interne-fout',
    502,
    msg('Identiteitsprovider onbereikbaar', 'Identity provider unreachable'),
    msg(
      'De identiteitsprovider is nu niet bereikbaar of niet goed ingesteld. Probeer het later opnieuw; de fout is gelogd.',
      'The identity provider cannot be reached now or is misconfigured. Try again later; the error was logged.',
    ),
  )
}

function refused(detail: { nl: string; en: string }): AppError {
  return new AppError('geen-toestemming', 403, msg('Geen toegang', 'No access'), detail)
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() && v.trim().length <= max ? v.trim() : undefined

/** A user name as the local accounts have them: 3–100 of letters, digits and . _ @ + -. */
function gebruikersnaamUit(claims: client.IDToken): string {
  const raw = text(claims.preferred_username, 200) ?? text(claims.email, 200) ?? claims.sub
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9._@+-]/g, '-')
    .slice(0, 90)
  return name.length >= 3 ? name : `oidc-${name}`
}

export class OidcService {
  readonly redirectUri: string
  private configuratie: Promise<client.Configuration> | undefined

  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    private readonly instellingen: OidcConfig,
    publicUrl: string,
  ) {
    this.redirectUri = `${publicUrl}/api/v1/oidc/terugkeer`
  }

  /**
   * The provider's metadata and keys, discovered on first use rather than at start-up:
   * Regiekamer starts while the provider is down, and a failed discovery is retried on
   * the next sign-in.
   */
  private provider(waarschuw: Waarschuw): Promise<client.Configuration> {
    if (!this.configuratie) {
      const { issuer, clientId, clientSecret } = this.instellingen
      const url = new URL(issuer)
      const plainHttp = url.protocol === 'http:'
      if (plainHttp && !isLoopbackHost(url.hostname)) {
        throw configError(msg('OIDC_ISSUER moet met https:// beginnen.', 'OIDC_ISSUER must start with https://.'))
      }
      this.configuratie = client
        .discovery(
          url,
          clientId,
          undefined,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          // openid-client refuses http:// outright; allowed only for a provider on
          // loopback (the in-test provider), which config and the check above enforce.
          plainHttp ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((err: unknown) => {
          this.configuratie = undefined
          waarschuw('OpenID-provider niet bereikbaar of discovery mislukt', { err, issuer })
          throw providerUnreachable()
        })
    }
    return this.configuratie
  }

  /** Starts a sign-in: remembers state, nonce and PKCE verifier, returns where to go. */
  async start(waarschuw: Waarschuw): Promise<OidcStart> {
    const config = await this.provider(waarschuw)
    const sleutel = randomBytes(32).toString('base64url')
    const state = client.randomState()
    const nonce = client.randomNonce()
    const codeVerifier = client.randomPKCECodeVerifier()
    await oidcAanvragen.create(this.db, sha256(sleutel), {
      state,
      nonce,
      codeVerifier,
      verlooptOp: new Date(Date.now() + AANVRAAG_MINUTEN * 60_000),
    })
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.instellingen.scopes,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    })
    return { url: url.href, sleutel }
  }

  /**
   * Finishes a sign-in from the provider's callback: checks that it belongs to the
   * attempt this browser started (once only), exchanges the code, validates the ID
   * token, brings the user and its roles up to date and opens a session.
   */
  async finish(sleutel: string | undefined, query: string, herkomst: string, waarschuw: Waarschuw): Promise<NieuweSessie> {
    if (!sleutel) throw unknownAttempt()
    // Deleted as it is read: a callback can be used once, also when it fails.
    const aanvraag = await oidcAanvragen.take(this.db, sha256(sleutel))
    const state = new URLSearchParams(query).get('state') ?? ''
    if (!aanvraag || aanvraag.verlooptOp <= new Date() || !sameText(state, aanvraag.state)) throw unknownAttempt()

    const config = await this.provider(waarschuw)
    // The URL the provider redirected to, as configured: behind a proxy the request's
    // own host may differ, and the token endpoint compares redirect_uri exactly.
    const callback = new URL(this.redirectUri)
    callback.search = query
    let claims: client.IDToken | undefined
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: aanvraag.codeVerifier,
        expectedState: aanvraag.state,
        expectedNonce: aanvraag.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch (err) {
      waarschuw('Inloggen via OpenID Connect mislukt', { err })
      throw providerFailed()
    }
    if (!claims) throw providerFailed()
    // Claims that are stored, looked up or written to the audit log must be storable
    // text: U+0000 or a lone surrogate would be a database error (or a changed value).
    const gelezen = [claims.sub, claims.preferred_username, claims.email, claims.name, claims[this.instellingen.rollenClaim], claims.groups]
    if (hasUnstorableText(gelezen)) {
      waarschuw('Inloggen via OpenID Connect geweigerd: een claim bevat U+0000 of een losse surrogaat', { iss: claims.iss })
      throw providerFailed()
    }
    return this.signIn(claims, herkomst, waarschuw)
  }

  private async signIn(claims: client.IDToken, herkomst: string, waarschuw: Waarschuw): Promise<NieuweSessie> {
    const rollen = await this.toegekendeRollen(claims, waarschuw)
    let outcome: Awaited<ReturnType<OidcService['syncUser']>>
    try {
      outcome = await this.syncUser(claims, rollen, herkomst)
    } catch (err) {
      // Two first sign-ins of the same person at once: the second finds the first's user.
      if ((err as { code?: string }).code !== '23505') throw err
      outcome = await this.syncUser(claims, rollen, herkomst)
    }
    if ('weigering' in outcome) throw refused(outcome.weigering)
    return this.auth.startSession(outcome.gebruiker.id, herkomst)
  }

  /** The roles the claims ask for at organisations that exist; the rest is logged and ignored. */
  private async toegekendeRollen(claims: client.IDToken, waarschuw: Waarschuw): Promise<Roltoekenning[]> {
    const { rollen, ongeldig } = gevraagdeRollen(claims, this.instellingen)
    for (const o of ongeldig) waarschuw('OIDC-rol genegeerd', { sub: claims.sub, rol: o.tekst, reden: o.fout })
    const ids = await this.organisatieIds(rollen.flatMap((r) => (r.organisatie ? [r.organisatie] : [])))
    const toegekend = new Map<string, Roltoekenning>()
    for (const r of rollen) {
      const organisatieId = r.organisatie ? ids.get(r.organisatie) : undefined
      if (r.organisatie && !organisatieId) {
        waarschuw('OIDC-rol genegeerd: onbekende organisatie', { sub: claims.sub, rol: r.rol, organisatie: r.organisatie })
        continue
      }
      const t: Roltoekenning = organisatieId ? { organisatieId, rol: r.rol } : { rol: r.rol }
      toegekend.set(`${t.rol}|${t.organisatieId ?? ''}`, t)
    }
    return [...toegekend.values()]
  }

  /** Organisation references (CBS code, OIN or id) → ids of organisations that exist. */
  private async organisatieIds(verwijzingen: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>()
    if (verwijzingen.length === 0) return found
    const by = (soort: ReturnType<typeof soortVerwijzing>) => verwijzingen.filter((v) => soortVerwijzing(v) === soort)
    const ids = by('id').map((v) => v.toLowerCase())
    const oins = by('oin')
    const codes = by('cbsCode').map((v) => v.toUpperCase())
    const rows = await organisatieSleutels(this.db, { ids, oins, cbsCodes: codes })
    for (const v of verwijzingen) {
      const row = rows.find((r) => {
        const soort = soortVerwijzing(v)
        if (soort === 'id') return r.id === v.toLowerCase()
        if (soort === 'oin') return r.oin === v
        return r.cbs_code === v.toUpperCase()
      })
      if (row) found.set(v, row.id)
    }
    return found
  }

  /**
   * Finds or creates the user and makes name, e-mail and roles what the provider says,
   * all in one transaction with its audit entries. A refusal is returned, not thrown,
   * so that its audit entry and the removed roles are committed.
   */
  private async syncUser(
    claims: client.IDToken,
    rollen: Roltoekenning[],
    herkomst: string,
  ): Promise<{ gebruiker: Gebruiker } | { weigering: { nl: string; en: string } }> {
    const issuer = claims.iss
    const bron = `oidc:${new URL(issuer).host}`
    const naam = text(claims.name, LIMITS.naam)
    const email = text(claims.email, 200)
    return this.db.transaction().execute(async (trx) => {
      const audit = (actor: string, actie: AuditActie, objectId: string, resultaat: string, voor: unknown, na: unknown) =>
        auditlog.append(trx, { actor, herkomst, actie, objecttype: 'gebruiker', objectId, resultaat, voor, na })
      let g = await gebruikers.findByOidc(trx, issuer, claims.sub)
      if (!g && rollen.length === 0) {
        // No account for someone who may do nothing here: the user list stays the people who work with it.
        await audit(gebruikersnaamUit(claims), 'inloggen', '-', 'geweigerd', null, { reden: 'geen-rollen', sub: claims.sub })
        return { weigering: geenRollen() }
      }
      if (!g) {
        const gebruikersnaam = await this.vrijeGebruikersnaam(trx, gebruikersnaamUit(claims), `${issuer}|${claims.sub}`)
        g = await gebruikers.insert(trx, {
          gebruikersnaam,
          naam: naam ?? gebruikersnaam,
          email,
          oidcIssuer: issuer,
          oidcSubject: claims.sub,
          rollen,
        })
        await audit(bron, 'aanmaken', g.id, 'geslaagd', null, g)
      } else if (changed(g, { naam: naam ?? g.naam, email, rollen })) {
        await gebruikers.update(trx, g.id, { naam: naam ?? g.naam, email: email ?? null })
        await gebruikers.setRollen(trx, g.id, rollen)
        const voor = g
        g = (await gebruikers.findById(trx, g.id)) as Gebruiker
        await audit(bron, 'wijzigen', g.id, 'geslaagd', voor, g)
      }
      if (!g.actief) {
        await audit(g.gebruikersnaam, 'inloggen', g.id, 'geweigerd', null, { reden: 'inactief' })
        return {
          weigering: msg(
            'Dit account is in Regiekamer uitgeschakeld. Neem contact op met uw beheerder.',
            'This account is disabled in Regiekamer. Contact your administrator.',
          ),
        }
      }
      if (rollen.length === 0) {
        await audit(g.gebruikersnaam, 'inloggen', g.id, 'geweigerd', null, { reden: 'geen-rollen' })
        return { weigering: geenRollen() }
      }
      await gebruikers.recordLogin(trx, g.id)
      await audit(g.gebruikersnaam, 'inloggen', g.id, 'geslaagd', null, { via: 'oidc', rollen })
      return { gebruiker: g }
    })
  }

  /** The wanted name, or with a suffix from the subject when a (local) account already has it. */
  private async vrijeGebruikersnaam(trx: Database, wanted: string, subject: string): Promise<string> {
    if (!(await gebruikers.findIdByGebruikersnaam(trx, wanted))) return wanted
    return `${wanted.slice(0, 80)}-${sha256(subject).slice(0, 8)}`
  }
}

function geenRollen() {
  return msg(
    'Uw account bij de identiteitsprovider heeft geen (geldige) rol in Regiekamer. Vraag uw beheerder om een rol toe te kennen.',
    'Your account at the identity provider has no (valid) role in Regiekamer. Ask your administrator to grant one.',
  )
}

const rolKey = (rollen: Roltoekenning[]) =>
  rollen
    .map((r) => `${r.rol}|${r.organisatieId ?? ''}`)
    .sort()
    .join(',')

function changed(g: Gebruiker, wanted: { naam: string; email: string | undefined; rollen: Roltoekenning[] }): boolean {
  return g.naam !== wanted.naam || (g.email ?? undefined) !== wanted.email || rolKey(g.rollen) !== rolKey(wanted.rollen)
}
