import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Insertable } from 'kysely'
import { chromium } from 'playwright-core'
// @ts-expect-error plain JavaScript module without types
import { buildWeb } from '../bin/build-web.js'
import { buildApp } from '../src/api/app.js'
import type { Database } from '../src/db/database.js'
import { analyzeDatabase } from '../src/db/repos/maintenance.js'
import type { ApplicatieGebruikerTable, ApplicatieTable, KoppelingTable, OrganisatieTable } from '../src/db/schema.js'
import type { Caller } from '../src/domain/access.js'
import { BIV_NIVEAUS, LANDELIJKE_VOORZIENINGEN } from '../src/domain/vocabulary.js'
import { openMigrated } from '../src/runtime.js'
import { GebruikerInvoer } from '../src/schemas/toegang.js'
import { GebruikersService } from '../src/services/gebruikers-service.js'
import { LandschapService } from '../src/services/landschap-service.js'
import { machineDescription, writeResultsSection } from './results.js'

// The landschap with ~2 000 nodes: how long GET /landschap takes to compute (against a
// page of the applicaties list, the registry's ordinary read, measured in the same
// run), and whether the page stays responsive in Debian Chromium: time until the
// graph is drawn, and from a click on a node until its details show.
// Run: npx tsx bench/landschap.ts

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const SIZES = { gemeenten: 20, applicaties: 1950, voorzieningen: 30, koppelingen: 4000 }
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const WACHTWOORD = 'bench-wachtwoord-landschap'

function seededRandom(seed: number) {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return s / 2 ** 31
  }
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}
const f = (n: number) => n.toFixed(1)

async function seed(db: Database) {
  const random = seededRandom(42)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T
  const gemeenten: Insertable<OrganisatieTable>[] = Array.from({ length: SIZES.gemeenten }, (_, i) => ({
    id: randomUUID(),
    type: 'overig',
    naam: `Bench-gemeente ${i + 1}`,
    inwoners: '[]',
  }))
  const gemeenteIds = gemeenten.map((g) => g.id as string)
  const samenwerkingId = randomUUID()
  const gastheerschapId = randomUUID()
  const apps: Insertable<ApplicatieTable>[] = Array.from({ length: SIZES.applicaties }, (_, i) => ({
    id: randomUUID(),
    naam: `Applicatie ${i + 1}`,
    hosting: 'SaaS',
    status: 'in productie',
    status_historie: '[]',
  }))
  const appIds = apps.map((a) => a.id as string)
  const gebruik: Insertable<ApplicatieGebruikerTable>[] = appIds.flatMap((id) => {
    const a = pick(gemeenteIds)
    const b = pick(gemeenteIds)
    return a === b
      ? [{ applicatie_id: id, organisatie_id: a, positie: 0 }]
      : [
          { applicatie_id: id, organisatie_id: a, positie: 0 },
          { applicatie_id: id, organisatie_id: b, positie: 1 },
        ]
  })
  const vast = LANDELIJKE_VOORZIENINGEN.filter((v) => v !== 'overig')
  const voorzieningVan = (n: number) => {
    const k = n % SIZES.voorzieningen
    return k < vast.length
      ? { doel_voorziening: vast[k] as string }
      : { doel_voorziening: 'overig', doel_voorziening_overig: `Voorziening ${k}` }
  }
  const koppelingen: Insertable<KoppelingTable>[] = Array.from({ length: SIZES.koppelingen }, (_, i) => {
    const bron = pick(appIds)
    let doel = pick(appIds)
    while (doel === bron) doel = pick(appIds)
    const naarVoorziening = i % 10 === 0
    return {
      id: randomUUID(),
      naam: `Koppeling ${i + 1}`,
      bron_applicatie_id: bron,
      doel_applicatie_id: naarVoorziening ? null : doel,
      // The fixed national facilities, and 'overig' with a name for the rest (as the service stores them).
      ...(naarVoorziening ? voorzieningVan(i / 10) : {}),
      via_applicatie_id: i % 7 === 0 && !naarVoorziening ? pick(appIds.slice(0, 20)) : null,
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      status_historie: '[]',
      gegevenscategorieen: '[]',
      persoonsgegevens: random() < 0.4,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: pick(BIV_NIVEAUS),
      gastheerschap_id: gastheerschapId,
      samenwerking_id: samenwerkingId,
    }
  })
  // The via must differ from bron and doel (a domain rule; the bench bypasses the service).
  for (const k of koppelingen)
    if (k.via_applicatie_id === k.bron_applicatie_id || k.via_applicatie_id === k.doel_applicatie_id) k.via_applicatie_id = null

  const inBatches = async <T>(rows: T[], insert: (b: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000))
  }
  await db.insertInto('organisatie').values(gemeenten).execute()
  await db.insertInto('samenwerking').values({ id: samenwerkingId, naam: 'Bench-samenwerking', vorm: 'Convenant' }).execute()
  await db
    .insertInto('samenwerking_lid')
    .values(gemeenteIds.map((id, positie) => ({ samenwerking_id: samenwerkingId, organisatie_id: id, positie })))
    .execute()
  await db
    .insertInto('gastheerschap')
    .values({
      id: gastheerschapId,
      taak: 'Bench-taak',
      gastheer_id: gemeenteIds[0] as string,
      samenwerking_id: samenwerkingId,
      startdatum: '2024-01-01',
    })
    .execute()
  await inBatches(apps, (b) => db.insertInto('applicatie').values(b).execute())
  await inBatches(gebruik, (b) => db.insertInto('applicatie_gebruiker').values(b).execute())
  await inBatches(koppelingen, (b) => db.insertInto('koppeling').values(b).execute())
  await analyzeDatabase(db)
  return { gemeenteIds }
}

