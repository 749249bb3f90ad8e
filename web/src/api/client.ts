import { currentLanguage } from '../i18n'

// One way to talk to the API: same-origin fetch with the session cookie, the
// session's CSRF token on every write, the UI language for problem messages, and
// problem+json turned into an ApiProblem the forms can read field by field.

export const API = '/api/v1'

export interface InvalidParam {
  name: string
  code?: string
  reason: string
}

export interface ProblemBody {
  type?: string
  title?: string
  status?: number
  detail?: string
  invalidParams?: InvalidParam[]
  afhankelijken?: { objecttype: string; id: string; naam?: string; relatie?: string }[]
  /** Dependants the caller may not see: only their number. */
  nietZichtbareAfhankelijken?: number
  /** 412: who saved the current version, and its revision. */
  gewijzigdDoor?: string
  huidigeRevisie?: number
}

export class ApiProblem extends Error {
  readonly status: number
  readonly body: ProblemBody
  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${status}`)
    this.status = status
    this.body = body
  }
  /** Messages per field path (`leden[0].organisatieId`), for showing next to the field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const p of this.body.invalidParams ?? []) {
      const key = p.name.replace(/^body\.?/, '')
      out[key] = out[key] ? `${out[key]} ${p.reason}` : p.reason
    }
    return out
  }
}

let csrfToken: string | undefined
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token
}

export interface ApiResult<T> {
  data: T
  etag?: string
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  ifMatch?: string
  signal?: AbortSignal
  /** A file sent as it is (an upload), instead of a JSON body; `headers` then say what it is. */
  bestand?: Blob
  /** Extra request headers (Content-Type and Content-Disposition of an upload). */
  headers?: Record<string, string>
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
  const method = opts.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage() }
  if (opts.body !== undefined) headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  if (opts.ifMatch) headers['if-match'] = opts.ifMatch
  Object.assign(headers, opts.headers)
  let res: Response
  try {
    res = await fetch(path.startsWith('/') ? path : `${API}/${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.bestand ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiProblem(0, { title: 'netwerk', detail: (e as Error).message })
  }
  const etag = res.headers.get('etag') ?? undefined
  if (res.status === 204) return { data: undefined as T, etag }
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json().catch(() => undefined) : undefined
  if (!res.ok) throw new ApiProblem(res.status, (body as ProblemBody | undefined) ?? { title: res.statusText })
  return { data: body as T, etag }
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }).then((r) => r.data)

/** Query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export interface UploadOptions {
  /** The upload's Content-Type, e.g. application/xml. */
  contentType: string
  /** Bytes sent so far and in all, while the file goes up (fetch cannot report this). */
  onVoortgang?: (verzonden: number, totaal: number) => void
  signal?: AbortSignal
}

/**
 * A file POSTed as it is, with upload progress: XMLHttpRequest, because fetch reports no
 * progress of a request body. Same headers and errors as `request`; the answer is JSON.
 */
export function uploadMetVoortgang<T>(path: string, bestand: Blob, opts: UploadOptions): Promise<ApiResult<T> & { status: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path.startsWith('/') ? path : `${API}/${path}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('accept-language', currentLanguage())
    xhr.setRequestHeader('content-type', opts.contentType)
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken)
    xhr.upload.onprogress = (e) => opts.onVoortgang?.(e.loaded, e.lengthComputable ? e.total : bestand.size)
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? ''
      let body: unknown
      try {
        body = type.includes('json') && xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        body = undefined
      }
      if (xhr.status < 200 || xhr.status >= 300)
        reject(new ApiProblem(xhr.status, (body as ProblemBody | undefined) ?? { title: xhr.statusText }))
      else resolve({ data: body as T, etag: xhr.getResponseHeader('etag') ?? undefined, status: xhr.status })
    }
    xhr.onerror = () => reject(new ApiProblem(0, { title: 'netwerk', detail: 'upload' }))
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'))
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(bestand)
  })
}
