import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { LastArgumenten, TempoArgumenten, TempoVerslag } from './probes-tempo.js'
import { machineDescription, RESULTS_FILE, writeResultsSection } from './results.js'

// Monitoring probes (issue 14): 10 000 HTTP checks a minute against a local target, CPU
// seconds per 1 000 probes and peak memory, for Regiekamer (voerUit) and, in the same run,
// for Prometheus blackbox_exporter probing the same target at the same pace.
// Goal: Regiekamer's CPU per probe ≤ 1× blackbox_exporter's.
//
// Processes (the machine has 2 cores, so the two sides run one after the other):
//   - the target (bench/probes-doel.ts): not measured;
//   - Regiekamer (bench/probes-regiekamer.ts): runs the controles itself, measured;
//   - blackbox_exporter: measured; asked by bench/probes-last.ts (not measured), so its
//     CPU includes serving each /probe request — a little extra the peer carries.
// Both are paced by bench/probes-tempo.ts. CPU of each measured process is read from
// /proc/<pid>/stat (utime + stime) at the window's start and end; peak memory is VmHWM.
//
// Run: npm run bench:probes (60 s per side) · npx tsx bench/probes.ts --duur 120 ·
//      --snel (15 s per side, not recorded) · --profiel (Regiekamer only, with --cpu-prof,
//      prints where its CPU goes; not recorded). Installs the Debian package
//      prometheus-blackbox-exporter when it is missing (needs root).

const BLACKBOX = '/usr/bin/prometheus-blackbox-exporter'
const PER_MINUUT = 10_000
const GELIJKTIJDIG = 64
const HIER = path.dirname(fileURLToPath(import.meta.url))

const argv = process.argv.slice(2)
const waarde = (naam: string) => {
  const i = argv.indexOf(naam)
  return i >= 0 ? argv[i + 1] : undefined
}
const snel = argv.includes('--snel')
const profiel = argv.includes('--profiel')
const duurS = Number(waarde('--duur') ?? (snel ? 15 : 60))
const opwarmS = Number(waarde('--opwarm') ?? (snel ? 3 : 5))
if (!(duurS > 0 && opwarmS >= 0)) throw new Error('--duur must be > 0 seconds and --opwarm ≥ 0')
const vastleggen = !snel && !profiel

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—')
const n0 = (n: number) => n.toLocaleString('en')
const KLOKTIK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

/** User and system CPU seconds of a process so far, from /proc/<pid>/stat (fields 14 and 15). */
function cpuVan(pid: number): { user: number; systeem: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
  const velden = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { user: Number(velden[11]) / KLOKTIK, systeem: Number(velden[12]) / KLOKTIK }
}

const GEEN_CPU = { user: 0, systeem: 0 }
/** CPU between two readings: total and the kernel's share. */
const cpuTussen = (a: { user: number; systeem: number }, b: { user: number; systeem: number }) => ({
  cpuSeconden: b.user + b.systeem - a.user - a.systeem,
  systeemSeconden: b.systeem - a.systeem,
})

/** Peak resident memory of a process (MiB), VmHWM from /proc/<pid>/status. */
function piekRssVan(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as net.AddressInfo
      s.close(() => resolve(a.port))
    })
  })
}

