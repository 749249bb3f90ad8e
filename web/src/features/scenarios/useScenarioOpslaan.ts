import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { conflictinfo, useConflict } from '../../components/conflict'
import { SCENARIOS_KEY, type Scenario } from './api'
import { type Concept, naarConcept, naarInvoer } from './concept'
import { SCENARIO_VELDEN, scenarioWaarde } from './conflict'
import type { Fouten } from './formulier-velden'

// Saving the form: our own messages first (numbers that cannot be read), then POST or
// PUT with If-Match; a 412 starts the field-by-field comparison, other problems become
// messages at the fields or one alert.

export function useScenarioOpslaan(
  id: string | undefined,
  start: ApiResult<Scenario> | undefined,
  concept: Concept,
  setConcept: (c: Concept) => void,
) {
  const { t } = useTranslation('scenarios')
  const client = useQueryClient()
  const navigate = useNavigate()
  const [etag, setEtag] = useState(start?.etag)
  const [fouten, setFouten] = useState<Fouten>({})
  const [fout, setFout] = useState<unknown>()
  const conflict = useConflict<Concept>(concept, SCENARIO_VELDEN, (x, sleutel) => scenarioWaarde(x, sleutel, t))
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    const { invoer, fouten: lokaal } = naarInvoer(concept, t)
    setPoging((p) => p + 1)
    if (Object.keys(lokaal).length > 0) {
      setFouten(lokaal)
      setFout(undefined)
      return
    }
    setBezig(true)
    try {
      const res = id
        ? await request<Scenario>(`scenarios/${id}`, { method: 'PUT', body: invoer, ifMatch: etag })
        : await request<Scenario>('scenarios', { method: 'POST', body: invoer })
      await client.invalidateQueries({ queryKey: SCENARIOS_KEY })
      client.setQueryData([...SCENARIOS_KEY, 'object', res.data.id], res)
      navigate(`/scenarios/${res.data.id}`, { state: { opgeslagen: true } })
    } catch (err) {
      if (id && err instanceof ApiProblem && err.status === 412) {
        // Someone saved in between: compare field by field, save against the new version next time.
        const huidig = await request<Scenario>(`scenarios/${id}`).catch(() => undefined)
        setEtag(huidig?.etag)
        if (huidig) setConcept(conflict.begin(concept, naarConcept(huidig.data), conflictinfo(err, huidig.data)))
        setFouten({})
        setFout(huidig ? undefined : err)
      } else if (err instanceof ApiProblem && err.body.invalidParams?.length) {
        setFouten(err.fieldErrors())
        setFout(undefined)
      } else {
        setFouten({})
        setFout(err)
      }
      setBezig(false)
    }
  }

  return { opslaan, fouten, fout, poging, bezig, conflict }
}
