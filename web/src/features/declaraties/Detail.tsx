import {
  Alert,
  Button,
  FormFieldTextInput,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { API, type ApiResult, request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { formatBedrag, formatTijdstip } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { DECLARATIES_KEY, type Declaratie, type DeclaratieActie, type DeclaratieRegel } from './api'
import { Bevestigingsdialoog } from './Bevestiging'
import { CorrectieNodig } from './CorrectieNodig'
import './declaraties.css'

// One declaratie: who declares what to whom for which period, every line with its key
// and (on request) its computation, the totals, the actions the API allows now
// (toegestaneActies) and the downloads.

const KOLOMMEN = 6

/** The recipient's share as a percentage with up to 4 decimals, from the exact fraction. */
function percentage(r: DeclaratieRegel): string {
  const teller = Number(r.fractie.teller)
  const noemer = Number(r.fractie.noemer)
  if (!noemer) return '0'
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format((teller / noemer) * 100)
}

function Berekening({ r, id }: { r: DeclaratieRegel; id: string }) {
  const { t, i18n } = useTranslation('declaraties')
  return (
    <ul id={id} className="rk-decl__berekening">
      <li>{t('detail.kostenpostBedrag', { grondslag: r.grondslag, bedrag: formatBedrag(r.kostenpostBedrag) })}</li>
      <li>{t('detail.versieVanaf', { naam: r.sleutel.naam, jaar: r.sleutel.geldigVanaf })}</li>
      {r.stappen.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
        <li key={i}>
          {s.maatstaf
            ? t('detail.stapMaatstaf', {
                aandeel: s.aandeelInSleutel,
                maatstaf: s.maatstaf,
                jaar: s.jaar,
                waarde: s.waarde,
                totaal: s.totaal,
              })
            : t('detail.stap', {
                aandeel: s.aandeelInSleutel,
                regel: t(`regels.${s.regel}`, { defaultValue: s.regel }),
                waarde: s.waarde,
                totaal: s.totaal,
              })}
          {s.bron && t('detail.bron', { bron: t(`detail.bronnen.${s.bron}`) })}
        </li>
      ))}
      <li>
        {t('detail.fractie', {
          teller: r.fractie.teller,
          noemer: r.fractie.noemer,
          exact: `${r.exactBedrag.teller}/${r.exactBedrag.noemer}`,
          restcent: r.restcent ? t('detail.restcent') : '',
        })}
      </li>
      {r.afronding && r.afronding.restcenten > 0 && (
        <li>{i18n.language.startsWith('en') ? r.afronding.uitleg.en : r.afronding.uitleg.nl}</li>
      )}
      {r.eerderGedeclareerd !== undefined && (
        <li>{t('detail.eerder', { eerder: formatBedrag(r.eerderGedeclareerd), nu: formatBedrag(r.nieuwBedrag ?? 0) })}</li>
      )}
    </ul>
  )
}

function Regel({ r, index, corr }: { r: DeclaratieRegel; index: number; corr: boolean }) {
  const { t } = useTranslation('declaraties')
  const [open, setOpen] = useState(false)
  const id = `berekening-${index}`
  return (
    <>
      <TableRow>
        <TableCell>
          {r.omschrijving}
          <br />
          <Button appearance="subtle-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
            {open ? t('detail.verbergBerekening') : t('detail.toonBerekening')}
            <span className="rk-visually-hidden"> {t('detail.berekeningVan', { omschrijving: r.omschrijving })}</span>
          </Button>
        </TableCell>
        <TableCell data-label={t('detail.periode')}>{r.periode}</TableCell>
        <TableCell data-label={t('detail.categorie')}>{r.categorie}</TableCell>
        <TableCell data-label={t('detail.sleutel')}>{r.sleutel.naam}</TableCell>
        <TableCell className="rk-decl__bedrag" data-label={t('detail.aandeel')}>
          {percentage(r)} %
        </TableCell>
        <TableCell className="rk-decl__bedrag rk-decl__regelbedrag" data-label={corr ? t('detail.verschil') : t('detail.bedrag')}>
          {formatBedrag(r.bedrag)}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow className="rk-decl__berekeningrij">
          <TableCell colSpan={KOLOMMEN}>
            <Berekening r={r} id={id} />
          </TableCell>
        </TableRow>
      )}
    </>
  )
}

/** On a corrected declaratie: its corrections, each a link, and what is due after them. */
function Correcties({ d }: { d: Declaratie }) {
  const { t } = useTranslation('declaraties')
  const definitief = d.gecorrigeerdDoor.some((c) => c.status !== 'concept')
  return (
    <Alert type="info">
      <Heading level={2} appearanceLevel={4}>
        {t('detail.gecorrigeerdDoor')}
      </Heading>
      <ul className="rk-decl__correcties">
        {d.gecorrigeerdDoor.map((c) => (
          <li key={c.id}>
            <AppLink to={`/declaraties/${c.id}`}>
              {c.nummer ? t('detail.correctieLink', { nummer: c.nummer }) : t('detail.correctieConcept')}
            </AppLink>{' '}
            {t('detail.correctieStand', {
              status: t(`status.${c.status}`).toLocaleLowerCase(),
              verschil: formatBedrag(c.totaal),
            })}
          </li>
        ))}
      </ul>
      <Paragraph>
        {definitief
          ? t('detail.naCorrecties', { origineel: formatBedrag(d.totaal), totaal: formatBedrag(d.totaalNaCorrecties) })
          : t('detail.naCorrectiesConcept', { origineel: formatBedrag(d.totaal) })}
      </Paragraph>
    </Alert>
  )
}

