import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect } from 'react'
import { Navigate, useLocation } from 'react-router'
import { ApiProblem, get, request, setCsrfToken } from '../api/client'
import { HUIDIGE_SESSIE } from '../api/sessie'
import type { Ik } from '../api/types'

// Who is signed in and what they may do, from GET /_ik. The UI shows only what
// the API says is allowed; the API enforces it regardless.

export const IK_KEY = ['ik'] as const

// True once this tab has signed out (the server ended the session), until /_ik names a
// user again: RequireLogin then sends the person to the login page that says so.
let uitgelogd = false

async function fetchIk(): Promise<Ik | null> {
  try {
    const ik = await get<Ik>('_ik')
    setCsrfToken(ik.csrfToken)
    uitgelogd = false
    return ik
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) {
      setCsrfToken(undefined)
      return null
    }
    throw e
  }
}

export const ikQuery = { queryKey: IK_KEY, queryFn: fetchIk, staleTime: 60_000, retry: false } as const

export function useIk() {
  return useQuery(ikQuery)
}

// RequireLogin hands the signed-in user down through context: the pages under it never
// see the moment (logout, expiry) at which the query already says "nobody".
const IkContext = createContext<Ik | null>(null)

/** The signed-in user; only for components under RequireLogin. */
export function useCurrentIk(): Ik {
  const ik = useContext(IkContext)
  if (!ik) throw new Error('useCurrentIk outside RequireLogin')
  return ik
}

/**
 * Signs out: ends the session on the server, and only then says so (the login page with
 * "U bent uitgelogd") and forgets everything the client fetched. Throws, and changes
 * nothing, when the server did not end the session: the caller must say so, since the
 * session may still be active.
 */
export function useLogout() {
  const client = useQueryClient()
  return async () => {
    try {
      await request(HUIDIGE_SESSIE, { method: 'DELETE' })
    } catch (e) {
      // 401: the session had already ended (expired or closed elsewhere) — signed out too.
      if (!(e instanceof ApiProblem && e.status === 401)) throw e
    }
    setCsrfToken(undefined)
    uitgelogd = true
    // "Nobody is signed in": in the same render RequireLogin drops the signed-in pages and
    // sends the person to the login page — one navigation, so nothing can overtake it.
    client.setQueryData(IK_KEY, null)
    // Forget the rest: no data of this session stays in memory.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== IK_KEY[0] })
    client.getMutationCache().clear()
  }
}

export function RequireLogin({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useIk()
  const location = useLocation()
  const client = useQueryClient()
  // Any 401 later on (session expired) sends the person back to the login page.
  useEffect(() => {
    return client.getQueryCache().subscribe((event) => {
      const err = event.query.state.error
      if (event.type === 'updated' && err instanceof ApiProblem && err.status === 401 && event.query.queryKey[0] !== IK_KEY[0]) {
        client.setQueryData(IK_KEY, null)
      }
    })
  }, [client])
  if (isPending) return null
  if (error) throw error
  if (!data) {
    if (uitgelogd) return <Navigate to="/inloggen?uitgelogd=1" replace />
    const terug = location.pathname + location.search
    return <Navigate to={`/inloggen${terug !== '/' ? `?terug=${encodeURIComponent(terug)}` : ''}`} replace />
  }
  return <IkContext.Provider value={data}>{children}</IkContext.Provider>
}
