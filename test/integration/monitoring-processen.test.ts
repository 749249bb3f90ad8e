import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'
import { buildApplicatie, buildKoppeling, buildOrganisatie } from '../helpers/factories.js'

// The scheduler as an operator runs it: `regiekamer controle uitvoeren` as a child
// process, and — on a real PostgreSQL — two `regiekamer serve` processes sharing the
// controles through leases in the database: every due controle probed once, by one of
// them; one killed while it holds leases, the other taking its controles over once the
// leases run out.

const TIMEOUT = 120_000
const AANTAL = 24

let db: DbConfig
let doel: http.Server
let poort = 0
/** Hits per path at the target, and how the target answers. */
const hits = new Map<string, number>()
let modus: 'ok' | 'traag' | 'hangen' = 'ok'
const kinderen: ChildProcess[] = []

beforeAll(async () => {
  doel = http.createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1)
    if (modus === 'hangen') return
    setTimeout(() => res.writeHead(200).end('ok'), modus === 'traag' ? 1500 : 0)
  })
  await new Promise<void>((r) => doel.listen(0, '127.0.0.1', r))
  poort = (doel.address() as AddressInfo).port
  db = await freshDatabaseConfig()
  const { handle } = await openMigrated(db)
  try {
    const s = createServices(handle.db)
    const actor = cliActor('test')
    const org = await s.organisaties.create(actor, buildOrganisatie({ type: 'overig', naam: 'Regie' }))
    const a = await s.applicaties.create(actor, buildApplicatie({ inGebruikBij: [org.id] }))
    const b = await s.applicaties.create(actor, buildApplicatie({ inGebruikBij: [org.id] }))
    const k = await s.koppelingen.create(actor, buildKoppeling({ eigenaarId: org.id, bronApplicatieId: a.id, doelApplicatieId: b.id }))
    for (let i = 0; i < AANTAL; i++)
      await s.controles.create(actor, {
        naam: `Controle ${String(i).padStart(2, '0')}`,
        koppelingId: k.id,
        soort: 'http',
        url: `http://127.0.0.1:${poort}/c/${i}`,
        intervalSeconden: 3600,
        timeoutMs: 2000,
      })
  } finally {
    await handle.close()
  }
}, TIMEOUT)

afterAll(async () => {
  for (const k of kinderen) k.kill('SIGKILL')
  await new Promise<void>((r) => doel.close(() => r()))
  doel.closeAllConnections()
  await db?.drop()
})

describe('regiekamer controle uitvoeren', () => {
  it(
    'runs one controle now, records the meting and prints the outcome in Dutch; exit 2 when it fails, 1 for an unknown controle',
    async () => {
      const env = { MONITOR_LOOPBACK_TOEGESTAAN: 'true' }
      const ok = await runCli(db, ['controle', 'uitvoeren', 'Controle 00'], { env, killAfterMs: TIMEOUT - 5000 })
      expect(ok.stderr).toBe('')
      expect(ok.code).toBe(0)
      expect(ok.stdout).toContain('Controle 00 (http)')
      expect(ok.stdout).toMatch(/Geslaagd \(geslaagd\) in \d+ ms/)
      expect(ok.stdout).toContain('HTTP-status: 200')

      // Without the operator's permission loopback is out of reach: refused before connecting.
      const voor = hits.get('/c/1') ?? 0
      const verboden = await runCli(db, ['controle', 'uitvoeren', 'controle 01'], { killAfterMs: TIMEOUT - 5000 })
      expect(verboden.code).toBe(2)
      expect(verboden.stdout).toContain('Mislukt (verboden-adres)')
      expect(hits.get('/c/1') ?? 0).toBe(voor)

      const onbekend = await runCli(db, ['controle', 'uitvoeren', 'Bestaat niet'], { env, killAfterMs: TIMEOUT - 5000 })
      expect(onbekend.code).toBe(1)
      expect(onbekend.stderr).toContain('Geen controle met id of naam "Bestaat niet"')
      expect(onbekend.stderr).not.toMatch(/\bat .*\.ts:\d+/)

      const json = await runCli(db, ['controle', 'uitvoeren', 'Controle 02', '--json'], { env, killAfterMs: TIMEOUT - 5000 })
      expect(JSON.parse(json.stdout)).toMatchObject({ controle: { naam: 'Controle 02' }, uitkomst: { geslaagd: true, soort: 'geslaagd' } })

      const { handle } = await openMigrated(db)
      try {
        const metingen = await handle.db.selectFrom('meting').select(['controle_id', 'soort']).execute()
        expect(metingen.map((m) => m.soort).sort()).toEqual(['geslaagd', 'geslaagd', 'verboden-adres'])
      } finally {
        await handle.close()
      }
    },
    TIMEOUT,
  )
})

