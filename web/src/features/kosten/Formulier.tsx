import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { Conflictvergelijking, conflictinfo, useConflict } from '../../components/conflict'
import { ErrorSummary } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { useWaardeLabel } from '../../i18n/waarden'
import { REGISTRY_KEY, useObject, useOpties } from '../registry/api'
import { objectKey, useDeelnemers, useKostenObject, useMaatstafnamen, useSleutels } from './api'
import {
  type Concept,
  type Fouten,
  foutmeldingen,
  type HoortBijConcept,
  hoortBijFouten,
  type Invoer,
  leegConcept,
  lokaleMeldingen,
  naarConcept,
  naarInvoer,
  relevanteFouten,
  type VersieConcept,
  zonderOnbekend,
} from './concept'
import { gedeclareerdIn, useDeclaratiesVanPost } from './Declaraties'
import { Waarde } from './Gegevens'
import { VersiesEditor } from './RegelEditor'
import { INFO, type KostenObject, type KostenPagina, magAanmaken, naamVan, type Veld } from './soorten'
import { useKostenPagina } from './useKostenPagina'
import { GetalInvoer, Groep, type Keuze, KeuzeInvoer, Keuzerondjes, Label, MeertekstInvoer, TekstInvoer } from './Velden'
import '../registry/registry.css'
import './kosten.css'

// Create and edit a cost object. The API is the judge of what is valid; its messages
// land next to the fields and in a summary on top, together with what could not be
// read (an amount like "12,3,4"). Edits are sent with the ETag they started from: when
// someone else saved in between, the shared conflict comparison (components/conflict.tsx)
// shows both versions field by field, in euros and names; the person chooses per
// difference, and saves again against the new version.

