import path from 'node:path'
import { configError, msg } from './domain/errors.js'

// All configuration comes from the environment (and CLI flags that override it),
// validated once at start-up into one typed object.

export interface Config {
  host: string
  port: number
  dataDir: string
  databaseUrl: string | undefined
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  bodyLimitBytes: number
  publicUrl: string
  /**
   * Whether PUBLIC_URL was given. Without it publicUrl is a guess (http://localhost:PORT),
   * good for local links but not for the OpenAPI document, which then names the
   * relative server `/api/v1`.
   */
  publicUrlSet: boolean
  demo: boolean
  sessionIdleMinutes: number
  sessionMaxHours: number
  rateLimitPerMinute: number
  /** OpenID Connect login; undefined (off) when OIDC_ISSUER is not set. */
  oidc: OidcConfig | undefined
  monitor: MonitorConfig
}

/** Link monitoring (issue 14): where probes may go, how many at once, how long results are kept, the mail server. */
export interface MonitorConfig {
  /** MONITOR=uit: this process probes nothing (another may). */
  actief: boolean
  /** MONITOR_LOOPBACK_TOEGESTAAN=true: probes may reach 127.0.0.0/8 and ::1. */
  loopbackToegestaan: boolean
  /** MONITOR_PRIVE_TOEGESTAAN=true: probes may reach private ranges (10/8, 172.16/12, 192.168/16, fc00::/7). */
  priveToegestaan: boolean
  gelijktijdig: number
  leaseMargeMs: number
  ruweMetingenDagen: number
  rollupMaanden: number
  smtp: { url: string; van: string } | undefined
}

function loadMonitorConfig(env: NodeJS.ProcessEnv): MonitorConfig {
  const janee = (naam: string): boolean => {
    const v = env[naam]?.trim().toLowerCase()
    if (v === undefined || v === '' || v === 'false' || v === 'nee') return false
    if (v === 'true' || v === 'ja') return true
    throw configError(msg(`${naam} moet true of false zijn, niet "${env[naam]}".`, `${naam} must be true or false, not "${env[naam]}".`))
  }
  const actief = (env.MONITOR ?? 'aan').trim().toLowerCase()
  if (!['aan', 'uit', 'on', 'off'].includes(actief))
    throw configError(
      msg(`MONITOR moet aan of uit zijn, niet "${env.MONITOR}".`, `MONITOR must be aan (on) or uit (off), not "${env.MONITOR}".`),
    )
  const smtpUrl = env.SMTP_URL?.trim()
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    throw configError(msg('SMTP_URL moet beginnen met smtp:// of smtps://.', 'SMTP_URL must start with smtp:// or smtps://.'))
  if (smtpUrl && !env.SMTP_VAN?.trim())
    throw configError(
      msg(
        'SMTP_URL is gezet, maar SMTP_VAN (het afzenderadres) ontbreekt.',
        'SMTP_URL is set, but SMTP_VAN (the sender address) is missing.',
      ),
    )
  return {
    actief: actief === 'aan' || actief === 'on',
    loopbackToegestaan: janee('MONITOR_LOOPBACK_TOEGESTAAN'),
    priveToegestaan: janee('MONITOR_PRIVE_TOEGESTAAN'),
    gelijktijdig: int('MONITOR_GELIJKTIJDIG', env.MONITOR_GELIJKTIJDIG ?? '32', 1, 1000),
    leaseMargeMs: int('MONITOR_LEASE_MARGE_SECONDEN', env.MONITOR_LEASE_MARGE_SECONDEN ?? '30', 1, 3600) * 1000,
    ruweMetingenDagen: int('MONITOR_METINGEN_DAGEN', env.MONITOR_METINGEN_DAGEN ?? '30', 1, 3650),
    rollupMaanden: int('MONITOR_ROLLUPS_MAANDEN', env.MONITOR_ROLLUPS_MAANDEN ?? '24', 1, 240),
    smtp: smtpUrl ? { url: smtpUrl, van: (env.SMTP_VAN ?? '').trim() } : undefined,
  }
}

export interface OidcConfig {
  issuer: string
  clientId: string
  /** Absent for a public client: PKCE alone then protects the code exchange. */
  clientSecret: string | undefined
  scopes: string
  /** ID-token claim with "rol@organisatie" strings, e.g. "beheerder@GM0402" or "admin". */
  rollenClaim: string
  /** Group name (from the "groups" claim) → "rol@organisatie" strings. */
  rolmapping: Record<string, string[]>
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export type ConfigOverrides = Partial<Config>

function int(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw configError(
      msg(
        `${name} moet een geheel getal tussen ${min} en ${max} zijn, niet "${raw}".`,
        `${name} must be an integer between ${min} and ${max}, not "${raw}".`,
      ),
    )
  }
  return Number(raw)
}

