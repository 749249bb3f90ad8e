import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { bestaandLandschap, samenwerkingenMetLeden } from '../db/repos/interop.js'
import { referentiecomponenten } from '../db/repos/interop-resources.js'
import { analyzeDatabase } from '../db/repos/maintenance.js'
import { registryRepositories as repos } from '../db/repos/registry.js'
import type { RegistryRepository, Resource } from '../db/repos/registry-repository.js'
import { type Caller, isAdmin, type Leesbereik, leesbereik } from '../domain/access.js'
import { AppError, forbiddenAction, type InvalidParam, type Message, msg, notFound } from '../domain/errors.js'
import { landschapNaarArchimate } from '../domain/interop/archimate-export.js'
import { planArchimateImport } from '../domain/interop/archimate-import.js'
import type { ArchimateModel } from '../domain/interop/archimate-model.js'
import type { Aanname, BestaandLandschap, ImportPlan, PlanActie, PlanRegel } from '../domain/interop/typen.js'
import { opTeSlaanSamenwerking, samenwerkingVanKoppeling } from '../domain/koppeling-samenwerking.js'
import { applicatieRules, koppelingRules, type Objecttype, organisatieRules } from '../domain/registry-rules.js'
import type { ApplicatieInvoer, KoppelingInvoer, OrganisatieInvoer, ReferentiecomponentInvoer } from '../domain/typen/registry.js'
import { type ArchimateInvoer, leesArchimate } from '../io/archimate/lezen.js'
import { genereerView } from '../io/archimate/view.js'
import { gemeenten } from '../io/gemeenten.js'
import {
  ApplicatieInvoer as ApplicatieSchema,
  KoppelingInvoer as KoppelingSchema,
  OrganisatieInvoer as OrganisatieSchema,
  ReferentiecomponentInvoer as ReferentiecomponentSchema,
} from '../schemas/registry.js'
import { validateBody } from '../schemas/validator.js'
import type { ChangeFeed } from './changes.js'
import type { Actor } from './registry-service.js'
import { auditEntry, write } from './transactie.js'

// The ArchiMate exchange (issue 15): import a file as one transaction — all or nothing —
// after a plan (domain/interop/archimate-import.ts) says what it creates, merges, skips and
// assumes; a dry run (proef) returns that report and writes nothing. Export what a caller
// may see, of one samenwerking or all, with a generated view so Archi shows a diagram.

export type ImportSoort = 'organisatie' | 'referentiecomponent' | 'applicatie' | 'koppeling'

export interface ImportFout {
  elementId?: string
  regel?: number
  naam?: string
  veld: string
  reden: Message
}

export interface RapportRegel {
  soort: ImportSoort
  actie: PlanActie
  naam: string
  id: string
  elementIds: string[]
  regel?: number
  overeenkomst?: string
  /** samenvoegen: whether the existing record gains something (users, components, identifier). */
  wijzigt: boolean
}

export interface ImportRapport {
  proef: boolean
  geimporteerd: boolean
  model: { naam: string; elementen: number; relaties: number }
  totalen: Record<ImportSoort, { aanmaken: number; samenvoegen: number }> & { overgeslagen: number; aannames: number; fouten: number }
  regels: RapportRegel[]
  overgeslagen: ImportPlan['overgeslagen']
  aannames: Aanname[]
  fouten: ImportFout[]
}

/** The dutch word for a soort, for messages. */
const SOORT_NAAM: Record<ImportSoort, Message> = {
  organisatie: msg('organisatie', 'organisation'),
  referentiecomponent: msg('referentiecomponent', 'reference component'),
  applicatie: msg('applicatie', 'application'),
  koppeling: msg('koppeling', 'data link'),
}

const isLeeg = (o: object) => Object.keys(o).length === 0

/** The ids in `extra` not yet in `lijst`, appended. */
const aangevuld = (lijst: string[] | undefined, extra: string[] | undefined) => {
  const bestaand = lijst ?? []
  const kleine = new Set(bestaand.map((id) => id.toLowerCase()))
  return [...bestaand, ...(extra ?? []).filter((id) => !kleine.has(id.toLowerCase()))]
}

function problemen(soort: ImportSoort, r: PlanRegel<object>, params: InvalidParam[]): ImportFout[] {
  return params.map((p) => ({
    elementId: r.elementIds[0],
    ...(r.regel !== undefined ? { regel: r.regel } : {}),
    naam: r.naam,
    veld: p.name,
    reden: msg(`${SOORT_NAAM[soort].nl} "${r.naam}": ${p.reason.nl}`, `${SOORT_NAAM[soort].en} "${r.naam}": ${p.reason.en}`),
  }))
}

