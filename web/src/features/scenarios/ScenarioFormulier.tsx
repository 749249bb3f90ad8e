import {
  Button,
  Fieldset,
  FormFieldErrorMessage,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  Paragraph,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { Conflictvergelijking, conflictinfo, useConflict } from '../../components/conflict'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { GetalVeld } from '../../components/getal-veld'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import type { GetalSoort } from '../../i18n/getal-invoer'
import { useOpties } from '../registry/api'
import { magAanmaken, SCENARIOS_KEY, type Scenario, useScenario } from './api'
import { type Concept, leegConcept, legeRij, naarConcept, naarInvoer, type RijConcept, SLEUTELS, type Sleutel } from './concept'
import { SCENARIO_VELDEN, scenarioRijen, scenarioWaarde } from './conflict'
import './scenarios.css'

// Create and edit a business case. Participants are rows (organisation and what going
// on alone costs); amounts are typed in euros and sent as exact cents. The API judges
// the rest; its messages stand next to the fields and in a summary on top.

type Fouten = Record<string, string>

const waardeVan = (e: { target: unknown }) => (e.target as HTMLInputElement).value
const domId = (veld: string) => `veld-${veld.replace(/[^a-zA-Z0-9]+/g, '-')}`

/** A field wrapped in an element with a predictable id, so the summary can jump to it. */
function Vak({ veld, children, className }: { veld: string; children: ReactNode; className?: string }) {
  return (
    <div id={domId(veld)} className={className}>
      {children}
    </div>
  )
}

function Tekstveld({
  veld,
  label,
  waarde,
  fouten,
  onChange,
  getal,
  meer,
  description,
}: {
  veld: string
  label: string
  waarde: string
  fouten: Fouten
  onChange: (w: string) => void
  /** A number field: what was understood is shown below it while typing (components/getal-veld.tsx). */
  getal?: GetalSoort
  meer?: boolean
  description?: string
}) {
  const gemeen = {
    label,
    value: waarde,
    invalid: Boolean(fouten[veld]),
    errorMessage: fouten[veld],
    description,
    onChange: (e: { target: unknown }) => onChange(waardeVan(e)),
  }
  return (
    <Vak veld={veld}>
      {meer ? (
        <FormFieldTextarea {...gemeen} rows={3} />
      ) : getal ? (
        <GetalVeld {...gemeen} soort={getal} onChange={onChange} />
      ) : (
        <FormFieldTextInput {...gemeen} type="text" autoComplete="off" />
      )}
    </Vak>
  )
}

/** A fieldset whose message (for the group as a whole) is linked to it. */
function Groep({ veld, legend, fout, children }: { veld: string; legend: string; fout?: string; children: ReactNode }) {
  const foutId = useId()
  return (
    <div id={domId(veld)} className="rk-sectie">
      <Fieldset legend={legend} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        {children}
      </Fieldset>
    </div>
  )
}

/** Messages the fields do not show themselves, for the group they belong to. */
function groepsfout(fouten: Fouten, prefix: string, getoond: Set<string>): string | undefined {
  const los = Object.entries(fouten).filter(
    ([k]) => !getoond.has(k) && (k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`)),
  )
  return los.length ? los.map(([, v]) => v).join(' ') : undefined
}

function Formulier({ id, start }: { id?: string; start?: ApiResult<Scenario> }) {
  const { t } = useTranslation('scenarios')
  const client = useQueryClient()
  const navigate = useNavigate()
  const organisaties = useOpties('organisaties')
  const samenwerkingen = useOpties('samenwerkingen')
  const [c, setC] = useState<Concept>(() => (start ? naarConcept(start.data) : leegConcept()))
  const [etag, setEtag] = useState(start?.etag)
  const [fouten, setFouten] = useState<Fouten>({})
  const [fout, setFout] = useState<unknown>()
  const conflict = useConflict<Concept>(c, SCENARIO_VELDEN, (x, sleutel) => scenarioWaarde(x, sleutel, t))
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)
  const toevoegen = useRef<HTMLButtonElement>(null)
  const sleutelNaam = useId()

  const zet = (w: Partial<Concept>) => setC((x) => ({ ...x, ...w }))
  const zetRij = (i: number, w: Partial<RijConcept>) =>
    setC((x) => ({ ...x, deelnemers: x.deelnemers.map((r, j) => (j === i ? { ...r, ...w } : r)) }))

  const titel = start ? t('formulier.bewerken', { naam: start.data.naam }) : t('nieuw')
  const terug = id ? `/scenarios/${id}` : '/scenarios'

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    const { invoer, fouten: lokaal } = naarInvoer(c, t)
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
        if (huidig) setC(conflict.begin(c, naarConcept(huidig.data), conflictinfo(err, huidig.data)))
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

  const metMaatstaf = c.sleutel === 'maatstaf' || c.sleutel === 'mix'
  const naamVan = (oid: string) => [...(organisaties.data ?? []), ...(samenwerkingen.data ?? [])].find((o) => o.id === oid)?.naam ?? oid
  // Labels of the fields that can carry a message, for the summary on top.
  const velden: [string, string][] = [
    ['naam', t('formulier.naam')],
    ['omschrijving', t('formulier.omschrijving')],
    ['samenwerkingId', t('formulier.samenwerking')],
    ['toelichting', t('formulier.toelichting')],
    ['invoer.gezamenlijk.eenmalig', t('formulier.gezamenlijkEenmalig')],
    ['invoer.gezamenlijk.jaarlijks', t('formulier.gezamenlijkJaarlijks')],
    ['invoer.verdeling.maatstaf', t('formulier.maatstaf')],
    ['invoer.verdeling.componenten[0].regel.maatstaf', t('formulier.maatstaf')],
    ['invoer.verdeling.componenten[0].aandeel', t('formulier.mixAandeel')],
    ['invoer.horizonJaren', t('formulier.horizon')],
    ['invoer.disconteringsvoet', t('formulier.voet')],
    ['invoer.startjaar', t('formulier.startjaar')],
  ]
  c.deelnemers.forEach((_, i) => {
    const rij = t('formulier.deelnemer', { nummer: i + 1 })
    velden.push(
      [`invoer.deelnemers[${i}].organisatieId`, `${rij}: ${t('formulier.organisatie')}`],
      [`invoer.deelnemers[${i}].huidigeKosten.eenmalig`, `${rij}: ${t('formulier.huidigEenmalig')}`],
      [`invoer.deelnemers[${i}].huidigeKosten.jaarlijks`, `${rij}: ${t('formulier.huidigJaarlijks')}`],
      [`invoer.verdeling.percentages[${i}].percentage`, `${rij}: ${t('formulier.percentage')}`],
      [`invoer.maatstaven[${i}].waarde`, `${rij}: ${t('formulier.maatstafwaarde')}`],
    )
  })
  // Messages about a participant row as a whole (a key naming it, a missing measure) go to its organisation field.
  const fijn: Fouten = { ...fouten }
  for (const [k, v] of Object.entries(fouten)) {
    const m = /^invoer\.(?:verdeling\.percentages|maatstaven)\[(\d+)\]\.(?:deelnemerId|organisatieId)$/.exec(k)
    if (m) {
      const doel = `invoer.deelnemers[${m[1]}].organisatieId`
      fijn[doel] = fijn[doel] ? `${fijn[doel]} ${v}` : v
      delete fijn[k]
    }
  }
  const getoond = new Set(velden.map(([v]) => v))
  const bekend = new Map(velden)
  const meldingen: Foutmelding[] = Object.entries(fijn).map(([veld, melding]) => {
    if (bekend.has(veld)) return { doel: domId(veld), label: bekend.get(veld) as string, melding }
    if (veld.startsWith('invoer.verdeling')) return { doel: domId('invoer.verdeling'), label: t('formulier.sleutel'), melding }
    if (veld.startsWith('invoer.deelnemers') || veld.startsWith('invoer.maatstaven'))
      return { doel: domId('invoer.deelnemers'), label: t('formulier.deelnemers'), melding }
    return { label: veld, melding }
  })

  return (
    <>
      <PageHeading titel={titel} />
      {conflict.staat && (
        <Conflictvergelijking
          staat={conflict.staat}
          rijen={scenarioRijen(conflict.staat.mijn, conflict.staat.ander, t, naamVan)}
          onKeuze={(sleutel, keuze) => {
            const w = conflict.kies(sleutel, keuze)
            setC((x) => ({ ...x, [sleutel]: w }))
          }}
        />
      )}
      <ErrorSummary fouten={meldingen} poging={poging} />
      <ErrorAlert error={fout} />
      <form className="rk-form rk-scenario-formulier" noValidate onSubmit={opslaan}>
        <Groep veld="algemeen" legend={t('formulier.algemeen')}>
          <Tekstveld veld="naam" label={t('formulier.naam')} waarde={c.naam} fouten={fijn} onChange={(naam) => zet({ naam })} />
          <Tekstveld
            veld="omschrijving"
            label={t('formulier.omschrijving')}
            waarde={c.omschrijving}
            fouten={fijn}
            meer
            onChange={(omschrijving) => zet({ omschrijving })}
          />
          <Vak veld="samenwerkingId">
            <FormFieldSelect
              label={t('formulier.samenwerking')}
              value={c.samenwerkingId}
              invalid={Boolean(fijn.samenwerkingId)}
              errorMessage={fijn.samenwerkingId}
              onChange={(e) => zet({ samenwerkingId: waardeVan(e) })}
            >
              <SelectOption value="">{t('formulier.geenSamenwerking')}</SelectOption>
              {(samenwerkingen.data ?? []).map((o) => (
                <SelectOption key={o.id} value={o.id}>
                  {o.naam}
                </SelectOption>
              ))}
            </FormFieldSelect>
          </Vak>
        </Groep>

        <Groep veld="invoer.deelnemers" legend={t('formulier.deelnemers')} fout={groepsfout(fijn, 'invoer.deelnemers', getoond)}>
          <Paragraph>{t('formulier.deelnemersUitleg')}</Paragraph>
          <div className="rk-scenario-rijen">
            {c.deelnemers.map((r, i) => {
              const rij = t('formulier.deelnemer', { nummer: i + 1 })
              const orgVeld = `invoer.deelnemers[${i}].organisatieId`
              const lijst = organisaties.data ?? []
              const onbekend = r.organisatieId && !lijst.some((o) => o.id === r.organisatieId)
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <Fieldset key={i} legend={rij} className="rk-scenario-rij">
                  <Vak veld={orgVeld} className="rk-scenario-rij__organisatie">
                    <FormFieldSelect
                      label={`${t('formulier.organisatie')} (${rij.toLowerCase()})`}
                      value={r.organisatieId}
                      invalid={Boolean(fijn[orgVeld])}
                      errorMessage={fijn[orgVeld]}
                      onChange={(e) => zetRij(i, { organisatieId: waardeVan(e) })}
                    >
                      <SelectOption value="">{organisaties.isPending ? t('common:lijst.laden') : t('formulier.kies')}</SelectOption>
                      {onbekend && <SelectOption value={r.organisatieId}>{r.organisatieId}</SelectOption>}
                      {lijst.map((o) => (
                        <SelectOption key={o.id} value={o.id}>
                          {o.naam}
                        </SelectOption>
                      ))}
                    </FormFieldSelect>
                  </Vak>
                  <Tekstveld
                    veld={`invoer.deelnemers[${i}].huidigeKosten.eenmalig`}
                    label={`${t('formulier.huidigEenmalig')} (${rij.toLowerCase()})`}
                    waarde={r.eenmalig}
                    fouten={fijn}
                    getal="bedrag"
                    onChange={(eenmalig) => zetRij(i, { eenmalig })}
                  />
                  <Tekstveld
                    veld={`invoer.deelnemers[${i}].huidigeKosten.jaarlijks`}
                    label={`${t('formulier.huidigJaarlijks')} (${rij.toLowerCase()})`}
                    waarde={r.jaarlijks}
                    fouten={fijn}
                    getal="bedrag"
                    onChange={(jaarlijks) => zetRij(i, { jaarlijks })}
                  />
                  {c.sleutel === 'vast percentage' && (
                    <Tekstveld
                      veld={`invoer.verdeling.percentages[${i}].percentage`}
                      label={`${t('formulier.percentage')} (${rij.toLowerCase()})`}
                      waarde={r.percentage}
                      fouten={fijn}
                      getal="decimaal"
                      onChange={(percentage) => zetRij(i, { percentage })}
                    />
                  )}
                  {metMaatstaf && (
                    <Tekstveld
                      veld={`invoer.maatstaven[${i}].waarde`}
                      label={`${t('formulier.maatstafwaarde')} (${rij.toLowerCase()})`}
                      waarde={r.maatstafwaarde}
                      fouten={fijn}
                      getal="decimaal"
                      onChange={(maatstafwaarde) => zetRij(i, { maatstafwaarde })}
                    />
                  )}
                  {c.deelnemers.length > 1 && (
                    <Button
                      appearance="subtle-button"
                      onClick={() => {
                        setC((x) => ({ ...x, deelnemers: x.deelnemers.filter((_, j) => j !== i) }))
                        toevoegen.current?.focus()
                      }}
                    >
                      {t('formulier.verwijderen', { nummer: i + 1 })}
                    </Button>
                  )}
                </Fieldset>
              )
            })}
          </div>
          <Button
            ref={toevoegen}
            appearance="secondary-action-button"
            onClick={() => setC((x) => ({ ...x, deelnemers: [...x.deelnemers, legeRij()] }))}
          >
            {t('formulier.toevoegen')}
          </Button>
        </Groep>

        <Groep veld="gezamenlijk" legend={t('formulier.gezamenlijk')}>
          <Tekstveld
            veld="invoer.gezamenlijk.eenmalig"
            label={t('formulier.gezamenlijkEenmalig')}
            waarde={c.gezamenlijkEenmalig}
            fouten={fijn}
            getal="bedrag"
            onChange={(gezamenlijkEenmalig) => zet({ gezamenlijkEenmalig })}
          />
          <Tekstveld
            veld="invoer.gezamenlijk.jaarlijks"
            label={t('formulier.gezamenlijkJaarlijks')}
            waarde={c.gezamenlijkJaarlijks}
            fouten={fijn}
            getal="bedrag"
            onChange={(gezamenlijkJaarlijks) => zet({ gezamenlijkJaarlijks })}
          />
        </Groep>

        <Groep veld="invoer.verdeling" legend={t('formulier.sleutel')} fout={groepsfout(fijn, 'invoer.verdeling', getoond)}>
          <div className="rk-keuzes">
            {SLEUTELS.map((s: Sleutel) => (
              <label key={s}>
                <input
                  type="radio"
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  name={sleutelNaam}
                  value={s}
                  checked={c.sleutel === s}
                  onChange={() => zet({ sleutel: s })}
                />
                {t(`formulier.sleutels.${s}`)}
              </label>
            ))}
          </div>
          {metMaatstaf && (
            <Tekstveld
              veld={c.sleutel === 'mix' ? 'invoer.verdeling.componenten[0].regel.maatstaf' : 'invoer.verdeling.maatstaf'}
              label={t('formulier.maatstaf')}
              waarde={c.maatstaf}
              fouten={fijn}
              onChange={(maatstaf) => zet({ maatstaf })}
            />
          )}
          {c.sleutel === 'mix' && (
            <Tekstveld
              veld="invoer.verdeling.componenten[0].aandeel"
              label={t('formulier.mixAandeel')}
              waarde={c.mixAandeel}
              fouten={fijn}
              getal="decimaal"
              onChange={(mixAandeel) => zet({ mixAandeel })}
            />
          )}
        </Groep>

        <Groep veld="berekening" legend={t('formulier.berekening')}>
          <Tekstveld
            veld="invoer.horizonJaren"
            label={t('formulier.horizon')}
            waarde={c.horizonJaren}
            fouten={fijn}
            getal="aantal"
            onChange={(horizonJaren) => zet({ horizonJaren })}
          />
          <Tekstveld
            veld="invoer.disconteringsvoet"
            label={t('formulier.voet')}
            waarde={c.disconteringsvoet}
            fouten={fijn}
            getal="decimaal"
            onChange={(disconteringsvoet) => zet({ disconteringsvoet })}
          />
          <Tekstveld
            veld="invoer.startjaar"
            label={t('formulier.startjaar')}
            waarde={c.startjaar}
            fouten={fijn}
            getal="jaar"
            onChange={(startjaar) => zet({ startjaar })}
          />
        </Groep>

        <Tekstveld
          veld="toelichting"
          label={t('formulier.toelichting')}
          waarde={c.toelichting}
          fouten={fijn}
          meer
          onChange={(toelichting) => zet({ toelichting })}
        />

        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={bezig}>
            {conflict.staat ? t('common:vergelijking.opslaan') : t('common:acties.opslaan')}
          </Button>
          <Link to={terug}>{t('common:acties.annuleren')}</Link>
        </div>
      </form>
    </>
  )
}

export default function ScenarioFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('scenarios')
  const ik = useCurrentIk()
  const scenario = useScenario(id)
  if (!id) {
    if (!magAanmaken(ik)) return <GeenToegang titel={t('nieuw')} uitleg={t('formulier.geenRecht')} />
    return <Formulier key="nieuw" />
  }
  if (scenario.isPending) return <Loading />
  if (scenario.error || !scenario.data) {
    return (
      <>
        <PageHeading titel={t('titel')} />
        <ErrorAlert error={scenario.error} />
      </>
    )
  }
  if (!scenario.data.data.toegestaneActies?.includes('wijzigen'))
    return <GeenToegang titel={scenario.data.data.naam} uitleg={t('formulier.geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={scenario.data} />
}