async function main() {
  await buildWeb({ quiet: true })
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiekamer-bench-landschap-'))
  const { handle } = await openMigrated({ dataDir: dir, databaseUrl: undefined })
  const db = handle.db
  const { gemeenteIds } = await seed(db)
  const actor = { naam: 'bench', herkomst: 'bench' }
  const admin = await new GebruikersService(db).create(
    actor,
    { gebruikersnaam: 'bench-admin', naam: 'Bench', wachtwoord: WACHTWOORD, rollen: [{ rol: 'admin' }] },
    GebruikerInvoer,
  )
  const lezer = await new GebruikersService(db).create(
    actor,
    { gebruikersnaam: 'bench-lezer', naam: 'Bench-lezer', rollen: [{ rol: 'lezer', organisatieId: gemeenteIds[0] as string }] },
    GebruikerInvoer,
  )

  // 1. Computing the answer (no cache), in process: the admin's whole landschap and a lezer's view.
  const service = new LandschapService(db)
  const asCaller = (g: typeof admin): Caller => ({
    gebruikerId: g.id,
    gebruikersnaam: g.gebruikersnaam,
    rollen: g.rollen,
    scopes: 'alle',
    via: 'sessie',
  })
  const time = async (fn: () => Promise<unknown>) => {
    const out: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await fn()
      out.push(performance.now() - t)
    }
    return stats(out)
  }
  const sample = await service.landschap(asCaller(admin), {})
  const landschapAdmin = await time(() => service.landschap(asCaller(admin), {}))
  const landschapLezer = await time(() => service.landschap(asCaller(lezer), {}))
  const dashboard = await time(() => service.dashboard(asCaller(admin)))

  // 2. Over HTTP: the list page (cold: every URL new) as the baseline, and the landschap (cached after the first).
  const app = await buildApp({
    config: { bodyLimitBytes: 1 << 20, publicUrl: 'http://127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 1e9 },
    database: handle,
    logger: false,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const login = await fetch(`${origin}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: 'bench-admin', wachtwoord: WACHTWOORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  let pagina = 0
  const lijst = await time(async () => {
    pagina = (pagina % 9) + 1
    const res = await fetch(`${origin}/api/v1/applicaties?paginaGrootte=200&pagina=${pagina}&zoek=${pagina}`, { headers: { cookie } })
    await res.text()
  })
  const httpWarm = await time(async () => (await fetch(`${origin}/api/v1/landschap`, { headers: { cookie } })).text())
  const bytes = (await (await fetch(`${origin}/api/v1/landschap`, { headers: { cookie } })).text()).length

  // 3. In Chromium: until the graph is drawn, and from a click on a node to its details.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const [name, value] = cookie.split('=')
  await context.addCookies([{ name: name as string, value: value as string, url: origin }])
  const drawn: number[] = []
  const clicks: number[] = []
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const page = await context.newPage()
    const t = performance.now()
    await page.goto(`${origin}/landschap`)
    await page.locator('.rk-graaf[data-klaar="ja"]').waitFor({ timeout: 60_000 })
    drawn.push(performance.now() - t)
    await page.locator('.rk-graaf').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    // Let the renderer settle after scrolling (it redraws from a texture while the view moves).
    await page.waitForTimeout(500)
    const target = sample.knopen.find((k) => k.soort === 'applicatie' && k.naam === `Applicatie ${i + 1}`)
    const pos = await page.evaluate((id) => {
      const el = document.querySelector('.rk-graaf') as HTMLElement & {
        _cyreg: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }
      }
      const cy = el._cyreg.cy
      const p = cy.getElementById(id).renderedPosition()
      const box = el.getBoundingClientRect()
      return { x: box.left + p.x, y: box.top + p.y }
    }, target?.id ?? '')
    const c = performance.now()
    await page.mouse.click(pos.x, pos.y)
    // In a dense graph another node may lie on top: whichever node is hit, its details must show.
    await page.waitForFunction(() => document.getElementById('landschap-paneel-kop')?.textContent !== 'Details', null, { timeout: 10_000 })
    clicks.push(performance.now() - c)
    await page.close()
  }
  await browser.close()
  await app.close()
  await handle.close()
  await fs.rm(dir, { recursive: true, force: true })

  const drawnS = stats(drawn)
  const clickS = stats(clicks)
  const ratio = landschapAdmin.median / lijst.median
  const md = `## Landschap (~2 000 knopen)

${new Date().toISOString().slice(0, 10)} · ${machineDescription()} · PGlite · \`npx tsx bench/landschap.ts\` (BENCH_RUNS=${RUNS})

Dataset: ${SIZES.gemeenten} organisaties, ${SIZES.applicaties} applicaties, ${SIZES.koppelingen} koppelingen → ${sample.knopen.length} knopen, ${sample.verbindingen.length} verbindingen (${Math.round(bytes / 1024)} KiB JSON).

| what | median ms | p95 ms |
| --- | ---: | ---: |
| baseline: GET /applicaties, one page of 200 (cold, HTTP) | ${f(lijst.median)} | ${f(lijst.p95)} |
| landschap, admin, computed (no cache) | ${f(landschapAdmin.median)} | ${f(landschapAdmin.p95)} |
| landschap, lezer (visibility SQL), computed | ${f(landschapLezer.median)} | ${f(landschapLezer.p95)} |
| dashboard, admin, computed | ${f(dashboard.median)} | ${f(dashboard.p95)} |
| GET /landschap, cached (HTTP) | ${f(httpWarm.median)} | ${f(httpWarm.p95)} |
| Chromium: navigation until the graph is drawn | ${f(drawnS.median)} | ${f(drawnS.p95)} |
| Chromium: click on a node until its details show | ${f(clickS.median)} | ${f(clickS.p95)} |

The whole landschap costs ${ratio.toFixed(1)}× one list page to compute; after that it is served from the cache until the registry changes.`
  console.log(md)
  await writeResultsSection('landschap', md)
}

await main()
