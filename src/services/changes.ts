// A generation number that moves whenever registry data changes, here or (on
// PostgreSQL) in another process. Caches keep what they computed for one generation and
// drop it when the number moves, so they never serve data older than the last commit.

export class ChangeFeed {
  private current = 0
  private writesSinceAnalyze = 0

  get generation(): number {
    return this.current
  }

  /** Called after a write committed; returns true when statistics are worth refreshing. */
  committed(): boolean {
    this.current++
    this.writesSinceAnalyze++
    if (this.writesSinceAnalyze >= 1000) {
      this.writesSinceAnalyze = 0
      return true
    }
    return false
  }

  /** Called when another process reports a commit. */
  changedElsewhere(): void {
    this.current++
  }
}

/** A bounded map of values that are valid for one generation of a ChangeFeed. */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { generation: number; value: V }>()

  constructor(
    private readonly changes: ChangeFeed,
    private readonly maxEntries = 2000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key)
    if (!hit) return undefined
    if (hit.generation !== this.changes.generation) {
      this.entries.delete(key)
      return undefined
    }
    // Re-insert so Map order is least-recently-used first.
    this.entries.delete(key)
    this.entries.set(key, hit)
    return hit.value
  }

  set(key: string, value: V, generation: number): void {
    if (generation !== this.changes.generation) return
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(key, { generation, value })
  }
}