export class ArchimateService {
  private readonly cbs = gemeenten()

  constructor(
    private readonly db: Database,
    private readonly changes: ChangeFeed,
  ) {}

  /** Only an admin imports: a file may create and link objects of every organisation. */
  private magImporteren(actor: Actor): void {
    if (actor.caller && !isAdmin(actor.caller))
      throw forbiddenAction(
        msg(
          'Alleen een beheerder van de hele installatie (admin) mag een ArchiMate-bestand importeren: het kan objecten van elke organisatie aanmaken en koppelen.',
          'Only an administrator of the whole installation (admin) may import an ArchiMate file: it can create and link objects of every organisation.',
        ),
      )
  }

  /**
   * Reads the file, plans and validates; with `proef` the report only, otherwise the import
   * in one transaction. A file that cannot be read is a 400 naming the line; a real import
   * with problems in its objects is a 400 listing them, and nothing is written.
   */
  async importeer(actor: Actor, bron: ArchimateInvoer, opties: { proef: boolean }): Promise<ImportRapport> {
    this.magImporteren(actor)
    const model = await leesArchimate(bron)
    const bestaand = await bestaandLandschap(this.db)
    const plan = planArchimateImport(model, bestaand, randomUUID)
    const aannames = [...plan.aannames, ...(await this.zetSamenwerkingen(plan, bestaand))]
    const fouten = this.fouten(plan)
    const rapport = this.rapport(model, plan, aannames, fouten, opties.proef)
    if (opties.proef) return rapport
    if (fouten.length > 0) throw importFouten(fouten)
    await this.schrijf(actor, plan)
    if (plan.koppelingen.length + plan.applicaties.length > 1000) await analyzeDatabase(this.db)
    return { ...rapport, geimporteerd: true }
  }

  /**
   * A new koppeling between applicaties belongs to the samenwerking whose confirmed leden use
   * both ends (as when a person registers it); where several fit, it stays without one and
   * the report says a person must choose.
   */
  private async zetSamenwerkingen(plan: ImportPlan, bestaand: BestaandLandschap): Promise<Aanname[]> {
    const nieuw = plan.koppelingen.filter((k) => k.actie === 'aanmaken')
    if (nieuw.length === 0) return []
    const gebruikers = new Map<string, string[]>()
    for (const a of bestaand.applicaties) gebruikers.set(a.id.toLowerCase(), a.inGebruikBij)
    for (const a of plan.applicaties) {
      const id = a.id.toLowerCase()
      gebruikers.set(id, aangevuld(gebruikers.get(id), a.invoer.inGebruikBij))
    }
    const samenwerkingen = await samenwerkingenMetLeden(this.db)
    const namen = new Map(samenwerkingen.map((s) => [s.id, s.naam]))
    const notities: Aanname[] = []
    for (const k of nieuw) {
      const i = k.invoer
      if (i.samenwerkingId || i.gastheerschapId) continue
      const einden = [i.bronApplicatieId, i.doelApplicatieId].filter((id): id is string => Boolean(id))
      const u = samenwerkingVanKoppeling({ eindGebruikers: einden.map((id) => gebruikers.get(id.toLowerCase()) ?? []) }, samenwerkingen)
      const id = opTeSlaanSamenwerking(u)
      if (id) i.samenwerkingId = id
      else if (u.uitkomst === 'kiezen') {
        const opties = u.kandidaten.map((c) => namen.get(c) ?? c).join(', ')
        notities.push({
          elementId: k.elementIds[0] ?? '',
          ...(k.regel !== undefined ? { regel: k.regel } : {}),
          veld: 'samenwerkingId',
          waarde: '',
          reden: msg(
            `Koppeling "${k.naam}" past in meer dan één samenwerking (${opties}); zij wordt zonder samenwerking vastgelegd: kies er een op de koppeling.`,
            `Data link "${k.naam}" fits more than one cooperation (${opties}); it is stored without one: choose one on the data link.`,
          ),
        })
      }
    }
    return notities
  }

