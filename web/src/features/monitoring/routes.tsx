import type { RouteObject } from 'react-router'

// The monitoring pages inside the signed-in shell. The three registry types list and
// show through the generic registry pages (their detail hooks: features/registry); a
// controle has its own page (status, history, run now), and all three their own forms.

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })
const lijst = page(() => import('../registry/ListPage'))
const detail = page(() => import('../registry/DetailPage'))

export const MONITORING_ROUTES: RouteObject[] = [
  { path: 'monitoring', lazy: page(() => import('./Overzicht')) },
  { path: 'storingen', lazy: page(() => import('./Storingen')) },
  { path: 'storingen/:id', lazy: page(() => import('./Storing')) },
  { path: 'beschikbaarheid', lazy: page(() => import('./Beschikbaarheid')) },
  { path: 'samenwerkingen/:id/status', lazy: page(() => import('./StatusIntern')) },
  { path: 'controles', lazy: lijst, handle: { soort: 'controles' } },
  { path: 'controles/nieuw', lazy: page(() => import('./ControleFormulier')), handle: { soort: 'controles' } },
  { path: 'controles/:id', lazy: page(() => import('./Controle')), handle: { soort: 'controles' } },
  { path: 'controles/:id/bewerken', lazy: page(() => import('./ControleFormulier')), handle: { soort: 'controles' } },
  { path: 'onderhoudsvensters', lazy: lijst, handle: { soort: 'onderhoudsvensters' } },
  { path: 'onderhoudsvensters/nieuw', lazy: page(() => import('./OnderhoudsvensterFormulier')), handle: { soort: 'onderhoudsvensters' } },
  { path: 'onderhoudsvensters/:id', lazy: detail, handle: { soort: 'onderhoudsvensters' } },
  {
    path: 'onderhoudsvensters/:id/bewerken',
    lazy: page(() => import('./OnderhoudsvensterFormulier')),
    handle: { soort: 'onderhoudsvensters' },
  },
  { path: 'meldingskanalen', lazy: lijst, handle: { soort: 'meldingskanalen' } },
  { path: 'meldingskanalen/nieuw', lazy: page(() => import('./MeldingskanaalFormulier')), handle: { soort: 'meldingskanalen' } },
  { path: 'meldingskanalen/:id', lazy: detail, handle: { soort: 'meldingskanalen' } },
  {
    path: 'meldingskanalen/:id/bewerken',
    lazy: page(() => import('./MeldingskanaalFormulier')),
    handle: { soort: 'meldingskanalen' },
  },
]

/** The public status page: no sign-in, no shell, no links into the application. */
export const OPENBARE_ROUTES: RouteObject[] = [{ path: '/status/:slug', lazy: page(() => import('./StatusOpenbaar')) }]
