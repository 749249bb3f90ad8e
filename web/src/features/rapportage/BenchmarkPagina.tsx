import {
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
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { jaarInBereik } from '../../../../src/domain/periode'
import { get, query } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { GRAFIEK_TEKST, Grafiek, type GrafiekOptie } from '../../components/grafiek'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatBedrag, formatGetal } from '../../i18n/format'
import { Bedrag, type Benchmark, formatPercentage, Getal, GetalKop, TabelVak, tekst, vorigJaar } from './gedeeld'
import './rapportage.css'

// The benchmark: per municipality the ICT costs per inwoner and per werkplek in the
// chosen year, against the chosen reference value, with the assessment in words (not
// colour only), a bar chart with the reference as a line, and the reason where a figure
// is missing. Year and reference are in the URL.

type Regel = Benchmark['regels'][number]
type Soort = 'perInwoner' | 'perWerkplek'

/** The assessment in words (a shape next to it, never colour alone), or why there is none. */
function Oordeel({ oordeel, reden }: { oordeel?: string; reden?: string }) {
  const { t } = useTranslation('rapportage')
  if (!oordeel) return <TableCell className={reden ? 'rk-rapport__reden' : undefined}>{reden ?? '—'}</TableCell>
  return (
    <TableCell>
      <span className={`rk-oordeel rk-oordeel--${oordeel}`} data-oordeel={oordeel}>
        {t(`benchmark.oordeel.${oordeel}`)}
      </span>
    </TableCell>
  )
}