  /** Every problem of every object to create, with its element and line: the rules a person's input meets too. */
  private fouten(plan: ImportPlan): ImportFout[] {
    const fouten: ImportFout[] = []
    const controleer = <T extends object>(
      soort: ImportSoort,
      regels: PlanRegel<T>[],
      schema: Parameters<typeof validateBody>[0],
      rules: (i: T) => InvalidParam[],
    ) => {
      for (const r of regels) {
        if (r.actie !== 'aanmaken') continue
        const params = validateBody(schema, r.invoer)
        fouten.push(...problemen(soort, r as PlanRegel<object>, params.length > 0 ? params : rules(r.invoer as T)))
      }
    }
    controleer<OrganisatieInvoer>('organisatie', plan.organisaties, OrganisatieSchema, (i) =>
      organisatieRules(i, { isKnownCbsCode: (c) => this.cbs.has(c) }),
    )
    controleer<ReferentiecomponentInvoer>('referentiecomponent', plan.referentiecomponenten, ReferentiecomponentSchema, () => [])
    controleer<ApplicatieInvoer>('applicatie', plan.applicaties, ApplicatieSchema, applicatieRules)
    controleer<KoppelingInvoer>('koppeling', plan.koppelingen, KoppelingSchema, koppelingRules)
    return fouten
  }

  private rapport(model: ArchimateModel, plan: ImportPlan, aannames: Aanname[], fouten: ImportFout[], proef: boolean): ImportRapport {
    const regels: RapportRegel[] = []
    const telling = (soort: ImportSoort, lijst: PlanRegel<object>[]) => {
      for (const r of lijst)
        regels.push({
          soort,
          actie: r.actie,
          naam: r.naam,
          id: r.id,
          elementIds: r.elementIds,
          ...(r.regel !== undefined ? { regel: r.regel } : {}),
          ...(r.overeenkomst ? { overeenkomst: r.overeenkomst } : {}),
          wijzigt: r.actie === 'aanmaken' || !isLeeg(r.invoer),
        })
      return {
        aanmaken: lijst.filter((r) => r.actie === 'aanmaken').length,
        samenvoegen: lijst.filter((r) => r.actie === 'samenvoegen').length,
      }
    }
    const totalen = {
      organisatie: telling('organisatie', plan.organisaties),
      referentiecomponent: telling('referentiecomponent', plan.referentiecomponenten),
      applicatie: telling('applicatie', plan.applicaties),
      koppeling: telling('koppeling', plan.koppelingen),
      overgeslagen: plan.overgeslagen.length,
      aannames: aannames.length,
      fouten: fouten.length,
    }
    return {
      proef,
      geimporteerd: false,
      model: { naam: model.naam, elementen: model.elementen.length, relaties: model.relaties.length },
      totalen,
      regels,
      overgeslagen: plan.overgeslagen,
      aannames,
      fouten,
    }
  }

  /** Creates in bulk, adds to merged records, and logs every object created or changed, in one transaction. */
  private async schrijf(actor: Actor, plan: ImportPlan): Promise<void> {
    await write(
      this.db,
      this.changes,
      async (trx) => {
        const entries: ReturnType<typeof auditEntry>[] = []
        const stap = async <T extends object>(objecttype: Objecttype, repo: RegistryRepository<T, Resource>, regels: PlanRegel<T>[]) => {
          const nieuw = regels.filter((r) => r.actie === 'aanmaken')
          await repo.insertMany(
            trx,
            nieuw.map((r) => ({ id: r.id, input: r.invoer as T })),
          )
          for (const na of await repo.findByIds(
            trx,
            nieuw.map((r) => r.id),
          ))
            entries.push(auditEntry(actor, 'importeren', objecttype, na.id, null, na))
          for (const r of regels) {
            if (r.actie !== 'samenvoegen' || isLeeg(r.invoer)) continue
            const voor = await repo.findForUpdate(trx, r.id)
            if (!voor) continue
            const huidig = repo.inputOf(voor) as Record<string, unknown>
            const extra = r.invoer as Record<string, unknown>
            const invoer: Record<string, unknown> = { ...huidig }
            for (const veld of ['inGebruikBij', 'referentiecomponentIds'])
              if (Array.isArray(extra[veld])) invoer[veld] = aangevuld(huidig[veld] as string[] | undefined, extra[veld] as string[])
            if (extra.archimateId && !huidig.archimateId) invoer.archimateId = extra.archimateId
            if (repo.isUnchanged(voor, invoer as T)) continue
            const na = await repo.update(trx, r.id, invoer as T)
            entries.push(auditEntry(actor, 'importeren', objecttype, r.id, voor, na))
          }
        }
        // In the order references need: who, what they fulfil, what they use, what links it.
        await stap('organisatie', repos.organisaties as unknown as RegistryRepository<OrganisatieInvoer, Resource>, plan.organisaties)
        await stap(
          'referentiecomponent',
          referentiecomponenten as unknown as RegistryRepository<ReferentiecomponentInvoer, Resource>,
          plan.referentiecomponenten,
        )
        await stap('applicatie', repos.applicaties as unknown as RegistryRepository<ApplicatieInvoer, Resource>, plan.applicaties)
        await stap('koppeling', repos.koppelingen as unknown as RegistryRepository<KoppelingInvoer, Resource>, plan.koppelingen)
        await auditlog.appendMany(trx, entries)
      },
      {},
      'koppeling',
    )
    // Every type was written: whoever follows one type's changes (trust findings, the dependency graph) looks again.
    for (const wat of ['organisatie', 'applicatie', 'referentiecomponent']) this.changes.committed(wat)
  }

