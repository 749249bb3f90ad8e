import * as T from '../../schemas/toegang.js'
import type { Api } from '../http.js'
import { registerApiTokenRoutes } from './toegang/api-tokens.js'
import { registerGebruikerRoutes, registerGebruikerTokenRoutes } from './toegang/gebruikers.js'
import { registerIkRoute } from './toegang/ik.js'
import { registerSessieRoutes } from './toegang/sessies.js'
import { registerSetupRoute } from './toegang/setup.js'
import type { ToegangDeps } from './toegang/shared.js'

// Signing in and out, the caller's own view (_ik), the first admin (_setup), API tokens
// and user management: one file each under toegang/.

export type { ToegangDeps } from './toegang/shared.js'

export const TOEGANG_SCHEMAS = [
  T.Roltoekenning,
  T.GebruikerInvoer,
  T.GebruikerWijziging,
  T.Gebruiker,
  T.Inloggen,
  T.Sessie,
  T.Ik,
  T.ApiTokenInvoer,
  T.ApiToken,
  T.NieuwApiToken,
  T.SetupInvoer,
]

/** In this order, so the OpenAPI document lists the operations as it always has. */
export function registerToegangRoutes(app: Api, deps: ToegangDeps) {
  registerSessieRoutes(app, deps)
  registerIkRoute(app, deps)
  registerSetupRoute(app, deps)
  registerApiTokenRoutes(app, deps)
  registerGebruikerRoutes(app, deps)
  registerGebruikerTokenRoutes(app, deps)
}
