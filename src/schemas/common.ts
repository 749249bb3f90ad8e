import Type from 'typebox'
import type { AuditSoort } from '../domain/audit-soorten.js'
import { EUROCENT_OMSCHRIJVING, EUROCENT_VOORBEELD } from '../domain/eurocent.js'
import { DATUM_JAAR_PATTERN, DATUM_REDEN, JAAR_MAX, JAAR_MIN } from '../domain/periode.js'
import { LIMITS } from '../domain/vocabulary.js'

// Building blocks for resource schemas. Every schema here is plain JSON Schema, so the
// same object validates requests, types the code (Static) and feeds the OpenAPI document.

/**
 * An id. `verwijstNaar` names the kind of object a reference points at (`x-verwijzing`):
 * the audit log shows such a value as that object's name, with a link, when the reader
 * may see it (src/domain/wijzigingen.ts).
 */
export const Id = (description: string, verwijstNaar?: AuditSoort) =>
  Type.String({
    format: 'uuid',
    description,
    ...(verwijstNaar ? { 'x-verwijzing': verwijstNaar } : {}),
    'x-reden': { nl: 'Geen geldige identificatie (UUID).', en: 'Not a valid identifier (UUID).' },
  })
/** Marks an integer as a calendar year, so it reads `2026`, never `2.026` (the audit log's presentation). */
export const JAARTAL = { 'x-jaartal': true } as const
export const Datum = (description: string) =>
  Type.String({
    format: 'date',
    pattern: DATUM_JAAR_PATTERN,
    description: `${description} Van ${JAAR_MIN}-01-01 tot en met ${JAAR_MAX}-12-31.`,
    'x-reden': DATUM_REDEN,
  })
export const Tijdstip = (description: string) =>
  Type.String({
    format: 'date-time',
    description,
    'x-reden': { nl: 'Geen geldig tijdstip met tijdzone (ISO 8601).', en: 'Not a valid timestamp with time zone (ISO 8601).' },
  })
/** Why a required text with only spaces is refused, in words instead of its pattern. */
export const NIET_LEEG = { nl: 'Mag niet leeg zijn of alleen uit spaties bestaan.', en: 'Must not be empty or only spaces.' }

export const Naam = (description: string) =>
  Type.String({ minLength: 1, maxLength: LIMITS.naam, pattern: '\\S', description, 'x-reden': NIET_LEEG })
/**
 * An amount: integer euro cents, the one representation of money in the API. The
 * description and example say so on every amount field (test/integration/openapi.test.ts
 * checks it); `x-eenheid` makes the validator name the unit and the fix when a value is
 * not whole cents (src/domain/eurocent.ts). Without `minimum` the amount may be negative.
 */
export const Eurocent = (description: string, grenzen: { minimum?: number; maximum?: number } = {}) =>
  Type.Integer({
    ...grenzen,
    description: `${description} ${EUROCENT_OMSCHRIJVING}`,
    example: EUROCENT_VOORBEELD,
    'x-eenheid': 'eurocent',
  })

export const Tekst = (description: string) => Type.String({ maxLength: LIMITS.tekst, description })
export const KorteTekst = (description: string) => Type.String({ maxLength: LIMITS.korteTekst, description })
export const Keuze = <T extends readonly string[]>(values: T, description: string) =>
  Type.Enum([...values] as T[number][], { type: 'string', description })

/** Metadata every stored resource carries in responses. */
export const Metadata = {
  id: Id('Unieke identificatie (UUID).'),
  revisie: Type.Integer({ minimum: 1, description: 'Revisienummer; verhoogd bij elke wijziging (basis van de ETag).' }),
  aangemaaktOp: Tijdstip('Tijdstip van aanmaken.'),
  gewijzigdOp: Tijdstip('Tijdstip van de laatste wijziging.'),
  toegestaneActies: Type.Optional(
    Type.Array(Type.Enum(['wijzigen', 'verwijderen'], { type: 'string', description: 'Een actie.' }), {
      description: 'Wat de vrager met dit object mag; de UI toont alleen deze knoppen.',
    }),
  ),
}

