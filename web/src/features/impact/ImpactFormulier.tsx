import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useOpties } from '../registry/api'
import { magAanmaken, SCENARIOS_KEY } from '../scenarios/api'
import { domId, Groep, Tekstveld } from '../scenarios/formulier-velden'
import { type AlleScenario, type ImpactScenario, type ImpactUitkomst, useImpactScenario } from './api'
import {
  type Fouten,
  formVeld,
  type ImpactConcept,
  type KostenConcept,
  leegConcept,
  legeKosten,
  legeWijziging,
  naarConcept,
  naarInvoer,
  type WijzigingConcept,
} from './concept'
import { Uitkomst } from './Uitkomst'
import { Keuzeveld } from './velden'
import { VELDEN, WijzigingRij } from './WijzigingRij'
import '../scenarios/scenarios.css'
import './impact.css'

// The scenario builder: the changes (kind, date, the objects they name, picked from
// the existing ones), who drafts it, the question, assumptions and the disentanglement
// costs per organisation (typed in euros, sent as cents). "Bekijk gevolgen" asks the API
// for the outcome without saving; saving stores it as a scenario of soort impactanalyse.
// The API's messages stand at the fields and, labelled, in a summary on top.

type Rest = Pick<ImpactScenario, 'samenwerkingId' | 'toelichting'>

