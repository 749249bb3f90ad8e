import {
  Button,
  FormFieldSelect,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get, query } from '../../api/client'
import type { Organisatie } from '../../api/types'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatDatum, formatGetal } from '../../i18n/format'
import { optiesQuery } from '../registry/api'
import {
  allePaginas,
  type Bevinding,
  type Bewijsstuk,
  type Contract,
  ERNST_NIVEAUS,
  type Ernst,
  GROOT,
  haalBevindingen,
  perPartij,
  plusDagen,
  type Toegang,
  VENSTER_DAGEN,
  VERTROUWEN_KEY,
  vandaag,
} from './api'
import { BewijsStandTekst, ErnstLabel, PartijLink } from './gedeeld'
import './vertrouwen.css'

// The trust overview of one samenwerking (chosen in the address; the first the user sees
// by default): open findings by severity with accepted risks apart, the parties with the
// most and worst findings, evidence of the parties the members rely on that expires
// within VENSTER_DAGEN, and how many grants are overdue for review.

const TOP = 10

interface Telling {
  per: Record<Ernst, number>
  totaal: number
  /** The first GROOT findings, most severe first. */
  rijen: Bevinding[]
}

/** Findings of a samenwerking with a status, counted per severity (exactly, also beyond one page). */
async function tel(samenwerkingId: string, status: 'open' | 'geaccepteerd', signal?: AbortSignal): Promise<Telling> {
  const eerste = await haalBevindingen({ samenwerkingId, status, paginaGrootte: GROOT }, signal)
  const per: Record<Ernst, number> = { hoog: 0, middel: 0, laag: 0 }
  if (eerste.paginering.totaalPaginas <= 1) for (const b of eerste.resultaten) per[b.ernst] += 1
  else
    await Promise.all(
      ERNST_NIVEAUS.map(async (ernst) => {
        per[ernst] = (await haalBevindingen({ samenwerkingId, status, ernst, paginaGrootte: 1 }, signal)).paginering.totaalAantal
      }),
    )
  return { per, totaal: eerste.paginering.totaalAantal, rijen: eerste.resultaten }
}

interface Herbeoordelingslijst {
  resultaten: { toegangId: string; verleendDoorId: string; achterstallig: boolean }[]
}

/** Evidence of the parties with a grant from, or a contract with, a member, expiring from today through `tot`. */
async function verlopendBewijs(leden: string[], van: string, tot: string, signal?: AbortSignal): Promise<Bewijsstuk[]> {
  const per = await Promise.all(
    leden.flatMap((lid) => [
      allePaginas<Toegang>('toegangen', { verleendDoorId: lid }, signal).then((l) => l.map((g) => g.partijId)),
      allePaginas<Contract>('contracten', { afnemerId: lid }, signal).then((l) => l.map((c) => c.leverancierId)),
    ]),
  )
  const partijen = [...new Set(per.flat())]
  const bewijs = await Promise.all(partijen.map((p) => allePaginas<Bewijsstuk>('bewijsstukken', { organisatieId: p }, signal)))
  return bewijs
    .flat()
    .filter((b) => b.geldigTot && b.geldigTot >= van && b.geldigTot <= tot && b.geldigVanaf <= b.geldigTot)
    .sort((a, b) => (a.geldigTot ?? '').localeCompare(b.geldigTot ?? ''))
}

function Sectie({ id, kop, children }: { id: string; kop: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rk-vtw-sectie">
      <Heading level={2} appearanceLevel={3} id={id}>
        {kop}
      </Heading>
      {children}
    </section>
  )
}

function Aantal({ n, to, label }: { n: number; to: string; label: string }) {
  if (n === 0) return <>{formatGetal(0)}</>
  return (
    <AppLink to={to} aria-label={label}>
      {formatGetal(n)}
    </AppLink>
  )
}

interface SamenwerkingRef {
  id: string
  naam: string
}

function useTellingen(s: SamenwerkingRef) {
  const open = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'telling', s.id, 'open'],
    queryFn: ({ signal }) => tel(s.id, 'open', signal),
  })
  const geaccepteerd = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'telling', s.id, 'geaccepteerd'],
    queryFn: ({ signal }) => tel(s.id, 'geaccepteerd', signal),
  })
  return { open, geaccepteerd }
}

