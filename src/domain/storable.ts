// Text as PostgreSQL stores it. text and jsonb cannot hold U+0000, and a lone UTF-16
// surrogate cannot be encoded in UTF-8: the driver sends it as U+FFFD. A value that is
// hashed before it is stored (the audit chain) must therefore be hashed in this form,
// or the stored row no longer matches its hash.

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what must be found
export const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g')

export const isStorable = (s: string): boolean => !UNSTORABLE.test(s)

/** The string as it comes back from the database: U+0000 and lone surrogates become U+FFFD. */
export const storableText = (s: string): string => (UNSTORABLE.test(s) ? s.replace(UNSTORABLE_ALL, '\uFFFD') : s)

/** Whether any string (or object key) in a JSON-like value cannot be stored as it is. */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorable(value)
  if (Array.isArray(value)) return value.some(hasUnstorableText)
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => !isStorable(k) || hasUnstorableText(v))
  return false
}

function storableValue(v: unknown): unknown {
  if (typeof v === 'string') return storableText(v)
  if (Array.isArray(v)) return v.map(storableValue)
  // fromEntries defines own properties (a key "__proto__" stays data) and, like jsonb,
  // keeps the last of two keys that became equal.
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), storableValue(x)]))
  return v
}

/**
 * A value as a jsonb column gives it back: through JSON (dates become strings, undefined
 * disappears, NaN becomes null) and with every string and key made storable.
 */
export function storableJson(value: unknown): unknown {
  if (value === null || value === undefined) return null
  const text = JSON.stringify(value)
  return text === undefined ? null : storableValue(JSON.parse(text))
}