function Formulier({ id, start }: { id?: string; start?: ApiResult<ImpactScenario> }) {
  const { t } = useTranslation('scenarios')
  const ik = useCurrentIk()
  const client = useQueryClient()
  const navigate = useNavigate()
  const eigen = ik.gebruiker.rollen.find((r) => r.organisatieId)?.organisatieId ?? ''
  const [c, setC] = useState<ImpactConcept>(() => (start ? naarConcept(start.data) : leegConcept(eigen)))
  const [fouten, setFouten] = useState<Fouten>({})
  const [fout, setFout] = useState<unknown>()
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [uitkomst, setUitkomst] = useState<ImpactUitkomst>()
  const uitkomstKop = useRef<HTMLHeadingElement>(null)
  // Fields the form does not show (set through the API) stay as they were.
  const rest: Rest = start ? { samenwerkingId: start.data.samenwerkingId, toelichting: start.data.toelichting } : {}

  const organisaties = useOpties('organisaties')
  const samenwerkingen = useOpties('samenwerkingen')
  const gastheerschappen = useOpties('gastheerschappen')
  const applicaties = useOpties('applicaties')
  const lijsten = useMemo(
    () => ({
      organisaties: organisaties.data ?? [],
      samenwerkingen: samenwerkingen.data ?? [],
      gastheerschappen: gastheerschappen.data ?? [],
      applicaties: applicaties.data ?? [],
    }),
    [organisaties.data, samenwerkingen.data, gastheerschappen.data, applicaties.data],
  )

  const zet = (deel: Partial<ImpactConcept>) => setC((x) => ({ ...x, ...deel }))
  const zetWijziging = (i: number, w: WijzigingConcept) =>
    setC((x) => ({ ...x, wijzigingen: x.wijzigingen.map((y, j) => (j === i ? w : y)) }))
  const zetKosten = (i: number, k: Partial<KostenConcept>) =>
    setC((x) => ({ ...x, kosten: x.kosten.map((y, j) => (j === i ? { ...y, ...k } : y)) }))

  /** Every field that can carry a message, with its label for the summary. */
  const labels = new Map<string, string>([
    ['naam', t('formulier.naam')],
    ['omschrijving', t('formulier.omschrijving')],
    ['opstellerId', t('impact.veld.opstellerId')],
    ['vraag', t('impact.veld.vraag')],
    ['aannames', t('impact.veld.aannames')],
  ])
  c.wijzigingen.forEach((w, i) => {
    const rij = t('impact.formulier.wijziging', { nummer: i + 1 })
    for (const v of ['soort', 'datum', ...VELDEN[w.soort]]) labels.set(`wijzigingen[${i}].${v}`, `${rij}: ${t(`impact.veld.${v}`)}`)
  })
  c.kosten.forEach((_, i) => {
    const rij = t('impact.formulier.kostenregel', { nummer: i + 1 })
    for (const v of ['organisatieId', 'omschrijving', 'eenmalig', 'jaarlijks'])
      labels.set(`kosten[${i}].${v}`, `${rij}: ${t(`impact.veld.kosten.${v}`)}`)
  })
  const meldingen: Foutmelding[] = Object.entries(fouten).map(([veld, melding]) => {
    const groep = /^(wijzigingen|kosten|aannames)/.exec(veld)?.[1]
    if (labels.has(veld)) return { doel: domId(veld), label: labels.get(veld) as string, melding }
    if (groep) return { doel: domId(groep), label: t(`impact.formulier.${groep}`), melding }
    return { label: veld, melding }
  })
  /** Messages that no field shows, for the group they belong to. */
  const groepsfout = (groep: string) => {
    const los = Object.entries(fouten).filter(
      ([k]) => !labels.has(k) && (k === groep || k.startsWith(`${groep}[`) || k.startsWith(`${groep}.`)),
    )
    return los.length ? los.map(([, v]) => v).join(' ') : undefined
  }

  /** The form as the API takes it; false (with the messages set) when an amount cannot be read. */
  function invoerOfFouten() {
    const { invoer, fouten: lokaal } = naarInvoer(c, t)
    setPoging((p) => p + 1)
    if (Object.keys(lokaal).length > 0) {
      setFouten(lokaal)
      setFout(undefined)
      return undefined
    }
    return invoer
  }

  function meldFout(err: unknown) {
    if (err instanceof ApiProblem && err.body.invalidParams?.length) {
      const f: Fouten = {}
      for (const p of err.body.invalidParams) {
        const k = formVeld(p.name, c)
        f[k] = f[k] ? `${f[k]} ${p.reason}` : p.reason
      }
      setFouten(f)
      setFout(undefined)
    } else {
      setFouten({})
      setFout(err)
    }
  }

  async function bekijk() {
    const invoer = invoerOfFouten()
    if (!invoer) return
    setBezig(true)
    try {
      const res = await request<ImpactUitkomst>('scenarios/_impact', { method: 'POST', body: invoer })
      setFouten({})
      setFout(undefined)
      setUitkomst(res.data)
      // The outcome appears below the form: take the reader there.
      requestAnimationFrame(() => uitkomstKop.current?.focus())
    } catch (err) {
      setUitkomst(undefined)
      meldFout(err)
    } finally {
      setBezig(false)
    }
  }

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    const invoer = invoerOfFouten()
    if (!invoer) return
    const body = {
      ...rest,
      naam: c.naam.trim(),
      ...(c.omschrijving.trim() ? { omschrijving: c.omschrijving.trim() } : {}),
      soort: 'impactanalyse' as const,
      invoer,
    }
    setBezig(true)
    try {
      const res = id
        ? await request<AlleScenario>(`scenarios/${id}`, { method: 'PUT', body, ifMatch: start?.etag })
        : await request<AlleScenario>('scenarios', { method: 'POST', body })
      await client.invalidateQueries({ queryKey: SCENARIOS_KEY })
      navigate(`/scenarios/${res.data.id}/impact`, { state: { opgeslagen: true } })
    } catch (err) {
      meldFout(err)
      setBezig(false)
    }
  }

  const titel = start ? t('formulier.bewerken', { naam: start.data.naam }) : t('impact.nieuw')
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to={id ? `/scenarios/${id}/impact` : '/scenarios'}>{t('detail.terug')}</Link>
      </Paragraph>
      <PageHeading titel={titel} />
      <Paragraph>{t('impact.formulier.intro')}</Paragraph>
      <ErrorSummary fouten={meldingen} poging={poging} />
      <ErrorAlert error={fout} />
      <form className="rk-form rk-scenario-formulier" noValidate onSubmit={opslaan}>
        <Groep veld="algemeen" legend={t('formulier.algemeen')}>
          <Tekstveld veld="naam" label={t('formulier.naam')} waarde={c.naam} fouten={fouten} onChange={(naam) => zet({ naam })} />
          <Tekstveld
            veld="omschrijving"
            label={t('formulier.omschrijving')}
            waarde={c.omschrijving}
            fouten={fouten}
            meer
            onChange={(omschrijving) => zet({ omschrijving })}
          />
          <Keuzeveld
            veld="opstellerId"
            label={t('impact.veld.opstellerId')}
            description={t('impact.formulier.opstellerHulp')}
            waarde={c.opstellerId}
            opties={lijsten.organisaties}
            fouten={fouten}
            leeg={t('impact.formulier.kies')}
            onChange={(opstellerId) => zet({ opstellerId })}
          />
          <Tekstveld
            veld="vraag"
            label={t('impact.veld.vraag')}
            waarde={c.vraag}
            fouten={fouten}
            meer
            onChange={(vraag) => zet({ vraag })}
          />
          <Tekstveld
            veld="aannames"
            label={t('impact.veld.aannames')}
            description={t('impact.formulier.aannamesHulp')}
            waarde={c.aannames}
            fouten={fouten}
            meer
            onChange={(aannames) => zet({ aannames })}
          />
        </Groep>

        <Groep veld="wijzigingen" legend={t('impact.formulier.wijzigingen')} fout={groepsfout('wijzigingen')}>
          <Paragraph>{t('impact.formulier.wijzigingenUitleg')}</Paragraph>
          <div className="rk-scenario-rijen">
            {c.wijzigingen.map((w, i) => (
              <WijzigingRij
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                key={i}
                i={i}
                w={w}
                lijsten={lijsten}
                fouten={fouten}
                aantal={c.wijzigingen.length}
                onChange={(x) => zetWijziging(i, x)}
                onVerwijder={() => setC((x) => ({ ...x, wijzigingen: x.wijzigingen.filter((_, j) => j !== i) }))}
              />
            ))}
          </div>
          {c.wijzigingen.length < 20 && (
            <Button
              appearance="secondary-action-button"
              onClick={() => setC((x) => ({ ...x, wijzigingen: [...x.wijzigingen, legeWijziging()] }))}
            >
              {t('impact.formulier.wijzigingToevoegen')}
            </Button>
          )}
        </Groep>

        <Groep veld="kosten" legend={t('impact.formulier.kosten')} fout={groepsfout('kosten')}>
          <Paragraph>{t('impact.formulier.kostenUitleg')}</Paragraph>
          <div className="rk-scenario-rijen">
            {c.kosten.map((k, i) => {
              const rij = t('impact.formulier.kostenregel', { nummer: i + 1 }).toLowerCase()
              const pad = (v: string) => `kosten[${i}].${v}`
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <div key={i} className="rk-scenario-rij rk-impact-kostenrij">
                  <Keuzeveld
                    veld={pad('organisatieId')}
                    label={`${t('impact.veld.kosten.organisatieId')} (${rij})`}
                    waarde={k.organisatieId}
                    opties={lijsten.organisaties}
                    fouten={fouten}
                    leeg={t('impact.formulier.kies')}
                    onChange={(organisatieId) => zetKosten(i, { organisatieId })}
                  />
                  <Tekstveld
                    veld={pad('omschrijving')}
                    label={`${t('impact.veld.kosten.omschrijving')} (${rij})`}
                    waarde={k.omschrijving}
                    fouten={fouten}
                    onChange={(omschrijving) => zetKosten(i, { omschrijving })}
                  />
                  <Tekstveld
                    veld={pad('eenmalig')}
                    label={`${t('impact.veld.kosten.eenmalig')} (${rij})`}
                    waarde={k.eenmalig}
                    fouten={fouten}
                    getal="bedrag"
                    onChange={(eenmalig) => zetKosten(i, { eenmalig })}
                  />
                  <Tekstveld
                    veld={pad('jaarlijks')}
                    label={`${t('impact.veld.kosten.jaarlijks')} (${rij})`}
                    waarde={k.jaarlijks}
                    fouten={fouten}
                    description={t('impact.formulier.jaarlijksHulp')}
                    onChange={(jaarlijks) => zetKosten(i, { jaarlijks })}
                  />
                  <Button appearance="subtle-button" onClick={() => setC((x) => ({ ...x, kosten: x.kosten.filter((_, j) => j !== i) }))}>
                    {t('impact.formulier.kostenVerwijderen', { nummer: i + 1 })}
                  </Button>
                </div>
              )
            })}
          </div>
          <Button appearance="secondary-action-button" onClick={() => setC((x) => ({ ...x, kosten: [...x.kosten, legeKosten()] }))}>
            {t('impact.formulier.kostenToevoegen')}
          </Button>
        </Groep>

        <div className="rk-acties">
          <Button appearance="secondary-action-button" onClick={bekijk} disabled={bezig}>
            {t('impact.formulier.bekijk')}
          </Button>
          <Button type="submit" appearance="primary-action-button" disabled={bezig}>
            {t('common:acties.opslaan')}
          </Button>
          <Link to={id ? `/scenarios/${id}/impact` : '/scenarios'}>{t('common:acties.annuleren')}</Link>
        </div>
      </form>
      {uitkomst && (
        <section aria-labelledby="voorvertoning-kop" className="rk-sectie rk-impact-voorvertoning">
          <Heading level={2} id="voorvertoning-kop" ref={uitkomstKop} tabIndex={-1}>
            {t('impact.formulier.voorvertoning')}
          </Heading>
          <Paragraph>{t('impact.formulier.voorvertoningUitleg')}</Paragraph>
          <Uitkomst u={uitkomst} kop={3} />
        </section>
      )}
    </>
  )
}

export default function ImpactFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('scenarios')
  const ik = useCurrentIk()
  const scenario = useImpactScenario(id)
  if (!id) {
    if (!magAanmaken(ik)) return <GeenToegang titel={t('impact.nieuw')} uitleg={t('formulier.geenRecht')} />
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
  const s = scenario.data.data
  if (s.soort !== 'impactanalyse')
    return (
      <>
        <PageHeading titel={s.naam} />
        <Paragraph>
          <Link to={`/scenarios/${id}/bewerken`}>{t('impact.geenImpact')}</Link>
        </Paragraph>
      </>
    )
  if (!s.toegestaneActies?.includes('wijzigen')) return <GeenToegang titel={s.naam} uitleg={t('formulier.geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={{ data: s, etag: scenario.data.etag }} />
}
