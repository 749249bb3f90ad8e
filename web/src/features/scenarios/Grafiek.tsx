import { useMemo } from 'react'
import { Grafiek as EChart, euroKort, GRAFIEK_TEKST, type GrafiekOptie } from '../../components/grafiek'
import type { ScenarioUitkomst } from './api'

// The cumulative difference per participant over the horizon, on the shared chart
// component. Lines differ in symbol and dash as well as colour; the tables on the page
// carry the same figures for assistive technology.

const SYMBOLEN = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle']

export function Grafiek({ uitkomst, label }: { uitkomst: ScenarioUitkomst; label: string }) {
  const optie = useMemo((): GrafiekOptie => {
    const jaren = uitkomst.deelnemers[0]?.jaren ?? []
    return {
      grid: { left: 16, right: 24, top: 48, bottom: 32, containLabel: true },
      legend: { top: 0, type: 'plain', textStyle: { color: GRAFIEK_TEKST } },
      xAxis: {
        type: 'category',
        data: jaren.map((j) => (j.kalenderjaar === undefined ? String(j.jaar) : String(j.kalenderjaar))),
        axisLabel: { color: GRAFIEK_TEKST },
      },
      yAxis: { type: 'value', axisLabel: { color: GRAFIEK_TEKST, formatter: (v: number) => euroKort(v) } },
      series: uitkomst.deelnemers.map((d, i) => ({
        type: 'line' as const,
        name: d.naam ?? d.organisatieId,
        data: d.jaren.map((j) => j.cumulatief),
        symbol: SYMBOLEN[i % SYMBOLEN.length],
        symbolSize: 8,
        lineStyle: { width: 2, type: i % 2 === 0 ? ('solid' as const) : ('dashed' as const) },
        ...(i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: GRAFIEK_TEKST, type: 'solid' as const, width: 1 },
                data: [{ yAxis: 0 }],
              },
            }
          : {}),
      })),
    }
  }, [uitkomst])
  return <EChart optie={optie} label={label} />
}