type Vraag = 'definitief-maken' | 'verwijderen' | 'verzenden' | 'betaald-melden'
const MET_BEVESTIGING: readonly DeclaratieActie[] = ['definitief-maken', 'verwijderen', 'verzenden', 'betaald-melden']

function Acties({ d, etag, onGelukt }: { d: Declaratie; etag?: string; onGelukt: (melding: string) => void }) {
  const { t } = useTranslation('declaraties')
  const client = useQueryClient()
  const navigate = useNavigate()
  const [vraag, setVraag] = useState<Vraag>()
  const [datum, setDatum] = useState('')
  const acties = (d.toegestaneActies ?? []).filter((a) => a !== 'wijzigen')
  const actie = useMutation({
    mutationFn: async (a: DeclaratieActie) => {
      if (a === 'verwijderen') return request<Declaratie>(`declaraties/${d.id}`, { method: 'DELETE', ifMatch: etag })
      const body = a === 'betaald-melden' ? (datum ? { datum } : {}) : undefined
      return request<Declaratie>(`declaraties/${d.id}/${a}`, { method: 'POST', ifMatch: etag, body })
    },
    // The dialog closes with the new state (the Acties remount with the new revisie), so its
    // focus goes to the page's heading rather than to a button that is about to vanish.
    onSuccess: async (res: ApiResult<Declaratie>, a) => {
      if (a === 'verwijderen') {
        await client.invalidateQueries({ queryKey: DECLARATIES_KEY })
        navigate('/declaraties', { state: { melding: t('acties.verwijderd') } })
        return
      }
      await client.invalidateQueries({ queryKey: DECLARATIES_KEY })
      if (a === 'corrigeren') {
        navigate(`/declaraties/${res.data.id}`, { state: { melding: t('acties.gelukt.corrigeren') } })
        return
      }
      client.setQueryData([...DECLARATIES_KEY, 'object', d.id], res)
      onGelukt(t(`acties.gelukt.${a}`, { nummer: res.data.nummer }))
      setVraag(undefined)
    },
  })
  if (acties.length === 0) return null

  const wat = { nummer: d.nummer ?? t('detail.conceptNummer'), aan: d.aanNaam, totaal: formatBedrag(d.totaal) }
  const sluit = () => {
    actie.reset()
    setVraag(undefined)
  }
  const dialoog = (v: Vraag) => ({
    kop: t(`acties.bevestig.${v}.kop`, wat),
    tekst: t(`acties.bevestig.${v}.tekst`, wat),
    ja: t(`acties.bevestig.${v}.ja`),
    bezig: actie.isPending,
    fout: actie.error,
    onJa: () => actie.mutate(v),
    onNee: sluit,
  })
  return (
    <section aria-labelledby="decl-acties-kop" className="rk-decl__sectie">
      <Heading level={2} appearanceLevel={3} id="decl-acties-kop">
        {t('detail.acties')}
      </Heading>
      <div className="rk-decl__acties">
        {acties.map((a) => (
          <Button
            key={a}
            appearance={a === 'verwijderen' ? 'secondary-action-button' : 'primary-action-button'}
            aria-haspopup={MET_BEVESTIGING.includes(a) ? 'dialog' : undefined}
            disabled={actie.isPending}
            onClick={() => {
              actie.reset()
              if (MET_BEVESTIGING.includes(a)) setVraag(a as Vraag)
              else actie.mutate(a)
            }}
          >
            {t(`acties.${a}`)}
          </Button>
        ))}
      </div>
      {vraag === 'betaald-melden' ? (
        <Bevestigingsdialoog {...dialoog(vraag)} focusOpVeld>
          <FormFieldTextInput
            label={t('acties.betaalDatum')}
            description={t('acties.betaalDatumHulp')}
            name="datum"
            type="date"
            value={datum}
            onChange={(e) => setDatum((e.target as HTMLInputElement).value)}
          />
        </Bevestigingsdialoog>
      ) : (
        vraag && <Bevestigingsdialoog {...dialoog(vraag)} />
      )}
      {!vraag && <ErrorAlert error={actie.error} />}
    </section>
  )
}