function Kengetallen({
  soort,
  regels,
  jaar,
  referentie,
}: {
  soort: Soort
  regels: Regel[]
  jaar: number
  referentie?: { id: string; naam: string; waarde?: number }
}) {
  const { t } = useTranslation('rapportage')
  const vergelijking = (r: Regel) => r.vergelijkingen.find((v) => v.referentiewaardeId === referentie?.id)?.[soort]
  const optie = useMemo<GrafiekOptie>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => formatBedrag(Number(x)) },
      grid: { left: 16, right: 96, top: 32, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: regels.map((r) => r.naam), axisLabel: { color: GRAFIEK_TEKST } },
      yAxis: { type: 'value', axisLabel: { color: GRAFIEK_TEKST, formatter: (x: number) => formatBedrag(x) } },
      series: [
        {
          type: 'bar',
          name: t(`benchmark.${soort}.kengetal`),
          data: regels.map((r) => r[soort].bedrag ?? null),
          ...(referentie?.waarde !== undefined
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#a90061', type: 'dashed', width: 2 },
                  label: { formatter: formatBedrag(referentie.waarde), position: 'end', color: GRAFIEK_TEKST },
                  data: [{ yAxis: referentie.waarde }],
                },
              }
            : {}),
        },
      ],
    }),
    [regels, soort, referentie?.waarde, t],
  )
  const id = `bm-${soort}`
  const maat = (r: Regel) => (soort === 'perInwoner' ? r.inwoners : r.werkplekken)
  return (
    <section aria-labelledby={id} className="rk-rapport__sectie">
      <Heading level={2} id={id}>
        {t(`benchmark.${soort}.kop`)}
      </Heading>
      <Grafiek
        optie={optie}
        laag
        label={t(`benchmark.${soort}.grafiek`, {
          jaar,
          ref: referentie?.waarde !== undefined ? t('benchmark.refLijn', { bedrag: formatBedrag(referentie.waarde) }) : '',
        })}
      />
      <TabelVak label={t(`benchmark.${soort}.caption`, { jaar })}>
        <Table data-testid={`tabel-${soort}`} className="rk-rapport__compact">
          <TableCaption>{t(`benchmark.${soort}.caption`, { jaar })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('kolom.gemeente')}</TableHeaderCell>
              <GetalKop>{t('kolom.kosten')}</GetalKop>
              <GetalKop>{t(`benchmark.${soort}.maat`)}</GetalKop>
              <GetalKop>{t(`benchmark.${soort}.kengetal`)}</GetalKop>
              <GetalKop>{t('benchmark.kolomReferentie')}</GetalKop>
              <GetalKop>{t('kolom.verschil')}</GetalKop>
              <TableHeaderCell scope="col">{t('benchmark.kolomOordeel')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {regels.map((r) => {
              const v = vergelijking(r)
              const m = maat(r)
              return (
                <TableRow key={r.organisatieId}>
                  <TableHeaderCell scope="row">
                    {r.naam}
                    {r.nietVerdeeld.length > 0 ? (
                      <span className="rk-rapport__reden">
                        <br />
                        {t('benchmark.onvolledig', { aantal: r.nietVerdeeld.length })}
                      </span>
                    ) : null}
                  </TableHeaderCell>
                  <Bedrag centen={r.kosten} />
                  <Getal>{m === null ? '—' : formatGetal(m)}</Getal>
                  {r[soort].bedrag !== undefined ? (
                    <Bedrag centen={r[soort].bedrag} />
                  ) : (
                    <TableCell className="rk-rapport__reden">{tekst(r[soort].reden)}</TableCell>
                  )}
                  <Bedrag centen={v?.referentie} />
                  <Getal>
                    {v?.verschil === undefined ? (
                      '—'
                    ) : (
                      <>
                        {formatBedrag(v.verschil)}
                        <br />({formatPercentage(v.verschilPercentage)})
                      </>
                    )}
                  </Getal>
                  <Oordeel oordeel={v?.oordeel} reden={v && v.referentie === undefined ? tekst(v.reden) : undefined} />
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </TabelVak>
    </section>
  )
}

export default function BenchmarkPagina() {
  const { t } = useTranslation('rapportage')
  const [params, setParams] = useSearchParams()
  const jaarParam = Number(params.get('jaar'))
  const jaar = Number.isInteger(jaarParam) && jaarInBereik(jaarParam) ? jaarParam : vorigJaar()

  // All years (for the year choice) and the chosen year.
  const alle = useQuery({ queryKey: ['benchmark', 'alle'], queryFn: ({ signal }) => get<Benchmark>('benchmark', signal) })
  const data = useQuery({
    queryKey: ['benchmark', jaar],
    queryFn: ({ signal }) => get<Benchmark>(`benchmark${query({ jaar })}`, signal),
    placeholderData: keepPreviousData,
  })
  const b = data.data
  const referenties = b?.referentiewaarden ?? []
  const refId = params.get('referentiewaardeId') ?? referenties[0]?.id ?? ''
  const ref = referenties.find((r) => r.id === refId)
  const jaren = [...new Set([...(alle.data?.jaren ?? []), jaar])].sort((a, b) => b - a)

  const zet = (wijziging: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [k, w] of Object.entries(wijziging)) {
      if (w) next.set(k, w)
      else next.delete(k)
    }
    setParams(next, { replace: true })
  }

  return (
    <>
      <PageHeading titel={t('benchmark.titel')} />
      <Paragraph>{t('benchmark.intro')}</Paragraph>
      <div className="rk-toolbar">
        <FormFieldSelect
          className="rk-filter rk-rapport__keuze"
          label={t('benchmark.jaar')}
          value={String(jaar)}
          onChange={(e) => zet({ jaar: e.target.value, referentiewaardeId: undefined })}
        >
          {jaren.map((j) => (
            <SelectOption key={j} value={String(j)}>
              {j}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldSelect
          className="rk-filter rk-rapport__keuze rk-rapport__keuze--breed"
          label={t('benchmark.referentie')}
          value={refId}
          onChange={(e) => zet({ jaar: String(jaar), referentiewaardeId: e.target.value })}
        >
          {referenties.length === 0 ? <SelectOption value="">{t('benchmark.geenReferentie')}</SelectOption> : null}
          {referenties.map((r) => (
            <SelectOption key={r.id} value={r.id}>
              {r.naam}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <Paragraph>
          <AppLink to="/referentiewaarden">{t('benchmark.referentieBeheren')}</AppLink>
        </Paragraph>
      </div>
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.isPending ? <Loading /> : null}
      {b ? (
        <div aria-busy={data.isFetching}>
          <Paragraph className="rk-rapport__reden">{t('benchmark.uitleg')}</Paragraph>
          {b.regels.length === 0 ? (
            <Paragraph>{t('benchmark.geenRegels', { jaar: b.jaren[0] ?? jaar })}</Paragraph>
          ) : (
            (['perInwoner', 'perWerkplek'] as const).map((soort) => (
              <Kengetallen
                key={soort}
                soort={soort}
                regels={b.regels}
                jaar={b.jaren[0] ?? jaar}
                referentie={
                  ref
                    ? { id: ref.id, naam: ref.naam, waarde: soort === 'perInwoner' ? ref.kostenPerInwoner : ref.kostenPerWerkplek }
                    : undefined
                }
              />
            ))
          )}
        </div>
      ) : null}
    </>
  )
}
