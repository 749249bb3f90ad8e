import { ibanProbleem } from './betaling.js'
import { type InvalidParam, type Message, msg } from './errors.js'
import type { ApplicatieInvoer, GastheerschapInvoer, KoppelingInvoer, OrganisatieInvoer, SamenwerkingInvoer } from './typen/registry.js'

// Rules a JSON Schema cannot express: relations between fields of one resource.
// Each returns every broken rule at once, so a person can fix all in one go.

export const REGISTRY_OBJECTTYPEN = ['organisatie', 'samenwerking', 'gastheerschap', 'applicatie', 'koppeling'] as const
export type RegistryObjecttype = (typeof REGISTRY_OBJECTTYPEN)[number]
export const KOSTEN_OBJECTTYPEN = ['kostenpost', 'verdeelsleutel', 'maatstafwaarde', 'referentiewaarde', 'declaratie', 'scenario'] as const
export type KostenObjecttype = (typeof KOSTEN_OBJECTTYPEN)[number]
/** The trust policy as data and the findings where reality breaks it (issue 12). */
export const BELEID_OBJECTTYPEN = ['vertrouwensbeleid', 'bevinding'] as const
/** Evidence, supplier contracts and access grants of the trust capability (issue 12). */
export const VERTROUWEN_OBJECTTYPEN = ['bewijsstuk', 'contract', 'toegang'] as const
/** Every kind of stored object the audit log, the rights and the references speak of: the one list. */
/** What is checked, when not to count, and where to tell (issue 14). */
export const MONITORING_OBJECTTYPEN = ['controle', 'onderhoudsvenster', 'meldingskanaal'] as const
/** The GEMMA reference components applicaties fulfil (issue 15). */
export const INTEROP_OBJECTTYPEN = ['referentiecomponent'] as const
export const OBJECTTYPEN = [
  ...REGISTRY_OBJECTTYPEN,
  ...KOSTEN_OBJECTTYPEN,
  ...VERTROUWEN_OBJECTTYPEN,
  ...BELEID_OBJECTTYPEN,
  ...MONITORING_OBJECTTYPEN,
  ...INTEROP_OBJECTTYPEN,
] as const
export type Objecttype = (typeof OBJECTTYPEN)[number]

/**
 * Types whose objects the evaluation makes, not a person: nobody creates a bevinding, and
 * its trail is its own history (opened, closed, reopened), recomputed from the data.
 */
export const DOOR_HET_SYSTEEM_GEMAAKT: ReadonlySet<Objecttype> = new Set<Objecttype>(['bevinding'])

/** A reference from one resource to another, checked for existence before writing. */
export interface Reference {
  name: string
  objecttype: Objecttype
  id: string
}

const invalid = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })

function checkPeriod(name: string, start: string | undefined, end: string | undefined): InvalidParam[] {
  if (start && end && end < start) {
    return [
      invalid(name, 'einddatum-voor-startdatum', msg('De einddatum ligt vóór de startdatum.', 'The end date is before the start date.')),
    ]
  }
  return []
}

function checkUnique<T>(items: readonly T[], key: (item: T) => string, name: (index: number) => string, what: Message): InvalidParam[] {
  const seen = new Set<string>()
  const errors: InvalidParam[] = []
  items.forEach((item, i) => {
    const k = key(item)
    if (seen.has(k)) {
      errors.push(invalid(name(i), 'dubbel', msg(`${what.nl} komt dubbel voor.`, `${what.en} occurs more than once.`)))
    }
    seen.add(k)
  })
  return errors
}

const ALLOWED_WEB_SCHEMES = ['http:', 'https:']
const ALLOWED_ENDPOINT_SCHEMES = ['http:', 'https:', 'sftp:', 'ftps:', 'amqps:', 'amqp:']

function checkScheme(name: string, value: string | undefined, allowed: string[]): InvalidParam[] {
  if (!value) return []
  let protocol: string
  try {
    protocol = new URL(value).protocol
  } catch {
    return [invalid(name, 'ongeldig-formaat', msg('Geen geldige URL.', 'Not a valid URL.'))]
  }
  if (!allowed.includes(protocol)) {
    const list = allowed.map((s) => s.replace(':', '')).join(', ')
    return [
      invalid(
        name,
        'ongeldig-schema',
        msg(`Alleen deze URL-schema's zijn toegestaan: ${list}.`, `Only these URL schemes are allowed: ${list}.`),
      ),
    ]
  }
  return []
}

