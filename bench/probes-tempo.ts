// The pace of bench/probes.ts, shared by both sides so they get exactly the same load:
// probes started evenly spaced at a rate per minute, at most `gelijktijdig` in flight,
// a warm-up, then a measuring window. The caller's `venster` hooks run at the window's
// start and end, where CPU is read.

export interface TempoOpties {
  perMinuut: number
  gelijktijdig: number
  opwarmMs: number
  duurMs: number
}

export interface TempoVerslag {
  /** Probes finished inside the measuring window. */
  klaar: number
  /** Of those, the ones that did not pass. */
  mislukt: number
  /** Probes started in all (warm-up and window). */
  gestart: number
  /** The window's real length (ms), from its start hook to its end hook. */
  vensterMs: number
  /** How often a start had to wait because `gelijktijdig` probes were still running. */
  volGewacht: number
  /** The latest a probe started after its slot (ms). */
  maxTeLaatMs: number
  /** Probe durations inside the window (ms): median, p99, max. */
  duurMs: { mediaan: number; p99: number; max: number }
}

const slaap = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export async function houdTempo(
  o: TempoOpties,
  probe: () => Promise<boolean>,
  venster: { begin: () => void; eind: () => void },
): Promise<TempoVerslag> {
  const interval = 60_000 / o.perMinuut
  const start = performance.now()
  const vensterBegin = start + o.opwarmMs
  const vensterEind = vensterBegin + o.duurMs
  let inVenster = false
  let echtBegin = 0
  let echtEind = 0
  let bezig = 0
  let gestart = 0
  let klaar = 0
  let mislukt = 0
  let volGewacht = 0
  let maxTeLaatMs = 0
  const duren: number[] = []
  const wachtenden: (() => void)[] = []
  const lopend = new Set<Promise<void>>()

  const openVenster = () => {
    inVenster = true
    echtBegin = performance.now()
    venster.begin()
  }

  for (let i = 0; ; i++) {
    const slot = start + i * interval
    if (slot >= vensterEind) break
    const wacht = slot - performance.now()
    if (wacht > 0) await slaap(wacht)
    if (!inVenster && performance.now() >= vensterBegin) openVenster()
    if (bezig >= o.gelijktijdig) {
      volGewacht++
      await new Promise<void>((r) => wachtenden.push(r))
    }
    const t0 = performance.now()
    maxTeLaatMs = Math.max(maxTeLaatMs, t0 - slot)
    bezig++
    gestart++
    const p: Promise<void> = probe()
      .catch(() => false)
      .then((ok) => {
        const t1 = performance.now()
        // Counted when it finishes inside the window: that is where its CPU was read.
        if (inVenster && echtEind === 0) {
          klaar++
          if (!ok) mislukt++
          duren.push(t1 - t0)
        }
        bezig--
        lopend.delete(p)
        wachtenden.shift()?.()
      })
    lopend.add(p)
  }
  const rest = vensterEind - performance.now()
  if (rest > 0) await slaap(rest)
  if (!inVenster) openVenster()
  echtEind = performance.now()
  venster.eind()
  await Promise.all([...lopend])

  duren.sort((a, b) => a - b)
  const op = (q: number) => duren[Math.min(duren.length - 1, Math.floor(q * duren.length))] ?? Number.NaN
  return {
    klaar,
    mislukt,
    gestart,
    vensterMs: echtEind - echtBegin,
    volGewacht,
    maxTeLaatMs,
    duurMs: { mediaan: op(0.5), p99: op(0.99), max: duren[duren.length - 1] ?? Number.NaN },
  }
}

export interface TempoArgumenten extends TempoOpties {
  doel: string
}

/** The load for blackbox_exporter (bench/probes-last.ts) also gets what every answer must show. */
export interface LastArgumenten extends TempoArgumenten {
  /** A regular expression (multiline), e.g. `^probe_success 1$`. */
  verwacht: string
}

/** The children get the pace as one JSON argument. */
export const leesTempoArgument = (): TempoArgumenten => JSON.parse(process.argv[2] ?? '{}') as TempoArgumenten

/** One JSON line on stdout per event; the parent reads /proc when it sees `begin` and `eind`. */
export const meld = (regel: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(regel)}\n`)
