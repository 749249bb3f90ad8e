import os from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  type MaatstafWaarde,
  maakMaatstafIndex,
  type Regel,
  type VerdeelContext,
  type Verdeelsleutel,
  verdeelAlles,
  verdeelKostenpost,
} from '../src/domain/verdeling/index.js'
import { gemeenten } from '../src/io/gemeenten.js'
import { machineDescription, writeResultsSection } from './results.js'
import { willekeurig } from './willekeur.js'

// The allocation engine on 1 000 000 kostenposten over the 342 municipalities with mixed
// keys, against a plain typed-array loop doing the same arithmetic in floating point in
// the same run (which is fast but not exact: it counts how often it is off). Goal (issue 5):
// ≤ 2 s, ≤ 500 MB, within 3× of the baseline. Every cent must be accounted for.

const POSTEN = Number(process.env.BENCH_POSTEN ?? 1_000_000)
const RONDES = Number(process.env.BENCH_RONDES ?? 3)
const JAREN = [2024, 2025, 2026]

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const rnd = willekeurig(20261123)
const geheel = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))

// ---- data ---------------------------------------------------------------------------

const lijst = [...gemeenten().values()]
const ids = lijst.map((g) => g.cbsCode)
const provincies = [...new Set(lijst.map((g) => g.provincie))]

const ruw = new Map<string, Float64Array>() // `${maatstaf}|${jaar}` → value per gemeente index
const waarden: MaatstafWaarde[] = []
for (const jaar of JAREN) {
  const inwoners = Float64Array.from(lijst, (g) => Math.round(g.inwoners * (1 + (jaar - 2025) * 0.01 + (rnd() - 0.5) * 0.004)))
  const woz = Float64Array.from(inwoners, (i) => Math.round(i * (0.44 + rnd() * 0.06)))
  const werkplekken = Float64Array.from(inwoners, (i) => Math.round((i / 160) * (0.8 + rnd() * 0.4) * 10) / 10)
  for (const [maatstaf, reeks] of [
    ['inwoners', inwoners],
    ['WOZ-objecten', woz],
    ['werkplekken', werkplekken],
  ] as const) {
    ruw.set(`${maatstaf}|${jaar}`, reeks)
    reeks.forEach((waarde, i) => {
      waarden.push({ organisatieId: ids[i], maatstaf, jaar, waarde })
    })
  }
}

/** Participant groups: many small gastheerschappen within a province, fewer regional ones, one of all 342. */
function trekGroep(grootte: number): number[] {
  const provincie = provincies[geheel(0, provincies.length - 1)]
  const binnen = lijst.flatMap((g, i) => (g.provincie === provincie ? [i] : []))
  const bron = grootte <= binnen.length ? binnen : lijst.map((_, i) => i)
  const gekozen = new Set<number>()
  while (gekozen.size < grootte) gekozen.add(bron[geheel(0, bron.length - 1)])
  return [...gekozen]
}
const groepIndexen: number[][] = [
  ...Array.from({ length: 250 }, () => trekGroep(geheel(2, 5))),
  ...Array.from({ length: 120 }, () => trekGroep(geheel(6, 30))),
  ...Array.from({ length: 29 }, () => trekGroep(geheel(31, 120))),
  lijst.map((_, i) => i),
]
const groepen = groepIndexen.map((g) => g.map((i) => ids[i]))

/** Hundredths of a percent per member, adding up to exactly 100.00. */
function vastePercentages(aantal: number): number[] {
  const ruweGewichten = Array.from({ length: aantal }, () => 1 + rnd() * 9)
  const som = ruweGewichten.reduce((s, w) => s + w, 0)
  const honderdsten = ruweGewichten.map((w) => Math.floor((w / som) * 10_000))
  honderdsten[0] += 10_000 - honderdsten.reduce((s, h) => s + h, 0)
  return honderdsten
}

