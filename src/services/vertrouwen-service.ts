import { createHash } from 'node:crypto'
import type { Database } from '../db/database.js'
import {
  bewijsstukkenMetSleutel,
  leesBijlage,
  vertrouwenRepositories as r,
  zetBeoordeling,
  zetBijlage,
  zetIntrekking,
} from '../db/repos/vertrouwen-resources.js'
import { type Caller, leesbereik } from '../domain/access.js'
import { datumInAmsterdam } from '../domain/declaraties.js'
import { AppError, invalidInput, msg, notFound } from '../domain/errors.js'
import type { Klok } from '../domain/klok.js'
import { POLICIES } from '../domain/policies/index.js'
import type { BewijsstukShape } from '../domain/policies/vertrouwen.js'
import {
  bewijsstukReferences,
  bewijsstukRules,
  contractReferences,
  contractRules,
  herbeoordelingRules,
  naHerbeoordeling,
  overlapRules,
  toegangReferences,
  toegangRules,
} from '../domain/vertrouwen/invoer-regels.js'
import {
  type Bewijsstuk,
  BewijsstukInvoer,
  BIJLAGE_MAX_BYTES,
  type BijlageMediatype,
  ContractInvoer,
  type Herbeoordeling,
  type Toegang,
  ToegangInvoer,
} from '../schemas/vertrouwen.js'
import type { ChangeFeed } from './changes.js'
import { type Actor, geregistreerdVoor, RegistryService, registreerSchrijver } from './registry-service.js'
import { volgens } from './verantwoordelijken.js'

// Services for the stored trust resources (issue 12): the generic registry commands with
// their rules, plus the operations on one object — an upload on a bewijsstuk, and the
// herbeoordeling of a toegang — each through RegistryService.operation, so "not found",
// If-Match, the writer's right and the audit entry come in that order, in one transaction.

export function createVertrouwenServices(db: Database, changes: ChangeFeed) {
  return {
    bewijsstukken: new RegistryService(
      db,
      r.bewijsstukken,
      {
        schema: BewijsstukInvoer,
        rules: bewijsstukRules,
        references: bewijsstukReferences,
        // Only evidence the writer may see counts: an overlap names the other, and what
        // the writer may not see is not named (nor hinted at).
        contextRules: async (trx, input, caller, id) =>
          overlapRules(
            input,
            await bewijsstukkenMetSleutel(trx, input, id, caller && !leesbereik(caller).alles ? zichtbaarVoor(caller) : undefined),
          ),
        responsible: async (trx, items) => {
          const door = await geregistreerdVoor(trx, 'bewijsstuk', items)
          return items.map((o: BewijsstukShape) =>
            POLICIES.bewijsstuk.verantwoordelijken({ ...o, geregistreerdDoor: door.get(o.id ?? '') ?? [] }),
          )
        },
        afterWrite: registreerSchrijver('bewijsstuk'),
      },
      changes,
    ),
    contracten: new RegistryService(
      db,
      r.contracten,
      { schema: ContractInvoer, rules: contractRules, references: contractReferences, responsible: volgens(POLICIES.contract) },
      changes,
    ),
    toegangen: new RegistryService(
      db,
      r.toegangen,
      { schema: ToegangInvoer, rules: toegangRules, references: toegangReferences, responsible: volgens(POLICIES.toegang) },
      changes,
    ),
  }
}

export type VertrouwenServices = ReturnType<typeof createVertrouwenServices>

function zichtbaarVoor(caller: Caller): string[] {
  const b = leesbereik(caller)
  return b.alles ? [] : b.organisatieIds
}

// ------------------------------------------------------------------ uploads

/** The first bytes of each accepted type: what a file is, whatever its name or header says. */
const HANDTEKENINGEN: { mediatype: BijlageMediatype; begin: number[] }[] = [
  { mediatype: 'application/pdf', begin: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediatype: 'image/png', begin: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediatype: 'image/jpeg', begin: [0xff, 0xd8, 0xff] },
]

/** The media type the bytes show, or undefined. */
export function mediatypeVanInhoud(inhoud: Buffer): BijlageMediatype | undefined {
  return HANDTEKENINGEN.find((h) => inhoud.length >= h.begin.length && h.begin.every((b, i) => inhoud[i] === b))?.mediatype
}

const MB = BIJLAGE_MAX_BYTES / (1024 * 1024)