function ErnstSectie({ s }: { s: SamenwerkingRef }) {
  const { t } = useTranslation('vertrouwen')
  const { open, geaccepteerd } = useTellingen(s)
  const lijst = (status: string, ernst?: Ernst) => `/bevindingen${query({ samenwerkingId: s.id, status, ernst })}`
  const o = open.data
  const g = geaccepteerd.data
  return (
    <Sectie id="vtw-ernst" kop={t('overzicht.bevindingenKop')}>
      <Paragraph className="rk-vtw-klein">{t('overzicht.bevindingenToelichting')}</Paragraph>
      <ErrorAlert error={open.error ?? geaccepteerd.error} />
      {(open.isPending || geaccepteerd.isPending) && <Loading />}
      {o && g && (
        <>
          <Table className="rk-vtw-telling" data-telling="ernst">
            <TableCaption className="rk-visually-hidden">{t('overzicht.tellingCaption', { naam: s.naam })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overzicht.ernst')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-getal">
                  {t('overzicht.open')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-getal">
                  {t('overzicht.geaccepteerd')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ERNST_NIVEAUS.map((ernst) => (
                <TableRow key={ernst} data-ernst={ernst}>
                  <TableHeaderCell scope="row">
                    <ErnstLabel ernst={ernst} />
                  </TableHeaderCell>
                  <TableCell className="rk-getal">
                    <Aantal
                      n={o.per[ernst]}
                      to={lijst('open', ernst)}
                      label={t('overzicht.bekijkErnstLabel', { count: o.per[ernst], ernst: t(`ernst.${ernst}`).toLowerCase() })}
                    />
                  </TableCell>
                  <TableCell className="rk-getal">
                    <Aantal
                      n={g.per[ernst]}
                      to={lijst('geaccepteerd', ernst)}
                      label={t('overzicht.bekijkGeaccepteerdLabel', { count: g.per[ernst], ernst: t(`ernst.${ernst}`).toLowerCase() })}
                    />
                  </TableCell>
                </TableRow>
              ))}
              <TableRow className="rk-vtw-totaalrij">
                <TableHeaderCell scope="row">{t('overzicht.totaal')}</TableHeaderCell>
                <TableCell className="rk-getal">{formatGetal(o.totaal)}</TableCell>
                <TableCell className="rk-getal">{formatGetal(g.totaal)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {o.totaal > 0 && (
            <Paragraph>
              <AppLink to={lijst('open')} aria-label={t('overzicht.bekijkOpenLabel', { naam: s.naam })}>
                {t('overzicht.bekijkOpen')}
              </AppLink>
            </Paragraph>
          )}
        </>
      )}
    </Sectie>
  )
}

function PartijenSectie({ s }: { s: SamenwerkingRef }) {
  const { t } = useTranslation('vertrouwen')
  const { open } = useTellingen(s)
  const o = open.data
  const partijen = o ? perPartij(o.rijen).slice(0, TOP) : []
  return (
    <Sectie id="vtw-partijen" kop={t('overzicht.partijenKop')}>
      {o &&
        (partijen.length === 0 ? (
          <Paragraph>{t('overzicht.geenOpen')}</Paragraph>
        ) : (
          <>
            <div className="rk-table-wrap">
              <Table className="rk-vtw-partijen">
                <TableCaption className="rk-visually-hidden">{t('overzicht.partijenCaption', { naam: s.naam })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('overzicht.partij')}</TableHeaderCell>
                    {ERNST_NIVEAUS.map((e) => (
                      <TableHeaderCell key={e} scope="col" className="rk-getal">
                        {t(`ernst.${e}`)}
                      </TableHeaderCell>
                    ))}
                    <TableHeaderCell scope="col" className="rk-getal">
                      {t('overzicht.totaal')}
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {partijen.map((p) => (
                    <TableRow key={p.partijId} data-partij={p.partijId}>
                      <TableHeaderCell scope="row">
                        <PartijLink id={p.partijId} naam={p.partijNaam} />
                      </TableHeaderCell>
                      {ERNST_NIVEAUS.map((e) => (
                        <TableCell key={e} className="rk-getal">
                          {formatGetal(p[e])}
                        </TableCell>
                      ))}
                      <TableCell className="rk-getal">{formatGetal(p.totaal)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {o.totaal > o.rijen.length && (
              <Paragraph className="rk-vtw-klein">{t('overzicht.eersteN', { aantal: o.rijen.length, totaal: o.totaal })}</Paragraph>
            )}
          </>
        ))}
    </Sectie>
  )
}

function useLeden(s: SamenwerkingRef) {
  return useQuery({
    queryKey: [...VERTROUWEN_KEY, 'leden', s.id],
    queryFn: ({ signal }) => allePaginas<Organisatie>(`samenwerkingen/${s.id}/leden`, {}, signal).then((l) => l.map((o) => o.id)),
  })
}

function BewijsSectie({ s }: { s: SamenwerkingRef }) {
  const { t } = useTranslation('vertrouwen')
  const peildatum = vandaag()
  const tot = plusDagen(peildatum, VENSTER_DAGEN)
  const leden = useLeden(s)
  const ids = leden.data
  const bewijs = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'verlopend', s.id, peildatum, ids],
    queryFn: ({ signal }) => verlopendBewijs(ids ?? [], peildatum, tot, signal),
    enabled: Boolean(ids),
  })
  return (
    <Sectie id="vtw-bewijs" kop={t('overzicht.bewijsKop', { dagen: VENSTER_DAGEN })}>
      <Paragraph className="rk-vtw-klein">{t('overzicht.bewijsToelichting', { datum: formatDatum(tot) })}</Paragraph>
      <ErrorAlert error={leden.error ?? bewijs.error} />
      {(leden.isPending || bewijs.isPending) && <Loading />}
      {bewijs.data &&
        (bewijs.data.length === 0 ? (
          <Paragraph data-telling="verlopend-bewijs">{t('overzicht.geenBewijs', { dagen: VENSTER_DAGEN })}</Paragraph>
        ) : (
          <div className="rk-table-wrap">
            <Table data-telling="verlopend-bewijs">
              <TableCaption className="rk-visually-hidden">{t('overzicht.bewijsCaption', { dagen: VENSTER_DAGEN })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('overzicht.partij')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('overzicht.soort')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('overzicht.toestand')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {bewijs.data.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell>
                      <PartijLink id={b.organisatieId} />
                    </TableCell>
                    <TableCell>
                      <AppLink to={`/bewijsstukken/${b.id}`}>{t(`bewijsSoort.${b.soort}`)}</AppLink>
                    </TableCell>
                    <TableCell>
                      <BewijsStandTekst b={b} peildatum={peildatum} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
    </Sectie>
  )
}

function HerbeoordelingSectie({ s }: { s: SamenwerkingRef }) {
  const { t } = useTranslation('vertrouwen')
  const ids = useLeden(s).data
  const herbeoordelingen = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'herbeoordelingen', 0],
    queryFn: ({ signal }) => get<Herbeoordelingslijst>('herbeoordelingen?binnenDagen=0', signal),
  })
  const achterstallig =
    ids && herbeoordelingen.data
      ? herbeoordelingen.data.resultaten.filter((h) => h.achterstallig && ids.includes(h.verleendDoorId)).length
      : undefined
  return (
    <Sectie id="vtw-herbeoordeling" kop={t('overzicht.herbeoordelingKop')}>
      <ErrorAlert error={herbeoordelingen.error} />
      {achterstallig === undefined ? (
        !herbeoordelingen.error && <Loading />
      ) : (
        <Paragraph data-telling="herbeoordeling">
          {achterstallig === 0 ? t('overzicht.herbeoordelingGeen') : t('overzicht.herbeoordelingAantal', { count: achterstallig })}
        </Paragraph>
      )}
      <Paragraph>
        <AppLink to="/herbeoordelingen">{t('overzicht.naarHerbeoordelingen')}</AppLink>
      </Paragraph>
    </Sectie>
  )
}

export default function Overzicht() {
  const { t } = useTranslation('vertrouwen')
  const [params, setParams] = useSearchParams()
  const samenwerkingen = useQuery({ ...optiesQuery('samenwerkingen') })
  const lijst = samenwerkingen.data ?? []
  const gevraagd = params.get('samenwerkingId')
  const gekozen = lijst.find((s) => s.id === gevraagd) ?? lijst[0]
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const id = new FormData(e.currentTarget).get('samenwerkingId')
    if (typeof id === 'string' && id) setParams({ samenwerkingId: id })
  }
  return (
    <>
      <PageHeading titel={t('overzicht.titel')} />
      <Paragraph>{t('overzicht.intro')}</Paragraph>
      <ErrorAlert error={samenwerkingen.error} />
      {samenwerkingen.isPending && <Loading />}
      {samenwerkingen.data && !gekozen && <Paragraph>{t('overzicht.geenSamenwerkingen')}</Paragraph>}
      {gekozen && (
        <>
          <form className="rk-vtw-filters rk-vtw-samenwerkingkeuze" onSubmit={submit} key={gekozen.id}>
            <FormFieldSelect label={t('overzicht.samenwerking')} name="samenwerkingId" defaultValue={gekozen.id}>
              {lijst.map((s) => (
                <SelectOption key={s.id} value={s.id}>
                  {s.naam}
                </SelectOption>
              ))}
            </FormFieldSelect>
            <div className="rk-vtw-filters__knoppen">
              <Button type="submit" appearance="primary-action-button">
                {t('overzicht.tonen')}
              </Button>
            </div>
          </form>
          <div data-samenwerking={gekozen.id}>
            <div className="rk-vtw-raster">
              <ErnstSectie s={gekozen} />
              <HerbeoordelingSectie s={gekozen} />
            </div>
            <PartijenSectie s={gekozen} />
            <BewijsSectie s={gekozen} />
          </div>
        </>
      )}
    </>
  )
}