type Soort = 'inwoners' | 'gelijke delen' | 'WOZ-objecten' | 'werkplekken' | 'mix' | 'volledig afnemer'
const sleutels: Verdeelsleutel[] = [
  { id: 'inwoners', naam: 'Inwoners', versies: [{ geldigVanaf: 2020, regel: { soort: 'inwoners' } }] },
  { id: 'gelijk', naam: 'Gelijke delen', versies: [{ geldigVanaf: 2020, regel: { soort: 'gelijke delen' } }] },
  { id: 'woz', naam: 'WOZ-objecten', versies: [{ geldigVanaf: 2020, regel: { soort: 'maatstaf', maatstaf: 'WOZ-objecten' } }] },
  { id: 'werkplekken', naam: 'Werkplekken', versies: [{ geldigVanaf: 2020, regel: { soort: 'maatstaf', maatstaf: 'werkplekken' } }] },
]
/** Per key index: what the baseline needs to compute the same weights in floating point. */
const basisSleutels: { soort: Soort; vast?: number[]; aandeelVast?: number[]; geldigVanaf?: number[]; afnemer?: number }[] = [
  { soort: 'inwoners' },
  { soort: 'gelijke delen' },
  { soort: 'WOZ-objecten' },
  { soort: 'werkplekken' },
]
const mixSleutel: number[] = []
const afnemerSleutel: number[] = []
groepen.forEach((groep, g) => {
  const vast = vastePercentages(groep.length)
  const versie = (geldigVanaf: number, aandeelVast: number): { geldigVanaf: number; regel: Regel } => ({
    geldigVanaf,
    regel: {
      soort: 'mix',
      componenten: [
        {
          aandeel: aandeelVast,
          regel: {
            soort: 'vast percentage',
            percentages: groep.map((deelnemerId, i) => ({ deelnemerId, percentage: (vast[i] / 100).toFixed(2) })),
          },
        },
        { aandeel: 100 - aandeelVast, regel: { soort: 'inwoners' } },
      ],
    },
  })
  mixSleutel[g] = sleutels.length
  sleutels.push({ id: `mix-${g}`, naam: `50% vast + 50% inwoners, groep ${g}`, versies: [versie(2020, 50), versie(2026, 60)] })
  basisSleutels.push({ soort: 'mix', vast, aandeelVast: [50, 60], geldigVanaf: [2020, 2026] })
  afnemerSleutel[g] = sleutels.length
  sleutels.push({
    id: `afnemer-${g}`,
    naam: `Volledig afnemer, groep ${g}`,
    versies: [{ geldigVanaf: 2020, regel: { soort: 'volledig afnemer', deelnemerId: groep[0] } }],
  })
  basisSleutels.push({ soort: 'volledig afnemer', afnemer: 0 })
})

const bedrag = new Float64Array(POSTEN)
const jaar = new Uint16Array(POSTEN)
const sleutel = new Uint32Array(POSTEN)
const groep = new Uint32Array(POSTEN)
for (let p = 0; p < POSTEN; p++) {
  const klasse = rnd()
  const g = klasse < 0.6 ? geheel(0, 249) : klasse < 0.9 ? geheel(250, 369) : klasse < 0.99 ? geheel(370, 398) : 399
  groep[p] = g
  jaar[p] = JAREN[geheel(0, JAREN.length - 1)]
  const soort = geheel(0, 5)
  sleutel[p] = soort < 4 ? soort : soort === 4 ? mixSleutel[g] : afnemerSleutel[g]
  // €100 to €10 000 000, log-uniform; one in ten a round amount
  const cent = Math.round(10 ** (4 + rnd() * 5))
  bedrag[p] = rnd() < 0.1 ? Math.round(cent / 100_000) * 100_000 : cent
}
const posten = { bedrag, jaar, sleutel, groep }
const { index, fouten } = maakMaatstafIndex(waarden)
if (fouten.length > 0) throw new Error(JSON.stringify(fouten))
const context: VerdeelContext = { maatstaven: index }
const aantalDelen = Array.from(groep, (g) => groepen[g].length).reduce((s, n) => s + n, 0)

// ---- baseline: plain floating point -------------------------------------------------

