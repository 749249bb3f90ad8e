import type { RouteObject } from 'react-router'
import { Loading } from '../components/page'
import { AppShell } from './AppShell'
import { RouteError } from './RouteError'
import { RequireLogin } from './session'

// Every page is its own chunk (route-level code splitting): the first load carries
// only the shell, and the graph library only comes with the Landschap page.

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

const REGISTER = ['organisaties', 'samenwerkingen', 'gastheerschappen', 'applicaties', 'koppelingen'] as const

export const routes: RouteObject[] = [
  { path: '/inloggen', lazy: page(() => import('../pages/Login')), errorElement: <RouteError />, hydrateFallbackElement: <Loading /> },
  {
    path: '/setup',
    lazy: page(() => import('../features/beheer/Setup')),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
  },
  {
    path: '/',
    element: (
      <RequireLogin>
        <AppShell />
      </RequireLogin>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, lazy: page(() => import('../features/dashboard/Dashboard')) },
      ...REGISTER.flatMap((soort) => [
        { path: soort, lazy: page(() => import('../features/registry/ListPage')), handle: { soort } },
        { path: `${soort}/nieuw`, lazy: page(() => import('../features/registry/FormPage')), handle: { soort } },
        { path: `${soort}/:id`, lazy: page(() => import('../features/registry/DetailPage')), handle: { soort } },
        { path: `${soort}/:id/bewerken`, lazy: page(() => import('../features/registry/FormPage')), handle: { soort } },
      ]),
      { path: 'landschap', lazy: page(() => import('../features/landschap/Landschap')) },
      { path: 'auditlog', lazy: page(() => import('../features/auditlog/Auditlog')) },
      { path: 'beheer/gebruikers', lazy: page(() => import('../features/beheer/Gebruikers')) },
      { path: 'beheer/gebruikers/:id', lazy: page(() => import('../features/beheer/Gebruiker')) },
      { path: 'beheer/api-tokens', lazy: page(() => import('../features/beheer/ApiTokens')) },
      { path: '*', lazy: page(() => import('../pages/NotFound')) },
    ],
  },
]
