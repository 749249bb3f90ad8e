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
  demo: boolean
  sessionIdleMinutes: number
  sessionMaxHours: number
  rateLimitPerMinute: number
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
    demo: overrides.demo ?? env.DEMO === 'true',
    sessionIdleMinutes: overrides.sessionIdleMinutes ?? int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES ?? '30', 1, 24 * 60),
    sessionMaxHours: overrides.sessionMaxHours ?? int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS ?? '12', 1, 24 * 30),
    rateLimitPerMinute: overrides.rateLimitPerMinute ?? int('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE ?? '1200', 10, 10_000_000),
  }
}