interface BasisPlan {
  fractie: Float64Array
}
function basisPlan(s: number, j: number, g: number): BasisPlan {
  const leden = groepIndexen[g]
  const def = basisSleutels[s]
  const perMaatstaf = (maatstaf: string) => {
    const reeks = ruw.get(`${maatstaf}|${j}`) as Float64Array
    const w = Float64Array.from(leden, (i) => reeks[i])
    const totaal = w.reduce((a, b) => a + b, 0)
    return w.map((x) => x / totaal)
  }
  if (def.soort === 'gelijke delen') return { fractie: new Float64Array(leden.length).fill(1 / leden.length) }
  if (def.soort === 'volledig afnemer') return { fractie: Float64Array.from(leden, (_, i) => (i === def.afnemer ? 1 : 0)) }
  if (def.soort !== 'mix') return { fractie: perMaatstaf(def.soort) }
  const versie = (def.geldigVanaf as number[]).filter((v) => v <= j).length - 1
  const a = (def.aandeelVast as number[])[versie] / 100
  const inw = perMaatstaf('inwoners')
  const vast = def.vast as number[]
  return { fractie: inw.map((f, i) => a * (vast[i] / 10_000) + (1 - a) * f) }
}

/** The same quickselect as the engine's. */
function kleinste(a: Float64Array, n: number, k: number): number {
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]
  }
  return a[k]
}

function basislijn(buffer?: Float64Array): { delen: Float64Array; begin: Uint32Array } {
  const begin = new Uint32Array(POSTEN + 1)
  for (let p = 0; p < POSTEN; p++) begin[p + 1] = begin[p] + groepen[groep[p]].length
  const delen = buffer ? buffer.subarray(0, begin[POSTEN]) : new Float64Array(begin[POSTEN])
  const plannen = new Map<number, BasisPlan>()
  const rest = new Float64Array(342)
  const kopie = new Float64Array(342)
  for (let p = 0; p < POSTEN; p++) {
    const k = (jaar[p] * sleutels.length + sleutel[p]) * groepen.length + groep[p]
    let plan = plannen.get(k)
    if (!plan) {
      plan = basisPlan(sleutel[p], jaar[p], groep[p])
      plannen.set(k, plan)
    }
    const f = plan.fractie
    const n = f.length
    const a = bedrag[p]
    const o = begin[p]
    let som = 0
    for (let i = 0; i < n; i++) {
      const x = a * f[i]
      const q = Math.floor(x)
      delen[o + i] = q
      rest[i] = x - q
      som += q
    }
    const over = Math.min(n, Math.max(0, a - som))
    if (over === 0) continue
    if (over <= 4) {
      for (let c = 0; c < over; c++) {
        let beste = 0
        for (let i = 1; i < n; i++) if (rest[i] > rest[beste]) beste = i
        delen[o + beste] += 1
        rest[beste] = -1
      }
    } else {
      for (let i = 0; i < n; i++) kopie[i] = rest[i]
      const drempel = kleinste(kopie, n, n - over)
      let gegeven = 0
      for (let i = 0; i < n && gegeven < over; i++) {
        if (rest[i] >= drempel) {
          delen[o + i] += 1
          gegeven++
        }
      }
    }
  }
  return { delen, begin }
}

// ---- measure ------------------------------------------------------------------------

const mib = (bytes: number) => bytes / 2 ** 20
const piekRss = () => mib(process.resourceUsage().maxRSS * 1024)
const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function engine(buffer?: Float64Array) {
  const uitkomst = verdeelAlles(posten, sleutels, groepen, context, { buffer })
  if (!uitkomst.ok) throw new Error(JSON.stringify(uitkomst.fout.invalidParams.slice(0, 5)))
  return uitkomst.waarde
}

