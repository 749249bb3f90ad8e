import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { SaxesParser } from 'saxes'
import type { Caller } from '../src/domain/access.js'
import { eindeloosModel, STANDAARD_INSTELLING, schrijfModel } from './archimate-model.js'
import { machineDescription, writeResultsSection } from './results.js'

// Issue 15: the ArchiMate exchange at the size of a large landscape. A generated ~20 MB
// model (bench/archimate-model.ts, seeded) is read by the XML parser alone (saxes, the
// floor), by leesArchimate (the model), imported as a dry run and for real into an empty
// embedded database, dry-run imported again over the imported landscape (everything
// merges), and exported again; then 200 MB are streamed at the reader and at the HTTP
// endpoint, which must stop at 50 MB without holding the rest.
// Every step runs in its own child process on its own PGlite data folder, so its peak RSS
// (process.resourceUsage().maxRSS) is its own; the RSS before the step (modules loaded,
// database open) is reported beside it.
// Goals (issue 15): import (dry run and real) ≤ 3 s and peak RSS ≤ 300 MB.
// Run: npx tsx bench/archimate.ts   (BENCH_CPU_PROF=<folder>: every step writes a V8 CPU profile there)

const HERHALINGEN = Number(process.env.BENCH_HERHALINGEN ?? 3)
/** The dry run over the imported landscape is slow enough (see RESULTS.md) to run once unless told otherwise. */
const HERHALINGEN_HERPROEF = Number(process.env.BENCH_HERHALINGEN_HERPROEF ?? 1)
const CPU_PROF = process.env.BENCH_CPU_PROF
const DOEL = { ms: 3000, rssMiB: 300 }
const GROOT = 200 * 1024 * 1024
const HTTP_WACHT_MS = 120_000
const MiB = 2 ** 20
const DIT_BESTAND = fileURLToPath(import.meta.url)

/** What a step prints as its last line. */
interface Uitkomst {
  ms: number[]
  /** RSS before the timed work (modules loaded, database open), MiB. */
  rssVoor: number
  /** Peak RSS of the whole child process, MiB. */
  piekRss: number
  extra: Record<string, unknown>
}

const mediaan = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0
    ? Number.NaN
    : s.length % 2 === 1
      ? (s[(s.length - 1) / 2] as number)
      : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2
}
const rss = () => process.memoryUsage().rss / MiB
const piek = () => process.resourceUsage().maxRSS / 1024
const f = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d })

async function tijd<T>(werk: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now()
  const r = await werk()
  return [performance.now() - t, r]
}

// The product's modules are loaded by the steps that use them, so a step's RSS before holds only what it needs.
const lezer = () => import('../src/io/archimate/lezen.js')
const runtime = () => import('../src/runtime.js')

async function openDb(dataDir: string) {
  const { openMigrated } = await runtime()
  const { createServices } = await import('../src/services/index.js')
  const { handle } = await openMigrated({ dataDir, databaseUrl: undefined })
  // As the server does for the embedded database (src/api/app.ts).
  const services = createServices(handle.db, { analyzeEvery: handle.kind === 'pglite' ? 1000 : 0 })
  return { handle, services }
}

// ---- the steps, each in its own child process ---------------------------------------------

