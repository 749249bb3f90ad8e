import type { QueryClient } from '@tanstack/react-query'
import type { RouteObject } from 'react-router'
import { Loading } from '../components/page'
import { dashboardQuery } from '../features/dashboard/query'
import { MONITORING_ROUTES, OPENBARE_ROUTES } from '../features/monitoring/routes'
import { SCENARIO_ROUTES } from '../features/scenarios/routes'
import { TOETSING_ROUTES } from '../features/vertrouwen-toetsing/routes'
import { AppShell } from './AppShell'
import { RouteError } from './RouteError'
import { ikQuery, RequireLogin } from './session'

// Every page is its own chunk (route-level code splitting): the first load carries
// only the shell, and the graph library only comes with the Landschap page.

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

const REGISTER = [
  'organisaties',
  'samenwerkingen',
  'gastheerschappen',
  'applicaties',
  'koppelingen',
  'bewijsstukken',
  'contracten',
  'toegangen',
  'referentiecomponenten',
] as const
const KOSTEN = ['kostenposten', 'verdeelsleutels', 'maatstafwaarden', 'referentiewaarden'] as const

/**
 * The route table. Loaders start the requests a page needs while its code is still
 * loading, instead of after: who is signed in, and the dashboard's figures.
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  { path: '/inloggen', lazy: page(() => import('../pages/Login')), errorElement: <RouteError />, hydrateFallbackElement: <Loading /> },
  {
    path: '/setup',
    lazy: page(() => import('../features/beheer/Setup')),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
  },
  ...OPENBARE_ROUTES.map((r) => ({ ...r, errorElement: <RouteError />, hydrateFallbackElement: <Loading /> })),
  {
    path: '/',
    element: (
      <RequireLogin>
        <AppShell />
      </RequireLogin>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    loader: () => {
      void queryClient.prefetchQuery(ikQuery)
      return null
    },
    children: [
      {
        index: true,
        loader: () => {
          void queryClient.prefetchQuery(dashboardQuery)
          return null
        },
        lazy: page(() => import('../features/dashboard/Dashboard')),
      },
      ...REGISTER.flatMap((soort) => [
        { path: soort, lazy: page(() => import('../features/registry/ListPage')), handle: { soort } },
        { path: `${soort}/nieuw`, lazy: page(() => import('../features/registry/FormPage')), handle: { soort } },
        { path: `${soort}/:id`, lazy: page(() => import('../features/registry/DetailPage')), handle: { soort } },
        { path: `${soort}/:id/bewerken`, lazy: page(() => import('../features/registry/FormPage')), handle: { soort } },
      ]),
      { path: 'landschap', lazy: page(() => import('../features/landschap/Landschap')) },
      { path: 'harmonisatie', lazy: page(() => import('../features/interop/Harmonisatie')) },
      { path: 'archimate', lazy: page(() => import('../features/interop/Archimate')) },
      { path: 'transparantie', lazy: page(() => import('../features/rapportage/Transparantie')) },
      { path: 'benchmark', lazy: page(() => import('../features/rapportage/BenchmarkPagina')) },
      ...KOSTEN.flatMap((kosten) => [
        { path: kosten, lazy: page(() => import('../features/kosten/Lijst')), handle: { kosten } },
        { path: `${kosten}/nieuw`, lazy: page(() => import('../features/kosten/Formulier')), handle: { kosten } },
        { path: `${kosten}/:id`, lazy: page(() => import('../features/kosten/Detail')), handle: { kosten } },
        { path: `${kosten}/:id/bewerken`, lazy: page(() => import('../features/kosten/Formulier')), handle: { kosten } },
      ]),
      ...SCENARIO_ROUTES,
      { path: 'declaraties', lazy: page(() => import('../features/declaraties/Lijst')) },
      { path: 'declaraties/genereren', lazy: page(() => import('../features/declaraties/Genereren')) },
      { path: 'declaraties/:id', lazy: page(() => import('../features/declaraties/Detail')) },
      { path: 'vertrouwen', lazy: page(() => import('../features/vertrouwen/Overzicht')) },
      { path: 'vertrouwen/partijen/:id', lazy: page(() => import('../features/vertrouwen/Partij')) },
      { path: 'bevindingen', lazy: page(() => import('../features/vertrouwen/Bevindingen')) },
      { path: 'bevindingen/:id', lazy: page(() => import('../features/vertrouwen/Bevinding')) },
      ...TOETSING_ROUTES,
      ...MONITORING_ROUTES,
      { path: 'auditlog', lazy: page(() => import('../features/auditlog/Auditlog')) },
      { path: 'beheer/gebruikers', lazy: page(() => import('../features/beheer/Gebruikers')) },
      { path: 'beheer/gebruikers/:id', lazy: page(() => import('../features/beheer/Gebruiker')) },
      { path: 'beheer/api-tokens', lazy: page(() => import('../features/beheer/ApiTokens')) },
      { path: '*', lazy: page(() => import('../pages/NotFound')) },
    ],
  },
]
