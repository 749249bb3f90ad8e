import Type, { type TSchema } from 'typebox'
import { AUDIT_ACTIES, AUDIT_SOORTEN, type AuditSoort } from '../domain/audit-soorten.js'
import { type SchemaKnoop, WAARDE_SOORTEN, ZICHTBAARHEDEN } from '../domain/wijzigingen.js'
import { Eurocent, Id, Keuze } from './common.js'
import { Declaratie, DeclaratieRegel } from './declaraties.js'
import { Afronding, Berekeningsstap, Kostenpost, Maatstafwaarde, Referentiewaarde, Verdeelsleutel } from './kosten.js'
import { Controle, Meldingskanaal, Onderhoudsvenster, StatuspaginaStaat, WerkingHandmatigStaat } from './monitoring.js'
import { Applicatie, Gastheerschap, Koppeling, Organisatie, Referentiecomponent, Samenwerking } from './registry.js'
import { Scenario } from './scenario.js'
import { ApiToken, Gebruiker, Roltoekenning } from './toegang.js'
import { Bewijsstuk, Contract, ToegangStaat } from './vertrouwen.js'
import { BevindingStaat, Vertrouwensbeleid } from './vertrouwensbeleid.js'

// The audit log's presentation: per kind of object the schema its stored states follow
// (the resource as the API returns it), and the shape of the presentation in responses.

/** What ends a user's access (gebruikers-service `toegang-beeindigen`) and why a sign-in was refused (OIDC). */
const ToegangBeeindigd = {
  reden: Keuze(['nieuwe-inloggegevens', 'gedeactiveerd', 'rol-ingetrokken', 'geen-rollen'], 'Waarom.'),
  sessies: Type.Integer({ description: 'Aantal beëindigde sessies.' }),
  ingetrokkenTokens: Type.Array(Id('Een ingetrokken API-token.', 'api-token'), { description: 'De ingetrokken API-tokens.' }),
  sub: Type.String({ description: 'De identificatie bij de identity provider.' }),
}

/**
 * The schema of the states stored for each kind of object. A `Record` over every kind:
 * a new kind of object does not compile until it says how its states read.
 */
export const AUDIT_STAAT_SCHEMAS: Record<AuditSoort, TSchema> = {
  organisatie: Organisatie,
  // With its status page's settings (PUT /samenwerkingen/{id}/statuspagina).
  samenwerking: Type.Object({ ...Samenwerking.properties, statuspagina: Type.Optional(StatuspaginaStaat) }),
  gastheerschap: Gastheerschap,
  applicatie: Applicatie,
  // With a person's override of its working state (PUT/DELETE /koppelingen/{id}/werking).
  koppeling: Type.Object({ ...Koppeling.properties, werkingHandmatig: Type.Optional(WerkingHandmatigStaat) }),
  kostenpost: Kostenpost,
  verdeelsleutel: Verdeelsleutel,
  maatstafwaarde: Maatstafwaarde,
  referentiewaarde: Referentiewaarde,
  declaratie: Declaratie,
  scenario: Scenario,
  bewijsstuk: Bewijsstuk,
  contract: Contract,
  toegang: ToegangStaat,
  vertrouwensbeleid: Vertrouwensbeleid,
  bevinding: BevindingStaat,
  controle: Controle,
  onderhoudsvenster: Onderhoudsvenster,
  meldingskanaal: Meldingskanaal,
  referentiecomponent: Referentiecomponent,
  gebruiker: Type.Object({ ...Gebruiker.properties, ...ToegangBeeindigd }),
  'api-token': Type.Object({ ...ApiToken.properties, gebruikerId: Id('De gebruiker van het token.', 'gebruiker') }),
}

const GEDEELD: Record<string, TSchema> = Object.fromEntries(
  [DeclaratieRegel, Berekeningsstap, Afronding, Roltoekenning].map((s) => ['$id' in s ? String(s.$id) : '', s]),
)

/** The shared schemas `Type.Ref` points at inside the state schemas. */
export const auditSchemaRef = (ref: string): SchemaKnoop | undefined => GEDEELD[ref] as SchemaKnoop | undefined

export const auditStaatSchema = (soort: AuditSoort): SchemaKnoop => AUDIT_STAAT_SCHEMAS[soort] as SchemaKnoop

