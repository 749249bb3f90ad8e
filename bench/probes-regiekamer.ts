import fs from 'node:fs'
import { voerUit } from '../src/monitor/probes/index.js'
import type { HttpControle, UitkomstSoort } from '../src/monitor/typen.js'
import { houdTempo, leesTempoArgument, meld } from './probes-tempo.js'

// Regiekamer's side of bench/probes.ts, in its own process so its CPU and memory are its
// own: HTTP controles through voerUit at the given pace. Started with --expose-gc.
// Reports its own CPU (process.cpuUsage) over the window; the parent also reads /proc.

const MiB = 2 ** 20
const a = leesTempoArgument()
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const controle: HttpControle = {
  soort: 'http',
  url: a.doel,
  methode: 'GET',
  verwachteStatus: [200],
  // The same test as blackbox_exporter's fail_if_body_not_matches_regexp in bench/probes.ts.
  body: { soort: 'tekst-bevat', tekst: '"status":"UP"' },
  timeoutMs: 5_000,
}
const opties = { loopbackToegestaan: true, priveToegestaan: false }

const vmHwm = (): number => {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

// One probe first: a wrong target or policy shows here, not as 10 000 failures.
const eerste = await voerUit(controle, opties)
if (!eerste.geslaagd) {
  meld({ fout: `first probe failed: ${eerste.soort}: ${eerste.reden.en}` })
  process.exit(1)
}
gc()
const voor = process.memoryUsage()

let piekRss = voor.rss
let piekHeap = voor.heapUsed
const monster = setInterval(() => {
  const m = process.memoryUsage()
  piekRss = Math.max(piekRss, m.rss)
  piekHeap = Math.max(piekHeap, m.heapUsed)
}, 250)

const fouten = new Map<UitkomstSoort, number>()
let cpuBegin = process.cpuUsage()
let cpu = { user: 0, system: 0 }
const verslag = await houdTempo(
  a,
  async () => {
    const u = await voerUit(controle, opties)
    if (!u.geslaagd) fouten.set(u.soort, (fouten.get(u.soort) ?? 0) + 1)
    return u.geslaagd
  },
  {
    begin: () => {
      cpuBegin = process.cpuUsage()
      meld({ venster: 'begin' })
    },
    eind: () => {
      cpu = process.cpuUsage(cpuBegin)
      meld({ venster: 'eind' })
    },
  },
)
clearInterval(monster)
gc()
const na = process.memoryUsage()
meld({
  resultaat: {
    ...verslag,
    cpuSeconden: (cpu.user + cpu.system) / 1e6,
    cpuUserSeconden: cpu.user / 1e6,
    fouten: Object.fromEntries(fouten),
    heapVoorMiB: voor.heapUsed / MiB,
    heapNaMiB: na.heapUsed / MiB,
    piekHeapMiB: piekHeap / MiB,
    rssVoorMiB: voor.rss / MiB,
    piekRssMiB: piekRss / MiB,
    vmHwmMiB: vmHwm(),
  },
})