/** Every problem of an upload at field `bijlage`: empty, too large, not what its header says. */
export function bijlageProblemen(inhoud: Buffer, gezegd: string) {
  const fout = (code: string, nl: string, en: string) => [{ name: 'bijlage', code, reason: msg(nl, en) }]
  if (inhoud.length === 0) return fout('leeg', 'Het bestand is leeg (0 bytes).', 'The file is empty (0 bytes).')
  if (inhoud.length > BIJLAGE_MAX_BYTES) return fout('te-groot', `Het bestand is groter dan ${MB} MB.`, `The file is larger than ${MB} MB.`)
  const echt = mediatypeVanInhoud(inhoud)
  if (echt !== gezegd)
    return fout(
      'inhoud-past-niet',
      `De inhoud is geen ${gezegd}${echt ? ` maar ${echt}` : ''}: alleen PDF, PNG en JPEG, herkend aan de inhoud.`,
      `The content is not ${gezegd}${echt ? ` but ${echt}` : ''}: only PDF, PNG and JPEG, recognised by their content.`,
    )
  return []
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control or quote characters. */
export function veiligeBestandsnaam(gegeven: string | undefined, mediatype: BijlageMediatype): string {
  const extensie = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[mediatype]
  const basis = (gegeven ?? '')
    .split(/[\\/]/)
    .pop()
    ?.replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .trim()
    .slice(0, 150)
  return basis && basis !== '.' && basis !== '..' ? basis : `bijlage.${extensie}`
}

/** Stores (or replaces) the upload of a bewijsstuk: 404 → 412 → 403 → 400 at `bijlage`, then audited. */
export function bijlageToevoegen(
  service: RegistryService<BewijsstukInvoer, Bewijsstuk>,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  upload: { inhoud: Buffer; mediatype: string; bestandsnaam?: string },
): Promise<Bewijsstuk> {
  return service.operation(
    actor,
    id,
    ifMatch,
    'bijlage-toevoegen',
    async (trx) => {
      const problemen = bijlageProblemen(upload.inhoud, upload.mediatype)
      if (problemen.length > 0) throw invalidInput(problemen)
      const mediatype = upload.mediatype as BijlageMediatype
      await zetBijlage(trx, id, {
        inhoud: upload.inhoud,
        mediatype,
        bestandsnaam: veiligeBestandsnaam(upload.bestandsnaam, mediatype),
        sha256: createHash('sha256').update(upload.inhoud).digest('hex'),
      })
      return true
    },
    { alsSchrijver: true },
  )
}

/** Removes the upload; 404 when there is none. */
export function bijlageVerwijderen(
  service: RegistryService<BewijsstukInvoer, Bewijsstuk>,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
): Promise<Bewijsstuk> {
  return service.operation(
    actor,
    id,
    ifMatch,
    'bijlage-verwijderen',
    async (trx, current) => {
      if (!current.bijlage) throw geenBijlage(id)
      await zetBijlage(trx, id, undefined)
      return true
    },
    { alsSchrijver: true },
  )
}

const geenBijlage = (id: string) =>
  new AppError(
    'niet-gevonden',
    404,
    msg('Niet gevonden', 'Not found'),
    msg(`Bewijsstuk ${id} heeft geen bijlage.`, `Evidence ${id} has no attachment.`),
  )

/** The upload, for who may see the bewijsstuk; 404 otherwise, and when there is none. */
export async function bijlageLezen(db: Database, service: RegistryService<BewijsstukInvoer, Bewijsstuk>, id: string, caller?: Caller) {
  if (!(await service.exists(id, caller))) throw notFound('bewijsstuk', id)
  const bijlage = await leesBijlage(db, id)
  if (!bijlage) throw geenBijlage(id)
  return bijlage
}

// ------------------------------------------------------------------ herbeoordeling

/**
 * Reviews a grant: approve (reviewed today by the caller, optionally until a new date) or
 * revoke (ends today, with the reason). "Today" is the server clock's date in
 * Europe/Amsterdam. 404 → 412 → 403 (only who keeps the grant) → 400 → 409 (approving a
 * revoked grant), then audited as `herbeoordelen` or `intrekken`.
 */
export function herbeoordelen(
  service: RegistryService<ToegangInvoer, Toegang>,
  klok: Klok,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  besluit: Herbeoordeling,
): Promise<Toegang> {
  const vandaag = datumInAmsterdam(klok.nu())
  return service.operation(
    actor,
    id,
    ifMatch,
    besluit.besluit === 'intrekken' ? 'intrekken' : 'herbeoordelen',
    async (trx, current) => {
      const problemen = herbeoordelingRules(besluit, current, vandaag)
      if (problemen.length > 0) throw invalidInput(problemen)
      if (current.intrekking)
        throw new AppError(
          'conflict',
          409,
          msg('Toegang ingetrokken', 'Access grant revoked'),
          msg(
            `Deze toegang is op ${current.intrekking.op} ingetrokken; leg een nieuwe toegang vast.`,
            `This access grant was revoked on ${current.intrekking.op}; record a new grant.`,
          ),
        )
      const na = naHerbeoordeling(current, besluit, vandaag, actor.naam.slice(0, 200))
      await zetBeoordeling(trx, id, na)
      if (besluit.besluit === 'intrekken')
        await zetIntrekking(trx, id, { op: vandaag, door: actor.naam.slice(0, 200), reden: (besluit.reden ?? '').trim() })
      return true
    },
    { alsSchrijver: true },
  )
}