function serve(naam: string): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ['bin/regiekamer.js', '--database-url', db.databaseUrl as string, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      MONITOR_LOOPBACK_TOEGESTAAN: 'true',
      MONITOR_LEASE_MARGE_SECONDEN: '1',
      MONITOR_GELIJKTIJDIG: '6',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  kinderen.push(child)
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    out += d
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${naam} did not start:\n${out}`)), 60_000)
    child.stdout?.on('data', () => {
      if (/\(API: http:\/\/[^\s)]+\/api\/v1\)/.test(out)) {
        clearTimeout(timer)
        resolve({ child, pid: child.pid as number })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${naam} exited with ${code}:\n${out}`))
    })
  })
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('two Regiekamer processes on one PostgreSQL', () => {
  it(
    'share the due controles without probing one twice, and one takes over the leases of the other after it dies',
    async () => {
      const { handle } = await openMigrated(db)
      const d = handle.db
      try {
        await d.deleteFrom('meting').execute()
        await d.deleteFrom('controle_toestand').execute()
        hits.clear()
        modus = 'traag'
        const a = await serve('A')
        const b = await serve('B')
        // Both make state rows (first due within the hour): bring every controle forward.
        await expect
          .poll(async () => (await d.selectFrom('controle_toestand').select('controle_id').execute()).length, { timeout: 30_000 })
          .toBe(AANTAL)
        await d
          .updateTable('controle_toestand')
          .set({ volgende_op: new Date(Date.now() - 1000) })
          .execute()

        // While the target answers slowly, both hold leases at the same time.
        const houders = new Set<string>()
        await expect
          .poll(
            async () => {
              for (const r of await d.selectFrom('controle_toestand').select('lease_door').where('lease_door', 'is not', null).execute())
                houders.add((r.lease_door as string).split(':')[1] as string)
              return houders.size
            },
            { timeout: 30_000, interval: 100 },
          )
          .toBe(2)
        expect([...houders].sort()).toEqual([String(a.pid), String(b.pid)].sort())
        await expect
          .poll(async () => (await d.selectFrom('meting').select('controle_id').execute()).length, { timeout: 30_000 })
          .toBe(AANTAL)
        // Every controle probed exactly once: no double probing.
        for (let i = 0; i < AANTAL; i++) expect(hits.get(`/c/${i}`), `/c/${i}`).toBe(1)

        // A dies while it holds leases on probes that hang; B takes those controles over when the leases run out.
        modus = 'hangen'
        await d
          .updateTable('controle_toestand')
          .set({ volgende_op: new Date(Date.now() - 1000) })
          .execute()
        let vanA: string[] = []
        await expect
          .poll(
            async () => {
              vanA = (await d.selectFrom('controle_toestand').select(['controle_id', 'lease_door']).execute())
                .filter((r) => r.lease_door?.split(':')[1] === String(a.pid))
                .map((r) => r.controle_id)
              return vanA.length
            },
            { timeout: 30_000, interval: 50 },
          )
          .toBeGreaterThan(0)
        a.child.kill('SIGKILL')
        modus = 'ok'
        await expect
          .poll(async () => (await d.selectFrom('meting').select('controle_id').where('controle_id', 'in', vanA).execute()).length, {
            timeout: 45_000,
          })
          .toBe(vanA.length * 2)
        const na = await d.selectFrom('meting').select(['controle_id']).execute()
        expect(na.length).toBe(AANTAL * 2)
        b.child.kill('SIGTERM')
      } finally {
        await handle.close()
      }
    },
    TIMEOUT,
  )
})
