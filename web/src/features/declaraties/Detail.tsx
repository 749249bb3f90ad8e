import {
  Alert,
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
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { API, request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { formatBedrag, formatTijdstip } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { Acties } from './Acties'
import { DECLARATIES_KEY, type Declaratie } from './api'
import { CorrectieNodig } from './CorrectieNodig'
import { Regel } from './Regel'
import './declaraties.css'

// One declaratie: who declares what to whom for which period, every line with its key
// and (on request) its computation, the totals, the actions the API allows now
// (toegestaneActies) and the downloads. A line is Regel.tsx, the actions Acties.tsx.

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