export const Paginering = Type.Object(
  {
    pagina: Type.Integer({ minimum: 1, description: 'Huidige pagina (1-based).' }),
    paginaGrootte: Type.Integer({ minimum: 1, description: 'Aantal resultaten per pagina.' }),
    totaalAantal: Type.Integer({ minimum: 0, description: 'Totaal aantal resultaten over alle pagina’s.' }),
    totaalPaginas: Type.Integer({ minimum: 0, description: 'Totaal aantal pagina’s.' }),
  },
  { $id: 'Paginering', description: 'Gegevens over de paginering van een lijst.', additionalProperties: false },
)

export const InvalidParam = Type.Object(
  {
    name: Type.String({ description: 'Naam (pad) van het ongeldige veld.' }),
    code: Type.String({ description: 'Stabiele foutcode.' }),
    reason: Type.String({ description: 'Uitleg van de fout.' }),
  },
  { $id: 'InvalidParam', description: 'Eén validatiefout.' },
)

export const Afhankelijke = Type.Object(
  {
    objecttype: Type.String({ description: 'Soort object dat ernaar verwijst.' }),
    id: Type.String({ description: 'Identificatie van dat object.' }),
    naam: Type.String({ description: 'Leesbare naam van dat object.' }),
    relatie: Type.String({ description: 'Veld waarmee het verwijst.' }),
  },
  {
    $id: 'Afhankelijke',
    description:
      'Een object dat naar het te verwijderen object verwijst en dat de vrager mag zien (objecten die hij niet mag zien, worden alleen geteld).',
  },
)

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URI die het soort fout identificeert.' }),
    title: Type.String({ description: 'Korte omschrijving van het soort fout.' }),
    status: Type.Integer({ description: 'HTTP-statuscode.' }),
    detail: Type.String({ description: 'Uitleg van deze specifieke fout.' }),
    instance: Type.String({ description: 'URI van dit voorval (het aangevraagde pad).' }),
    invalidParams: Type.Optional(Type.Array(Type.Ref('InvalidParam'), { description: 'Alle validatiefouten tegelijk.' })),
    afhankelijken: Type.Optional(
      Type.Array(Type.Ref('Afhankelijke'), {
        description:
          'Bij 409 afhankelijkheden: de objecten die verwijderen verhinderen en die de vrager mag zien, hoogstens 100 per relatie (leeg als hij er geen mag zien).',
      }),
    ),
    nietZichtbareAfhankelijken: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'Bij 409 afhankelijkheden: het aantal objecten dat ook verwijderen verhindert, maar dat de vrager niet mag zien. Ze worden geteld, niet genoemd; ontbreekt als er geen zijn.',
      }),
    ),
    gewijzigdDoor: Type.Optional(
      Type.String({
        description:
          'Bij 412 versie verouderd: wie de huidige versie opsloeg (de naam van de gebruiker, of de actor zoals cli:beheer), volgens de auditlog.',
      }),
    ),
    huidigeRevisie: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Bij 412 versie verouderd: de revisie van de huidige versie (de ETag om mee verder te gaan).',
      }),
    ),
  },
  { $id: 'Problem', description: 'Foutmelding volgens RFC 9457 (application/problem+json).' },
)

export const ListQuery = {
  pagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'Paginanummer (1-based).' })),
  paginaGrootte: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: LIMITS.paginaGrootteMax,
      default: LIMITS.paginaGrootteStandaard,
      description: `Aantal resultaten per pagina (maximaal ${LIMITS.paginaGrootteMax}).`,
    }),
  ),
  zoek: Type.Optional(Type.String({ maxLength: LIMITS.korteTekst, description: 'Zoekt (hoofdletterongevoelig) in de naam.' })),
}

export const sortParam = (fields: readonly string[], standaard: string) =>
  Type.Optional(
    Type.String({
      maxLength: 200,
      pattern: `^-?(${fields.join('|')})(,-?(${fields.join('|')}))*$`,
      description: `Sortering: komma-gescheiden velden, met '-' ervoor voor aflopend. Toegestaan: ${fields.join(', ')}. Standaard: ${standaard}.`,
    }),
  )