export const AuditWaarde = Type.Object(
  {
    soort: Keuze(WAARDE_SOORTEN, 'Wat voor waarde: bepaalt hoe zij wordt getoond en welke velden er zijn.'),
    waarde: Type.Optional(
      Type.String({
        description:
          'Bij tekst, keuze, getal, jaar, datum (JJJJ-MM-DD) en tijdstip (ISO 8601, UTC): de opgeslagen waarde als tekst. Een getal is exact (33.33), een tijdstip toont u in de tijdzone van de lezer (Europe/Amsterdam).',
      }),
    ),
    janee: Type.Optional(Type.Boolean({ description: 'Bij janee.' })),
    centen: Type.Optional(Eurocent('Bij bedrag: het bedrag.')),
    objecttype: Type.Optional(Keuze(AUDIT_SOORTEN, 'Bij verwijzing: het soort object.')),
    id: Type.Optional(Type.String({ description: 'Bij verwijzing: de identificatie; ontbreekt als de lezer het object niet mag zien.' })),
    naam: Type.Optional(Type.String({ description: 'Bij verwijzing: de huidige naam, alleen als de lezer het object mag zien.' })),
    zichtbaarheid: Type.Optional(
      Keuze(
        ZICHTBAARHEDEN,
        "Bij verwijzing: 'zichtbaar' (met naam), 'niet-zichtbaar' (de lezer mag het niet zien, of het bestaat niet meer: zonder naam en id) of 'verwijderd' (het bestaat niet meer; bij een verwijzing in een veld alleen voor wie alles ziet, met id; bij het object van de regel (weergave.object) voor wie het mocht zien vóór het verwijderd werd, met id en de naam uit de regel).",
      ),
    ),
    items: Type.Optional(Type.Array(Type.Ref('AuditWaarde'), { description: 'Bij lijst: de elementen.' })),
    velden: Type.Optional(
      Type.Array(Type.Object({ veld: Type.String({ description: 'De naam van het veld.' }), waarde: Type.Ref('AuditWaarde') }), {
        description: 'Bij object: de velden met een waarde, in de volgorde van het schema.',
      }),
    ),
  },
  {
    $id: 'AuditWaarde',
    description: 'Een waarde zoals een mens haar leest: een bedrag in eurocent, een verwijzing met naam, een datum, …',
  },
)

export const AuditWeergave = Type.Object(
  {
    soort: Keuze(AUDIT_SOORTEN, 'Het soort object, zoals het filter objecttype het noemt (een API-token: api-token).'),
    object: Type.Ref('AuditWaarde'),
    actor: Type.Object(
      {
        gebruikersnaam: Type.String({ description: 'Zoals vastgelegd in actor.' }),
        naam: Type.Optional(Type.String({ description: 'De volledige naam van de gebruiker, als die (nog) bestaat.' })),
      },
      { description: 'Wie de handeling uitvoerde.' },
    ),
    wijzigingen: Type.Array(
      Type.Object({
        pad: Type.Array(Type.String(), {
          description: "Het veld, als pad in geneste objecten: ['begroting'], ['invoer', 'horizonJaren'].",
        }),
        voor: Type.Ref('AuditWaarde'),
        na: Type.Ref('AuditWaarde'),
        administratief: Type.Boolean({ description: 'Administratie die elke wijziging raakt (id, revisie, tijdstempels).' }),
      }),
      { description: 'De velden die verschillen tussen voor en na, elk met de waarde ervoor en erna; eerst wat iemand wijzigde.' },
    ),
  },
  {
    $id: 'AuditWeergave',
    description:
      'De regel zoals een mens haar leest, afgeleid van voor en na met het schema van het object: bedragen als bedrag, verwijzingen met de naam van het object (alleen als de lezer het mag zien), tijdstippen als tijdstip. De ruwe waarden (voor, na) blijven wat de hashketen dekt.',
  },
)

export const AuditFilterQuery = {
  objecttype: Type.Optional(Keuze(AUDIT_SOORTEN, 'Alleen regels over dit soort object (api-token: de regels over API-tokens).')),
  actie: Type.Optional(Keuze(AUDIT_ACTIES, 'Alleen regels met deze actie.')),
}