/** localhost, 127.x.x.x or [::1] (as URL.hostname writes it). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

function parseRolmapping(raw: string | undefined): Record<string, string[]> {
  if (!raw?.trim()) return {}
  const invalid = () =>
    configError(
      msg(
        'OIDC_ROLMAPPING moet een JSON-object zijn van groepsnaam naar "rol@organisatie" (of een lijst daarvan), bijvoorbeeld {"grp-im-hilversum":"beheerder@GM0402"}.',
        'OIDC_ROLMAPPING must be a JSON object from group name to "rol@organisatie" (or a list of those), e.g. {"grp-im-hilversum":"beheerder@GM0402"}.',
      ),
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw invalid()
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid()
  const mapping: Record<string, string[]> = {}
  for (const [group, value] of Object.entries(parsed)) {
    const values = Array.isArray(value) ? value : [value]
    if (values.some((v) => typeof v !== 'string' || !v.trim())) throw invalid()
    mapping[group] = values as string[]
  }
  return mapping
}

/** OpenID Connect settings; all optional, OIDC is off while OIDC_ISSUER is unset. */
export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim()
  if (!issuer) return undefined
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    throw configError(msg(`OIDC_ISSUER is geen geldige URL: "${issuer}".`, `OIDC_ISSUER is not a valid URL: "${issuer}".`))
  }
  // Tokens and keys travel over this connection: plain http only to a provider on this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw configError(
      msg(
        'OIDC_ISSUER moet met https:// beginnen (http:// mag alleen voor een provider op loopback, zoals in tests).',
        'OIDC_ISSUER must start with https:// (http:// is allowed only for a provider on loopback, as in tests).',
      ),
    )
  }
  const clientId = env.OIDC_CLIENT_ID?.trim()
  if (!clientId) {
    throw configError(msg('OIDC_ISSUER is gezet, maar OIDC_CLIENT_ID ontbreekt.', 'OIDC_ISSUER is set, but OIDC_CLIENT_ID is missing.'))
  }
  const scopes = (env.OIDC_SCOPES?.trim() || 'openid profile email').split(/\s+/)
  if (!scopes.includes('openid')) {
    throw configError(msg('OIDC_SCOPES moet de scope openid bevatten.', 'OIDC_SCOPES must contain the scope openid.'))
  }
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    scopes: scopes.join(' '),
    rollenClaim: env.OIDC_ROLLEN_CLAIM?.trim() || 'regiekamer_rollen',
    rolmapping: parseRolmapping(env.OIDC_ROLMAPPING),
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const port = overrides.port ?? int('PORT', env.PORT ?? '8080', 0, 65535)
  const host = overrides.host ?? env.HOST ?? '127.0.0.1'
  const logLevel = overrides.logLevel ?? env.LOG_LEVEL ?? 'info'
  if (!LOG_LEVELS.includes(logLevel as Config['logLevel'])) {
    throw configError(msg(`LOG_LEVEL moet een van ${LOG_LEVELS.join(', ')} zijn.`, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`))
  }
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined)
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw configError(
      msg('DATABASE_URL moet beginnen met postgres:// of postgresql://.', 'DATABASE_URL must start with postgres:// or postgresql://.'),
    )
  }
  const publicUrl = overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`
  try {
    new URL(publicUrl)
  } catch {
    throw configError(msg(`PUBLIC_URL is geen geldige URL: "${publicUrl}".`, `PUBLIC_URL is not a valid URL: "${publicUrl}".`))
  }
  return {
    host,
    port,
    dataDir: path.resolve(overrides.dataDir ?? env.DATA_DIR ?? './data'),
    databaseUrl,
    logLevel: logLevel as Config['logLevel'],
    bodyLimitBytes: overrides.bodyLimitBytes ?? int('BODY_LIMIT', env.BODY_LIMIT ?? String(1024 * 1024), 1024, 100 * 1024 * 1024),
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlSet: (overrides.publicUrl ?? env.PUBLIC_URL) !== undefined,
    demo: overrides.demo ?? env.DEMO === 'true',
    sessionIdleMinutes: overrides.sessionIdleMinutes ?? int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES ?? '30', 1, 24 * 60),
    sessionMaxHours: overrides.sessionMaxHours ?? int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS ?? '12', 1, 24 * 30),
    rateLimitPerMinute: overrides.rateLimitPerMinute ?? int('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE ?? '1200', 10, 10_000_000),
    oidc: 'oidc' in overrides ? overrides.oidc : loadOidcConfig(env),
    monitor: overrides.monitor ?? loadMonitorConfig(env),
  }
}
