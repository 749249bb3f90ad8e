import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { GebruikerInvoer } from '../../src/schemas/toegang.js'
import { AuthService } from '../../src/services/auth-service.js'
import { GebruikersService } from '../../src/services/gebruikers-service.js'
import { createServices } from '../../src/services/index.js'
import { freshDatabaseConfig } from '../helpers/database.js'

// `regiekamer gebruiker toevoegen` as a person runs it: the first admin's way in.

const ROOT = path.resolve(import.meta.dirname, '../..')
type DbConfig = Awaited<ReturnType<typeof freshDatabaseConfig>>
let db: DbConfig

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const dbArgs = db.databaseUrl ? ['--database-url', db.databaseUrl] : ['--data-dir', db.dataDir]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/regiekamer.js'), ...dbArgs, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('close', (code) => resolve({ code, out }))
  })
}

async function canLogIn(gebruikersnaam: string, wachtwoord: string): Promise<string[]> {
  const { handle } = await openMigrated(db)
  try {
    const sessie = await new AuthService(handle.db, { idleMinuten: 30, maxUren: 12 }).login(gebruikersnaam, wachtwoord, 'test')
    return sessie.gebruiker.rollen.map((r) => r.rol)
  } finally {
    await handle.close()
  }
}

beforeAll(async () => {
  db = await freshDatabaseConfig()
  const { handle } = await openMigrated(db)
  await seedDemo(createServices(handle.db), { naam: 'test', herkomst: 'test' })
  await handle.close()
})
afterAll(async () => db?.drop())

describe('regiekamer gebruiker toevoegen', () => {
  it('adds an admin with a generated password shown once, who can then sign in', async () => {
    const run = await cli(['gebruiker', 'toevoegen', 'Eerste.Admin', '--naam', 'Eerste admin', '--admin'])
    expect(run.code).toBe(0)
    const password = /Tijdelijk wachtwoord \(wordt niet opnieuw getoond\): (\S+)/.exec(run.out)?.[1]
    expect(password).toBeTruthy()
    expect(await canLogIn('eerste.admin', password as string)).toEqual(['admin'])
  })

  it('adds roles at organisations named by CBS code, with the password from REGIEKAMER_WACHTWOORD', async () => {
    const run = await cli(['gebruiker', 'toevoegen', 'im-hilversum', '--rol', 'beheerder@GM0402', '--rol', 'lezer@GM1696'], {
      REGIEKAMER_WACHTWOORD: 'een-lang-wachtwoord',
    })
    expect(run.code).toBe(0)
    expect(run.out).not.toContain('Tijdelijk wachtwoord')
    expect((await canLogIn('im-hilversum', 'een-lang-wachtwoord')).sort()).toEqual(['beheerder', 'lezer'])
  })

  it('lists users and changes roles, status and password', async () => {
    const list = await cli(['gebruiker', 'lijst'])
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/im-hilversum\t.*\tactief\t.*beheerder@Hilversum/)
    const change = await cli(['gebruiker', 'wijzigen', 'im-hilversum', '--rol', 'auditor@GM0377', '--nieuw-wachtwoord'], {
      REGIEKAMER_WACHTWOORD: 'nog-een-lang-wachtwoord',
    })
    expect(change.code).toBe(0)
    expect(await canLogIn('im-hilversum', 'nog-een-lang-wachtwoord')).toEqual(['auditor'])
    const off = await cli(['gebruiker', 'wijzigen', 'im-hilversum', '--inactief'])
    expect(off.code).toBe(0)
    await expect(canLogIn('im-hilversum', 'nog-een-lang-wachtwoord')).rejects.toThrow()
    const missing = await cli(['gebruiker', 'wijzigen', 'niemand', '--actief'])
    expect(missing.code).toBe(1)
    expect(missing.out).toContain('bestaat niet')
  })

  it('ends the sessions and revokes the API tokens of a user who gets a new password or is deactivated, and says so', async () => {
    // A user with a session and a token, as from the web UI; and what is still valid of what it had.
    const { handle } = await openMigrated(db)
    let wachtwoord = 'een-lang-wachtwoord'
    try {
      await new GebruikersService(handle.db).create(
        { naam: 'test', herkomst: 'test' },
        { gebruikersnaam: 'script-gebruiker', naam: 'Script', wachtwoord, rollen: [] },
        GebruikerInvoer,
      )
    } finally {
      await handle.close()
    }
    const access = async () => {
      const opened = await openMigrated(db)
      try {
        const a = new AuthService(opened.handle.db, { idleMinuten: 30, maxUren: 12 })
        const sessie = await a.login('script-gebruiker', wachtwoord, 'test')
        const caller = (await a.sessionCaller(sessie.token))?.caller
        if (!caller) throw new Error('no session')
        const { token } = await a.createToken(caller, 'test', {
          naam: 'script',
          scopes: ['lezen'],
          verlooptOp: new Date(Date.now() + 86_400_000),
        })
        return { sessie: sessie.token, token }
      } finally {
        await opened.handle.close()
      }
    }
    const stillValid = async (a: { sessie: string; token: string }) => {
      const opened = await openMigrated(db)
      try {
        const x = new AuthService(opened.handle.db, { idleMinuten: 30, maxUren: 12 })
        return { sessie: Boolean(await x.sessionCaller(a.sessie)), token: Boolean(await x.tokenCaller(a.token)) }
      } finally {
        await opened.handle.close()
      }
    }
    const first = await access()
    const reset = await cli(['gebruiker', 'wijzigen', 'script-gebruiker', '--nieuw-wachtwoord'], {
      REGIEKAMER_WACHTWOORD: 'nog-een-lang-wachtwoord',
    })
    expect(reset.code).toBe(0)
    expect(reset.out).toContain('1 sessie(s) beëindigd, 1 API-token(s) ingetrokken')
    expect(await stillValid(first)).toEqual({ sessie: false, token: false })

    wachtwoord = 'nog-een-lang-wachtwoord'
    await access()
    const off = await cli(['gebruiker', 'wijzigen', 'script-gebruiker', '--inactief'])
    expect(off.code).toBe(0)
    expect(off.out).toContain('1 sessie(s) beëindigd, 1 API-token(s) ingetrokken')
  })

  it('refuses unknown organisations, unknown roles, short passwords and taken names with a clear message', async () => {
    const org = await cli(['gebruiker', 'toevoegen', 'x-user', '--rol', 'beheerder@GM9999'])
    expect(org.code).toBe(1)
    expect(org.out).toContain('Organisatie "GM9999" bestaat niet')
    const rol = await cli(['gebruiker', 'toevoegen', 'x-user', '--rol', 'baas@GM0402'])
    expect(rol.code).toBe(1)
    expect(rol.out).toContain('gebruik rol@organisatie')
    const short = await cli(['gebruiker', 'toevoegen', 'x-user', '--admin'], { REGIEKAMER_WACHTWOORD: 'kort' })
    expect(short.code).toBe(1)
    expect(short.out).toContain('wachtwoord')
    const taken = await cli(['gebruiker', 'toevoegen', 'IM-Hilversum', '--admin'])
    expect(taken.code).toBe(1)
    expect(taken.out).toContain('al in gebruik')
    for (const r of [org, rol, short, taken]) expect(r.out).not.toMatch(/\n\s+at /)
  })
})