/** Wall time, and CPU time of the whole process (which the machine's other load does not inflate as much). */
function tijd<T>(f: () => T): { ms: number; cpuMs: number; waarde: T } {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  const waarde = f()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const verbruikt = process.cpuUsage(cpu)
  return { ms, cpuMs: (verbruikt.user + verbruikt.system) / 1000, waarde }
}

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(2))
  gc()
  const rssNaData = mib(process.memoryUsage().rss)
  console.log(
    `${POSTEN.toLocaleString('en')} kostenposten, ${aantalDelen.toLocaleString('en')} delen, ${sleutels.length} sleutels, ${groepen.length} groepen`,
  )

  // Round 1 allocates the output arrays (on this VM first-touching ~140 MB costs more than the
  // arithmetic); later rounds write into reused buffers, so they show the arithmetic.
  const engineMs: number[] = []
  const engineCpu: number[] = []
  const basisMs: number[] = []
  const basisCpu: number[] = []
  let piekEngine = 0
  let engineBuffer: Float64Array | undefined
  let basisBuffer: Float64Array | undefined
  for (let r = 0; r < RONDES; r++) {
    gc()
    const e = tijd(() => engine(engineBuffer))
    engineMs.push(e.ms)
    engineCpu.push(e.cpuMs)
    if (r === 0) piekEngine = piekRss()
    engineBuffer ??= e.waarde.delen
    gc()
    const b = tijd(() => basislijn(basisBuffer))
    basisMs.push(b.ms)
    basisCpu.push(b.cpuMs)
    basisBuffer ??= b.waarde.delen
    console.log(
      `round ${r + 1}: engine ${e.ms.toFixed(0)} ms (CPU ${e.cpuMs.toFixed(0)} ms), baseline ${b.ms.toFixed(0)} ms (CPU ${b.cpuMs.toFixed(0)} ms)`,
    )
  }
  gc()
  const resultaat = engine(engineBuffer)

  // Exactness: every post's parts add up to it, and so does the whole.
  let totaalPosten = 0
  let totaalDelen = 0
  let postenNietSluitend = 0
  let negatief = 0
  for (let p = 0; p < POSTEN; p++) {
    let som = 0
    for (let i = resultaat.begin[p]; i < resultaat.begin[p + 1]; i++) {
      som += resultaat.delen[i]
      if (resultaat.delen[i] < 0 || !Number.isInteger(resultaat.delen[i])) negatief++
    }
    if (som !== bedrag[p]) postenNietSluitend++
    totaalPosten += bedrag[p]
    totaalDelen += som
  }
  if (!Number.isSafeInteger(totaalPosten)) throw new Error('sum of all posts exceeds 2^53; lower the amounts')

  // The batch gives the same cents as the traceable single-post API (a sample).
  const steekproef = 2_000
  let afwijkendVanEnkel = 0
  for (let s = 0; s < steekproef; s++) {
    const p = Math.floor((s * POSTEN) / steekproef)
    const enkel = verdeelKostenpost(
      { id: String(p), jaar: jaar[p], bedrag: bedrag[p], deelnemers: groepen[groep[p]] },
      sleutels[sleutel[p]],
      context,
    )
    if (!enkel.ok) throw new Error(JSON.stringify(enkel.fout.invalidParams))
    if (enkel.waarde.delen.some((d, i) => d.bedrag !== resultaat.delen[resultaat.begin[p] + i])) afwijkendVanEnkel++
  }

  // How often plain floating point gets it wrong on the same data.
  const basis = basislijn(basisBuffer)
  let basisNietSluitend = 0
  let basisAnders = 0
  for (let p = 0; p < POSTEN; p++) {
    let som = 0
    let anders = false
    for (let i = basis.begin[p]; i < basis.begin[p + 1]; i++) {
      som += basis.delen[i]
      if (basis.delen[i] !== resultaat.delen[i]) anders = true
    }
    if (som !== bedrag[p]) basisNietSluitend++
    if (anders) basisAnders++
  }
  const piekTotaal = piekRss()

  const warm = (xs: number[]) => mediaan(xs.length > 1 ? xs.slice(1) : xs)
  const eMs = warm(engineMs)
  const bMs = warm(basisMs)
  const ratio = eMs / bMs
  const koudRatio = engineMs[0] / basisMs[0]
  const cpuRatio = warm(engineCpu) / warm(basisCpu)
  const exact = postenNietSluitend === 0 && totaalPosten === totaalDelen && negatief === 0 && afwijkendVanEnkel === 0
  const doelen = { tijd: engineMs[0] <= 2_000 && eMs <= 2_000, geheugen: piekEngine <= 500, ratio: ratio <= 3 && koudRatio <= 3 }
  const ja = (b: boolean) => (b ? 'yes' : '**no**')
  const eur = (cent: number) => `€ ${(cent / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

  const markdown = `## Allocation engine (bench/allocation.ts)

