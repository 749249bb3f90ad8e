import type { Database } from '../db/database.js'
import type { ListRequest, RepoSpec, Resource } from '../db/repos/registry-repository.js'
import type { Caller } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import type { InvalidParam } from '../domain/errors.js'
import type { Objecttype } from '../domain/registry-rules.js'
import type { Actie, Actor, ImportItem, ImportResult } from './registry-service.js'

/**
 * A registry service as the generic routes, the CLI and the object-type register see it,
 * whatever its input type: inputs come in as `unknown` (a request body, a CSV row) and the
 * service validates them. Every RegistryService<TInput, TResource> is one without a cast:
 * the methods below are declared as methods, whose parameters TypeScript compares both
 * ways, so a service typed for its own input still fits.
 */
export interface ObjectService<TResource extends Resource = Resource> {
  readonly objecttype: Objecttype
  readonly repo: { readonly spec: RepoSpec }
  list(req: ListRequest, caller?: Caller): Promise<{ items: TResource[]; total: number }>
  get(id: string, caller?: Caller): Promise<TResource>
  exists(id: string, caller?: Caller): Promise<boolean>
  create(actor: Actor, input: unknown): Promise<TResource>
  replace(actor: Actor, id: string, input: unknown, ifMatch: number | undefined): Promise<TResource>
  patch(actor: Actor, id: string, patch: unknown, ifMatch: number | undefined): Promise<TResource>
  remove(actor: Actor, id: string, ifMatch: number | undefined): Promise<void>
  operation(
    actor: Actor,
    id: string,
    ifMatch: number | undefined,
    actie: AuditActie,
    change: (trx: Database, current: TResource) => Promise<boolean>,
    opts?: { alsSchrijver?: boolean },
  ): Promise<TResource>
  allowedActions(caller: Caller, items: TResource[]): Promise<Actie[][]>
  names(): Promise<{ id: string; naam: string }[]>
  all(): Promise<TResource[]>
  check(inputs: unknown[]): Promise<Map<number, InvalidParam[]>>
  importAll(actor: Actor, items: ImportItem<unknown>[], onProgress?: (done: number) => void): Promise<ImportResult>
}
