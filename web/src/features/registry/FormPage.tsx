import { Button } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { Conflictvergelijking, conflictinfo, useConflict } from '../../components/conflict'
import { ErrorSummary } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { REGISTRY_KEY, useObject } from './api'
import { type Concept, getalFouten, leegConcept, naarConcept, naarInvoer } from './concept'
import { foutmeldingen } from './fouten'
import { Waarde } from './Gegevens'
import { Invoerveld } from './Invoerveld'
import { KoppelingSamenwerkingMelding } from './KoppelingSamenwerking'
import { useNaam } from './naam'
import { OBJECTTYPE, type RegistryObject, type Soort } from './soorten'
import { useSoort } from './useSoort'
import { eindpuntVelden, labelSleutel, VELDEN, type Veld } from './velden'
import './registry.css'

// Create and edit. The API is the judge of what is valid; its messages land next to
// the fields and in a summary on top. Edits are sent with the ETag they started from:
// when someone else saved in between, the person sees both versions field by field
// (components/conflict.tsx), chooses per difference which value stays (a field they did
// not change keeps the other person's value), and saves again against the new version.

/** The request-body properties a field writes (an end of a koppeling writes two). */
function eigenschappen(veld: Veld): string[] {
  if (veld.soort !== 'eindpunt') return [veld.naam]
  const n = eindpuntVelden(veld.kant)
  return [n.app, n.voorziening]
}

function Formulier({ soort, id, start }: { soort: Soort; id?: string; start?: ApiResult<RegistryObject> }) {
  const { t } = useTranslation('registry')
  const client = useQueryClient()
  const navigate = useNavigate()
  const velden = VELDEN[soort]
  const [concept, setConcept] = useState<Concept>(() => (start ? naarConcept(velden, start.data) : leegConcept(velden)))
  const [etag, setEtag] = useState(start?.etag)
  // Fields compare as the API would store them: "12" and "12,0" inhabitants are the same.
  const conflict = useConflict<Concept>(
    concept,
    velden.map((v) => v.naam),
    (c, naam) => {
      const body = naarInvoer(velden, c)
      const veld = velden.find((v) => v.naam === naam)
      return veld ? eigenschappen(veld).map((e) => body[e]) : undefined
    },
  )
  const [huidig, setHuidig] = useState<RegistryObject>()
  const [fout, setFout] = useState<unknown>()
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)

  const naam = useNaam(soort, start?.data) || undefined
  const titel = naam ? t('bewerkenTitel', { naam }) : t(`soort.${soort}.nieuw`)
  const terug = id ? `/${soort}/${id}` : `/${soort}`

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    setBezig(true)
    try {
      const body = naarInvoer(velden, concept)
      const res = id
        ? await request<RegistryObject>(`${soort}/${id}`, { method: 'PUT', body, ifMatch: etag })
        : await request<RegistryObject>(soort, { method: 'POST', body })
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      client.setQueryData([...REGISTRY_KEY, 'object', soort, res.data.id], res)
      navigate(`/${soort}/${res.data.id}`, { state: { opgeslagen: true } })
    } catch (err) {
      if (id && err instanceof ApiProblem && err.status === 412) {
        try {
          const nu = await request<RegistryObject>(`${soort}/${id}`)
          setEtag(nu.etag)
          setHuidig(nu.data)
          setConcept(conflict.begin(concept, naarConcept(velden, nu.data), conflictinfo(err, nu.data)))
          setFout(undefined)
          client.setQueryData([...REGISTRY_KEY, 'object', soort, id], nu)
        } catch (err2) {
          setFout(err2)
        }
      } else {
        setFout(err)
      }
      setPoging((p) => p + 1)
      setBezig(false)
    }
  }

  const fouten =
    fout instanceof ApiProblem && fout.body.invalidParams?.length ? { ...fout.fieldErrors(), ...getalFouten(velden, concept, t) } : {}
  const meldingen = foutmeldingen(velden, fouten, t)
  const mijnInvoer = conflict.staat ? naarInvoer(velden, conflict.staat.mijn) : {}
  const formulier = (
    <form className="rk-form" noValidate onSubmit={opslaan}>
      {velden.map((veld) => (
        <Invoerveld
          key={veld.naam}
          veld={veld}
          waarde={concept[veld.naam]}
          fouten={fouten}
          onChange={(w) => setConcept((c) => ({ ...c, [veld.naam]: w }))}
          concept={concept}
        />
      ))}
      {soort === 'koppelingen' && <KoppelingSamenwerkingMelding concept={concept} />}
      <div className="rk-acties">
        <Button type="submit" appearance="primary-action-button" disabled={bezig}>
          {conflict.staat ? t('common:vergelijking.opslaan') : t('common:acties.opslaan')}
        </Button>
        <Link to={terug}>{t('common:acties.annuleren')}</Link>
      </div>
    </form>
  )
  return (
    <>
      <PageHeading titel={titel} />
      {conflict.staat && huidig && (
        <Conflictvergelijking
          staat={conflict.staat}
          rijen={velden.map((veld) => ({
            sleutel: veld.naam,
            label: t(labelSleutel(veld)),
            mijn: <Waarde veld={veld} waarde={mijnInvoer[veld.naam]} object={mijnInvoer} />,
            ander: <Waarde veld={veld} waarde={huidig[veld.naam]} object={huidig} />,
          }))}
          onKeuze={(sleutel, keuze) => {
            const w = conflict.kies(sleutel, keuze)
            setConcept((c) => ({ ...c, [sleutel]: w }))
          }}
        />
      )}
      <ErrorSummary fouten={meldingen} poging={poging} />
      {meldingen.length === 0 && <ErrorAlert error={fout} />}
      {formulier}
    </>
  )
}

export default function FormPage() {
  const soort = useSoort()
  const { id } = useParams()
  const { t } = useTranslation('registry')
  const object = useObject(soort, id)
  const ik = useCurrentIk()
  const naam = useNaam(soort, object.data?.data)
  // The API refuses anyway; saying so up front spares filling in a form for nothing.
  if (!id) {
    if (!ik.rechten.aanmaken[OBJECTTYPE[soort]]) return <GeenToegang titel={t(`soort.${soort}.nieuw`)} uitleg={t('geenRechtAanmaken')} />
    return <Formulier key={`${soort}-nieuw`} soort={soort} />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t(`soort.${soort}.enkelvoud`)} />
        <ErrorAlert error={object.error} />
      </>
    )
  }
  if (!object.data.data.toegestaneActies?.includes('wijzigen')) {
    return <GeenToegang titel={naam} uitleg={t('geenRechtWijzigen')} />
  }
  return <Formulier key={`${soort}-${id}`} soort={soort} id={id} start={object.data} />
}