- Date: ${new Date().toISOString()}
- Machine: ${machineDescription()}; load average at start ${load.join(' / ')}
- Command: \`npx tsx bench/allocation.ts\` (\`BENCH_POSTEN\`, \`BENCH_RONDES\` change the size and the number of rounds)
- Data (deterministic): ${POSTEN.toLocaleString('en')} kostenposten over the 342 municipalities of \`reference/gemeenten.csv\`, years ${JAREN.join(', ')}, amounts € 100 – € 10 000 000 log-uniform (one in ten round); ${groepen.length} participant groups (250 of 2–5 members within a province, 120 of 6–30, 29 of 31–120, 1 of all 342); ${sleutels.length} keys, one kind per post drawn evenly from inwoners, gelijke delen, maatstaf WOZ-objecten, maatstaf werkplekken (1 decimal), mix vast % (2 decimals) + inwoners (50/50, 60/40 from 2026), volledig afnemer; ${aantalDelen.toLocaleString('en')} parts in all
- Engine: \`verdeelAlles\` (exact fractions per key, year and group computed once with BigInt; per post exact integer arithmetic in doubles; largest remainder with the documented tie-break). Time includes validating every post and building the fractions.
- Baseline: a plain typed-array loop in the same run: floating-point fractions per key, year and group, \`Math.floor(bedrag × fractie)\`, left-over cents to the largest floating-point remainders (the same selection: scans for ≤ 4 cents, else the same quickselect). Not exact.
- Rounds: ${RONDES}, alternating engine and baseline. Round 1 allocates each output array (${mib(aantalDelen * 8).toFixed(0)} MiB; first-touching fresh memory is slow on this VM); later rounds pass the first round's array as \`buffer\` to reuse it, so they show the arithmetic. CPU time is the process's user + system time, less inflated than wall time when the machine is busy

| | round 1, allocating the output (ms) | later rounds, output buffer reused (median, ms) | all rounds (ms) | CPU time, later rounds (median, ms) |
|---|--:|--:|--:|--:|
| engine \`verdeelAlles\` | ${engineMs[0].toFixed(0)} | ${eMs.toFixed(0)} | ${engineMs.map((m) => m.toFixed(0)).join(', ')} | ${warm(engineCpu).toFixed(0)} |
| baseline, floating point | ${basisMs[0].toFixed(0)} | ${bMs.toFixed(0)} | ${basisMs.map((m) => m.toFixed(0)).join(', ')} | ${warm(basisCpu).toFixed(0)} |
| **ratio engine / baseline** | **${koudRatio.toFixed(2)}** | **${ratio.toFixed(2)}** | | ${cpuRatio.toFixed(2)} |

- Peak RSS (whole process, \`process.resourceUsage().maxRSS\`): ${piekEngine.toFixed(0)} MiB after the first engine run (data ${rssNaData.toFixed(0)} MiB after generation and GC; the parts are a ${mib(aantalDelen * 8).toFixed(0)} MiB Float64Array); ${piekTotaal.toFixed(0)} MiB at the end, while the checks below hold the engine's and the baseline's output at once
- Exactness: sum of all posts ${eur(totaalPosten)} = sum of all parts ${eur(totaalDelen)}: ${ja(totaalPosten === totaalDelen)}; posts whose parts do not add up to them: ${postenNietSluitend}; negative or fractional parts: ${negatief}; sampled posts (${steekproef.toLocaleString('en')}) where \`verdeelAlles\` differs from the traceable \`verdeelKostenpost\`: ${afwijkendVanEnkel}
- Baseline, for contrast: ${basisNietSluitend.toLocaleString('en')} posts whose floating-point parts do not add up to the post; ${basisAnders.toLocaleString('en')} posts (${((basisAnders / POSTEN) * 100).toFixed(2)}%) where at least one part differs from the exact allocation
${Number(load[0]) > os.cpus().length ? `- Note: the load average at start (${load[0]}) exceeded the ${os.cpus().length} cores: other processes held the CPU, so wall times are inflated (compare the CPU column); rerun on an idle machine for the time goal\n` : ''}- Goals (both columns): ≤ 2 000 ms: ${ja(doelen.tijd)}; ≤ 500 MB: ${ja(doelen.geheugen)}; ≤ 3× baseline: ${ja(doelen.ratio)}; every cent accounted for: ${ja(exact)}
`
  console.log(markdown)
  await writeResultsSection('verdeling', markdown)
  if (!exact) process.exitCode = 1
}

await main()