/** A TypeScript child under the same loader (tsx) as this process, talking in JSON lines. */
function startKind(bestand: string, argument: TempoArgumenten | undefined, nodeArgs: string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [...process.execArgv, ...nodeArgs, path.join(HIER, bestand), ...(argument ? [JSON.stringify(argument)] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

/** Reads the child's lines: calls the window hooks, resolves with its `resultaat`. */
function volgKind<T>(kind: ChildProcess, naam: string, venster: { begin: () => void; eind: () => void }): Promise<T> {
  let stderr = ''
  kind.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  return new Promise<T>((resolve, reject) => {
    let resultaat: T | undefined
    readline.createInterface({ input: kind.stdout as NodeJS.ReadableStream }).on('line', (regel) => {
      let m: { venster?: string; resultaat?: T; fout?: string }
      try {
        m = JSON.parse(regel)
      } catch {
        return
      }
      if (m.venster === 'begin') venster.begin()
      else if (m.venster === 'eind') venster.eind()
      else if (m.fout) reject(new Error(`${naam}: ${m.fout}`))
      else if (m.resultaat) resultaat = m.resultaat
    })
    kind.on('exit', (code) =>
      resultaat !== undefined ? resolve(resultaat) : reject(new Error(`${naam} exited (${code}) without a result: ${stderr}`)),
    )
  })
}

function stop(kind: ChildProcess | undefined): Promise<void> {
  if (!kind || kind.exitCode !== null || kind.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    kind.once('exit', () => resolve())
    kind.kill('SIGTERM')
  })
}

// ---- blackbox_exporter: installed when missing ------------------------------------------

function zorgVoorBlackbox(): { ok: true } | { ok: false; waarom: string } {
  if (fs.existsSync(BLACKBOX)) return { ok: true }
  if (process.getuid?.() !== 0) return { ok: false, waarom: `${BLACKBOX} is missing and installing it needs root` }
  console.log('Installing prometheus-blackbox-exporter with apt-get …')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const installeer = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus-blackbox-exporter'], { encoding: 'utf8', env })
  let r = installeer()
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { encoding: 'utf8', env })
    r = installeer()
  }
  if (r.status !== 0 || !fs.existsSync(BLACKBOX))
    return {
      ok: false,
      waarom: `apt-get install prometheus-blackbox-exporter failed: ${(r.stderr || r.error?.message || '').trim().slice(-500)}`,
    }
  return { ok: true }
}

