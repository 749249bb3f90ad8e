import { useTranslation } from 'react-i18next'
import { Grafiek, type GrafiekOptie } from '../../components/grafiek'
import { currentLanguage } from '../../i18n'
import type { Uur } from './api'

// The hourly history as a chart: average response time as a line, failed metingen as
// bars on a second axis. Loaded only with a controle's page (ECharts is a large chunk).

export default function VerloopGrafiek({ uren, dagen }: { uren: Uur[]; dagen: number }) {
  const { t } = useTranslation('monitoring')
  const fmt = new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })
  const optie: GrafiekOptie = {
    grid: { left: 60, right: 50, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: uren.map((u) => fmt.format(new Date(u.uur))) },
    yAxis: [
      { type: 'value', name: 'ms', minInterval: 1 },
      { type: 'value', name: t('controle.mislukt'), minInterval: 1 },
    ],
    series: [
      { type: 'line', name: t('controle.reeksDuur'), data: uren.map((u) => u.gemiddeldeDuurMs), showSymbol: uren.length < 50 },
      { type: 'bar', name: t('controle.reeksMislukt'), yAxisIndex: 1, data: uren.map((u) => u.aantal - u.geslaagd) },
    ],
  }
  return <Grafiek optie={optie} label={t('controle.grafiekLabel', { dagen })} />
}