const stappen: Record<string, (args: string[]) => Promise<Uitkomst>> = {
  /** The floor: the same file through saxes with the reader's options, counting tags, building nothing. */
  async vloer([bestand]) {
    const rssVoor = rss()
    const ms: number[] = []
    let tags = 0
    for (let i = 0; i < HERHALINGEN; i++) {
      const [t, n] = await tijd(async () => {
        const parser = new SaxesParser({ xmlns: true, position: true })
        let n = 0
        parser.on('opentag', () => {
          n++
        })
        const decoder = new TextDecoder('utf-8', { fatal: true })
        for await (const stuk of createReadStream(bestand as string)) parser.write(decoder.decode(stuk as Buffer, { stream: true }))
        parser.close()
        return n
      })
      ms.push(t)
      tags = n
    }
    return { ms, rssVoor, piekRss: piek(), extra: { tags } }
  },

  /** leesArchimate alone: the model from a file stream. */
  async lees([bestand]) {
    const { leesArchimate } = await lezer()
    const rssVoor = rss()
    const ms: number[] = []
    let omvang = {}
    for (let i = 0; i < HERHALINGEN; i++) {
      const [t, m] = await tijd(() => leesArchimate(createReadStream(bestand as string)))
      ms.push(t)
      omvang = { elementen: m.elementen.length, relaties: m.relaties.length }
    }
    return { ms, rssVoor, piekRss: piek(), extra: omvang }
  },

  /** Dry run (proef) of the whole file; then once more by phase, with the functions importeer calls. */
  async proef([bestand, dataDir, keer]) {
    const { handle, services } = await openDb(dataDir as string)
    const { cliActor } = await import('../src/cli/actor.js')
    const actor = cliActor('bench')
    const rssVoor = rss()
    const ms: number[] = []
    let totalen = {}
    for (let i = 0; i < Number(keer ?? HERHALINGEN); i++) {
      const [t, r] = await tijd(() => services.archimate.importeer(actor, createReadStream(bestand as string), { proef: true }))
      ms.push(t)
      totalen = {
        ...r.totalen,
        regels: r.regels.length,
        overgeslagenRedenen: [...new Set(r.overgeslagen.map((o) => o.reden.nl.slice(0, 80)))].slice(0, 5),
        eersteFout: r.fouten[0]?.reden.nl,
      }
    }
    const piekRss = piek()
    await handle.close()
    return { ms, rssVoor, piekRss, extra: { totalen } }
  },

  /** The phases of a dry run, each timed, in a process of their own: the functions importeer calls, in its order. */
  async fasen([bestand, dataDir]) {
    const { handle } = await openDb(dataDir as string)
    const { leesArchimate } = await lezer()
    const { bestaandLandschap } = await import('../src/db/repos/interop.js')
    const { planArchimateImport } = await import('../src/domain/interop/archimate-import.js')
    const rssVoor = rss()
    const [lezen, model] = await tijd(() => leesArchimate(createReadStream(bestand as string)))
    const [landschap, bestaand] = await tijd(() => bestaandLandschap(handle.db))
    const [plan] = await tijd(async () => planArchimateImport(model, bestaand, randomUUID))
    const piekRss = piek()
    await handle.close()
    return { ms: [lezen + landschap + plan], rssVoor, piekRss, extra: { lezen, landschap, plan } }
  },

  /** Creates and migrates a data folder, as a first start of the server does: the steps then open it as a restart would. */
  async maak([dataDir]) {
    const { openMigrated } = await runtime()
    const { handle } = await openMigrated({ dataDir: dataDir as string, databaseUrl: undefined })
    await handle.close()
    return { ms: [], rssVoor: rss(), piekRss: piek(), extra: {} }
  },

  /** The real import, once: one transaction into the empty database (left in dataDir for the next steps). */
  async importeer([bestand, dataDir]) {
    const { handle, services } = await openDb(dataDir as string)
    const { cliActor } = await import('../src/cli/actor.js')
    const rssVoor = rss()
    const [t, r] = await tijd(() => services.archimate.importeer(cliActor('bench'), createReadStream(bestand as string), { proef: false }))
    const piekRss = piek()
    await handle.close()
    return { ms: [t], rssVoor, piekRss, extra: { totalen: r.totalen, geimporteerd: r.geimporteerd } }
  },

  /** The dry run again, over the landscape the real import left in dataDir. */
  async herproef([bestand, dataDir]) {
    return stappen.proef?.([bestand as string, dataDir as string, String(HERHALINGEN_HERPROEF)]) as Promise<Uitkomst>
  },

  /** Export of everything (exporteer without a caller, as the CLI does), written to a file. */
  async exporteer([dataDir, uitBestand]) {
    const { handle, services } = await openDb(dataDir as string)
    const { schrijfArchimate } = await import('../src/io/archimate/schrijven.js')
    const rssVoor = rss()
    const ms: number[] = []
    const delen: { model: number; schrijven: number }[] = []
    let omvang = {}
    for (let i = 0; i < HERHALINGEN; i++) {
      const t0 = performance.now()
      const model = await services.archimate.exporteer(undefined)
      const t1 = performance.now()
      await pipeline(Readable.from(schrijfArchimate(model)), createWriteStream(uitBestand as string))
      const t2 = performance.now()
      ms.push(t2 - t0)
      delen.push({ model: t1 - t0, schrijven: t2 - t1 })
      omvang = { elementen: model.elementen.length, relaties: model.relaties.length, bytes: (await fs.stat(uitBestand as string)).size }
    }
    const piekRss = piek()
    await handle.close()
    return {
      ms,
      rssVoor,
      piekRss,
      extra: { ...omvang, model: mediaan(delen.map((d) => d.model)), schrijven: mediaan(delen.map((d) => d.schrijven)) },
    }
  },

  /** 200 MB of a growing model at leesArchimate in 64 KiB chunks: it must stop (413) at 50 MB. */
  async stroom() {
    const { leesArchimate } = await lezer()
    const { AppError } = await import('../src/domain/errors.js')
    const rssVoor = rss()
    let gegeven = 0
    async function* geteld() {
      for await (const b of eindeloosModel(GROOT)) {
        gegeven += b.length
        yield b
      }
    }
    const [t, uitkomst] = await tijd(async () => {
      try {
        await leesArchimate(geteld())
        return 'gelezen'
      } catch (e) {
        return e instanceof AppError ? `${e.status} ${e.kind}` : String(e)
      }
    })
    return { ms: [t], rssVoor, piekRss: piek(), extra: { uitkomst, gegeven } }
  },

  /** The server with an admin's API token; prints where, waits for a line on stdin, then reports its peak. */
  async server([dataDir]) {
    const { openMigrated } = await runtime()
    const { buildApp } = await import('../src/api/app.js')
    const { GebruikerInvoer } = await import('../src/schemas/toegang.js')
    const { AuthService } = await import('../src/services/auth-service.js')
    const { GebruikersService } = await import('../src/services/gebruikers-service.js')
    const { handle } = await openMigrated({ dataDir: dataDir as string, databaseUrl: undefined })
    const db = handle.db
    const g = await new GebruikersService(db).create(
      { naam: 'benchmark', herkomst: 'bench' },
      { gebruikersnaam: `bench-${randomUUID().slice(0, 8)}`, naam: 'Benchmark', rollen: [{ rol: 'admin' }] },
      GebruikerInvoer,
    )
    const caller: Caller = { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, rollen: g.rollen, scopes: 'alle', via: 'sessie' }
    const { token } = await new AuthService(db, { idleMinuten: 30, maxUren: 12 }).createToken(caller, 'bench', {
      naam: 'benchmark',
      scopes: ['lezen', 'schrijven', 'beheer'],
      verlooptOp: new Date(Date.now() + 86_400_000),
    })
    const app = await buildApp({
      config: { bodyLimitBytes: 1_048_576, publicUrl: 'http://127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 1_000_000 },
      database: handle,
      logger: false,
      achtergrondtaken: false,
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const adres = app.server.address() as { port: number }
    const rssVoor = rss()
    console.log(JSON.stringify({ port: adres.port, token }))
    process.stdin.resume()
    await once(process.stdin, 'data')
    const piekRss = piek()
    // The client's connection may still be open after the 413: close it, or close() waits for it.
    app.server.closeAllConnections()
    await app.close()
    await handle.close()
    return { ms: [], rssVoor, piekRss, extra: {} }
  },
}

if (process.argv[2] === '--stap') {
  const naam = process.argv[3] as string
  const stap = stappen[naam]
  if (!stap) throw new Error(`unknown step ${naam}`)
  const uitkomst = await stap(process.argv.slice(4))
  console.log(JSON.stringify(uitkomst))
  process.exit(0)
}

// ---- the run --------------------------------------------------------------------------------

const nodeArgs = (naam: string) => [
  ...process.execArgv,
  ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`, `--cpu-prof-name=${naam}.cpuprofile`] : []),
  DIT_BESTAND,
  '--stap',
  naam,
]

function voerUit(naam: string, ...args: string[]): Uitkomst {
  process.stdout.write(`  ${naam} … `)
  const r = spawnSync(process.execPath, [...nodeArgs(naam), ...args], { encoding: 'utf8', maxBuffer: 64 * MiB })
  if (r.status !== 0) throw new Error(`step ${naam} failed (${r.status}): ${r.stderr}`)
  const u = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Uitkomst
  console.log(`${u.ms.map((m) => f(m)).join(' / ') || '—'} ms, peak RSS ${f(u.piekRss)} MiB (before ${f(u.rssVoor)})`)
  return u
}

/** 200 MB in chunks at the import endpoint, as an admin, with no Content-Length (chunked). */
async function stroomNaarServer(dataDir: string) {
  const kind = spawn(process.execPath, [...nodeArgs('server'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] })
  // Its report line may arrive after 'exit': wait for the end of its output too.
  const gestopt = Promise.all([once(kind, 'exit'), once(kind.stdout, 'end')])
  let uit = ''
  kind.stdout.setEncoding('utf8')
  kind.stdout.on('data', (d: string) => {
    uit += d
  })
  while (!uit.includes('\n')) await once(kind.stdout, 'data')
  const { port, token } = JSON.parse(uit.split('\n')[0] as string) as { port: number; token: string }
  const t = performance.now()
  let verstuurd = 0
  const antwoord = await new Promise<{ status: number; code: string }>((klaar, mis) => {
    const req = http.request(
      {
        agent: false,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/archimate/import?proef=true',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d) => {
          body += d
        })
        res.on('end', () => {
          req.destroy()
          klaar({ status: res.statusCode ?? 0, code: (JSON.parse(body || '{}') as { title?: string }).title ?? '' })
        })
      },
    )
    req.on('error', mis)
    // A server that stops reading without answering would hang the run: give up after a while and say so.
    req.setTimeout(HTTP_WACHT_MS, () => {
      req.destroy()
      klaar({ status: 0, code: `no answer within ${HTTP_WACHT_MS / 1000} s` })
    })
    let gestopt = false
    req.on('response', () => {
      gestopt = true
    })
    ;(async () => {
      for await (const b of eindeloosModel(GROOT)) {
        if (gestopt || req.destroyed) break
        verstuurd += b.length
        if (!req.write(b))
          await new Promise<void>((verder) => {
            const klaar = () => {
              for (const e of ['drain', 'response', 'close']) req.off(e, klaar)
              verder()
            }
            for (const e of ['drain', 'response', 'close']) req.on(e, klaar)
          })
      }
      req.end()
    })().catch(mis)
  })
  const ms = performance.now() - t
  kind.stdin.write('stop\n')
  const stopper = setTimeout(() => kind.kill(), 30_000)
  await gestopt
  clearTimeout(stopper)
  const regels = uit.trim().split('\n')
  const server: Uitkomst =
    regels.length >= 2
      ? (JSON.parse(regels[regels.length - 1] as string) as Uitkomst)
      : { ms: [], rssVoor: Number.NaN, piekRss: Number.NaN, extra: {} }
  return { ...antwoord, ms, verstuurd, server }
}

const load = os.loadavg()
const map = await fs.mkdtemp(path.join(os.tmpdir(), 'regiekamer-archimate-'))
try {
  if (CPU_PROF) await fs.mkdir(CPU_PROF, { recursive: true })
  const bestand = path.join(map, 'model.xml')
  console.log('Generating the model …')
  const [genMs, omvang] = await tijd(() => schrijfModel(bestand, STANDAARD_INSTELLING))
  console.log(
    `  ${f(omvang.bytes / MiB, 1)} MiB (${f(omvang.bytes)} bytes) in ${f(genMs)} ms: ${f(omvang.elementen)} elements, ${f(omvang.relaties)} relationships`,
  )
  console.log('Steps (each its own process):')
  const vloer = voerUit('vloer', bestand)
  const lees = voerUit('lees', bestand)
  const leeg = path.join(map, 'leeg')
  const gevuld = path.join(map, 'gevuld')
  const server = path.join(map, 'server')
  for (const d of [leeg, gevuld, server]) voerUit('maak', d)
  const proef = voerUit('proef', bestand, leeg)
  const proefFasen = voerUit('fasen', bestand, leeg)
  const echt = voerUit('importeer', bestand, gevuld)
  const herproef = voerUit('herproef', bestand, gevuld)
  const herproefFasen = voerUit('fasen', bestand, gevuld)
  const exp = voerUit('exporteer', gevuld, path.join(map, 'export.xml'))
  const stroom = voerUit('stroom')
  process.stdout.write('  http … ')
  const web = await stroomNaarServer(server)
  console.log(
    `${web.status} ${web.code} after ${f(web.verstuurd / MiB)} MiB sent, ${f(web.ms)} ms, server peak RSS ${f(web.server.piekRss)} MiB (before ${f(web.server.rssVoor)})`,
  )
  const loadEind = os.loadavg()

  // ---- report
  const v = mediaan(vloer.ms)
  const ja = (b: boolean) => (b ? 'yes' : '**no**')
  const doel = (u: Uitkomst) => `≤ 3 s: ${ja(mediaan(u.ms) <= DOEL.ms)}; ≤ 300 MiB: ${ja(u.piekRss <= DOEL.rssMiB)}`
  const rij = (wat: string, u: Uitkomst, runs: string, goal = '', verhouding = true) =>
    `| ${wat} | ${runs} | ${f(mediaan(u.ms))} | ${u.ms.map((m) => f(m)).join(' / ')} | ${verhouding ? `${f(mediaan(u.ms) / v, 1)}×` : '—'} | ${f(u.rssVoor)} | ${f(u.piekRss)} | ${f(u.piekRss - u.rssVoor)} | ${goal} |`
  const fasen = (u: Uitkomst, geheel: Uitkomst) => {
    const p = u.extra as { lezen: number; landschap: number; plan: number }
    return `read (\`leesArchimate\`) ${f(p.lezen)} ms, existing landscape (\`bestaandLandschap\`) ${f(p.landschap)} ms, plan (\`planArchimateImport\`) ${f(p.plan)} ms — together ${f(p.lezen + p.landschap + p.plan)} ms beside the dry run's median of ${f(mediaan(geheel.ms))} ms (one cold run against warm ones, so the rest — samenwerkingen, validation, the report — is small and not told apart here); peak RSS of that process ${f(u.piekRss)} MiB`
  }
  const t = (u: Uitkomst) => JSON.stringify((u.extra as { totalen: unknown }).totalen)
  const e = exp.extra as { elementen: number; relaties: number; bytes: number; model: number; schrijven: number }
  const s = stroom.extra as { uitkomst: string; gegeven: number }
  const md = `
## ArchiMate import and export (bench/archimate.ts)

Latest run ${new Date().toISOString()} · ${machineDescription()}; load average ${load.map((x) => x.toFixed(2)).join(' / ')} at start, ${loadEind.map((x) => x.toFixed(2)).join(' / ')} at the end · \`npm run bench:archimate\` (\`npx tsx bench/archimate.ts\`)

Dataset (bench/archimate-model.ts, seed ${STANDAARD_INSTELLING.seed}, written in ${f(genMs)} ms): an ArchiMate 3.1 exchange file of **${f(omvang.bytes / MiB, 1)} MiB** (${f(omvang.bytes)} bytes), Archi's layout (one tag a line, identifiers \`id-\` + 32 hex digits): ${omvang.gemeenten} gemeenten (BusinessActor, real CBS codes from reference/gemeenten.csv, Type Gemeente), ${omvang.leveranciers} leveranciers (BusinessActor, Type Leverancier, most with a Website), ${omvang.referentiecomponenten} GEMMA referentiecomponenten (ApplicationComponent, "GEMMA type" Referentiecomponent, "Object ID"), ${omvang.voorzieningen} landelijke voorzieningen (ApplicationComponent, "Landelijke voorziening" Ja), ${f(omvang.applicaties)} applicaties (ApplicationComponent: ${STANDAARD_INSTELLING.appsPerGemeente} products and a gegevensmakelaar per gemeente; Leverancier and Versie always, Hosting 85 %, Status 80 %, "Object ID" 70 %, documentation 60 %); relationships: ${f(omvang.realisaties)} Realization (applicatie → referentiecomponent), ${f(omvang.gebruik)} Serving (applicatie → gemeente: who uses it), ${f(omvang.stromen)} Flow with Type, Standaard, Persoonsgegevens (90 %), Vertrouwelijkheid (80 %), Integriteit and Beschikbaarheid (30 %), a documentation on 25 % — of which ${f(omvang.viaKoppelingen * 2)} are the two named legs of ${f(omvang.viaKoppelingen)} koppelingen through a gegevensmakelaar and ${f(omvang.benoemd - omvang.viaKoppelingen * 2)} other flows have a name (${Math.round(STANDAARD_INSTELLING.benoemdAandeel * 100)} %; the rest are unnamed, as Archi draws them). ${f(omvang.elementen)} elements, ${f(omvang.relaties)} relationships. (The issue's ~40 000 flows with these properties make a 39 MiB file; 13 500 fit in 20 MB.)

Each step runs in its own Node process (the same Node and tsx: \`bench/archimate.ts --stap <step> …\`) on its own embedded PGlite data folder; *RSS before* is the process with its modules loaded and (where it has one) the database open — a data folder created and migrated beforehand by another process, so this one opens it as a restarted server does; *peak RSS* is \`process.resourceUsage().maxRSS\` of that process at the end of the step. Times are wall-clock; the floor is the same file from a file stream through saxes with the reader's options (\`xmlns\`, \`position\`), counting the ${f((vloer.extra as { tags: number }).tags)} start tags and building nothing.

| step | runs | median ms | each run ms | / floor | RSS before MiB | peak RSS MiB | peak − before | goal |
|---|--:|--:|--:|--:|--:|--:|--:|---|
${rij('floor: saxes alone, file stream', vloer, String(vloer.ms.length))}
${rij('`leesArchimate` (the model)', lees, String(lees.ms.length))}
${rij('**dry run** into an empty database (`importeer(…, { proef: true })`)', proef, String(proef.ms.length), doel(proef))}
${rij('**real import** into an empty database (one transaction, then ANALYZE)', echt, '1', doel(echt))}
${rij('dry run again over the imported landscape (everything merges)', herproef, String(herproef.ms.length))}
${rij(`export of the imported landscape (\`exporteer(undefined)\` + \`schrijfArchimate\` to a file; ${f(e.bytes / MiB, 1)} MiB, ${f(e.elementen)} elements, ${f(e.relaties)} relationships)`, exp, String(exp.ms.length))}
${rij(`200 MiB streamed at \`leesArchimate\` in 64 KiB chunks: ${s.uitkomst} after ${f(s.gegeven / MiB, 1)} MiB given`, stroom, '1', '', false)}
| 200 MiB POSTed (chunked) to \`/api/v1/archimate/import?proef=true\` as an admin: ${web.status} ${web.code} after ${f(web.verstuurd / MiB, 1)} MiB sent; the server's process | 1 | ${f(web.ms)} | | — | ${f(web.server.rssVoor)} | ${f(web.server.piekRss)} | ${f(web.server.piekRss - web.server.rssVoor)} | |

Where the time of the dry runs goes (once more, in a process of its own, the functions \`importeer\` calls, each timed): into the empty database: ${fasen(proefFasen, proef)}; over the imported landscape: ${fasen(herproefFasen, herproef)}. Export: building the model ${f(e.model)} ms, writing it ${f(e.schrijven)} ms (medians).

Reports: dry run ${t(proef)}; real import ${t(echt)}; again ${t(herproef)}.
`
  await writeResultsSection('archimate', md)
  console.log(md)
  console.log('Written to bench/RESULTS.md')
} finally {
  await fs.rm(map, { recursive: true, force: true })
}