function HoortBijVeld({
  veld,
  waarde,
  fouten,
  onChange,
}: {
  veld: Extract<Veld, { soort: 'hoortBij' }>
  waarde: HoortBijConcept
  fouten: Fouten
  onChange: (w: HoortBijConcept) => void
}) {
  const { t } = useTranslation('kosten')
  const samenwerkingen = useOpties('samenwerkingen')
  const gastheerschappen = useOpties('gastheerschappen')
  const keuzes: HoortBijConcept['keuze'][] = veld.metGeen ? ['samenwerking', 'gastheerschap', 'geen'] : ['samenwerking', 'gastheerschap']
  // A message about the chosen one stands at its select; one about the other (both given) at the group.
  const groepFout =
    (waarde.keuze === 'samenwerking' ? fouten.gastheerschapId : waarde.keuze === 'gastheerschap' ? fouten.samenwerkingId : undefined) ||
    undefined
  return (
    <Groep pad="hoortBij" legend={<Label tekst={t('veld.hoortBij')} verplicht={!veld.metGeen} />} fout={groepFout} className="rk-eindpunt">
      {veld.metGeen && <Paragraph className="rk-uitleg">{t('hint.sleutelScope')}</Paragraph>}
      <Keuzerondjes
        waarde={waarde.keuze}
        keuzes={keuzes.map((k) => ({ waarde: k, label: t(`hoortBij.${k}`) }))}
        onChange={(k) => onChange({ ...waarde, keuze: k as HoortBijConcept['keuze'] })}
      />
      {waarde.keuze === 'samenwerking' && (
        <KeuzeInvoer
          pad="samenwerkingId"
          label={<Label tekst={t('veld.samenwerkingId')} verplicht />}
          waarde={waarde.samenwerkingId}
          keuzes={(samenwerkingen.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={samenwerkingen.isPending}
          verplicht
          fout={fouten.samenwerkingId}
          onChange={(w) => onChange({ ...waarde, samenwerkingId: w })}
        />
      )}
      {waarde.keuze === 'gastheerschap' && (
        <KeuzeInvoer
          pad="gastheerschapId"
          label={<Label tekst={t('veld.gastheerschapId')} verplicht />}
          waarde={waarde.gastheerschapId}
          keuzes={(gastheerschappen.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={gastheerschappen.isPending}
          verplicht
          fout={fouten.gastheerschapId}
          onChange={(w) => onChange({ ...waarde, gastheerschapId: w })}
        />
      )}
    </Groep>
  )
}

/** What the post belongs to, as ids: only the chosen one counts. */
const gekozen = (h: HoortBijConcept | undefined) => ({
  samenwerkingId: h?.keuze === 'samenwerking' ? h.samenwerkingId || undefined : undefined,
  gastheerschapId: h?.keuze === 'gastheerschap' ? h.gastheerschapId || undefined : undefined,
})

function useOrganisatieKeuzes(deelnemers?: string[]): { keuzes: Keuze[]; laden: boolean } {
  const organisaties = useOpties('organisaties')
  // Until the participants are known, only who can make a post: no suppliers (issue 20, item 15).
  const alle = (organisaties.data ?? [])
    .filter((o) => deelnemers || (o as { type?: string }).type !== 'leverancier')
    .map((o) => ({ waarde: o.id, label: o.naam }))
  const set = deelnemers ? new Set(deelnemers.map((d) => d.toLowerCase())) : undefined
  return { keuzes: set ? alle.filter((k) => set.has(k.waarde.toLowerCase())) : alle, laden: organisaties.isPending }
}

function Veldinvoer({
  veld,
  concept,
  fouten,
  onChange,
}: {
  veld: Veld
  concept: Concept
  fouten: Fouten
  onChange: (naam: string, w: unknown) => void
}) {
  const { t } = useTranslation('kosten')
  const waardeLabel = useWaardeLabel()
  const hoortBij = gekozen(concept.hoortBij as HoortBijConcept | undefined)
  const deelnemers = useDeelnemers(hoortBij)
  const orgs = useOrganisatieKeuzes(veld.soort === 'deelnemer' || veld.soort === 'versies' ? deelnemers : undefined)
  const registryDoel = veld.soort === 'ref' && veld.doel !== 'verdeelsleutels' ? veld.doel : undefined
  const opties = useOpties(registryDoel)
  const sleutels = useSleutels(veld.soort === 'sleutel')
  const gastheerschap = useObject('gastheerschappen', veld.soort === 'sleutel' ? hoortBij.gastheerschapId : undefined)
  const maatstaven = useMaatstafnamen(veld.soort === 'versies' || (veld.soort === 'tekst' && Boolean(veld.lijst)))
  const waarde = String(concept[veld.naam] ?? '')
  const fout = fouten[veld.naam]
  const label = <Label tekst={t(`veld.${veld.naam}`)} verplicht={'verplicht' in veld && veld.verplicht} />
  const hint = 'hint' in veld && veld.hint ? t(`hint.${veld.hint}`) : undefined
  const zet = (w: unknown) => onChange(veld.naam, w)
  switch (veld.soort) {
    case 'hoortBij':
      return <HoortBijVeld veld={veld} waarde={concept.hoortBij as HoortBijConcept} fouten={fouten} onChange={zet} />
    case 'versies':
      return (
        <VersiesEditor
          versies={concept.versies as VersieConcept[]}
          ctx={{ fouten, organisaties: orgs.keuzes, deelnemers, maatstaven: maatstaven.data ?? [] }}
          onChange={zet}
        />
      )
    case 'meertekst':
      return <MeertekstInvoer pad={veld.naam} label={label} waarde={waarde} fout={fout} onChange={zet} />
    case 'bedrag':
    case 'getal':
      return (
        <GetalInvoer
          pad={veld.naam}
          soort={veld.soort === 'bedrag' ? 'bedrag' : 'decimaal'}
          label={label}
          waarde={waarde}
          hint={hint ?? (veld.soort === 'bedrag' ? t('hint.bedrag') : undefined)}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'keuze':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={veld.waarden.map((w) => ({ waarde: w, label: veld.labels ? t(`${veld.labels}.${w}`) : waardeLabel(w, veld.waarden) }))}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'ref':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={(opties.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={opties.isPending}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'deelnemer':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={orgs.keuzes}
          laden={orgs.laden}
          hint={hint}
          fout={fout}
          onChange={zet}
        />
      )
    case 'sleutel': {
      const samenwerkingVanGastheerschap = gastheerschap.data?.data.samenwerkingId
      const past = (s: KostenObject) =>
        (!s.samenwerkingId && !s.gastheerschapId) ||
        (hoortBij.samenwerkingId && s.samenwerkingId === hoortBij.samenwerkingId) ||
        (hoortBij.gastheerschapId &&
          (s.gastheerschapId === hoortBij.gastheerschapId ||
            (samenwerkingVanGastheerschap && s.samenwerkingId === samenwerkingVanGastheerschap)))
      const alle = sleutels.data ?? []
      const passend = hoortBij.samenwerkingId || hoortBij.gastheerschapId ? alle.filter(past) : alle
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={passend.map((s) => ({ waarde: s.id, label: String(s.naam) }))}
          laden={sleutels.isPending}
          verplicht={veld.verplicht}
          hint={hint}
          fout={fout}
          onChange={zet}
        />
      )
    }
    default:
      return (
        <>
          {veld.soort === 'tekst' && veld.lijst && (
            <datalist id={`kosten-${veld.lijst}`}>
              {(maatstaven.data ?? []).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          )}
          <TekstInvoer
            pad={veld.naam}
            label={label}
            waarde={waarde}
            hint={hint}
            verplicht={'verplicht' in veld && veld.verplicht}
            invoer={veld.soort === 'jaar' ? 'numeric' : undefined}
            lijst={veld.soort === 'tekst' && veld.lijst ? `kosten-${veld.lijst}` : undefined}
            fout={fout}
            onChange={zet}
          />
        </>
      )
  }
}

/** The fields whose change alters what a declaratie holds of this post. */
const GEDECLAREERDE_VELDEN = [
  'begroting',
  'realisatie',
  'periode',
  'verdeelsleutelId',
  'gemaaktDoorId',
  'samenwerkingId',
  'gastheerschapId',
]

/**
 * Before saving a post that is in a declaratie that left concept: it says so, and once an
 * amount (or anything else the declaratie's line depends on) differs from what was
 * loaded, that a correction will be needed after saving (issue 20, item 5).
 */
function GedeclareerdWaarschuwing({ id, start, body }: { id: string; start: KostenObject; body: Record<string, unknown> }) {
  const { t } = useTranslation('kosten')
  const q = useDeclaratiesVanPost(id, start.revisie)
  const nummers = [...new Set(gedeclareerdIn(q.data?.declaraties).map((d) => d.nummer ?? ''))].join(', ')
  const gewijzigd = GEDECLAREERDE_VELDEN.some((v) => (body[v] ?? null) !== (start[v] ?? null))
  return (
    <div aria-live="polite">
      {nummers && (
        <Alert type={gewijzigd ? 'warning' : 'info'}>
          <Paragraph>{t(gewijzigd ? 'declaraties.waarschuwing' : 'declaraties.waarschuwingOngewijzigd', { nummers })}</Paragraph>
        </Alert>
      )}
    </div>
  )
}

function KostenFormulier({ pagina, id, start }: { pagina: KostenPagina; id?: string; start?: ApiResult<KostenObject> }) {
  const { t } = useTranslation('kosten')
  const taal = currentLanguage()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [vooraf] = useSearchParams()
  const [concept, setConcept] = useState<Concept>(() => (start ? naarConcept(pagina, start.data, taal) : leegConcept(pagina, vooraf)))
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

  const naam = start ? naamVan(pagina, start.data) : undefined
  const titel = naam ? t('bewerkenTitel', { naam }) : t(`soort.${pagina}.nieuw`)
  const terug = id ? `/${pagina}/${id}` : `/${pagina}`

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

  const meldingen = foutmeldingen(fouten, t)
  const formulier = (
    <form className="rk-form rk-kostenformulier" noValidate onSubmit={opslaan}>
      {INFO[pagina].velden.map((veld) => (
        <Veldinvoer
          key={veld.naam}
          veld={veld}
          concept={concept}
          fouten={fouten}
          onChange={(n, w) => setConcept((c) => ({ ...c, [n]: w }))}
        />
      ))}
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
            label: t(`veld.${veld.naam}`),
            mijn: <Waarde veld={veld} object={alsInvoer(conflict.staat?.mijn ?? {}) as KostenObject} />,
            ander: <Waarde veld={veld} object={huidig} />,
          }))}
          onKeuze={(sleutel, keuze) => {
            const w = conflict.kies(sleutel, keuze)
            setConcept((c) => ({ ...c, [sleutel]: w }))
          }}
        />
      )}
      <ErrorSummary fouten={meldingen} poging={poging} />
      {meldingen.length === 0 && <ErrorAlert error={fout} />}
      {pagina === 'kostenposten' && id && start && <GedeclareerdWaarschuwing id={id} start={start.data} body={alsInvoer(concept)} />}
      {formulier}
    </>
  )
}

export default function Formulier() {
  const pagina = useKostenPagina()
  const { id } = useParams()
  const { t } = useTranslation('kosten')
  const object = useKostenObject(pagina, id)
  const ik = useCurrentIk()
  // The API refuses anyway; saying so up front spares filling in a form for nothing.
  if (!id) {
    if (!magAanmaken(ik, pagina)) return <GeenToegang titel={t(`soort.${pagina}.nieuw`)} uitleg={t('geenRechtAanmaken')} />
    return <KostenFormulier key={`${pagina}-nieuw`} pagina={pagina} />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t(`soort.${pagina}.enkelvoud`)} />
        <ErrorAlert error={object.error} />
      </>
    )
  }
  if (!object.data.data.toegestaneActies?.includes('wijzigen')) {
    return <GeenToegang titel={naamVan(pagina, object.data.data)} uitleg={t('geenRechtWijzigen')} />
  }
  return <KostenFormulier key={`${pagina}-${id}`} pagina={pagina} id={id} start={object.data} />
}
