import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components'
import { type ComposeOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { currentLanguage } from '../i18n'
import './grafiek.css'

// One small chart component on ECharts: only bar and line charts, grid, legend,
// tooltip and mark lines, drawn by the SVG renderer (small chunk, sharp text). ECharts
// sets its few styles through element.style (CSSOM), which the UI's CSP (style-src
// 'self') allows; nothing here writes a style attribute. For assistive technology the
// chart is one image with a label; the page's tables carry the same figures.

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer])

export type GrafiekOptie = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>

/** Colours that differ in lightness too (WCAG 1.4.1 asks for more than hue; tables back every chart). */
export const GRAFIEK_KLEUREN = ['#154273', '#e17000', '#39870c', '#8fcae7', '#a90061', '#ffb612', '#5b6b7c', '#42145f']
export const GRAFIEK_TEKST = '#1e293b'

/** Cents as a short euro amount for axes (`€ 1,2 mln`). */
export function euroKort(centen: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(centen / 100)
}

export function Grafiek({ optie, label, laag = false }: { optie: GrafiekOptie; label: string; laag?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const chart = init(el, undefined, { renderer: 'svg' })
    chart.setOption({ animation: false, aria: { enabled: false }, color: GRAFIEK_KLEUREN, ...optie })
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [optie])
  return <div ref={ref} className={laag ? 'rk-grafiek rk-grafiek--laag' : 'rk-grafiek'} role="img" aria-label={label} data-grafiek="" />
}
