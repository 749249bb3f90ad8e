import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ApiProblem, request } from '../../api/client'
import { REGISTRY_KEY } from '../registry/api'
import { MONITORING_KEY } from './api'

// Saving a monitoring registry object from its own form: POST or PUT with If-Match, then
// to its page. On a 412 the newest ETag is taken (the person's input stays), so the next
// save goes against the stored version; the message says someone else saved.

export function useOpslaan(pad: 'onderhoudsvensters' | 'meldingskanalen', id: string | undefined, startEtag: string | undefined) {
  const client = useQueryClient()
  const navigate = useNavigate()
  const [etag, setEtag] = useState(startEtag)
  const [fout, setFout] = useState<unknown>()
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)
  async function opslaan(body: unknown) {
    setBezig(true)
    try {
      const res = id
        ? await request<{ id: string }>(`${pad}/${id}`, { method: 'PUT', body, ifMatch: etag })
        : await request<{ id: string }>(pad, { method: 'POST', body })
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      await client.invalidateQueries({ queryKey: MONITORING_KEY })
      navigate(`/${pad}/${res.data.id}`, { state: { opgeslagen: true } })
    } catch (err) {
      if (id && err instanceof ApiProblem && err.status === 412) {
        const nu = await request(`${pad}/${id}`).catch(() => undefined)
        if (nu) setEtag(nu.etag)
      }
      setFout(err)
      setPoging((p) => p + 1)
      setBezig(false)
    }
  }
  const fouten: Record<string, string> = fout instanceof ApiProblem && fout.status === 400 ? fout.fieldErrors() : {}
  return { opslaan, fout, fouten, poging, bezig, meerPoging: () => setPoging((p) => p + 1) }
}
