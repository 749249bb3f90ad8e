import {
  Alert,
  ButtonLink,
  FormFieldSelect,
  Heading,
  Paragraph,
  SelectOption,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { jaarInBereik } from '../../../../src/domain/periode'
import { API, get, query } from '../../api/client'
import type { Lijst, Samenwerking } from '../../api/types'
import { AppLink } from '../../components/app-link'
import { euroKort, GRAFIEK_TEKST, Grafiek, type GrafiekOptie } from '../../components/grafiek'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { formatBedrag, formatGetal } from '../../i18n/format'
import { Bedrag, formatPercentage, Getal, GetalKop, RapportTabel, type Transparantieverslag, tekst } from './gedeeld'
import './rapportage.css'

// The transparency report of one samenwerking and year (both in the URL): key figures,
// charts (each with a label; the tables next to them carry the same figures), tables,
// the keys used, the posts, what could not be allocated, the money chain (allocated →
// declared → paid, per paying organisation, with its declaraties), and PDF/XLSX downloads
// in the UI's language. Without a year in the URL it opens on the latest year with posts.

type Verslag = Transparantieverslag

const as = { axisLabel: { color: GRAFIEK_TEKST } }

function Sectie({ id, kop, children }: { id: string; kop: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rk-rapport__sectie">
      <Heading level={2} id={id}>
        {kop}
      </Heading>
      {children}
    </section>
  )
}

function Kerncijfers({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  const tegels: [string, string][] = [
    [t('transparantie.tegel.kosten'), formatBedrag(v.totaal.grondslag)],
    [t('transparantie.tegel.structureel'), formatBedrag(v.totaal.structureel)],
    [t('transparantie.tegel.initieel'), formatBedrag(v.totaal.initieel)],
    [t('transparantie.tegel.begroting'), formatBedrag(v.totaal.begroting)],
    [t('transparantie.tegel.realisatie'), formatBedrag(v.totaal.realisatie)],
    [
      t('transparantie.tegel.verschil', { count: v.totaal.vergelijkbaar.posten }),
      `${formatBedrag(v.totaal.verschil)} (${formatPercentage(v.totaal.verschilPercentage)})`,
    ],
    [
      t('transparantie.tegel.nogGeenRealisatie'),
      t('transparantie.nogGeenRealisatie', {
        bedrag: formatBedrag(v.totaal.nogGeenRealisatie.begroting),
        count: v.totaal.nogGeenRealisatie.posten,
      }),
    ],
    ...(v.totaal.zonderBegroting.posten > 0
      ? [
          [
            t('transparantie.tegel.zonderBegroting'),
            t('transparantie.zonderBegroting', {
              bedrag: formatBedrag(v.totaal.zonderBegroting.realisatie),
              count: v.totaal.zonderBegroting.posten,
            }),
          ] as [string, string],
        ]
      : []),
  ]
  return (
    <Sectie id="tv-kerncijfers" kop={t('transparantie.kerncijfers', { jaar: v.jaar })}>
      <dl className="rk-rapport__tegels" data-testid="kerncijfers">
        {tegels.map(([label, waarde]) => (
          <div className="rk-rapport__tegel" key={label}>
            <dt>{label}</dt>
            <dd>{waarde}</dd>
          </div>
        ))}
      </dl>
      <Paragraph className="rk-rapport__reden">{t('transparantie.kostenUitleg')}</Paragraph>
    </Sectie>
  )
}

function PerOrganisatie({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  const optie = useMemo<GrafiekOptie>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => formatBedrag(Number(x)) },
      legend: { top: 0, textStyle: { color: GRAFIEK_TEKST } },
      grid: { left: 16, right: 24, top: 56, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: v.organisaties.map((o) => o.naam), ...as },
      yAxis: { type: 'value', axisLabel: { color: GRAFIEK_TEKST, formatter: (x: number) => euroKort(x) } },
      series: v.categorieen.map((c) => ({
        type: 'bar',
        stack: 'kosten',
        name: t(`categorie.${c.categorie}`, { defaultValue: c.categorie }),
        data: v.organisaties.map(
          (o) => v.organisatieCategorieen.find((x) => x.organisatieId === o.organisatieId && x.categorie === c.categorie)?.grondslag ?? 0,
        ),
      })),
    }),
    [v, t],
  )
  return (
    <Sectie id="tv-organisaties" kop={t('transparantie.perOrganisatie.kop')}>
      <Grafiek optie={optie} label={t('transparantie.perOrganisatie.grafiek', { jaar: v.jaar })} />
      <RapportTabel caption={t('transparantie.perOrganisatie.caption', { jaar: v.jaar })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.organisatie')}</TableHeaderCell>
            <GetalKop>{t('kolom.structureel')}</GetalKop>
            <GetalKop>{t('kolom.initieel')}</GetalKop>
            <GetalKop>{t('kolom.totaal')}</GetalKop>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.organisaties.map((o) => (
            <TableRow key={o.organisatieId}>
              <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
              <Bedrag centen={o.structureel} />
              <Bedrag centen={o.initieel} />
              <Bedrag centen={o.grondslag} />
            </TableRow>
          ))}
          <TableRow className="rk-rapport__totaalrij">
            <TableHeaderCell scope="row">{t('kolom.totaal')}</TableHeaderCell>
            <Bedrag centen={v.totaal.structureel} />
            <Bedrag centen={v.totaal.initieel} />
            <Bedrag centen={v.totaal.grondslag} />
          </TableRow>
        </TableBody>
      </RapportTabel>
      <RapportTabel caption={t('transparantie.matrix.caption', { jaar: v.jaar })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.categorie')}</TableHeaderCell>
            {v.organisaties.map((o) => (
              <TableHeaderCell scope="col" key={o.organisatieId} className="rk-rapport__getal">
                {o.naam}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.categorieen.map((c) => (
            <TableRow key={c.categorie}>
              <TableHeaderCell scope="row">{t(`categorie.${c.categorie}`, { defaultValue: c.categorie })}</TableHeaderCell>
              {v.organisaties.map((o) => (
                <Bedrag
                  key={o.organisatieId}
                  centen={
                    v.organisatieCategorieen.find((x) => x.organisatieId === o.organisatieId && x.categorie === c.categorie)?.grondslag ?? 0
                  }
                />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </RapportTabel>
    </Sectie>
  )
}

function PerCategorie({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  return (
    <Sectie id="tv-categorieen" kop={t('transparantie.perCategorie.kop')}>
      <RapportTabel caption={t('transparantie.perCategorie.caption', { jaar: v.jaar })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.categorie')}</TableHeaderCell>
            <GetalKop>{t('kolom.structureel')}</GetalKop>
            <GetalKop>{t('kolom.initieel')}</GetalKop>
            <GetalKop>{t('kolom.totaal')}</GetalKop>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.categorieen.map((c) => (
            <TableRow key={c.categorie}>
              <TableHeaderCell scope="row">{t(`categorie.${c.categorie}`, { defaultValue: c.categorie })}</TableHeaderCell>
              <Bedrag centen={c.structureel} />
              <Bedrag centen={c.initieel} />
              <Bedrag centen={c.grondslag} />
            </TableRow>
          ))}
          <TableRow className="rk-rapport__totaalrij">
            <TableHeaderCell scope="row">{t('kolom.totaal')}</TableHeaderCell>
            <Bedrag centen={v.totaal.structureel} />
            <Bedrag centen={v.totaal.initieel} />
            <Bedrag centen={v.totaal.grondslag} />
          </TableRow>
        </TableBody>
      </RapportTabel>
    </Sectie>
  )
}

type VergelijkRij = Pick<Verslag['totaal'], 'vergelijkbaar' | 'verschil' | 'verschilPercentage' | 'nogGeenRealisatie'> & {
  key: string
  naam: string
}

function VergelijkingTabel({
  caption,
  kop,
  rijen,
  totaal,
}: {
  caption: string
  kop: string
  rijen: VergelijkRij[]
  totaal?: Verslag['totaal']
}) {
  const { t } = useTranslation('rapportage')
  return (
    <RapportTabel caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{kop}</TableHeaderCell>
          {(['begrotingVergeleken', 'realisatie', 'verschil', 'verschilPct', 'nogGeenRealisatie', 'postenZonderRealisatie'] as const).map(
            (k) => (
              <TableHeaderCell scope="col" key={k} className="rk-rapport__getal">
                {t(`kolom.${k}`)}
              </TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...rijen, ...(totaal ? [{ key: '__totaal', naam: t('kolom.totaal'), ...totaal }] : [])].map((r) => (
          <TableRow key={r.key} className={r.key === '__totaal' ? 'rk-rapport__totaalrij' : undefined}>
            <TableHeaderCell scope="row">{r.naam}</TableHeaderCell>
            <Bedrag centen={r.vergelijkbaar.begroting} />
            <Bedrag centen={r.vergelijkbaar.realisatie} />
            <Bedrag centen={r.verschil} />
            <Getal>{formatPercentage(r.verschilPercentage)}</Getal>
            <Bedrag centen={r.nogGeenRealisatie.begroting} />
            <Getal>{formatGetal(r.nogGeenRealisatie.posten)}</Getal>
          </TableRow>
        ))}
      </TableBody>
    </RapportTabel>
  )
}

function BegrotingRealisatie({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  const optie = useMemo<GrafiekOptie>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => formatBedrag(Number(x)) },
      legend: { top: 0, textStyle: { color: GRAFIEK_TEKST } },
      grid: { left: 16, right: 24, top: 48, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: v.organisaties.map((o) => o.naam), ...as },
      yAxis: { type: 'value', axisLabel: { color: GRAFIEK_TEKST, formatter: (x: number) => euroKort(x) } },
      series: [
        { type: 'bar', name: t('kolom.begrotingVergeleken'), data: v.organisaties.map((o) => o.vergelijkbaar.begroting) },
        { type: 'bar', name: t('kolom.realisatie'), data: v.organisaties.map((o) => o.vergelijkbaar.realisatie) },
      ],
    }),
    [v, t],
  )
  return (
    <Sectie id="tv-begroting" kop={t('transparantie.begrotingRealisatie.kop')}>
      <Grafiek optie={optie} laag label={t('transparantie.begrotingRealisatie.grafiek', { jaar: v.jaar })} />
      <VergelijkingTabel
        caption={t('transparantie.begrotingRealisatie.caption', { jaar: v.jaar })}
        kop={t('kolom.organisatie')}
        rijen={v.organisaties.map((o) => ({ key: o.organisatieId, ...o }))}
        totaal={v.totaal}
      />
      <VergelijkingTabel
        caption={t('transparantie.begrotingRealisatie.captionCategorie', { jaar: v.jaar })}
        kop={t('kolom.categorie')}
        rijen={v.categorieen.map((c) => ({ key: c.categorie, ...c, naam: t(`categorie.${c.categorie}`, { defaultValue: c.categorie }) }))}
      />
      <Paragraph className="rk-rapport__reden">{t('transparantie.begrotingRealisatie.uitleg')}</Paragraph>
    </Sectie>
  )
}

function KetenCel({ centen }: { centen: number | null }) {
  const { t } = useTranslation('rapportage')
  if (centen !== null) return <Bedrag centen={centen} />
  return (
    <TableCell className="rk-rapport__getal">
      <em>{t('keten.nietZichtbaar')}</em>
    </TableCell>
  )
}

const KETEN_KOLOMMEN = [
  'toegerekend',
  'concept',
  'definitief',
  'verzonden',
  'betaald',
  'gedeclareerd',
  'openstaand',
  'nogTeDeclareren',
] as const

function Geldketen({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  const k = v.geldketen
  const rij = (r: Verslag['geldketen']['totaal']) =>
    KETEN_KOLOMMEN.map((kolom) =>
      kolom === 'toegerekend' ? <Bedrag key={kolom} centen={r.toegerekend} /> : <KetenCel key={kolom} centen={r[kolom]} />,
    )
  return (
    <Sectie id="tv-keten" kop={t('keten.kop')}>
      <Paragraph className="rk-rapport__reden">{t('keten.uitleg')}</Paragraph>
      {k.organisaties.length === 0 ? (
        <Paragraph>{t('keten.geen')}</Paragraph>
      ) : (
        <>
          <RapportTabel compact caption={t('keten.caption', { jaar: v.jaar })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('keten.afnemer')}</TableHeaderCell>
                {KETEN_KOLOMMEN.map((kolom) => (
                  <GetalKop key={kolom}>{t(`keten.${kolom}`)}</GetalKop>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {k.organisaties.map((o) => (
                <TableRow key={o.organisatieId}>
                  <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
                  {rij(o)}
                </TableRow>
              ))}
              {k.organisaties.length > 1 ? (
                <TableRow className="rk-rapport__totaalrij">
                  <TableHeaderCell scope="row">{t('kolom.totaal')}</TableHeaderCell>
                  {rij(k.totaal)}
                </TableRow>
              ) : null}
            </TableBody>
          </RapportTabel>
          {k.organisaties.map((o) => (
            <section key={o.organisatieId} aria-labelledby={`tv-keten-${o.organisatieId}`}>
              <Heading level={3} id={`tv-keten-${o.organisatieId}`}>
                {t('keten.perAfnemer', { naam: o.naam })}
              </Heading>
              {o.van.map((p) =>
                !p.zichtbaar ? (
                  <Paragraph key={p.vanId}>{t('keten.vanNietZichtbaar', { van: p.vanNaam, aan: o.naam })}</Paragraph>
                ) : p.declaraties.length === 0 ? (
                  <Paragraph key={p.vanId}>
                    {t('keten.vanGeen', { van: p.vanNaam, aan: o.naam, bedrag: formatBedrag(p.toegerekend), jaar: v.jaar })}
                  </Paragraph>
                ) : (
                  <RapportTabel key={p.vanId} caption={t('keten.declaratiesCaption', { van: p.vanNaam, aan: o.naam, jaar: v.jaar })}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('keten.declaratie')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('kolom.periode')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('keten.status')}</TableHeaderCell>
                        <GetalKop>{t('kolom.bedrag')}</GetalKop>
                        <TableHeaderCell scope="col">{t('keten.betaaldOp')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {p.declaraties.map((d) => (
                        <TableRow key={d.id}>
                          <TableHeaderCell scope="row">
                            <AppLink to={`/declaraties/${d.id}`}>{d.nummer ?? t('keten.conceptNaam', { periode: d.periode })}</AppLink>
                            {d.corrigeertNummer ? <> ({t('keten.correctieOp', { nummer: d.corrigeertNummer })})</> : null}
                          </TableHeaderCell>
                          <TableCell>{d.periode}</TableCell>
                          <TableCell>{t(`keten.statusNaam.${d.status}`)}</TableCell>
                          <Bedrag centen={d.bedrag} />
                          <TableCell>{d.betaaldOp ? formatDatum(d.betaaldOp) : '—'}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </RapportTabel>
                ),
              )}
            </section>
          ))}
        </>
      )}
    </Sectie>
  )
}

const formatDatum = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(
    new Date(iso),
  )

function Trend({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  const optie = useMemo<GrafiekOptie>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => formatBedrag(Number(x)) },
      legend: { top: 0, textStyle: { color: GRAFIEK_TEKST } },
      grid: { left: 16, right: 24, top: 48, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: v.trend.jaren.map(String), ...as },
      yAxis: { type: 'value', axisLabel: { color: GRAFIEK_TEKST, formatter: (x: number) => euroKort(x) } },
      series: v.trend.organisaties.map((o, i) => ({
        type: 'line',
        name: o.naam,
        data: o.jaren.map((j) => j.grondslag),
        symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4],
        symbolSize: 9,
        lineStyle: { width: 2, type: i % 2 === 0 ? 'solid' : 'dashed' },
      })),
    }),
    [v],
  )
  return (
    <Sectie id="tv-trend" kop={t('transparantie.trend.kop')}>
      <Grafiek optie={optie} laag label={t('transparantie.trend.grafiek', { jaren: v.trend.jaren.join(', ') })} />
      <RapportTabel caption={t('transparantie.trend.caption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.organisatie')}</TableHeaderCell>
            {v.trend.jaren.map((j) => (
              <TableHeaderCell scope="col" key={j} className="rk-rapport__getal">
                {j}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.trend.organisaties.map((o) => (
            <TableRow key={o.organisatieId}>
              <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
              {o.jaren.map((j) => (
                <Bedrag key={j.jaar} centen={j.grondslag} />
              ))}
            </TableRow>
          ))}
          <TableRow className="rk-rapport__totaalrij">
            <TableHeaderCell scope="row">{t('kolom.totaal')}</TableHeaderCell>
            {v.trend.totaal.map((j) => (
              <Bedrag key={j.jaar} centen={j.grondslag} />
            ))}
          </TableRow>
        </TableBody>
      </RapportTabel>
    </Sectie>
  )
}

function Sleutels({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  return (
    <Sectie id="tv-sleutels" kop={t('transparantie.sleutels.kop')}>
      <RapportTabel caption={t('transparantie.sleutels.caption', { jaar: v.jaar })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.sleutel')}</TableHeaderCell>
            <GetalKop>{t('kolom.versie')}</GetalKop>
            <TableHeaderCell scope="col">{t('kolom.regel')}</TableHeaderCell>
            <GetalKop>{t('kolom.posten')}</GetalKop>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.sleutels.map((s) => (
            <TableRow key={`${s.id}-${s.geldigVanaf}`}>
              <TableHeaderCell scope="row">{s.naam}</TableHeaderCell>
              <Getal>{s.geldigVanaf}</Getal>
              <TableCell>{tekst(s.beschrijving)}</TableCell>
              <Getal>{formatGetal(s.posten)}</Getal>
            </TableRow>
          ))}
        </TableBody>
      </RapportTabel>
    </Sectie>
  )
}

function Posten({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  return (
    <Sectie id="tv-posten" kop={t('transparantie.posten.kop')}>
      <RapportTabel caption={t('transparantie.posten.caption', { jaar: v.jaar })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolom.omschrijving')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolom.periode')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolom.categorie')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolom.soort')}</TableHeaderCell>
            <GetalKop>{t('kolom.begroting')}</GetalKop>
            <GetalKop>{t('kolom.realisatie')}</GetalKop>
            <TableHeaderCell scope="col">{t('kolom.sleutel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.posten.map((p) => (
            <TableRow key={p.id}>
              <TableHeaderCell scope="row">{p.omschrijving}</TableHeaderCell>
              <TableCell>{p.periode}</TableCell>
              <TableCell>{t(`categorie.${p.categorie}`, { defaultValue: p.categorie })}</TableCell>
              <TableCell>{t(`soort.${p.soort}`, { defaultValue: p.soort })}</TableCell>
              <Bedrag centen={p.begroting} />
              <Bedrag centen={p.realisatie} />
              <TableCell>
                {p.sleutel.naam} ({p.sleutel.geldigVanaf})
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </RapportTabel>
    </Sectie>
  )
}

function NietVerdeeld({ v }: { v: Verslag }) {
  const { t } = useTranslation('rapportage')
  if (v.nietVerdeeld.length === 0) return null
  return (
    <Alert type="warning">
      <Heading level={2} appearanceLevel={4}>
        {t('transparantie.nietVerdeeld.kop')}
      </Heading>
      <Paragraph>{t('transparantie.nietVerdeeld.tekst')}</Paragraph>
      <ul>
        {v.nietVerdeeld.map((p) => (
          <li key={p.id}>
            <strong>
              {p.omschrijving} ({p.periode})
            </strong>
            : {tekst(p.reden)}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

export default function Transparantie() {
  const { t } = useTranslation('rapportage')
  const [params, setParams] = useSearchParams()
  const samenwerkingen = useQuery({
    queryKey: ['samenwerkingen', 'keuzelijst'],
    queryFn: ({ signal }) => get<Lijst<Samenwerking>>('samenwerkingen?paginaGrootte=200', signal),
  })
  const lijst = samenwerkingen.data?.resultaten ?? []
  const samenwerkingId = params.get('samenwerkingId') ?? lijst[0]?.id
  const jaarParam = Number(params.get('jaar'))
  // Without a (valid) year in the URL the API picks the latest year with posts.
  const gekozenJaar = params.get('jaar') !== null && Number.isInteger(jaarParam) && jaarInBereik(jaarParam) ? jaarParam : undefined

  const verslag = useQuery({
    queryKey: ['transparantieverslag', samenwerkingId, gekozenJaar ?? 'laatste'],
    queryFn: ({ signal }) => get<Verslag>(`samenwerkingen/${samenwerkingId}/transparantieverslag${query({ jaar: gekozenJaar })}`, signal),
    enabled: samenwerkingId !== undefined,
    placeholderData: keepPreviousData,
  })
  const v = verslag.data
  const jaar = gekozenJaar ?? v?.jaar
  const jaren = [...new Set([...(v?.trend.jaren ?? []), ...(jaar === undefined ? [] : [jaar])])].sort((a, b) => b - a)

  const zet = (wijziging: Record<string, string>) => {
    const next = new URLSearchParams(params)
    for (const [k, w] of Object.entries(wijziging)) next.set(k, w)
    // Another samenwerking opens on its own latest year unless a year was chosen.
    if ('samenwerkingId' in wijziging && !('jaar' in wijziging) && gekozenJaar === undefined) next.delete('jaar')
    setParams(next, { replace: true })
  }
  const exportUrl = (formaat: 'pdf' | 'xlsx') =>
    `${API}/samenwerkingen/${samenwerkingId}/transparantieverslag/export${query({ jaar: v?.jaar, formaat, taal: currentLanguage() })}`

  return (
    <>
      <PageHeading titel={t('transparantie.titel')} />
      <Paragraph>{t('transparantie.intro')}</Paragraph>
      {samenwerkingen.error ? <ErrorAlert error={samenwerkingen.error} /> : null}
      {samenwerkingen.isPending ? <Loading /> : null}
      {samenwerkingen.data && lijst.length === 0 ? <Paragraph>{t('transparantie.geenSamenwerkingen')}</Paragraph> : null}
      {lijst.length > 0 ? (
        <div className="rk-toolbar">
          <FormFieldSelect
            className="rk-filter rk-rapport__keuze rk-rapport__keuze--breed"
            label={t('transparantie.samenwerking')}
            value={samenwerkingId ?? ''}
            onChange={(e) => zet({ samenwerkingId: e.target.value })}
          >
            {lijst.map((s) => (
              <SelectOption key={s.id} value={s.id}>
                {s.naam}
              </SelectOption>
            ))}
          </FormFieldSelect>
          <FormFieldSelect
            className="rk-filter rk-rapport__keuze"
            label={t('transparantie.jaar')}
            value={jaar === undefined ? '' : String(jaar)}
            onChange={(e) => zet({ jaar: e.target.value })}
          >
            {jaren.map((j) => (
              <SelectOption key={j} value={String(j)}>
                {j}
              </SelectOption>
            ))}
          </FormFieldSelect>
        </div>
      ) : null}
      {verslag.error ? <ErrorAlert error={verslag.error} /> : null}
      {verslag.isPending && samenwerkingId ? <Loading /> : null}
      {v ? (
        <div aria-busy={verslag.isFetching}>
          <Heading level={2} appearanceLevel={3}>
            {v.samenwerking.naam} · {v.jaar}
          </Heading>
          <div className="rk-rapport__downloads">
            <ButtonLink href={exportUrl('pdf')} appearance="secondary-action-button" download>
              {t('transparantie.pdf')}
            </ButtonLink>
            <ButtonLink href={exportUrl('xlsx')} appearance="secondary-action-button" download>
              {t('transparantie.xlsx')}
            </ButtonLink>
          </div>
          <NietVerdeeld v={v} />
          {v.posten.length === 0 ? (
            <Paragraph>{t('transparantie.geenPosten', { jaar: v.jaar })}</Paragraph>
          ) : (
            <>
              <Kerncijfers v={v} />
              <PerOrganisatie v={v} />
              <PerCategorie v={v} />
              <BegrotingRealisatie v={v} />
            </>
          )}
          <Geldketen v={v} />
          {v.trend.jaren.length > 0 ? <Trend v={v} /> : null}
          {v.posten.length > 0 ? (
            <>
              <Sleutels v={v} />
              <Posten v={v} />
            </>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
