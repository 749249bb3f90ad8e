import fs from 'node:fs/promises'
import path from 'node:path'
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import {
  type BewijsSoort,
  type Bewijsstuk,
  type Contract,
  evalueerIndex,
  herEvalueerPartij,
  maakIndex,
  STANDAARDBELEID,
  type Toegang,
  type Vertrouwensbeleid,
  type Vertrouwenssituatie,
  verwerkWijziging,
} from '../src/domain/vertrouwen/index.js'
import type { BivNiveau, OrganisatieType } from '../src/domain/vocabulary.js'
import { gemeenten } from '../src/io/gemeenten.js'
import { openMigrated } from '../src/runtime.js'
import { machineDescription, writeResultsSection } from './results.js'
import { willekeurig } from './willekeur.js'

// The trust evaluation on a national-size register: the 342 municipalities, 2 000 parties,
// 50 000 grants, 20 000 evidence items, 4 000 contracts over 5 000 applicaties and 10 000
// koppelingen, under the default BIO policy plus own and adopted policies. Measured: the
// full evaluation (index + every party) and the incremental re-evaluation after one
// changed grant, beside two baselines from the same run: a plain loop that touches every
// grant and evidence row once (the floor of any evaluation), and loading the same rows
// from the database (PGlite, the trust tables of migration 0014 when present).
// Goal (issue 12): full ≤ 1 s, incremental ≤ 10 ms.
// Run: npx tsx bench/trust.ts

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const INCREMENTEEL = 300
const SIZES = {
  partijen: 2_000,
  toegangen: 50_000,
  bewijsstukken: 20_000,
  contracten: 4_000,
  applicaties: 5_000,
  koppelingen: 10_000,
  gastheerschappen: 400,
  samenwerkingen: 40,
  eigenBeleid: 20,
}
const PEILDATUM = '2026-12-07'

