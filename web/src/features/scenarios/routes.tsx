import type { RouteObject } from 'react-router'

// The business case pages, each its own chunk (ECharts only comes with the detail page).

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

export const SCENARIO_ROUTES: RouteObject[] = [
  { path: 'scenarios', lazy: page(() => import('./ScenarioLijst')) },
  { path: 'scenarios/nieuw', lazy: page(() => import('./ScenarioFormulier')) },
  { path: 'scenarios/vergelijken', lazy: page(() => import('./Vergelijken')) },
  // Impact analyses (issue 13): the builder, the comparison and the outcome of one.
  { path: 'scenarios/impact/nieuw', lazy: page(() => import('../impact/ImpactFormulier')) },
  { path: 'scenarios/impact/vergelijken', lazy: page(() => import('../impact/ImpactVergelijken')) },
  { path: 'scenarios/:id/impact', lazy: page(() => import('../impact/ImpactDetail')) },
  { path: 'scenarios/:id/impact/bewerken', lazy: page(() => import('../impact/ImpactFormulier')) },
  { path: 'scenarios/:id', lazy: page(() => import('./ScenarioDetail')) },
  { path: 'scenarios/:id/bewerken', lazy: page(() => import('./ScenarioFormulier')) },
]