const blackboxVersie = () => {
  const r = spawnSync(BLACKBOX, ['--version'], { encoding: 'utf8' })
  return /version (\S+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'unknown version'
}

async function startBlackbox(map: string): Promise<{ kind: ChildProcess; poort: number }> {
  const config = path.join(map, 'blackbox.yml')
  // The same check as Regiekamer's controle: GET, status 200, the body contains "status":"UP", 5 s.
  fs.writeFileSync(
    config,
    `modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      method: GET
      valid_status_codes: [200]
      fail_if_body_not_matches_regexp: ['"status":"UP"']
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
`,
  )
  const poort = await vrijePoort()
  const kind = spawn(BLACKBOX, [`--config.file=${config}`, `--web.listen-address=127.0.0.1:${poort}`, '--log.level=warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  kind.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  const tot = Date.now() + 10_000
  for (;;) {
    if (kind.exitCode !== null) throw new Error(`blackbox_exporter exited (${kind.exitCode}): ${stderr}`)
    const gezond = await fetch(`http://127.0.0.1:${poort}/-/healthy`).then(
      (r) => r.ok,
      () => false,
    )
    if (gezond) return { kind, poort }
    if (Date.now() > tot) {
      await stop(kind)
      throw new Error(`blackbox_exporter did not become healthy within 10 s: ${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

// ---- one side ----------------------------------------------------------------------------

interface Meting {
  naam: string
  verslag: TempoVerslag & { fouten: Record<string, number> }
  /** CPU seconds in the window, from /proc: user + system, and system (the kernel: sockets, connect, close). */
  cpuSeconden: number
  systeemSeconden: number
  piekRssMiB: number
  regiekamer?: RegiekamerExtra
  /** blackbox_exporter only: the same pace on /-/healthy, which serves HTTP and probes nothing. */
  kaal?: { verslag: TempoVerslag & { fouten: Record<string, number> }; cpuSeconden: number; systeemSeconden: number }
}

interface RegiekamerExtra {
  cpuSeconden: number
  heapVoorMiB: number
  heapNaMiB: number
  piekHeapMiB: number
  rssVoorMiB: number
  piekRssMiB: number
  vmHwmMiB: number
}

const per1000 = (m: Meting) => (m.cpuSeconden / m.verslag.klaar) * 1000
const kaalPer1000 = (m: Meting) => (m.kaal ? (m.kaal.cpuSeconden / m.kaal.verslag.klaar) * 1000 : Number.NaN)
const perMinuut = (m: Meting) => (m.verslag.klaar / m.verslag.vensterMs) * 60_000

async function meetRegiekamer(tempo: TempoArgumenten, profielMap?: string): Promise<Meting> {
  const kind = startKind('probes-regiekamer.ts', tempo, [
    '--expose-gc',
    ...(profielMap ? ['--cpu-prof', `--cpu-prof-dir=${profielMap}`] : []),
  ])
  const pid = kind.pid as number
  let cpu0 = GEEN_CPU
  let cpu1 = GEEN_CPU
  const r = await volgKind<TempoVerslag & RegiekamerExtra & { fouten: Record<string, number> }>(kind, 'Regiekamer', {
    begin: () => {
      cpu0 = cpuVan(pid)
    },
    eind: () => {
      cpu1 = cpuVan(pid)
    },
  })
  return { naam: 'Regiekamer', verslag: r, ...cpuTussen(cpu0, cpu1), piekRssMiB: r.vmHwmMiB, regiekamer: r }
}

async function meetBlackbox(tempo: TempoArgumenten, map: string): Promise<Meting> {
  const { kind: bb, poort } = await startBlackbox(map)
  const pid = bb.pid as number
  // The load process's lines, with the exporter's CPU read at its window's start and end.
  const meet = async (argument: LastArgumenten) => {
    let cpu0 = GEEN_CPU
    let cpu1 = GEEN_CPU
    const r = await volgKind<TempoVerslag & { fouten: Record<string, number> }>(
      startKind('probes-last.ts', argument),
      'load for blackbox_exporter',
      {
        begin: () => {
          cpu0 = cpuVan(pid)
        },
        eind: () => {
          cpu1 = cpuVan(pid)
        },
      },
    )
    return { verslag: r, ...cpuTussen(cpu0, cpu1) }
  }
  try {
    const probe = await meet({
      ...tempo,
      doel: `http://127.0.0.1:${poort}/probe?module=http_2xx&target=${encodeURIComponent(tempo.doel)}`,
      verwacht: '^probe_success 1$',
    })
    const piekRssMiB = piekRssVan(pid)
    // How much of that is answering HTTP at all: the same pace on /-/healthy, which probes nothing.
    console.log('  … and answering GET /-/healthy at the same pace (what serving a bare request costs it)')
    const kaal = await meet({ ...tempo, doel: `http://127.0.0.1:${poort}/-/healthy`, verwacht: '^Healthy' })
    return { naam: 'blackbox_exporter', ...probe, piekRssMiB, kaal }
  } finally {
    await stop(bb)
  }
}

const aantalBijDoel = async (poort: number) =>
  ((await (await fetch(`http://127.0.0.1:${poort}/_aantal`)).json()) as { aantal: number }).aantal

// ---- where Regiekamer's CPU goes (--profiel) -----------------------------------------------

interface ProfielKnoop {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

function vatProfielSamen(map: string): void {
  const bestand = fs.readdirSync(map).find((b) => b.endsWith('.cpuprofile'))
  if (!bestand) {
    console.log('No .cpuprofile was written.')
    return
  }
  const p = JSON.parse(fs.readFileSync(path.join(map, bestand), 'utf8')) as { nodes: ProfielKnoop[] }
  // Idle samples are the event loop waiting: the rest is where the CPU went.
  const bezig = p.nodes.filter((n) => n.callFrame.functionName !== '(idle)')
  const totaal = bezig.reduce((s, n) => s + (n.hitCount ?? 0), 0)
  const perFunctie = new Map<string, number>()
  const perBron = new Map<string, number>()
  const wortel = path.resolve(HIER, '..')
  for (const n of bezig) {
    const { functionName, url, lineNumber } = n.callFrame
    const bron = url.replace(`file://${wortel}/`, '') || '(native/VM)'
    const naam = `${functionName || '(anonymous)'} ${bron}${url ? `:${lineNumber + 1}` : ''}`
    perFunctie.set(naam, (perFunctie.get(naam) ?? 0) + (n.hitCount ?? 0))
    const groep = bron.startsWith('src/')
      ? bron
      : bron.startsWith('bench/')
        ? 'bench (pacing)'
        : bron.startsWith('node:')
          ? `node:${bron.slice(5).split('/').slice(0, 2).join('/')}`
          : bron.includes('node_modules')
            ? 'node_modules (tsx loader)'
            : bron
    perBron.set(groep, (perBron.get(groep) ?? 0) + (n.hitCount ?? 0))
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${f((v / totaal) * 100, 1).padStart(5)} %  ${k}`)
  console.log(
    `\nProfile ${path.join(map, bestand)} (${n0(totaal)} busy samples, whole process incl. start-up and warm-up), self time as a share of the busy time:`,
  )
  console.log('By source:')
  console.log(top(perBron, 15).join('\n'))
  console.log('By function:')
  console.log(top(perFunctie, 25).join('\n'))
}

// ---- the run -------------------------------------------------------------------------------

const map = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekamer-probes-'))
const laadBegin = os.loadavg()
const datum = new Date().toISOString()
let doelKind: ChildProcess | undefined
try {
  doelKind = startKind('probes-doel.ts', undefined)
  const doelPoort = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: doelKind?.stdout as NodeJS.ReadableStream }).once('line', (l) => resolve(JSON.parse(l).poort))
    doelKind?.once('exit', (c) => reject(new Error(`target exited (${c})`)))
  })
  const tempo: TempoArgumenten = {
    doel: `http://127.0.0.1:${doelPoort}/health`,
    perMinuut: PER_MINUUT,
    gelijktijdig: GELIJKTIJDIG,
    opwarmMs: opwarmS * 1000,
    duurMs: duurS * 1000,
  }
  console.log(
    `Target ${tempo.doel}; ${n0(PER_MINUUT)} probes/min, at most ${GELIJKTIJDIG} at once, warm-up ${opwarmS} s, window ${duurS} s per side`,
  )

  if (profiel) {
    // Kept after the run, for a closer look (e.g. in Chrome DevTools).
    const profielMap = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekamer-probes-profiel-'))
    console.log('Regiekamer with --cpu-prof …')
    const r = await meetRegiekamer(tempo, profielMap)
    console.log(`Regiekamer (profiled, slower than unprofiled): ${n0(r.verslag.klaar)} probes, ${f(per1000(r), 3)} CPU s per 1 000 probes`)
    vatProfielSamen(profielMap)
  } else {
    let n = await aantalBijDoel(doelPoort)
    console.log('Regiekamer …')
    const rk = await meetRegiekamer(tempo)
    const doelRk = (await aantalBijDoel(doelPoort)) - n
    console.log(`  ${n0(rk.verslag.klaar)} probes in the window, ${f(per1000(rk), 3)} CPU s per 1 000, peak RSS ${f(rk.piekRssMiB, 0)} MiB`)

    const bb = zorgVoorBlackbox()
    let bbMeting: Meting | undefined
    let bbWaarom = ''
    let versie = ''
    let doelBb = 0
    if (bb.ok) {
      versie = blackboxVersie()
      console.log(`blackbox_exporter ${versie} …`)
      n = await aantalBijDoel(doelPoort)
      try {
        bbMeting = await meetBlackbox(tempo, map)
        doelBb = (await aantalBijDoel(doelPoort)) - n
        console.log(
          `  ${n0(bbMeting.verslag.klaar)} probes in the window, ${f(per1000(bbMeting), 3)} CPU s per 1 000, peak RSS ${f(bbMeting.piekRssMiB, 0)} MiB`,
        )
      } catch (e) {
        bbWaarom = (e as Error).message
      }
    } else bbWaarom = bb.waarom
    if (!bbMeting)
      console.log(`\n*** The peer (blackbox_exporter) could not be measured: ${bbWaarom}\n*** Only Regiekamer's figures follow.`)
    const laadEind = os.loadavg()

    // ---- the table
    const kanten = bbMeting ? [rk, bbMeting] : [rk]
    const verhouding = bbMeting ? per1000(rk) / per1000(bbMeting) : Number.NaN
    const gehaald = verhouding <= 1
    // The peer's /probe cost less a bare HTTP answer: still above its probing alone (the metrics text stays in).
    const verhoudingZonderServeren = bbMeting ? per1000(rk) / (per1000(bbMeting) - kaalPer1000(bbMeting)) : Number.NaN
    const foutTekst = (m: Meting) =>
      m.verslag.mislukt === 0
        ? '0'
        : `${n0(m.verslag.mislukt)} (${Object.entries(m.verslag.fouten)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
    const rkx = rk.regiekamer as RegiekamerExtra
    const rijen: [string, (m: Meting) => string][] = [
      ['probes done in the window', (m) => n0(m.verslag.klaar)],
      ['achieved rate (per minute)', (m) => n0(Math.round(perMinuut(m)))],
      ['failures', foutTekst],
      [
        'probe time median / p99 / max (ms)',
        (m) => `${f(m.verslag.duurMs.mediaan)} / ${f(m.verslag.duurMs.p99)} / ${f(m.verslag.duurMs.max)}`,
      ],
      [`starts that waited for a free slot (at most ${GELIJKTIJDIG} in flight)`, (m) => n0(m.verslag.volGewacht)],
      ['CPU seconds in the window (/proc utime + stime)', (m) => f(m.cpuSeconden, 2)],
      ['… of which system (kernel) time', (m) => `${f(m.systeemSeconden, 2)} (${f((m.systeemSeconden / m.cpuSeconden) * 100, 0)} %)`],
      ['**CPU seconds per 1 000 probes**', (m) => `**${f(per1000(m), 3)}**`],
      ['peak RSS (VmHWM, MiB)', (m) => f(m.piekRssMiB, 0)],
      [
        'CPU seconds per 1 000 bare `GET /-/healthy` answers, same pace, measured apart',
        (m) => (m.kaal ? `${f(kaalPer1000(m), 3)} (${m.kaal.verslag.mislukt} failed)` : '—'),
      ],
    ]
    const kop = `| | ${kanten.map((k) => (k.naam === 'blackbox_exporter' ? `blackbox_exporter ${versie}` : 'Regiekamer (voerUit)')).join(' | ')} |`
    const tabel = [
      kop,
      `|---|${kanten.map(() => '--:').join('|')}|`,
      ...rijen.map(([label, w]) => `| ${label} | ${kanten.map(w).join(' | ')} |`),
    ].join('\n')
    const oordeel = bbMeting
      ? `Regiekamer CPU per probe / blackbox_exporter's: **${f(verhouding, 2)}×** — goal ≤ 1×: ${gehaald ? 'met' : '**not met**'}`
      : 'Ratio: not measured (no peer).'
    const zonderServeren = bbMeting
      ? `Against blackbox_exporter's CPU less what a bare HTTP answer costs it (${f(per1000(bbMeting), 3)} − ${f(kaalPer1000(bbMeting), 3)} = ${f(per1000(bbMeting) - kaalPer1000(bbMeting), 3)} s per 1 000): ${f(verhoudingZonderServeren, 2)}×. That subtraction still leaves in the peer's work of writing the probe's metrics as text, so its true probing-only cost lies between the two figures.`
      : ''
    console.log(`\n${tabel}\n`)
    console.log(
      `Regiekamer: heap ${f(rkx.heapVoorMiB)} MiB before → ${f(rkx.heapNaMiB)} MiB after (both after GC; peak ${f(rkx.piekHeapMiB)} MiB); RSS ${f(rkx.rssVoorMiB, 0)} MiB before probing, sampled peak ${f(rkx.piekRssMiB, 0)} MiB; own process.cpuUsage ${f(rkx.cpuSeconden, 2)} s (vs /proc ${f(rk.cpuSeconden, 2)} s)`,
    )
    console.log(
      `Target served ${n0(doelRk)} requests for Regiekamer${bbMeting ? `, ${n0(doelBb)} for blackbox_exporter` : ''} (warm-up included)`,
    )
    console.log(oordeel)
    if (bbMeting)
      console.log(
        `blackbox_exporter's CPU includes serving each /probe request (HTTP + metrics text) to the load process.\n${zonderServeren}`,
      )

    if (!vastleggen) console.log('\n(--snel: not written to bench/RESULTS.md)')
    else {
      // Earlier runs stay in the section's history table (newest first, at most 10).
      const huidig = fs.readFileSync(RESULTS_FILE, 'utf8')
      const van = huidig.indexOf('<!-- begin:probes -->')
      const tot = huidig.indexOf('<!-- end:probes -->')
      const eerder =
        van >= 0 && tot > van
          ? huidig
              .slice(van, tot)
              .split('\n')
              .filter((l) => /^\| \d{4}-\d\d-\d\dT/.test(l))
          : []
      const laad = (l: number[]) => l.map((x) => f(x, 2)).join(' / ')
      const regel = `| ${datum.slice(0, 16)}Z | ${duurS} | ${n0(rk.verslag.klaar)} / ${bbMeting ? n0(bbMeting.verslag.klaar) : '—'} | ${rk.verslag.mislukt} / ${bbMeting ? bbMeting.verslag.mislukt : '—'} | ${f(per1000(rk), 3)} | ${bbMeting ? f(per1000(bbMeting), 3) : '—'} | ${bbMeting ? f(kaalPer1000(bbMeting), 3) : '—'} | ${bbMeting ? `${f(verhouding, 2)}×` : '—'} | ${bbMeting ? `${f(verhoudingZonderServeren, 2)}×` : '—'} | ${f(rk.piekRssMiB, 0)} / ${bbMeting ? f(bbMeting.piekRssMiB, 0) : '—'} | ${laad(laadBegin)} → ${laad(laadEind)} |`
      const geschiedenis = [regel, ...eerder].slice(0, 10)
      await writeResultsSection(
        'probes',
        `## Monitoring probes, 10 000 HTTP checks a minute (bench/probes.ts)

Latest run ${datum} · ${machineDescription()}; load average ${laad(laadBegin)} at start, ${laad(laadEind)} at the end · \`npm run bench:probes\` (\`npx tsx bench/probes.ts --duur ${duurS}\`)

Load: ${n0(PER_MINUUT)} HTTP checks a minute (one every ${f(60_000 / PER_MINUUT, 0)} ms, evenly spaced, at most ${GELIJKTIJDIG} in flight) against a local target (a Node HTTP server in its own process on 127.0.0.1 answering 200 with a 60-byte JSON body; not measured). Each check: GET, expect 200, body contains \`"status":"UP"\`, timeout 5 s, a fresh connection per check. A warm-up of ${opwarmS} s, then a window of ${duurS} s in which CPU is read from \`/proc/<pid>/stat\` (utime + stime) of the measured process, and probes finished are counted. The two sides run one after the other on the same target (2 cores).

- **Regiekamer**: \`voerUit\` from src/monitor/probes in a child process of its own (\`loopbackToegestaan: true\`), with the pacing loop (bench/probes-tempo.ts) in the same process — its timers are in its CPU.
- **blackbox_exporter** ${versie || '(not measured)'} (Debian package \`prometheus-blackbox-exporter\`), module \`prober: http\`, \`valid_status_codes: [200]\`, \`fail_if_body_not_matches_regexp: ['"status":"UP"']\`, \`preferred_ip_protocol: ip4\`, timeout 5 s. A separate load process (not measured, same pacing code) asks \`/probe?module=http_2xx&target=…\` over kept-alive connections and checks \`probe_success 1\` in each answer. **Its CPU includes serving that /probe request** (parsing it, building a registry and writing the metrics text) — work Regiekamer's side does not do, so the peer's figure is somewhat higher than its probing alone.${bbMeting ? '' : `\n- **The peer could not be measured in this run**: ${bbWaarom}`}

${tabel}

${oordeel}

${zonderServeren}

Regiekamer's heap: ${f(rkx.heapVoorMiB)} MiB before probing → ${f(rkx.heapNaMiB)} MiB after (both after a full GC; sampled peak ${f(rkx.piekHeapMiB)} MiB). RSS ${f(rkx.rssVoorMiB, 0)} MiB before the first probe (Node with the tsx loader and the monitor modules loaded), sampled peak ${f(rkx.piekRssMiB, 0)} MiB; VmHWM includes start-up. Memory is not part of the goal: most of Regiekamer's RSS is Node itself with the tsx loader, and after ${n0(rk.verslag.gestart)} probes its heap is back within ${f(rkx.heapNaMiB - rkx.heapVoorMiB)} MiB of where it started. Its own \`process.cpuUsage()\` over the window: ${f(rkx.cpuSeconden, 2)} s (the /proc figure: ${f(rk.cpuSeconden, 2)} s). The target served ${n0(doelRk)} requests for Regiekamer${bbMeting ? ` and ${n0(doelBb)} for blackbox_exporter` : ''}, warm-up included.

What the ratio means: CPU time per probe of the process doing the probing, at the same rate, against the same target, with the same check. Below 1× Regiekamer's probes cost less CPU than blackbox_exporter's. It says nothing about the scheduler, the database writes of metingen or the roll-ups, which this bench leaves out. Runs on a shared 2-core VM vary with the other load (see the load averages).

### Runs (newest first; CPU s per 1 000 probes)

| date | window (s) | probes R / B | failures R / B | Regiekamer | blackbox_exporter | blackbox bare \`/-/healthy\` | **ratio** | ratio less bare serving | peak RSS MiB R / B | load average start → end |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|
${geschiedenis.join('\n')}
`,
      )
      console.log('\nWritten to bench/RESULTS.md')
    }
  }
} finally {
  await stop(doelKind)
  fs.rmSync(map, { recursive: true, force: true })
}
