import { LineChart, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
} from 'echarts/components'
import { type ComposeOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { currentLanguage } from '../../i18n'
import type { ScenarioUitkomst } from './api'

// The cumulative difference per participant over the horizon, drawn by ECharts with
// only the line chart, grid, legend and mark line, on the SVG renderer (small chunk,
// sharp text). ECharts sets its few styles through element.style (CSSOM), which the
// UI's CSP (style-src 'self') allows; nothing here writes a style attribute or element.
// The chart is an image for assistive technology; the tables on the page carry the figures.

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer])

type Optie = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption>

// Distinct colours and symbols, so lines differ in more than colour.
const KLEUREN = ['#154273', '#a33d00', '#1b6b2f', '#6b2c91', '#a4000f', '#00689e', '#5b6b7c', '#8a6d00']
const SYMBOLEN = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle']

function euroKort(centen: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(centen / 100)
}

export function Grafiek({ uitkomst, label }: { uitkomst: ScenarioUitkomst; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const chart = init(el, undefined, { renderer: 'svg' })
    const jaren = uitkomst.deelnemers[0]?.jaren ?? []
    const optie: Optie = {
      animation: false,
      aria: { enabled: false },
      color: KLEUREN,
      grid: { left: 16, right: 24, top: 48, bottom: 32, containLabel: true },
      legend: { top: 0, type: 'plain', textStyle: { color: '#1e293b' } },
      xAxis: {
        type: 'category',
        data: jaren.map((j) => (j.kalenderjaar === undefined ? String(j.jaar) : String(j.kalenderjaar))),
        axisLabel: { color: '#1e293b' },
      },
      yAxis: { type: 'value', axisLabel: { color: '#1e293b', formatter: (v: number) => euroKort(v) } },
      series: uitkomst.deelnemers.map((d, i) => ({
        type: 'line',
        name: d.naam ?? d.organisatieId,
        data: d.jaren.map((j) => j.cumulatief),
        symbol: SYMBOLEN[i % SYMBOLEN.length],
        symbolSize: 8,
        lineStyle: { width: 2, type: i % 2 === 0 ? 'solid' : 'dashed' },
        ...(i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#1e293b', type: 'solid', width: 1 },
                data: [{ yAxis: 0 }],
              },
            }
          : {}),
      })),
    }
    chart.setOption(optie)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [uitkomst])
  return <div ref={ref} className="rk-grafiek" role="img" aria-label={label} />
}
