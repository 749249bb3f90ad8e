import Type from 'typebox'
import { notFound } from '../../domain/errors.js'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  ORGANISATIE_TYPES,
  SAMENWERKING_VORMEN,
} from '../../domain/vocabulary.js'
import { Id, Keuze } from '../../schemas/common.js'
import * as S from '../../schemas/registry.js'
import { afnemerschap, DEELNAMES, type Deelname, deelnemerBevestigen, lidmaatschap } from '../../services/deelname.js'
import type { Services } from '../../services/index.js'
import { type Api, actorOf, ifMatchRevisie, sendResource } from '../http.js'
import { ListCache } from '../list-cache.js'
import { deelnamePresenter } from '../presenters/deelname.js'
import { koppelingPresenter } from '../presenters/koppeling.js'
import { presenteer } from '../presenters/presenter.js'
import { IdParams, IfMatchHeaders, problems } from '../schemas.js'
import { listQuerySchema, listWith, type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// The registry resources and the relations a person follows between them.

export function registryRouteDefs(services: Services): RegistryRouteDef[] {
  return [
    {
      path: services.objecttypen.organisatie.pad,
      tag: 'Organisaties',
      singular: 'organisatie',
      service: services.organisaties,
      input: S.OrganisatieInvoer,
      resource: S.Organisatie,
      filters: {
        type: Type.Optional(Keuze(ORGANISATIE_TYPES, 'Alleen organisaties van dit type.')),
        cbsCode: Type.Optional(Type.String({ pattern: '^GM[0-9]{4}$', description: 'Alleen de gemeente met deze CBS-code.' })),
        oin: Type.Optional(Type.String({ pattern: '^[0-9]{20}$', description: 'Alleen de organisatie met dit OIN.' })),
        samenwerkingId: Type.Optional(Id('Alleen leden van deze samenwerking.')),
      },
      sortFields: ['naam', 'type', 'cbsCode', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.samenwerking.pad,
      tag: 'Samenwerkingen',
      singular: 'samenwerking',
      service: services.samenwerkingen,
      presenter: deelnamePresenter(lidmaatschap),
      input: S.SamenwerkingInvoer,
      resource: S.Samenwerking,
      filters: {
        vorm: Type.Optional(Keuze(SAMENWERKING_VORMEN, 'Alleen samenwerkingen van deze vorm.')),
        organisatieId: Type.Optional(Id('Alleen samenwerkingen waarvan deze organisatie lid is.')),
      },
      sortFields: ['naam', 'vorm', 'startdatum', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.gastheerschap.pad,
      tag: 'Gastheerschappen',
      singular: 'gastheerschap',
      service: services.gastheerschappen,
      presenter: deelnamePresenter(afnemerschap),
      input: S.GastheerschapInvoer,
      resource: S.Gastheerschap,
      filters: {
        gastheerId: Type.Optional(Id('Alleen gastheerschappen van deze gastheer.')),
        afnemerId: Type.Optional(Id('Alleen gastheerschappen met deze afnemer.')),
        organisatieId: Type.Optional(Id('Alleen gastheerschappen waarin deze organisatie gastheer of afnemer is.')),
        samenwerkingId: Type.Optional(Id('Alleen gastheerschappen binnen deze samenwerking.')),
      },
      sortFields: ['taak', 'startdatum', 'einddatum', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.applicatie.pad,
      tag: 'Applicaties',
      singular: 'applicatie',
      service: services.applicaties,
      input: S.ApplicatieInvoer,
      resource: S.Applicatie,
      filters: {
        leverancierId: Type.Optional(Id('Alleen applicaties van deze leverancier.')),
        inGebruikBij: Type.Optional(Id('Alleen applicaties in gebruik bij deze organisatie.')),
        referentiecomponentId: Type.Optional(Id('Alleen applicaties die deze GEMMA-referentiecomponent invullen.')),
        samenwerkingId: Type.Optional(
          Id(
            'Alleen applicaties in gebruik bij een bevestigd lid van deze samenwerking (een onzichtbare samenwerking geeft een lege lijst).',
          ),
        ),
        hosting: Type.Optional(Keuze(APPLICATIE_HOSTING, 'Alleen applicaties met deze hosting.')),
        status: Type.Optional(Keuze(APPLICATIE_STATUSSEN, 'Alleen applicaties met deze status.')),
      },
      sortFields: ['naam', 'status', 'hosting', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.koppeling.pad,
      tag: 'Koppelingen',
      singular: 'koppeling',
      service: services.koppelingen,
      presenter: koppelingPresenter,
      input: S.KoppelingInvoer,
      resource: S.Koppeling,
      filters: {
        applicatieId: Type.Optional(Id('Alleen koppelingen met deze applicatie als bron, doel of via.')),
        bronApplicatieId: Type.Optional(Id('Alleen koppelingen met deze bron.')),
        doelApplicatieId: Type.Optional(Id('Alleen koppelingen met dit doel.')),
        viaApplicatieId: Type.Optional(Id('Alleen koppelingen via deze applicatie.')),
        organisatieId: Type.Optional(Id('Alleen koppelingen die deze organisatie bezit of waarvan zij bron of doel gebruikt.')),
        eigenaarId: Type.Optional(Id('Alleen koppelingen van deze eigenaar.')),
        gastheerschapId: Type.Optional(Id('Alleen koppelingen die dit gastheerschap dienen.')),
        samenwerkingId: Type.Optional(
          Id(
            'Alleen koppelingen van deze samenwerking (gekozen, via het gastheerschap of afgeleid; zie samenwerkingId van een koppeling). Een samenwerking die u niet mag zien geeft een lege lijst, net als een onbekende.',
          ),
        ),
        status: Type.Optional(Keuze(KOPPELING_STATUSSEN, 'Alleen koppelingen met deze status.')),
        type: Type.Optional(Keuze(KOPPELING_TYPES, 'Alleen koppelingen van dit type.')),
        persoonsgegevens: Type.Optional(Type.Boolean({ description: 'Alleen koppelingen met (true) of zonder (false) persoonsgegevens.' })),
        vertrouwelijkheid: Type.Optional(Keuze(BIV_NIVEAUS, 'Alleen koppelingen met deze vertrouwelijkheid.')),
      },
      sortFields: ['naam', 'status', 'type', 'vertrouwelijkheid', 'aangemaaktOp', 'gewijzigdOp'],
    },
  ]
}

interface Relation {
  parent: RegistryRouteDef
  child: RegistryRouteDef
  sub: string
  filter: string
  description: string
}

function registerRelation(app: Api, r: Relation, cache: ListCache) {
  const { [r.filter]: _omit, ...childFilters } = r.child.filters
  app.get(
    `/${r.parent.path}/:id/${r.sub}`,
    {
      schema: {
        tags: [r.parent.tag],
        operationId: `${r.parent.path}_${r.sub}`,
        summary: r.description,
        params: IdParams,
        querystring: listQuerySchema({ filters: childFilters, sortFields: r.child.sortFields }),
        response: { 200: Type.Ref(`${r.child.resource.$id}Lijst`), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return cache.send(request, reply, async () => {
        if (!(await r.parent.service.exists(id, request.caller))) throw notFound(r.parent.singular, id)
        return listWith(r.child, request, request.query, { [r.filter]: id })
      })
    },
  )
}

export function registerResourceRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  const defs = registryRouteDefs(services)
  for (const def of defs) registerRegistryRoutes(app, def, cache)
  const by = Object.fromEntries(defs.map((d) => [d.path, d])) as Record<string, RegistryRouteDef>
  const relations: Relation[] = [
    {
      parent: by.organisaties,
      child: by.gastheerschappen,
      sub: 'gastheerschappen',
      filter: 'organisatieId',
      description: 'Gastheerschappen waarin deze organisatie gastheer of afnemer is',
    },
    {
      parent: by.organisaties,
      child: by.samenwerkingen,
      sub: 'samenwerkingen',
      filter: 'organisatieId',
      description: 'Samenwerkingen waarvan deze organisatie lid is',
    },
    {
      parent: by.organisaties,
      child: by.applicaties,
      sub: 'applicaties',
      filter: 'inGebruikBij',
      description: 'Applicaties die deze organisatie gebruikt',
    },
    {
      parent: by.organisaties,
      child: by.koppelingen,
      sub: 'koppelingen',
      filter: 'organisatieId',
      description: 'Koppelingen van of bij deze organisatie',
    },
    {
      parent: by.samenwerkingen,
      child: by.gastheerschappen,
      sub: 'gastheerschappen',
      filter: 'samenwerkingId',
      description: 'Gastheerschappen binnen deze samenwerking',
    },
    {
      parent: by.samenwerkingen,
      child: by.organisaties,
      sub: 'leden',
      filter: 'samenwerkingId',
      description: 'De organisaties die lid zijn van deze samenwerking',
    },
    {
      parent: by.samenwerkingen,
      child: by.koppelingen,
      sub: 'koppelingen',
      filter: 'samenwerkingId',
      description: 'Koppelingen van deze samenwerking',
    },
    {
      parent: by.samenwerkingen,
      child: by.applicaties,
      sub: 'applicaties',
      filter: 'samenwerkingId',
      description: 'Applicaties in gebruik bij bevestigde leden van deze samenwerking',
    },
    {
      parent: by.gastheerschappen,
      child: by.koppelingen,
      sub: 'koppelingen',
      filter: 'gastheerschapId',
      description: 'Koppelingen die dit gastheerschap dienen',
    },
    {
      parent: by.applicaties,
      child: by.koppelingen,
      sub: 'koppelingen',
      filter: 'applicatieId',
      description: 'Koppelingen met deze applicatie als bron, doel of via',
    },
  ]
  for (const r of relations) registerRelation(app, r, cache)
  for (const deelname of DEELNAMES) registerDeelnemerBevestigen(app, by[deelname.resource], deelname)
}

/**
 * An organisation confirms it takes part in an object that names it (a lid of a
 * samenwerking, an afnemer of a gastheerschap; services/deelname.ts); only then does it
 * share (or pay) anything (issue 10).
 */
function registerDeelnemerBevestigen(app: Api, def: RegistryRouteDef, deelname: Deelname) {
  app.post(
    `/${def.path}/:id/${deelname.lijst}/:organisatieId/bevestigen`,
    {
      schema: {
        tags: [def.tag],
        operationId: `${def.path}_${deelname.lijst}_bevestigen`,
        summary: deelname.api.summary,
        description: deelname.api.description,
        params: Type.Object(
          { id: IdParams.properties.id, organisatieId: Type.String({ format: 'uuid', description: deelname.api.organisatieId }) },
          { additionalProperties: false },
        ),
        headers: IfMatchHeaders,
        response: { 200: Type.Ref(def.resource.$id as string), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id, organisatieId } = request.params
      const updated = await deelnemerBevestigen(deelname, def.service, actorOf(request), id, organisatieId, ifMatchRevisie(request))
      const [shown] = await presenteer(def.service, def.presenter ?? {}, request, [updated])
      return sendResource(reply, shown)
    },
  )
}
