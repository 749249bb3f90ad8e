import { chromium, type Page } from 'playwright-core'

// How bench/monitoring.ts times things: sequential requests (one at a time, so each figure
// is one request's latency, not a queue's), and page loads in Debian Chromium with the
// flags of bench/ui.ts.

export interface Verdeling {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function verdeling(ms: number[]): Verdeling {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN }
}

export interface Gemeten {
  tijden: Verdeling
  /** Bytes of the last answer's body. */
  bytes: number
  /** First request of the target (before the warm-up), ms. */
  eerste: number
}

/**
 * `warmup` untimed requests, then `aantal` timed ones, one after another. `url` may be a
 * function of the request's number (a new search term per request). Every answer must be 200.
 */
export async function meetVerzoeken(
  url: string | ((i: number) => string),
  headers: Record<string, string>,
  aantal: number,
  warmup: number,
): Promise<Gemeten> {
  const adres = typeof url === 'string' ? () => url : url
  const een = async (i: number): Promise<{ ms: number; bytes: number }> => {
    const start = performance.now()
    const res = await fetch(adres(i), { headers })
    const body = await res.arrayBuffer()
    const ms = performance.now() - start
    if (res.status !== 200) throw new Error(`${adres(i)} answered ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`)
    return { ms, bytes: body.byteLength }
  }
  const eerste = await een(0)
  for (let i = 1; i <= warmup; i++) await een(i)
  const ms: number[] = []
  let bytes = eerste.bytes
  for (let i = 0; i < aantal; i++) {
    const r = await een(warmup + 1 + i)
    ms.push(r.ms)
    bytes = r.bytes
  }
  return { tijden: verdeling(ms), bytes, eerste: eerste.ms }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

export interface PaginaMeting {
  /** From the page's own navigation start until ready: what a person waits after clicking. */
  inPagina: Verdeling
  /** From the driver's page.goto until ready (includes opening the tab). */
  wand: Verdeling
}

/**
 * Loads `url` `aantal` times in fresh tabs of one context (assets cached after the first
 * load, as for a person who uses the application) and times until `klaar` resolves.
 */
export async function meetPagina(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  cookies: { name: string; value: string; url: string }[],
  url: string,
  klaar: (page: Page) => Promise<unknown>,
  aantal: number,
): Promise<PaginaMeting> {
  const context = await browser.newContext()
  if (cookies.length > 0) await context.addCookies(cookies)
  try {
    const wand: number[] = []
    const inPagina: number[] = []
    // One untimed load first: the first visit's compile and asset fetch are not what the
    // warm figures describe.
    for (let i = 0; i <= aantal; i++) {
      const page = await context.newPage()
      const start = performance.now()
      await page.goto(url)
      await klaar(page)
      const w = performance.now() - start
      const p = await page.evaluate(() => performance.now())
      await page.close()
      if (i === 0) continue
      wand.push(w)
      inPagina.push(p)
    }
    return { inPagina: verdeling(inPagina), wand: verdeling(wand) }
  } finally {
    await context.close()
  }
}

export { chromium }