export interface OrganisatieContext {
  isKnownCbsCode(code: string): boolean
}

export function organisatieRules(input: OrganisatieInvoer, ctx: OrganisatieContext): InvalidParam[] {
  const errors: InvalidParam[] = []
  if (input.type === 'gemeente' && !input.cbsCode) {
    errors.push(
      invalid(
        'cbsCode',
        'verplicht',
        msg('Een gemeente heeft een CBS-code (GM + 4 cijfers).', 'A municipality needs a CBS code (GM + 4 digits).'),
      ),
    )
  }
  if (input.type !== 'gemeente' && input.cbsCode) {
    errors.push(
      invalid('cbsCode', 'niet-toegestaan', msg('Alleen een gemeente heeft een CBS-code.', 'Only a municipality has a CBS code.')),
    )
  }
  if (input.type === 'gemeente' && input.cbsCode && !ctx.isKnownCbsCode(input.cbsCode)) {
    errors.push(
      invalid(
        'cbsCode',
        'onbekende-cbs-code',
        msg(`${input.cbsCode} is geen bestaande CBS-gemeentecode.`, `${input.cbsCode} is not an existing CBS municipality code.`),
      ),
    )
  }
  errors.push(
    ...checkUnique(
      input.inwoners ?? [],
      (i) => String(i.jaar),
      (i) => `inwoners[${i}].jaar`,
      msg('Dit jaar', 'This year'),
    ),
  )
  errors.push(...checkScheme('website', input.website, ALLOWED_WEB_SCHEMES))
  const iban = typeof input.iban === 'string' ? ibanProbleem(input.iban) : undefined
  if (iban) errors.push(iban)
  return errors
}

export function samenwerkingRules(input: SamenwerkingInvoer): InvalidParam[] {
  const errors = checkPeriod('einddatum', input.startdatum, input.einddatum)
  input.leden.forEach((lid, i) => {
    errors.push(...checkPeriod(`leden[${i}].einddatum`, lid.startdatum, lid.einddatum))
  })
  errors.push(
    ...checkUnique(
      input.leden,
      (l) => l.organisatieId,
      (i) => `leden[${i}].organisatieId`,
      msg('Deze organisatie', 'This organisation'),
    ),
  )
  return errors
}

export function gastheerschapRules(input: GastheerschapInvoer): InvalidParam[] {
  const errors = checkPeriod('einddatum', input.startdatum, input.einddatum)
  const i = input.afnemerIds.indexOf(input.gastheerId)
  if (i >= 0) {
    errors.push(
      invalid(`afnemerIds[${i}]`, 'gastheer-is-afnemer', msg('De gastheer kan niet ook afnemer zijn.', 'The host cannot also be a guest.')),
    )
  }
  return errors
}

/** Each status occurs once in a history. */
const uniekeStatussen = (historie: readonly { status: string }[] | undefined) =>
  checkUnique(
    historie ?? [],
    (s) => s.status,
    (i) => `statusHistorie[${i}].status`,
    msg('Deze status', 'This status'),
  )

export function applicatieRules(input: ApplicatieInvoer): InvalidParam[] {
  return uniekeStatussen(input.statusHistorie)
}

export function koppelingRules(input: KoppelingInvoer): InvalidParam[] {
  return [
    ...eindRegels(input, 'bron'),
    ...eindRegels(input, 'doel'),
    ...eindenSamen(input),
    ...uniekeStatussen(input.statusHistorie),
    ...checkScheme('endpoint', input.endpoint, ALLOWED_ENDPOINT_SCHEMES),
  ]
}

/** One end of a koppeling is exactly one of an applicatie and a landelijke voorziening, with a name only for overig. */
function eindRegels(input: KoppelingInvoer, end: 'bron' | 'doel'): InvalidParam[] {
  const errors: InvalidParam[] = []
  const app = input[`${end}ApplicatieId`]
  const voorziening = input[`${end}Voorziening`]
  if (!app && !voorziening) {
    errors.push(
      invalid(
        `${end}ApplicatieId`,
        'verplicht',
        msg(
          `Geef een ${end}applicatie of een landelijke voorziening als ${end}.`,
          `Give a ${end === 'bron' ? 'source' : 'target'} application or a national facility.`,
        ),
      ),
    )
  }
  const overig = input[`${end}VoorzieningOverig`]
  if (voorziening === 'overig' && !overig) {
    errors.push(
      invalid(
        `${end}VoorzieningOverig`,
        'verplicht',
        msg(
          'Geef de naam van de landelijke voorziening die niet in de lijst staat.',
          'Give the name of the national facility that is not in the list.',
        ),
      ),
    )
  }
  if (overig && voorziening !== 'overig') {
    errors.push(
      invalid(
        `${end}VoorzieningOverig`,
        'alleen-bij-overig',
        msg(
          'Een eigen naam hoort alleen bij de landelijke voorziening “overig”; kies anders uit de lijst.',
          'A name of its own belongs only with the national facility “overig”; otherwise choose from the list.',
        ),
      ),
    )
  }
  if (app && voorziening) {
    errors.push(
      invalid(
        `${end}Voorziening`,
        'niet-beide',
        msg(
          `Geef een ${end}applicatie óf een landelijke voorziening, niet beide.`,
          'Give an application or a national facility, not both.',
        ),
      ),
    )
  }
  return errors
}