export default function Detail() {
  const { id = '' } = useParams()
  const { t } = useTranslation('declaraties')
  const location = useLocation()
  const overgedragen = (location.state as { melding?: string } | null)?.melding
  const [gelukt, setMelding] = useState<string>()
  const melding = gelukt ?? overgedragen
  const object = useQuery({
    queryKey: [...DECLARATIES_KEY, 'object', id],
    queryFn: ({ signal }) => request<Declaratie>(`declaraties/${id}`, { signal }),
  })
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t('titel')} />
        <ErrorAlert error={object.error} />
        <Paragraph>
          <AppLink to="/declaraties">{t('detail.terug')}</AppLink>
        </Paragraph>
      </>
    )
  }
  const d = object.data.data
  const nummer = d.nummer ?? t('detail.conceptNummer')
  const titel = d.soort === 'correctie' ? t('detail.titelCorrectie', { nummer }) : t('detail.titelDeclaratie', { nummer })
  const corr = d.soort === 'correctie'
  const gecorrigeerd = d.gecorrigeerdDoor.some((c) => c.status !== 'concept')
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/declaraties">{t('detail.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={titel} />
      <Paragraph>
        {t('vanAan', { van: d.vanNaam, aan: d.aanNaam })} · {d.periode} · {t(`status.${d.status}`)}
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {d.gecorrigeerdDoor.length > 0 && <Correcties d={d} />}
      <CorrectieNodig d={d} />
      <Acties key={`${d.id}-${d.revisie}`} d={d} etag={object.data.etag} onGelukt={setMelding} />
      <section aria-labelledby="decl-gegevens-kop" className="rk-decl__sectie">
        <Heading level={2} appearanceLevel={3} id="decl-gegevens-kop">
          {t('detail.gegevens')}
        </Heading>
        <dl className="rk-decl__gegevens">
          <dt>{t('detail.nummer')}</dt>
          <dd>{d.nummer ?? t('detail.nogGeenNummer')}</dd>
          {d.corrigeertId && (
            <>
              <dt>{t('detail.corrigeert')}</dt>
              <dd>
                <AppLink to={`/declaraties/${d.corrigeertId}`}>{d.corrigeertNummer}</AppLink>
              </dd>
            </>
          )}
          <dt>{t('detail.van')}</dt>
          <dd>
            {d.vanNaam}
            {d.vanCbsCode ? ` (${d.vanCbsCode})` : ''}
          </dd>
          <dt>{t('detail.aan')}</dt>
          <dd>
            {d.aanNaam}
            {d.aanCbsCode ? ` (${d.aanCbsCode})` : ''}
          </dd>
          <dt>{t('detail.periode')}</dt>
          <dd>{d.periode}</dd>
          <dt>{t('detail.status')}</dt>
          <dd>{t(`status.${d.status}`)}</dd>
          {d.definitiefOp && (
            <>
              <dt>{t('detail.definitiefOp')}</dt>
              <dd>{formatTijdstip(d.definitiefOp)}</dd>
            </>
          )}
          {d.verzondenOp && (
            <>
              <dt>{t('detail.verzondenOp')}</dt>
              <dd>{formatTijdstip(d.verzondenOp)}</dd>
            </>
          )}
          {d.betaaldOp && (
            <>
              <dt>{t('detail.betaaldOp')}</dt>
              <dd>{formatTijdstip(d.betaaldOp)}</dd>
            </>
          )}
          {d.toelichting && (
            <>
              <dt>{t('detail.toelichting')}</dt>
              <dd>{d.toelichting}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="decl-downloads-kop" className="rk-decl__sectie">
        <Heading level={2} appearanceLevel={3} id="decl-downloads-kop">
          {t('detail.downloads')}
        </Heading>
        <ul className="rk-decl__downloads">
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <li key={f}>
              <Link
                // The PDF is written in the language of the UI (?taal); XLSX and CSV are Dutch.
                href={`${API}/declaraties/${d.id}/export?formaat=${f}${f === 'pdf' ? `&taal=${currentLanguage()}` : ''}`}
                download
                aria-label={t('detail.downloadLabel', { formaat: t(`detail.${f}`) })}
              >
                {t(`detail.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="decl-regels-kop" className="rk-decl__sectie">
        <Heading level={2} appearanceLevel={3} id="decl-regels-kop">
          {t('detail.regels')}
        </Heading>
        <div className="rk-table-wrap rk-decl__regels">
          <Table>
            <TableCaption className="rk-visually-hidden">{t('detail.regelsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('detail.omschrijving')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('detail.periode')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('detail.categorie')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('detail.sleutel')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-decl__bedrag">
                  {t('detail.aandeel')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-decl__bedrag">
                  {corr ? t('detail.verschil') : t('detail.bedrag')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.regels.map((r, i) => (
                <Regel key={r.kostenpostId} r={r} index={i} corr={corr} />
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={5}>
                  {t('detail.totaal')}
                </TableHeaderCell>
                <TableCell className="rk-decl__bedrag">
                  <strong>{formatBedrag(d.totaal)}</strong>
                </TableCell>
              </TableRow>
              {gecorrigeerd && (
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={5}>
                    {t('detail.totaalNaCorrecties')}
                  </TableHeaderCell>
                  <TableCell className="rk-decl__bedrag">
                    <strong>{formatBedrag(d.totaalNaCorrecties)}</strong>
                  </TableCell>
                </TableRow>
              )}
            </TableFooter>
          </Table>
        </div>
      </section>
      <Wijzigingen soort="declaratie" id={id} revisie={d.revisie} />
    </>
  )
}
