// When two values are the same to a person: whatever the order of an object's keys, and
// however "empty" was written (absent, null, '', an empty list, an object of empty
// fields). The audit log's presentation (wijzigingen.ts: did this field change?) and the
// edit-conflict comparison (web/src/components/conflict-logica.ts: do mine and theirs
// differ?) answer by this one rule, so the two never disagree about a change.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Absent, null, '' or []: a field with nothing in it. */
export const isLeeg = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** The value with sorted keys and every empty part as null (an object of empty fields is empty too). */
function genormaliseerd(v: unknown): unknown {
  if (isLeeg(v)) return null
  if (Array.isArray(v)) return v.map(genormaliseerd)
  if (isObject(v)) {
    const uit: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const w = genormaliseerd(v[k])
      if (w !== null) uit[k] = w
    }
    return Object.keys(uit).length === 0 ? null : uit
  }
  return v
}

export const zelfdeWaarde = (a: unknown, b: unknown): boolean => JSON.stringify(genormaliseerd(a)) === JSON.stringify(genormaliseerd(b))
