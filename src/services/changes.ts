// A generation number that moves whenever registry data changes, here or (on
// PostgreSQL) in another process. Caches keep what they computed for one generation and
// drop it when the number moves, so they never serve data older than the last commit.

export class ChangeFeed {
  private current = 0
  private writesSinceAnalyze = 0
  private statisticsDue: () => void = () => {}
  private readonly listeners: ((wat: string | undefined) => void)[] = []

  /** `analyzeEvery`: writes between statistics refreshes; 0 where the database does it itself. */
  constructor(private readonly analyzeEvery = 0) {}

  get generation(): number {
    return this.current
  }

  /**
   * Who refreshes the planner statistics when `analyzeEvery` writes have committed: the
   * job runner (src/jobs/), so the write that happens to be the thousandth neither
   * waits for ANALYZE nor loses its error.
   */
  onStatisticsDue(refresh: () => void): void {
    this.statisticsDue = refresh
  }

  /** Who wants to hear of every commit in this process, with the object type written when known (the trust re-evaluation). */
  onCommitted(listener: (wat: string | undefined) => void): void {
    this.listeners.push(listener)
  }

  /** Called after a write committed; `wat`: the object type written, when the writer says. */
  committed(wat?: string): void {
    this.current++
    for (const l of this.listeners) l(wat)
    this.writesSinceAnalyze++
    if (this.analyzeEvery > 0 && this.writesSinceAnalyze >= this.analyzeEvery) {
      this.writesSinceAnalyze = 0
      this.statisticsDue()
    }
  }

  /** Called when another process reports a commit. */
  changedElsewhere(): void {
    this.current++
  }
}

/** A map of values valid for one generation of a ChangeFeed, bounded in entries and size. */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { generation: number; value: V; size: number }>()
  private totalSize = 0

  constructor(
    private readonly changes: ChangeFeed,
    private readonly maxEntries = 2000,
    private readonly sizeOf: (value: V) => number = () => 0,
    private readonly maxSize = Number.POSITIVE_INFINITY,
  ) {}

  private drop(key: string): void {
    const e = this.entries.get(key)
    if (!e) return
    this.totalSize -= e.size
    this.entries.delete(key)
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key)
    if (!hit) return undefined
    if (hit.generation !== this.changes.generation) {
      this.drop(key)
      return undefined
    }
    // Re-insert so Map order is least-recently-used first.
    this.entries.delete(key)
    this.entries.set(key, hit)
    return hit.value
  }

  set(key: string, value: V, generation: number): void {
    if (generation !== this.changes.generation) return
    const size = this.sizeOf(value)
    if (size > this.maxSize) return
    this.drop(key)
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.totalSize + size > this.maxSize)) {
      const oldest = this.entries.keys().next().value as string
      this.drop(oldest)
    }
    this.entries.set(key, { generation, value, size })
    this.totalSize += size
  }
}
