import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { conflictinfo, useConflict } from '../../components/conflict'
import { currentLanguage } from '../../i18n'
import { REGISTRY_KEY } from '../registry/api'
import { objectKey } from './api'
import {
  type Concept,
  type Fouten,
  hoortBijFouten,
  type Invoer,
  lokaleMeldingen,
  naarConcept,
  naarInvoer,
  relevanteFouten,
  zonderOnbekend,
} from './concept'
import { INFO, type KostenObject, type KostenPagina } from './soorten'

// Saving a cost form: POST or PUT with the ETag it started from. A 412 starts the
// field-by-field comparison against the stored version; a 400 becomes messages at the
// fields (the API's, without the noise of rule kinds not chosen, plus our own for
// numbers that cannot be read); anything else one alert.

export function useKostenOpslaan(
  pagina: KostenPagina,
  id: string | undefined,
  start: ApiResult<KostenObject> | undefined,
  concept: Concept,
  setConcept: (c: Concept) => void,
) {
  const { t } = useTranslation('kosten')
  const taal = currentLanguage()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [etag, setEtag] = useState(start?.etag)
  // Fields compare as the API stores them (amounts as cents); samenwerking/gastheerschap as the ids sent.
  const velden = INFO[pagina].velden
  const alsInvoer = (c: Concept) => naarInvoer(pagina, c, taal).body
  const conflict = useConflict<Concept>(
    concept,
    velden.map((v) => v.naam),
    (c, naam) => {
      const body = alsInvoer(c)
      return naam === 'hoortBij' ? [body.samenwerkingId, body.gastheerschapId] : body[naam]
    },
  )
  const [huidig, setHuidig] = useState<KostenObject>()
  const [fout, setFout] = useState<unknown>()
  const [fouten, setFouten] = useState<Fouten>({})
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)

  function toonFouten(invoer: Invoer, err: unknown) {
    const api =
      err instanceof ApiProblem && err.status === 400
        ? relevanteFouten(zonderOnbekend(err.body.invalidParams ?? [], invoer.regels), invoer.regels)
        : {}
    setFouten(hoortBijFouten({ ...api, ...lokaleMeldingen(invoer.lokaal, t) }, concept, t))
    setFout(err instanceof ApiProblem && err.status === 400 && err.body.invalidParams?.length ? undefined : err)
  }

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    setBezig(true)
    const invoer = naarInvoer(pagina, concept, taal)
    try {
      const res = id
        ? await request<KostenObject>(`${pagina}/${id}`, { method: 'PUT', body: invoer.body, ifMatch: etag })
        : await request<KostenObject>(pagina, { method: 'POST', body: invoer.body })
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      client.setQueryData(objectKey(pagina, res.data.id), res)
      navigate(`/${pagina}/${res.data.id}`, { state: { opgeslagen: true } })
    } catch (err) {
      if (id && err instanceof ApiProblem && err.status === 412) {
        try {
          const nu = await request<KostenObject>(`${pagina}/${id}`)
          setEtag(nu.etag)
          setHuidig(nu.data)
          setConcept(conflict.begin(concept, naarConcept(pagina, nu.data, taal), conflictinfo(err, nu.data)))
          setFout(undefined)
          setFouten({})
          client.setQueryData(objectKey(pagina, id), nu)
        } catch (err2) {
          setFout(err2)
        }
      } else {
        toonFouten(invoer, err)
      }
      setPoging((p) => p + 1)
      setBezig(false)
    }
  }

  return { opslaan, alsInvoer, conflict, huidig, fout, fouten, poging, bezig }
}
