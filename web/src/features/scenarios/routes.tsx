import type { RouteObject } from 'react-router'

// The business case pages, each its own chunk (ECharts only comes with the detail page).

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

export const SCENARIO_ROUTES: RouteObject[] = [
  { path: 'scenarios', lazy: page(() => import('./ScenarioLijst')) },
  { path: 'scenarios/nieuw', lazy: page(() => import('./ScenarioFormulier')) },
  { path: 'scenarios/vergelijken', lazy: page(() => import('./Vergelijken')) },
  { path: 'scenarios/:id', lazy: page(() => import('./ScenarioDetail')) },
  { path: 'scenarios/:id/bewerken', lazy: page(() => import('./ScenarioFormulier')) },
]