/** The two ends together: at least one applicatie, not the same one twice, and no intermediary that is also an end. */
function eindenSamen(input: KoppelingInvoer): InvalidParam[] {
  const errors: InvalidParam[] = []
  if (input.bronVoorziening && input.doelVoorziening && !input.bronApplicatieId && !input.doelApplicatieId) {
    errors.push(
      invalid(
        'doelVoorziening',
        'geen-applicatie',
        msg('Minstens één kant van een koppeling is een applicatie.', 'At least one end of a data link is an application.'),
      ),
    )
  }
  if (input.bronApplicatieId && input.bronApplicatieId === input.doelApplicatieId) {
    errors.push(
      invalid(
        'doelApplicatieId',
        'bron-is-doel',
        msg('Bron en doel zijn dezelfde applicatie.', 'Source and target are the same application.'),
      ),
    )
  }
  if (input.viaApplicatieId && (input.viaApplicatieId === input.bronApplicatieId || input.viaApplicatieId === input.doelApplicatieId)) {
    errors.push(
      invalid(
        'viaApplicatieId',
        'via-is-eindpunt',
        msg('De tussenliggende applicatie is ook bron of doel.', 'The intermediary is also the source or target.'),
      ),
    )
  }
  return errors
}

const ref = (name: string, objecttype: RegistryObjecttype | 'referentiecomponent', id: string | undefined): Reference[] =>
  id ? [{ name, objecttype, id }] : []

export function samenwerkingReferences(input: SamenwerkingInvoer): Reference[] {
  return input.leden.flatMap((l, i) => ref(`leden[${i}].organisatieId`, 'organisatie', l.organisatieId))
}

export function gastheerschapReferences(input: GastheerschapInvoer): Reference[] {
  return [
    ...ref('gastheerId', 'organisatie', input.gastheerId),
    ...input.afnemerIds.flatMap((id, i) => ref(`afnemerIds[${i}]`, 'organisatie', id)),
    ...ref('samenwerkingId', 'samenwerking', input.samenwerkingId),
  ]
}

export function applicatieReferences(input: ApplicatieInvoer): Reference[] {
  return [
    ...ref('leverancierId', 'organisatie', input.leverancierId),
    ...input.inGebruikBij.flatMap((id, i) => ref(`inGebruikBij[${i}]`, 'organisatie', id)),
    ...(input.referentiecomponentIds ?? []).flatMap((id, i) => ref(`referentiecomponentIds[${i}]`, 'referentiecomponent', id)),
  ]
}

export function koppelingReferences(input: KoppelingInvoer): Reference[] {
  return [
    ...ref('bronApplicatieId', 'applicatie', input.bronApplicatieId),
    ...ref('doelApplicatieId', 'applicatie', input.doelApplicatieId),
    ...ref('viaApplicatieId', 'applicatie', input.viaApplicatieId),
    ...ref('eigenaarId', 'organisatie', input.eigenaarId),
    ...ref('gastheerschapId', 'gastheerschap', input.gastheerschapId),
    ...ref('samenwerkingId', 'samenwerking', input.samenwerkingId),
  ]
}

/** `existing` holds ids in lowercase, as the database returns them; UUIDs ignore case. */
export function danglingReferences(refs: Reference[], existing: Map<Objecttype, Set<string>>): InvalidParam[] {
  return refs
    .filter((r) => !existing.get(r.objecttype)?.has(r.id.toLowerCase()))
    .map((r) =>
      invalid(r.name, 'bestaat-niet', msg(`Er bestaat geen ${r.objecttype} met id ${r.id}.`, `No ${r.objecttype} with id ${r.id} exists.`)),
    )
}