const rnd = willekeurig(20261207)
const geheel = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))
const kies = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
/** Skewed towards the first entries: a few large suppliers serve many municipalities. */
const kiesScheef = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() ** 2 * xs.length)] as T
const kans = (p: number) => rnd() < p
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('')
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${kies(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
const dag = (van: string, tot: string) => {
  const a = Date.parse(van)
  const b = Date.parse(tot)
  return new Date(a + Math.floor(rnd() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10)
}
const plusJaren = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`.replace('-02-29', '-02-28')

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN }
}
const f = (n: number, d = 1) => n.toFixed(d)

// ---- the register --------------------------------------------------------------------

function maakSituatie(): Vertrouwenssituatie {
  const gem = [...gemeenten().values()].map((g) => ({ id: uuid(), naam: g.naam, type: 'gemeente' as OrganisatieType }))
  const partijen = Array.from({ length: SIZES.partijen }, (_, i) => ({
    id: uuid(),
    naam: i < 1_600 ? `Leverancier ${i + 1}` : `Partij ${i + 1}`,
    type: (i < 1_600 ? 'leverancier' : 'overig') as OrganisatieType,
  }))
  const samenwerkingen = Array.from({ length: SIZES.samenwerkingen }, (_, i) => ({
    id: uuid(),
    naam: `Samenwerking ${i + 1}`,
    leden: [...new Set(Array.from({ length: geheel(2, 10) }, () => kies(gem).id))].map((organisatieId) => ({
      organisatieId,
      startdatum: '2020-01-01',
    })),
  }))
  const gastheerschappen = Array.from({ length: SIZES.gastheerschappen }, (_, i) => ({
    id: uuid(),
    taak: `Taak ${i + 1}`,
    gastheerId: kies(gem).id,
  }))
  const applicaties = Array.from({ length: SIZES.applicaties }, (_, i) => ({
    id: uuid(),
    naam: `Applicatie ${i + 1}`,
    inGebruikBij: [...new Set(Array.from({ length: geheel(1, 3) }, () => kies(gem).id))],
  }))
  const niveaus: BivNiveau[] = ['laag', 'laag', 'midden', 'midden', 'hoog']
  const koppelingen = Array.from({ length: SIZES.koppelingen }, (_, i) => {
    const bron = kies(applicaties)
    let doel = kies(applicaties)
    if (doel.id === bron.id) doel = applicaties[(applicaties.indexOf(bron) + 1) % applicaties.length] as typeof doel
    const r = rnd()
    return {
      id: uuid(),
      naam: `Koppeling ${i + 1}`,
      status: r < 0.02 ? ('teruggetrokken' as const) : r < 0.05 ? ('einde ondersteuning' as const) : ('in gebruik' as const),
      vertrouwelijkheid: kies(niveaus),
      persoonsgegevens: kans(0.45),
      ...(kans(0.97) ? { eigenaarId: bron.inGebruikBij[0] as string } : {}),
      ...(kans(0.3) ? { gastheerschapId: kies(gastheerschappen).id } : {}),
      bronApplicatieId: bron.id,
      ...(kans(0.8) ? { doelApplicatieId: doel.id } : {}),
      ...(kans(0.1) ? { viaApplicatieId: kies(applicaties).id } : {}),
    }
  })
  // Each party serves a set of clients (municipalities) and gets its grants from them.
  const appsPer = new Map<string, string[]>()
  const bij = (map: Map<string, string[]>, sleutel: string, id: string) => {
    const lijst = map.get(sleutel)
    if (lijst) lijst.push(id)
    else map.set(sleutel, [id])
  }
  for (const a of applicaties) for (const o of a.inGebruikBij) bij(appsPer, o, a.id)
  const koppelingenPer = new Map<string, string[]>()
  for (const k of koppelingen) if (k.eigenaarId) bij(koppelingenPer, k.eigenaarId, k.id)
  const klanten = new Map<string, string[]>()
  const klantVan = (partijId: string) => {
    const lijst = klanten.get(partijId) ?? []
    klanten.set(partijId, lijst)
    if (lijst.length > 0 && kans(0.85)) return kies(lijst)
    const nieuw = kies(gem).id
    if (!lijst.includes(nieuw)) lijst.push(nieuw)
    return nieuw
  }
  const eenJaarTerug = plusJaren(PEILDATUM, -1)
  const toegangen: Toegang[] = Array.from({ length: SIZES.toegangen }, () => {
    const partij = kans(0.9) ? kiesScheef(partijen) : kies(gem)
    const klant = klantVan(partij.id)
    const r = rnd()
    let object: Toegang['object']
    if (r < 0.7) object = { soort: 'applicatie', id: kies(appsPer.get(klant) ?? [kies(applicaties).id]) }
    else if (r < 0.95) object = { soort: 'koppeling', id: kies(koppelingenPer.get(klant) ?? [kies(koppelingen).id]) }
    else object = { soort: 'netwerkzone', naam: kies(['Beheer', 'Kantoor', 'DMZ']), eigenaarId: klant }
    const geldigVanaf = dag('2021-01-01', '2026-12-01')
    const b = rnd()
    const laatsteBeoordeling =
      b < 0.85
        ? dag(geldigVanaf > eenJaarTerug ? geldigVanaf : eenJaarTerug, PEILDATUM)
        : b < 0.95
          ? dag(geldigVanaf, PEILDATUM)
          : undefined
    return {
      id: uuid(),
      partijId: partij.id,
      object,
      doel: 'Beheer en ondersteuning',
      verleendDoorId: klant,
      geldigVanaf,
      ...(kans(0.3) ? { geldigTot: dag(geldigVanaf, '2029-12-31') } : {}),
      ...(laatsteBeoordeling ? { laatsteBeoordeling } : {}),
    }
  })
  // Evidence: most parties current (yearly ISO 27001 or ISAE 3402 evidence, a verwerkersovereenkomst
  // with most clients), some expired or about to expire, then other kinds up to the total.
  const bewijsstukken: Bewijsstuk[] = []
  const stuk = (organisatieId: string, soort: BewijsSoort, geldigVanaf: string, geldigTot?: string, getekendMetId?: string) => {
    if (bewijsstukken.length >= SIZES.bewijsstukken) return
    bewijsstukken.push({
      id: uuid(),
      organisatieId,
      soort,
      uitgever: 'Certificerende instelling',
      geldigVanaf,
      ...(geldigTot ? { geldigTot } : {}),
      ...(getekendMetId ? { getekendMetId } : {}),
    })
  }
  for (const p of partijen) {
    const r = rnd()
    const soort: BewijsSoort = kans(0.7) ? 'iso27001' : 'isae3402-type2'
    if (r < 0.8) {
      const van = dag(plusJaren(PEILDATUM, -1), PEILDATUM)
      stuk(p.id, soort, van, plusJaren(van, 1))
    } else if (r < 0.9) stuk(p.id, soort, dag('2023-01-01', '2024-12-01'), dag('2025-01-01', PEILDATUM))
    else stuk(p.id, soort, dag(plusJaren(PEILDATUM, -1), PEILDATUM), dag(PEILDATUM, '2027-03-01'))
    for (const klant of klanten.get(p.id) ?? [])
      if (kans(0.92))
        stuk(p.id, 'verwerkersovereenkomst', dag('2019-01-01', PEILDATUM), kans(0.5) ? undefined : dag('2027-01-01', '2030-12-31'), klant)
  }
  const overig: BewijsSoort[] = ['geheimhoudingsverklaring', 'pentest', 'soc2-type2', 'iso27001', 'digid-assessment']
  while (bewijsstukken.length < SIZES.bewijsstukken) {
    const van = dag('2022-01-01', PEILDATUM)
    stuk(kiesScheef(partijen).id, kies(overig), van, plusJaren(van, geheel(1, 3)))
  }
  const contracten: Contract[] = Array.from({ length: SIZES.contracten }, () => {
    const startdatum = dag('2019-01-01', '2026-12-01')
    return {
      id: uuid(),
      leverancierId: kiesScheef(partijen).id,
      afnemerId: kies(gem).id,
      omschrijving: 'Levering en beheer',
      startdatum,
      ...(kans(0.4) ? { einddatum: dag(startdatum, '2030-12-31') } : {}),
      opzegtermijnMaanden: geheel(0, 12),
      auditrecht: kans(0.8),
      exitstrategie: kans(0.7),
      applicatieIds: [...new Set(Array.from({ length: geheel(1, 3) }, () => kies(applicaties).id))],
      koppelingIds: [...new Set(Array.from({ length: geheel(0, 3) }, () => kies(koppelingen).id))],
    }
  })
  const eigen = (eigenaarId: string, samenwerkingIds: string[]): Vertrouwensbeleid => ({
    ...STANDAARDBELEID,
    id: uuid(),
    eigenaarId,
    naam: 'Eigen beleid',
    samenwerkingIds,
    regels: STANDAARDBELEID.regels.map((r) => (r.soort === 'herbeoordeling' ? { ...r, maxMaanden: 6 } : r)),
  })
  const beleid = [
    STANDAARDBELEID,
    ...Array.from({ length: SIZES.eigenBeleid }, () => eigen(kies(gem).id, [])),
    ...samenwerkingen.slice(0, 2).map((s) => eigen(s.leden[0]?.organisatieId as string, [s.id])),
  ]
  return {
    organisaties: [...gem, ...partijen],
    samenwerkingen,
    applicaties,
    koppelingen,
    gastheerschappen,
    bewijsstukken,
    contracten,
    toegangen,
    beleid,
    peildatum: PEILDATUM,
  }
}

// ---- baseline: touch every grant and evidence row once ------------------------------------

function vlakkeLus(s: Vertrouwenssituatie): number {
  const bewijs = new Map<string, number>()
  for (const b of s.bewijsstukken)
    if (b.geldigVanaf <= s.peildatum && (!b.geldigTot || s.peildatum <= b.geldigTot))
      bewijs.set(b.organisatieId, (bewijs.get(b.organisatieId) ?? 0) + 1)
  let teLaat = 0
  for (const t of s.toegangen) if ((t.laatsteBeoordeling ?? t.geldigVanaf) < '2025-12-07' && !bewijs.has(t.partijId)) teLaat++
  return teLaat
}

// ---- the database -------------------------------------------------------------------

/** The columns this benchmark writes and reads: the registry (0001) and trust (0014) tables. */
interface Tabellen {
  organisatie: { id: string; type: string; naam: string }
  samenwerking: { id: string; naam: string; vorm: string }
  samenwerking_lid: {
    samenwerking_id: string
    organisatie_id: string
    positie: number
    startdatum: string | null
    einddatum: string | null
    bevestigd_op: string | null
  }
  gastheerschap: { id: string; taak: string; gastheer_id: string; startdatum: string }
  applicatie: { id: string; naam: string; hosting: string; status: string }
  applicatie_gebruiker: { applicatie_id: string; organisatie_id: string; positie: number }
  koppeling: {
    id: string
    naam: string
    bron_applicatie_id: string | null
    doel_applicatie_id: string | null
    doel_voorziening: string | null
    via_applicatie_id: string | null
    type: string
    richting: string
    status: string
    persoonsgegevens: boolean
    beschikbaarheid: string
    integriteit: string
    vertrouwelijkheid: string
    eigenaar_id: string | null
    gastheerschap_id: string | null
  }
  bewijsstuk: {
    id: string
    organisatie_id: string
    soort: string
    uitgever: string
    geldig_vanaf: string
    geldig_tot: string | null
    getekend_met_id: string | null
  }
  contract: {
    id: string
    leverancier_id: string
    afnemer_id: string
    omschrijving: string
    startdatum: string
    einddatum: string | null
    opzegtermijn_maanden: number
    auditrecht: boolean
    exitstrategie: boolean
  }
  contract_applicatie: { contract_id: string; applicatie_id: string; positie: number }
  contract_koppeling: { contract_id: string; koppeling_id: string; positie: number }
  toegang: {
    id: string
    partij_id: string
    object_soort: string
    applicatie_id: string | null
    koppeling_id: string | null
    netwerkzone_naam: string | null
    netwerkzone_eigenaar_id: string | null
    doel: string
    verleend_door_id: string
    geldig_vanaf: string
    geldig_tot: string | null
    laatste_beoordeling: string | null
    ingetrokken_op: string | null
  }
}
type Db = Kysely<Tabellen>

/** Without migration 0014 (another branch of issue 12): plain tables with the same columns. */
const GELIJKWAARDIGE_TABELLEN = sql`
  CREATE TABLE bewijsstuk (id uuid PRIMARY KEY, organisatie_id uuid NOT NULL, soort text NOT NULL, uitgever text NOT NULL,
    geldig_vanaf date NOT NULL, geldig_tot date, getekend_met_id uuid);
  CREATE INDEX bewijsstuk_organisatie ON bewijsstuk (organisatie_id, soort);
  CREATE TABLE contract (id uuid PRIMARY KEY, leverancier_id uuid NOT NULL, afnemer_id uuid NOT NULL, omschrijving text NOT NULL,
    startdatum date NOT NULL, einddatum date, opzegtermijn_maanden integer NOT NULL, auditrecht boolean NOT NULL, exitstrategie boolean NOT NULL);
  CREATE TABLE contract_applicatie (contract_id uuid NOT NULL, applicatie_id uuid NOT NULL, positie integer NOT NULL, PRIMARY KEY (contract_id, applicatie_id));
  CREATE TABLE contract_koppeling (contract_id uuid NOT NULL, koppeling_id uuid NOT NULL, positie integer NOT NULL, PRIMARY KEY (contract_id, koppeling_id));
  CREATE TABLE toegang (id uuid PRIMARY KEY, partij_id uuid NOT NULL, object_soort text NOT NULL, applicatie_id uuid, koppeling_id uuid,
    netwerkzone_naam text, netwerkzone_eigenaar_id uuid, doel text NOT NULL, verleend_door_id uuid NOT NULL, geldig_vanaf date NOT NULL,
    geldig_tot date, laatste_beoordeling date, ingetrokken_op date);
  CREATE INDEX toegang_partij ON toegang (partij_id);
`

async function voegIn<T extends keyof Tabellen>(db: Db, tabel: T, rijen: Insertable<Tabellen[T]>[]): Promise<void> {
  for (let i = 0; i < rijen.length; i += 1_000) {
    // Kysely cannot relate the row type to a table name that is a type parameter.
    await db
      .insertInto(tabel)
      .values(rijen.slice(i, i + 1_000) as never)
      .execute()
  }
}

const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

async function schrijf(db: Db, s: Vertrouwenssituatie): Promise<void> {
  await voegIn(
    db,
    'organisatie',
    s.organisaties.map((o) => ({ id: o.id, type: o.type, naam: o.naam })),
  )
  await voegIn(
    db,
    'samenwerking',
    s.samenwerkingen.map((w) => ({ id: w.id, naam: w.naam, vorm: 'Convenant' })),
  )
  await voegIn(
    db,
    'samenwerking_lid',
    s.samenwerkingen.flatMap((w) =>
      w.leden.map((l, positie) => ({
        samenwerking_id: w.id,
        organisatie_id: l.organisatieId,
        positie,
        startdatum: nul(l.startdatum),
        einddatum: nul(l.einddatum),
        bevestigd_op: '2020-01-01T00:00:00Z',
      })),
    ),
  )
  await voegIn(
    db,
    'gastheerschap',
    s.gastheerschappen.map((g) => ({ id: g.id, taak: g.taak, gastheer_id: g.gastheerId, startdatum: '2020-01-01' })),
  )
  await voegIn(
    db,
    'applicatie',
    s.applicaties.map((a) => ({ id: a.id, naam: a.naam, hosting: 'SaaS', status: 'in productie' })),
  )
  await voegIn(
    db,
    'applicatie_gebruiker',
    s.applicaties.flatMap((a) => a.inGebruikBij.map((o, positie) => ({ applicatie_id: a.id, organisatie_id: o, positie }))),
  )
  await voegIn(
    db,
    'koppeling',
    s.koppelingen.map((k) => ({
      id: k.id,
      naam: k.naam,
      bron_applicatie_id: nul(k.bronApplicatieId),
      doel_applicatie_id: nul(k.doelApplicatieId),
      doel_voorziening: k.doelApplicatieId ? null : 'BRP',
      via_applicatie_id: nul(k.viaApplicatieId),
      type: 'api',
      richting: 'A→B',
      status: k.status,
      persoonsgegevens: k.persoonsgegevens,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: k.vertrouwelijkheid,
      eigenaar_id: nul(k.eigenaarId),
      gastheerschap_id: nul(k.gastheerschapId),
    })),
  )
  await voegIn(
    db,
    'bewijsstuk',
    s.bewijsstukken.map((b) => ({
      id: b.id,
      organisatie_id: b.organisatieId,
      soort: b.soort,
      uitgever: b.uitgever,
      geldig_vanaf: b.geldigVanaf,
      geldig_tot: nul(b.geldigTot),
      getekend_met_id: nul(b.getekendMetId),
    })),
  )
  await voegIn(
    db,
    'contract',
    s.contracten.map((c) => ({
      id: c.id,
      leverancier_id: c.leverancierId,
      afnemer_id: c.afnemerId,
      omschrijving: c.omschrijving,
      startdatum: c.startdatum,
      einddatum: nul(c.einddatum),
      opzegtermijn_maanden: c.opzegtermijnMaanden,
      auditrecht: c.auditrecht,
      exitstrategie: c.exitstrategie,
    })),
  )
  await voegIn(
    db,
    'contract_applicatie',
    s.contracten.flatMap((c) => c.applicatieIds.map((a, positie) => ({ contract_id: c.id, applicatie_id: a, positie }))),
  )
  await voegIn(
    db,
    'contract_koppeling',
    s.contracten.flatMap((c) => c.koppelingIds.map((k, positie) => ({ contract_id: c.id, koppeling_id: k, positie }))),
  )
  await voegIn(
    db,
    'toegang',
    s.toegangen.map((t) => ({
      id: t.id,
      partij_id: t.partijId,
      object_soort: t.object.soort,
      applicatie_id: t.object.soort === 'applicatie' ? t.object.id : null,
      koppeling_id: t.object.soort === 'koppeling' ? t.object.id : null,
      netwerkzone_naam: t.object.soort === 'netwerkzone' ? t.object.naam : null,
      netwerkzone_eigenaar_id: t.object.soort === 'netwerkzone' ? t.object.eigenaarId : null,
      doel: t.doel,
      verleend_door_id: t.verleendDoorId,
      geldig_vanaf: t.geldigVanaf,
      geldig_tot: nul(t.geldigTot),
      laatste_beoordeling: nul(t.laatsteBeoordeling),
      ingetrokken_op: null,
    })),
  )
}

const datum = <K extends string>(kolom: K) => sql<string>`${sql.ref(kolom)}::text`.as(kolom)
const datumOfNul = <K extends string>(kolom: K) => sql<string | null>`${sql.ref(kolom)}::text`.as(kolom)
const weg = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T
const groepeer = <R, K extends keyof R>(rijen: R[], sleutel: K, waarde: (r: R) => string) => {
  const per = new Map<R[K], string[]>()
  for (const r of rijen) {
    const l = per.get(r[sleutel]) ?? []
    l.push(waarde(r))
    per.set(r[sleutel], l)
  }
  return per
}

/** Every row the evaluation reads, as the Vertrouwenssituatie (the policies are data the caller has). */
async function laad(db: Db, beleid: Vertrouwensbeleid[]): Promise<Vertrouwenssituatie> {
  const [org, sw, leden, gh, apps, gebruik, kop, bewijs, con, conApp, conKop, toe] = await Promise.all([
    db.selectFrom('organisatie').select(['id', 'naam', 'type']).execute(),
    db.selectFrom('samenwerking').select(['id', 'naam']).execute(),
    db
      .selectFrom('samenwerking_lid')
      .select(['samenwerking_id', 'organisatie_id', datumOfNul('startdatum'), datumOfNul('einddatum')])
      .where('bevestigd_op', 'is not', null)
      .orderBy('positie')
      .execute(),
    db.selectFrom('gastheerschap').select(['id', 'taak', 'gastheer_id']).execute(),
    db.selectFrom('applicatie').select(['id', 'naam']).execute(),
    db.selectFrom('applicatie_gebruiker').select(['applicatie_id', 'organisatie_id']).orderBy('positie').execute(),
    db
      .selectFrom('koppeling')
      .select([
        'id',
        'naam',
        'status',
        'vertrouwelijkheid',
        'persoonsgegevens',
        'eigenaar_id',
        'gastheerschap_id',
        'bron_applicatie_id',
        'doel_applicatie_id',
        'via_applicatie_id',
      ])
      .execute(),
    db
      .selectFrom('bewijsstuk')
      .select(['id', 'organisatie_id', 'soort', 'uitgever', datum('geldig_vanaf'), datumOfNul('geldig_tot'), 'getekend_met_id'])
      .execute(),
    db
      .selectFrom('contract')
      .select([
        'id',
        'leverancier_id',
        'afnemer_id',
        'omschrijving',
        datum('startdatum'),
        datumOfNul('einddatum'),
        'opzegtermijn_maanden',
        'auditrecht',
        'exitstrategie',
      ])
      .execute(),
    db.selectFrom('contract_applicatie').select(['contract_id', 'applicatie_id']).orderBy('positie').execute(),
    db.selectFrom('contract_koppeling').select(['contract_id', 'koppeling_id']).orderBy('positie').execute(),
    db
      .selectFrom('toegang')
      .select([
        'id',
        'partij_id',
        'object_soort',
        'applicatie_id',
        'koppeling_id',
        'netwerkzone_naam',
        'netwerkzone_eigenaar_id',
        'doel',
        'verleend_door_id',
        datum('geldig_vanaf'),
        datumOfNul('geldig_tot'),
        datumOfNul('laatste_beoordeling'),
      ])
      .where('ingetrokken_op', 'is', null)
      .execute(),
  ])
  const ledenPer = new Map<string, Vertrouwenssituatie['samenwerkingen'][number]['leden']>()
  for (const l of leden) {
    const lijst = ledenPer.get(l.samenwerking_id) ?? []
    lijst.push(weg({ organisatieId: l.organisatie_id, startdatum: l.startdatum ?? undefined, einddatum: l.einddatum ?? undefined }))
    ledenPer.set(l.samenwerking_id, lijst)
  }
  const gebruikPer = groepeer(gebruik, 'applicatie_id', (r) => r.organisatie_id)
  const appsPer = groepeer(conApp, 'contract_id', (r) => r.applicatie_id)
  const kopsPer = groepeer(conKop, 'contract_id', (r) => r.koppeling_id)
  return {
    organisaties: org.map((o) => ({ id: o.id, naam: o.naam, type: o.type as OrganisatieType })),
    samenwerkingen: sw.map((s) => ({ id: s.id, naam: s.naam, leden: ledenPer.get(s.id) ?? [] })),
    gastheerschappen: gh.map((g) => ({ id: g.id, taak: g.taak, gastheerId: g.gastheer_id })),
    applicaties: apps.map((a) => ({ id: a.id, naam: a.naam, inGebruikBij: gebruikPer.get(a.id) ?? [] })),
    koppelingen: kop.map((k) => koppelingUit(k)),
    bewijsstukken: bewijs.map((b) =>
      weg({
        id: b.id,
        organisatieId: b.organisatie_id,
        soort: b.soort as BewijsSoort,
        uitgever: b.uitgever,
        geldigVanaf: b.geldig_vanaf,
        geldigTot: b.geldig_tot ?? undefined,
        getekendMetId: b.getekend_met_id ?? undefined,
      }),
    ),
    contracten: con.map((c) =>
      weg({
        id: c.id,
        leverancierId: c.leverancier_id,
        afnemerId: c.afnemer_id,
        omschrijving: c.omschrijving,
        startdatum: c.startdatum,
        einddatum: c.einddatum ?? undefined,
        opzegtermijnMaanden: c.opzegtermijn_maanden,
        auditrecht: c.auditrecht,
        exitstrategie: c.exitstrategie,
        applicatieIds: appsPer.get(c.id) ?? [],
        koppelingIds: kopsPer.get(c.id) ?? [],
      }),
    ),
    toegangen: toe.map((t) => toegangUit(t)),
    beleid,
    peildatum: PEILDATUM,
  }
}

function koppelingUit(
  k: Pick<
    Selectable<Tabellen['koppeling']>,
    | 'id'
    | 'naam'
    | 'status'
    | 'vertrouwelijkheid'
    | 'persoonsgegevens'
    | 'eigenaar_id'
    | 'gastheerschap_id'
    | 'bron_applicatie_id'
    | 'doel_applicatie_id'
    | 'via_applicatie_id'
  >,
) {
  return weg({
    id: k.id,
    naam: k.naam,
    status: k.status as Vertrouwenssituatie['koppelingen'][number]['status'],
    vertrouwelijkheid: k.vertrouwelijkheid as BivNiveau,
    persoonsgegevens: k.persoonsgegevens,
    eigenaarId: k.eigenaar_id ?? undefined,
    gastheerschapId: k.gastheerschap_id ?? undefined,
    bronApplicatieId: k.bron_applicatie_id ?? undefined,
    doelApplicatieId: k.doel_applicatie_id ?? undefined,
    viaApplicatieId: k.via_applicatie_id ?? undefined,
  })
}

function toegangUit(t: Omit<Selectable<Tabellen['toegang']>, 'ingetrokken_op'>): Toegang {
  const object: Toegang['object'] =
    t.object_soort === 'netwerkzone'
      ? { soort: 'netwerkzone', naam: t.netwerkzone_naam as string, eigenaarId: t.netwerkzone_eigenaar_id as string }
      : { soort: t.object_soort as 'applicatie' | 'koppeling', id: (t.applicatie_id ?? t.koppeling_id) as string }
  return weg({
    id: t.id,
    partijId: t.partij_id,
    object,
    doel: t.doel,
    verleendDoorId: t.verleend_door_id,
    geldigVanaf: t.geldig_vanaf,
    geldigTot: t.geldig_tot ?? undefined,
    laatsteBeoordeling: t.laatste_beoordeling ?? undefined,
  })
}

// ---- run ------------------------------------------------------------------------------

function meet<T>(n: number, werk: () => T): { ms: number[]; uit: T } {
  const ms: number[] = []
  let uit: T | undefined
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    uit = werk()
    ms.push(performance.now() - t)
  }
  return { ms, uit: uit as T }
}

async function main() {
  const t0 = performance.now()
  const situatie = maakSituatie()
  const genereerMs = performance.now() - t0
  console.log(`Register generated in ${f(genereerMs, 0)} ms`)

  const basis = stats(meet(RUNS * 3, () => vlakkeLus(situatie)).ms)
  const indexTijd = meet(RUNS, () => maakIndex(situatie))
  const index = indexTijd.uit
  const volledig = meet(RUNS, () => evalueerIndex(index))
  const bevindingen = volledig.uit
  const samen = stats(indexTijd.ms.map((ms, i) => ms + (volledig.ms[i] ?? 0)))
  const heap = process.memoryUsage()

  // Incremental: one grant reviewed today, for random grants and for the largest party's.
  const perPartij = new Map<string, number>()
  for (const t of situatie.toegangen) perPartij.set(t.partijId, (perPartij.get(t.partijId) ?? 0) + 1)
  const grootste = [...perPartij].sort((a, b) => b[1] - a[1])[0] as [string, number]
  const wijzig = (t: Toegang) => {
    const partijen = verwerkWijziging(index, { soort: 'toegang', toegang: { ...t, laatsteBeoordeling: PEILDATUM } })
    return partijen.map((p) => herEvalueerPartij(index, p))
  }
  const willekeurig: number[] = []
  for (let i = 0; i < INCREMENTEEL; i++) {
    const t = kies(situatie.toegangen)
    const s = performance.now()
    wijzig(t)
    willekeurig.push(performance.now() - s)
  }
  const vanGrootste = situatie.toegangen.filter((t) => t.partijId === grootste[0])
  const groot: number[] = []
  for (let i = 0; i < 30; i++) {
    const s = performance.now()
    wijzig(kies(vanGrootste))
    groot.push(performance.now() - s)
  }
  // The incremental path must equal the full one for the party it changed.
  const nu = evalueerIndex(index)
  const klopt = JSON.stringify(herEvalueerPartij(index, grootste[0])) === JSON.stringify(nu.filter((b) => b.partijId === grootste[0]))
  if (!klopt) throw new Error('incremental re-evaluation differs from the full evaluation')
  const incr = stats(willekeurig)
  const incrGroot = stats(groot)

  if (process.env.BENCH_DB === '0') {
    // Quick look while working on the engine: no database, nothing recorded.
    const r = (x: { median: number; p95: number }) => `${f(x.median, 2)} / ${f(x.p95, 2)} ms`
    console.log(
      `index ${r(stats(indexTijd.ms))}; evaluate ${r(stats(volledig.ms))}; full ${r(samen)}; incremental ${r(incr)}; largest party ${r(incrGroot)}; ${bevindingen.length} findings`,
    )
    return
  }

  // The database: the same rows in PGlite, read back with Kysely.
  const dir = path.resolve(`.tmp/bench-trust-${process.pid}`)
  await fs.rm(dir, { recursive: true, force: true })
  const { handle } = await openMigrated({ dataDir: dir, databaseUrl: undefined })
  const db = handle.db as unknown as Db
  const heeftTabellen = (await sql<{ r: string | null }>`SELECT to_regclass('public.toegang')::text AS r`.execute(db)).rows[0]?.r != null
  if (!heeftTabellen) await GELIJKWAARDIGE_TABELLEN.execute(db)
  const s0 = performance.now()
  await schrijf(db, situatie)
  await sql`ANALYZE`.execute(db)
  const schrijfMs = performance.now() - s0
  const laadMs: number[] = []
  let geladen: Vertrouwenssituatie | undefined
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    const s = performance.now()
    geladen = await laad(db, situatie.beleid)
    laadMs.push(performance.now() - s)
  }
  await handle.close()
  await fs.rm(dir, { recursive: true, force: true })
  const uitDb = evalueerIndex(maakIndex(geladen as Vertrouwenssituatie))
  if (uitDb.length !== bevindingen.length) throw new Error(`loaded rows give ${uitDb.length} findings, in memory ${bevindingen.length}`)
  const laden = stats(laadMs)

  const idx = stats(indexTijd.ms)
  const vol = stats(volledig.ms)
  const perErnst = (e: string) => bevindingen.filter((b) => b.ernst === e).length
  const perSoort = [...new Set(bevindingen.map((b) => b.regelSoort))]
    .sort()
    .map((s) => `${s} ${bevindingen.filter((b) => b.regelSoort === s).length.toLocaleString('en')}`)
    .join(', ')
  const doel = (ok: boolean) => (ok ? 'yes' : '**no**')
  const md = `## Trust evaluation, national register (bench/trust.ts)

${new Date().toISOString().slice(0, 10)} · ${machineDescription()} · \`npx tsx bench/trust.ts\` (BENCH_RUNS=${RUNS})

Register (generated, seeded): ${situatie.organisaties.length.toLocaleString('en')} organisaties (342 gemeenten from reference/gemeenten.csv, ${SIZES.partijen.toLocaleString('en')} parties), ${SIZES.applicaties.toLocaleString('en')} applicaties, ${SIZES.koppelingen.toLocaleString('en')} koppelingen, ${SIZES.gastheerschappen} gastheerschappen, ${SIZES.samenwerkingen} samenwerkingen, ${SIZES.toegangen.toLocaleString('en')} toegangen, ${SIZES.bewijsstukken.toLocaleString('en')} bewijsstukken, ${SIZES.contracten.toLocaleString('en')} contracten; the default BIO policy, ${SIZES.eigenBeleid} own policies and 2 adopted by a samenwerking; peildatum ${PEILDATUM}. Largest party: ${grootste[1].toLocaleString('en')} grants. Result: ${bevindingen.length.toLocaleString('en')} bevindingen (hoog ${perErnst('hoog').toLocaleString('en')}, middel ${perErnst('middel').toLocaleString('en')}, laag ${perErnst('laag').toLocaleString('en')}; ${perSoort}).

Database: PGlite, ${heeftTabellen ? 'the trust tables of migration 0014 (bewijsstuk, contract, contract_applicatie, contract_koppeling, toegang) and the registry tables' : 'migration 0014 (trust tables) was not present: plain tables with the same columns beside the registry tables'}; the rows written in ${f(schrijfMs / 1000)} s, then read back with Kysely (12 queries in parallel) into the same Vertrouwenssituatie, whose evaluation gives the same number of findings.

| what | median ms | p95 ms | ratio | goal |
| --- | ---: | ---: | ---: | --- |
| baseline: one plain loop over every grant and evidence row | ${f(basis.median, 2)} | ${f(basis.p95, 2)} | 1 | |
| baseline: load the same rows from the database (Kysely, PGlite) | ${f(laden.median)} | ${f(laden.p95)} | ${f(laden.median / basis.median, 0)}× loop | |
| build the index (maakIndex) | ${f(idx.median)} | ${f(idx.p95)} | ${f(idx.median / laden.median, 2)}× load | |
| evaluate every party (evalueerIndex) | ${f(vol.median)} | ${f(vol.p95)} | ${f(vol.median / laden.median, 2)}× load | |
| **full evaluation** (index + every party) | ${f(samen.median)} | ${f(samen.p95)} | ${f(samen.median / laden.median, 2)}× load, ${f(samen.median / basis.median, 0)}× loop | ≤ 1 000 ms: ${doel(samen.p95 <= 1000)} |
| **incremental**: one grant changed, its party re-evaluated (${INCREMENTEEL} random grants) | ${f(incr.median, 3)} | ${f(incr.p95, 3)} | ${f(samen.median / incr.median, 0)}× faster than full | ≤ 10 ms: ${doel(incr.p95 <= 10)} |
| incremental, a grant of the largest party (${grootste[1].toLocaleString('en')} grants; max ${f(incrGroot.max, 2)} ms) | ${f(incrGroot.median, 2)} | ${f(incrGroot.p95, 2)} | ${f(samen.median / incrGroot.median, 0)}× faster than full | ≤ 10 ms: ${doel(incrGroot.p95 <= 10)} |

Heap after building the index and evaluating: ${Math.round(heap.heapUsed / 2 ** 20)} MiB used (RSS ${Math.round(heap.rss / 2 ** 20)} MiB), the generated register included. The incremental path was checked against the full one for the largest party in the same run.`
  console.log(md)
  await writeResultsSection('trust', md)
}

await main()
