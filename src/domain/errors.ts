// Errors are values: a stable kind, an HTTP-like status and a message in Dutch and
// English. One renderer (api/plugins/problem.ts, cli) turns them into output.

export interface Message {
  nl: string
  en: string
}

export interface InvalidParam {
  /** Path of the field, e.g. `leden[0].organisatieId`; `body` for the whole document. */
  name: string
  code: string
  reason: Message
}

export interface Dependant {
  objecttype: string
  id: string
  naam: string
  relatie: string
}

export type ErrorKind =
  | 'ongeldige-invoer'
  | 'niet-gevonden'
  | 'methode-niet-toegestaan'
  | 'conflict'
  | 'afhankelijkheden'
  | 'versie-verouderd'
  | 'versie-vereist'
  | 'te-groot'
  | 'mediatype-niet-ondersteund'
  | 'niet-ingelogd'
  | 'geen-toestemming'
  | 'te-veel-verzoeken'
  | 'configuratie'
  | 'interne-fout'

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly status: number,
    readonly title: Message,
    readonly detail: Message,
    readonly invalidParams: InvalidParam[] = [],
    readonly dependants: Dependant[] = [],
    /** Dependants the caller may not see: counted, never named. */
    readonly hiddenDependants = 0,
    /** Extra members of the problem document (RFC 9457 extensions), e.g. who changed a stale object. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail.en)
    this.name = 'AppError'
  }
}

export const msg = (nl: string, en: string): Message => ({ nl, en })

/**
 * The English name of an object type, as the English UI names it (docs/glossary.md): an
 * English message reads "This cost item …", not "This kostenpost …". The Dutch message
 * uses the object type itself. Unknown types stay as they are.
 */
const OBJECTTYPE_EN: Record<string, string> = {
  organisatie: 'organisation',
  samenwerking: 'cooperation',
  gastheerschap: 'hosting arrangement',
  applicatie: 'application',
  koppeling: 'data link',
  kostenpost: 'cost item',
  verdeelsleutel: 'allocation key',
  maatstafwaarde: 'measure value',
  referentiewaarde: 'reference value',
  referentiecomponent: 'reference component',
  declaratie: 'declaration',
  scenario: 'business case',
  bewijsstuk: 'evidence',
  contract: 'supplier contract',
  toegang: 'access grant',
  vertrouwensbeleid: 'trust policy',
  bevinding: 'finding',
  controle: 'check',
  onderhoudsvenster: 'maintenance window',
  meldingskanaal: 'notification channel',
  storing: 'incident',
  statuspagina: 'status page',
  gebruiker: 'user',
  'api-token': 'API token',
  lid: 'member',
  afnemer: 'guest',
}
export const objecttypeEn = (objecttype: string): string => OBJECTTYPE_EN[objecttype] ?? objecttype
const hoofdletter = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Who saved the version that made an If-Match stale, and which revision that is. */
export interface LaatsteWijziging {
  /** The person's name (or the actor, e.g. `cli:beheer`, when no user has that name). */
  door: string
  revisie: number
}

export function invalidInput(invalidParams: InvalidParam[]): AppError {
  return new AppError(
    'ongeldige-invoer',
    400,
    msg('Ongeldige invoer', 'Invalid input'),
    msg(
      `De invoer bevat ${invalidParams.length} fout(en); zie invalidParams.`,
      `The input contains ${invalidParams.length} error(s); see invalidParams.`,
    ),
    invalidParams,
  )
}

export function notFound(objecttype: string, id: string): AppError {
  return new AppError(
    'niet-gevonden',
    404,
    msg('Niet gevonden', 'Not found'),
    msg(`${objecttype} ${id} bestaat niet.`, `${hoofdletter(objecttypeEn(objecttype))} ${id} does not exist.`),
  )
}

/**
 * 412: the object changed since the version the client started from. With `laatste`
 * the problem names who saved the current version (`gewijzigdDoor`) and its revision
 * (`huidigeRevisie`), so a form can say whose values it puts next to the person's own.
 */
export function staleVersion(objecttype: string, laatste?: LaatsteWijziging): AppError {
  const en = objecttypeEn(objecttype)
  return new AppError(
    'versie-verouderd',
    412,
    msg('Versie verouderd', 'Precondition failed'),
    laatste
      ? msg(
          `Deze ${objecttype} is intussen gewijzigd door ${laatste.door} (revisie ${laatste.revisie}). Haal de actuele versie op en probeer opnieuw.`,
          `This ${en} was changed by ${laatste.door} in the meantime (revision ${laatste.revisie}). Fetch the current version and try again.`,
        )
      : msg(
          `Deze ${objecttype} is intussen door iemand anders gewijzigd. Haal de actuele versie op en probeer opnieuw.`,
          `This ${en} was changed by someone else in the meantime. Fetch the current version and try again.`,
        ),
    [],
    [],
    0,
    laatste ? { gewijzigdDoor: laatste.door, huidigeRevisie: laatste.revisie } : {},
  )
}

/** `dependants` are the ones the caller may see; `hidden` counts the others (not named: that would show what a read hides). */
export function hasDependants(objecttype: string, dependants: Dependant[], hidden = 0): AppError {
  const n = dependants.length + hidden
  return new AppError(
    'afhankelijkheden',
    409,
    msg('In gebruik', 'In use'),
    msg(
      `Deze ${objecttype} kan niet worden verwijderd: ${n} andere object(en) verwijzen ernaar${hidden > 0 ? `, waarvan ${hidden} die u niet mag zien` : ''}.`,
      `This ${objecttypeEn(objecttype)} cannot be deleted: ${n} other object(s) refer to it${hidden > 0 ? `, ${hidden} of which you may not see` : ''}.`,
    ),
    [],
    dependants,
    hidden,
  )
}

export function conflict(detail: Message): AppError {
  return new AppError('conflict', 409, msg('Conflict', 'Conflict'), detail)
}

export function configError(detail: Message): AppError {
  return new AppError('configuratie', 500, msg('Ongeldige configuratie', 'Invalid configuration'), detail)
}

export function unauthenticated(): AppError {
  return new AppError(
    'niet-ingelogd',
    401,
    msg('Niet ingelogd', 'Not authenticated'),
    msg(
      'Log in, of stuur een geldig API-token mee (Authorization: Bearer …).',
      'Sign in, or send a valid API token (Authorization: Bearer …).',
    ),
  )
}

export function forbidden(objecttype: string): AppError {
  return new AppError(
    'geen-toestemming',
    403,
    msg('Geen toestemming', 'Forbidden'),
    msg(
      `U mag deze ${objecttype} niet wijzigen: daarvoor is een passende rol bij een betrokken organisatie nodig.`,
      `You may not change this ${objecttypeEn(objecttype)}: that needs a suitable role at an organisation involved.`,
    ),
  )
}

export function forbiddenAction(detail: Message): AppError {
  return new AppError('geen-toestemming', 403, msg('Geen toestemming', 'Forbidden'), detail)
}