  /**
   * The landscape the caller may see as an exchange model: of one samenwerking (its
   * koppelingen, the applicaties its confirmed leden use and those the koppelingen join)
   * or everything; with one generated view.
   */
  async exporteer(caller: Caller | undefined, samenwerkingId?: string): Promise<ArchimateModel> {
    const bereik: Leesbereik = caller ? leesbereik(caller) : { alles: true }
    const [organisaties, componenten, applicaties, koppelingen] = await Promise.all([
      repos.organisaties.all(this.db, bereik),
      referentiecomponenten.all(this.db, bereik),
      repos.applicaties.all(this.db, bereik),
      repos.koppelingen.all(this.db, bereik),
    ])
    let naam = 'Regiekamer'
    let landschap = { organisaties, referentiecomponenten: componenten, applicaties, koppelingen }
    if (samenwerkingId) {
      const samenwerking = await repos.samenwerkingen.findById(this.db, samenwerkingId, bereik)
      if (!samenwerking) throw notFound('samenwerking', samenwerkingId)
      naam = samenwerking.naam
      const bevestigd = (await samenwerkingenMetLeden(this.db)).find((s) => s.id === samenwerking.id)
      const leden = new Set(bevestigd?.leden ?? [])
      const kop = koppelingen.filter((k) => k.samenwerkingId === samenwerkingId)
      const appIds = new Set(
        kop.flatMap((k) => [k.bronApplicatieId, k.doelApplicatieId, k.viaApplicatieId].filter((id): id is string => Boolean(id))),
      )
      for (const a of applicaties) if (a.inGebruikBij.some((o) => leden.has(o))) appIds.add(a.id)
      const apps = applicaties.filter((a) => appIds.has(a.id))
      const orgIds = new Set<string>([...leden])
      for (const a of apps) {
        for (const o of a.inGebruikBij) orgIds.add(o)
        if (a.leverancierId) orgIds.add(a.leverancierId)
      }
      for (const k of kop) if (k.eigenaarId) orgIds.add(k.eigenaarId)
      const componentIds = new Set(apps.flatMap((a) => a.referentiecomponentIds ?? []))
      landschap = {
        organisaties: organisaties.filter((o) => orgIds.has(o.id)),
        referentiecomponenten: componenten.filter((c) => componentIds.has(c.id)),
        applicaties: apps,
        koppelingen: kop,
      }
    }
    const model = landschapNaarArchimate({ naam, ...landschap })
    return { ...model, views: [genereerView(model.elementen, model.relaties, naam)] }
  }
}

/** A real import refused for problems in its objects: each with its element and line. */
function importFouten(fouten: ImportFout[]): AppError {
  return new AppError(
    'ongeldige-invoer',
    400,
    msg('Ongeldige invoer', 'Invalid input'),
    msg(
      `Niets geïmporteerd: ${fouten.length} probleem/problemen in de objecten van het bestand; zie invalidParams (of doe eerst een proefimport).`,
      `Nothing imported: ${fouten.length} problem(s) in the file's objects; see invalidParams (or run a dry run first).`,
    ),
    fouten.slice(0, 200).map((f) => ({
      name: `${f.regel !== undefined ? `regel ${f.regel}: ` : ''}${f.veld}`,
      code: 'ongeldige-waarde',
      reason: f.reden,
    })),
  )
}

export type { ArchimateInvoer }
