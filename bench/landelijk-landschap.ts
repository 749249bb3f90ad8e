import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'csv-parse/sync'
import pg from 'pg'
import { KOPPELING_RICHTINGEN, KOPPELING_TYPES } from '../src/domain/vocabulary.js'
import { willekeurig } from './willekeur.js'

// A synthetic national landscape, written straight into the registry tables with bulk
// INSERT … SELECT FROM unnest(…) (no services, no audit log): the 342 municipalities of
// reference/gemeenten.csv, suppliers and a few national parties, ~60 samenwerkingen of
// neighbouring municipalities (buren_cbs_codes), gastheerschappen in each (a host and the
// other leden as afnemers), ~100 000 applicaties (most used by one municipality, those of
// a gastheerschap hosted 'bij gastheer' and used by host and afnemers) and ~400 000
// koppelingen, a tenth of them through an intermediary (a Gegevensmakelaar per
// municipality and per samenwerking, or a national hub towards a landelijke voorziening),
// with a few loops through intermediaries. Seeded, so every run writes the same landscape
// (ids included). Used by bench/impact.ts; run on its own with a database URL:
//   npx tsx bench/landelijk-landschap.ts postgres://…

export interface Omvang {
  gemeenten: number
  organisaties: number
  samenwerkingen: number
  leden: number
  gastheerschappen: number
  afnemers: number
  applicaties: number
  gebruikers: number
  koppelingen: number
  viaTussenschakel: number
  metVoorziening: number
  vanGastheerschap: number
  kringlopen: number
  seconden: number
}

export interface Opties {
  seed?: number
  applicaties?: number
  koppelingen?: number
}

/** What the generator needs of a connection: pg.Client and pg.Pool both fit. */
export interface Uitvoerder {
  query(text: string, values?: unknown[]): Promise<unknown>
}

const GEMEENTEN_CSV = fileURLToPath(new URL('../reference/gemeenten.csv', import.meta.url))

const TAKEN = [
  'Belastingen',
  'ICT-beheer',
  'Sociaal domein',
  'Burgerzaken',
  'Archief (e-Depot)',
  'Inkoop',
  'Salarisadministratie',
  'Vergunningverlening (VTH)',
  'Geo-informatie',
  'Klantcontact',
]
const APP_SOORTEN = [
  'Zaaksysteem',
  'Burgerzaken',
  'Belastingen',
  'Financiën',
  'HRM',
  'Documentbeheer',
  'GIS',
  'Sociaal domein',
  'Omgevingsvergunning',
  'Klantcontact',
  'Archief',
  'Parkeren',
  'Subsidies',
  'Inkoop',
  'Vastgoed',
  'Wmo',
  'Jeugd',
  'Participatie',
  'Afvalbeheer',
  'Kwaliteitsmonitor',
]
const BRONNEN = ['BRP', 'BAG', 'BRK', 'HR (Handelsregister)', 'WOZ (LV WOZ)', 'BGT'] as const
const DOELEN = ['MijnOverheid Berichtenbox', 'Digilevering', 'Logius Digipoort', 'Suwinet', 'Digimelding', 'BAG'] as const
const STANDAARDEN: [string | null, string | null][] = [
  ['StUF-BG', '3.10'],
  ['ZGW API', '1.5'],
  ['Haal Centraal BRP', '2.0'],
  ['Digikoppeling ebMS', '3.3'],
  ['Digikoppeling REST', '1.0'],
  [null, null],
]
const NIVEAUS = ['laag', 'midden', 'midden', 'hoog'] as const

/** Column-wise rows of one table, as unnest(…) wants them. */
class Tabel {
  readonly data: Record<string, unknown[]> = {}
  constructor(
    readonly naam: string,
    readonly kolommen: readonly (readonly [string, string])[],
  ) {
    for (const [k] of kolommen) this.data[k] = []
  }
  rij(r: Record<string, unknown>): void {
    for (const [k] of this.kolommen) (this.data[k] as unknown[]).push(r[k] ?? null)
  }
  get aantal(): number {
    return (this.data[this.kolommen[0]?.[0] ?? ''] ?? []).length
  }
  async schrijf(c: Uitvoerder, batch = 25_000): Promise<void> {
    const namen = this.kolommen.map(([k]) => k).join(', ')
    const sel = this.kolommen.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')
    for (let i = 0; i < this.aantal; i += batch)
      await c.query(
        `INSERT INTO ${this.naam} (${namen}) SELECT * FROM unnest(${sel})`,
        this.kolommen.map(([k]) => (this.data[k] as unknown[]).slice(i, i + batch)),
      )
  }
}

interface Gem {
  id: string
  cbs: string
  naam: string
  inwoners: number
  buren: string[]
  gm: string
  apps: string[]
  /** Shared applicaties of gastheerschappen it takes part in. */
  gedeeld: { app: string; gh: Gh }[]
  sw: Sw[]
}
interface Sw {
  id: string
  naam: string
  leden: Gem[]
  gm: string
  gh: Gh[]
}
interface Gh {
  id: string
  gastheer: Gem
  afnemers: Gem[]
  sw: Sw | null
  apps: string[]
}

export async function genereerLandelijkLandschap(c: Uitvoerder, opties: Opties = {}): Promise<Omvang> {
  const begin = performance.now()
  const rnd = willekeurig(opties.seed ?? 20261213)
  const DOEL_APPS = opties.applicaties ?? 100_000
  const DOEL_KOPPELINGEN = opties.koppelingen ?? 400_000
  const geheel = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))
  const kies = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const kiesScheef = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() ** 2 * xs.length)] as T
  const kans = (p: number) => rnd() < p
  const hex = (n: number) => {
    let s = ''
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 16).toString(16)
    return s
  }
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${kies(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
  const schud = <T>(xs: T[]): T[] => {
    const ys = [...xs]
    for (let i = ys.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[ys[i], ys[j]] = [ys[j] as T, ys[i] as T]
    }
    return ys
  }
  const dag = (van: string, tot: string) => {
    const a = Date.parse(van)
    const b = Date.parse(tot)
    return new Date(a + Math.floor(rnd() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10)
  }
  const BEVESTIGD = '2025-01-01T00:00:00Z'

  const organisatie = new Tabel('organisatie', [
    ['id', 'uuid'],
    ['type', 'text'],
    ['naam', 'text'],
    ['cbs_code', 'text'],
  ])
  const samenwerking = new Tabel('samenwerking', [
    ['id', 'uuid'],
    ['naam', 'text'],
    ['vorm', 'text'],
    ['startdatum', 'date'],
  ])
  const lid = new Tabel('samenwerking_lid', [
    ['samenwerking_id', 'uuid'],
    ['organisatie_id', 'uuid'],
    ['positie', 'int4'],
    ['startdatum', 'date'],
    ['bevestigd_op', 'timestamptz'],
    ['bevestigd_door', 'text'],
  ])
  const gastheerschap = new Tabel('gastheerschap', [
    ['id', 'uuid'],
    ['taak', 'text'],
    ['gastheer_id', 'uuid'],
    ['samenwerking_id', 'uuid'],
    ['startdatum', 'date'],
    ['einddatum', 'date'],
  ])
  const afnemer = new Tabel('gastheerschap_afnemer', [
    ['gastheerschap_id', 'uuid'],
    ['organisatie_id', 'uuid'],
    ['positie', 'int4'],
    ['bevestigd_op', 'timestamptz'],
    ['bevestigd_door', 'text'],
  ])
  const applicatie = new Tabel('applicatie', [
    ['id', 'uuid'],
    ['naam', 'text'],
    ['leverancier_id', 'uuid'],
    ['hosting', 'text'],
    ['status', 'text'],
  ])
  const gebruiker = new Tabel('applicatie_gebruiker', [
    ['applicatie_id', 'uuid'],
    ['organisatie_id', 'uuid'],
    ['positie', 'int4'],
  ])
  const koppeling = new Tabel('koppeling', [
    ['id', 'uuid'],
    ['naam', 'text'],
    ['bron_applicatie_id', 'uuid'],
    ['bron_voorziening', 'text'],
    ['doel_applicatie_id', 'uuid'],
    ['doel_voorziening', 'text'],
    ['via_applicatie_id', 'uuid'],
    ['type', 'text'],
    ['richting', 'text'],
    ['status', 'text'],
    ['standaard', 'text'],
    ['standaard_versie', 'text'],
    ['persoonsgegevens', 'bool'],
    ['beschikbaarheid', 'text'],
    ['integriteit', 'text'],
    ['vertrouwelijkheid', 'text'],
    ['eigenaar_id', 'uuid'],
    ['gastheerschap_id', 'uuid'],
    ['samenwerking_id', 'uuid'],
  ])

  // ---- organisaties
  const rijen = parse(readFileSync(GEMEENTEN_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  const gemeenten: Gem[] = rijen.map((r) => ({
    id: uuid(),
    cbs: r.cbs_code as string,
    naam: r.naam as string,
    inwoners: Number(r.inwoners),
    buren: (r.buren_cbs_codes ?? '').split(';').filter(Boolean),
    gm: '',
    apps: [],
    gedeeld: [],
    sw: [],
  }))
  const opCode = new Map(gemeenten.map((g) => [g.cbs, g]))
  for (const g of gemeenten) organisatie.rij({ id: g.id, type: 'gemeente', naam: g.naam, cbs_code: g.cbs })
  const leveranciers = Array.from({ length: 40 }, (_, i) => ({ id: uuid(), naam: `Leverancier ${i + 1}` }))
  for (const l of leveranciers) organisatie.rij({ id: l.id, type: 'leverancier', naam: l.naam })
  const landelijk = [
    { id: uuid(), naam: 'Inlichtingenbureau', hub: 'IB Gegevensknooppunt', voor: ['Suwinet'] },
    { id: uuid(), naam: 'RvIG', hub: 'BRP-verstrekkingenknooppunt', voor: ['BRP'] },
    {
      id: uuid(),
      naam: 'Logius',
      hub: 'Digikoppeling-adapter Logius',
      voor: ['MijnOverheid Berichtenbox', 'Logius Digipoort', 'Digilevering'],
    },
  ]
  for (const o of landelijk) organisatie.rij({ id: o.id, type: 'overig', naam: o.naam })

  // ---- applicaties: a gegevensmakelaar per municipality, a national hub per party
  const appNamen = new Map<string, string>()
  const app = (naam: string, hosting: string, gebruikers: string[], leverancierId: string | null) => {
    const id = uuid()
    appNamen.set(id, naam)
    applicatie.rij({ id, naam, leverancier_id: leverancierId, hosting, status: kans(0.95) ? 'in productie' : 'uit te faseren' })
    gebruikers.forEach((o, positie) => {
      gebruiker.rij({ applicatie_id: id, organisatie_id: o, positie })
    })
    return id
  }
  for (const g of gemeenten) g.gm = app(`Gegevensmakelaar ${g.naam}`, 'on-premise', [g.id], (leveranciers[0] as { id: string }).id)
  const hubVoor = new Map<string, string>()
  for (const o of landelijk) {
    const hub = app(o.hub, 'on-premise', [o.id], null)
    for (const v of o.voor) hubVoor.set(v, hub)
  }

  // ---- samenwerkingen: disjoint clusters of neighbours, then regional ones that overlap them
  const samenwerkingen: Sw[] = []
  const vrij = new Set(gemeenten.map((g) => g.cbs))
  const groei = (start: Gem, grootte: number, magErbij: (g: Gem) => boolean) => {
    const leden = [start]
    const rij = [start]
    while (rij.length > 0 && leden.length < grootte) {
      const c = rij.shift() as Gem
      for (const code of schud(c.buren)) {
        const nb = opCode.get(code)
        if (!nb || leden.includes(nb) || !magErbij(nb) || leden.length >= grootte) continue
        leden.push(nb)
        rij.push(nb)
      }
    }
    return leden
  }
  for (const start of schud(gemeenten)) {
    if (samenwerkingen.length >= 50) break
    if (!vrij.has(start.cbs)) continue
    const leden = groei(start, geheel(2, 9), (g) => vrij.has(g.cbs))
    if (leden.length < 2) continue
    for (const g of leden) vrij.delete(g.cbs)
    samenwerkingen.push({ id: uuid(), naam: `Samenwerking ${leden[0]?.naam} e.o.`, leden, gm: '', gh: [] })
  }
  while (samenwerkingen.length < 60) {
    const leden = groei(kies(gemeenten), geheel(6, 14), () => true)
    if (leden.length < 4) continue
    samenwerkingen.push({ id: uuid(), naam: `Regio ${leden[0]?.naam}`, leden, gm: '', gh: [] })
  }

  const gastheerschappen: Gh[] = []
  for (const s of samenwerkingen) {
    const start = dag('2008-01-01', '2020-12-31')
    samenwerking.rij({ id: s.id, naam: s.naam, vorm: 'gemeenschappelijke regeling', startdatum: start })
    s.leden.forEach((g, positie) => {
      g.sw.push(s)
      const later = kans(0.2) ? dag(start, '2024-06-30') : start
      lid.rij({ samenwerking_id: s.id, organisatie_id: g.id, positie, startdatum: later, bevestigd_op: BEVESTIGD, bevestigd_door: 'bench' })
    })
    const grootste = [...s.leden].sort((a, b) => b.inwoners - a.inwoners)[0] as Gem
    const taken = schud(TAKEN).slice(0, Math.min(6, Math.max(2, Math.round(s.leden.length / 2) + geheel(0, 2))))
    for (const taak of taken) {
      const gastheer = kans(0.7) ? grootste : kies(s.leden)
      let afnemers = s.leden.filter((g) => g !== gastheer && kans(0.85))
      if (afnemers.length === 0) afnemers = s.leden.filter((g) => g !== gastheer).slice(0, 1)
      const gh: Gh = { id: uuid(), gastheer, afnemers, sw: s, apps: [] }
      // One in fifteen ended: no longer in force, so leaving does not reach it.
      gastheerschap.rij({
        id: gh.id,
        taak: `${taak} ${s.naam}`,
        gastheer_id: gastheer.id,
        samenwerking_id: s.id,
        startdatum: dag(start, '2023-12-31'),
        einddatum: kans(1 / 15) ? '2025-12-31' : null,
      })
      s.gh.push(gh)
      gastheerschappen.push(gh)
    }
    const gastheer = (s.gh[0] as Gh).gastheer
    s.gm = app(
      `Gegevensmakelaar ${s.naam}`,
      'bij gastheer',
      [gastheer.id, ...s.leden.filter((g) => g !== gastheer).map((g) => g.id)],
      kiesScheef(leveranciers).id,
    )
  }
  // A few gastheerschappen between neighbours outside any samenwerking.
  for (let i = 0; i < 10; i++) {
    const gastheer = kies(gemeenten)
    const afnemers = [...new Set(gastheer.buren.slice(0, geheel(1, 3)).map((c) => opCode.get(c)))].filter((g): g is Gem => !!g)
    if (afnemers.length === 0) continue
    const gh: Gh = { id: uuid(), gastheer, afnemers, sw: null, apps: [] }
    gastheerschap.rij({
      id: gh.id,
      taak: `${kies(TAKEN)} ${gastheer.naam}`,
      gastheer_id: gastheer.id,
      samenwerking_id: null,
      startdatum: dag('2015-01-01', '2023-12-31'),
      einddatum: null,
    })
    gastheerschappen.push(gh)
  }
  for (const gh of gastheerschappen) {
    gh.afnemers.forEach((g, positie) => {
      afnemer.rij({ gastheerschap_id: gh.id, organisatie_id: g.id, positie, bevestigd_op: BEVESTIGD, bevestigd_door: 'bench' })
    })
    const taak = gh.sw ? 'gedeeld' : 'gastheer'
    for (let i = geheel(6, 20); i > 0; i--) {
      const id = app(
        `${kies(APP_SOORTEN)} ${taak} ${gh.gastheer.naam} ${i}`,
        'bij gastheer',
        [gh.gastheer.id, ...gh.afnemers.map((g) => g.id)],
        kiesScheef(leveranciers).id,
      )
      gh.apps.push(id)
      for (const g of [gh.gastheer, ...gh.afnemers]) g.gedeeld.push({ app: id, gh })
    }
  }

  // Each municipality's own applicaties: the rest, ~200–360 each; some shared with a neighbour.
  const eigen = Math.max(0, DOEL_APPS - applicatie.aantal)
  const gewichten = gemeenten.map(() => 200 + rnd() * 160)
  const som = gewichten.reduce((a, b) => a + b, 0)
  gemeenten.forEach((g, i) => {
    const n = Math.round(((gewichten[i] as number) / som) * eigen)
    for (let j = 1; j <= n; j++) {
      const buur = kans(0.03) ? opCode.get(kies(g.buren)) : undefined
      const hosting = kans(0.5) ? 'SaaS' : 'on-premise'
      g.apps.push(app(`${kies(APP_SOORTEN)} ${j} ${g.naam}`, hosting, buur ? [g.id, buur.id] : [g.id], kiesScheef(leveranciers).id))
    }
  })

  // ---- koppelingen
  let viaTussenschakel = 0
  let metVoorziening = 0
  let vanGastheerschap = 0
  let kringlopen = 0
  const k = (r: {
    bron?: string
    bronV?: string
    doel?: string
    doelV?: string
    via?: string
    eigenaar: string
    gh?: string
    sw?: string
  }) => {
    if (r.via && (r.via === r.bron || r.via === r.doel)) r.via = undefined
    if (r.bron && r.bron === r.doel) return
    const [standaard, versie] = kies(STANDAARDEN)
    const bronNaam = r.bron ? appNamen.get(r.bron) : r.bronV
    const doelNaam = r.doel ? appNamen.get(r.doel) : r.doelV
    if (r.via) viaTussenschakel++
    if (r.bronV || r.doelV) metVoorziening++
    if (r.gh) vanGastheerschap++
    const status = rnd()
    koppeling.rij({
      id: uuid(),
      naam: `${bronNaam} naar ${doelNaam}`,
      bron_applicatie_id: r.bron ?? null,
      bron_voorziening: r.bron ? null : r.bronV,
      doel_applicatie_id: r.doel ?? null,
      doel_voorziening: r.doel ? null : r.doelV,
      via_applicatie_id: r.via ?? null,
      type: kies(KOPPELING_TYPES),
      richting: kies(KOPPELING_RICHTINGEN),
      status: status < 0.02 ? 'teruggetrokken' : status < 0.05 ? 'einde ondersteuning' : 'in gebruik',
      standaard,
      standaard_versie: versie,
      persoonsgegevens: kans(0.45),
      beschikbaarheid: kies(NIVEAUS),
      integriteit: kies(NIVEAUS),
      vertrouwelijkheid: kies(NIVEAUS),
      eigenaar_id: r.eigenaar,
      gastheerschap_id: r.gh ?? null,
      samenwerking_id: r.sw ?? null,
    })
  }

  // The koppelingen of gastheerschappen: between its shared applicaties, the leden's own,
  // and landelijke voorzieningen; a fifth through the samenwerking's gegevensmakelaar.
  for (const gh of gastheerschappen) {
    const via = gh.sw ? gh.sw.gm : gh.gastheer.gm
    for (let i = geheel(20, 70); i > 0; i--) {
      const gedeeld = kies(gh.apps)
      const r = rnd()
      const basis = { eigenaar: gh.gastheer.id, gh: gh.id, sw: gh.sw?.id, via: kans(0.2) ? via : undefined }
      if (r < 0.35) k({ ...basis, bron: gedeeld, doel: kies(gh.apps) })
      else if (r < 0.7) {
        const wie = kans(0.7) ? kies(gh.afnemers) : gh.gastheer
        if (wie.apps.length === 0) continue
        if (kans(0.5)) k({ ...basis, bron: kies(wie.apps), doel: gedeeld })
        else k({ ...basis, bron: gedeeld, doel: kies(wie.apps) })
      } else if (r < 0.85) {
        if (kans(0.5)) k({ ...basis, bronV: kies(BRONNEN), doel: gedeeld })
        else k({ ...basis, bron: gedeeld, doelV: kies(DOELEN) })
      } else if (gh.gastheer.apps.length > 0) k({ ...basis, bron: gedeeld, doel: kies(gh.gastheer.apps) })
    }
  }
  // The samenwerking's own koppelingen between its leden, many through its gegevensmakelaar.
  for (const s of samenwerkingen) {
    for (let i = 15 * s.leden.length; i > 0; i--) {
      const a = kies(s.leden)
      const b = kies(s.leden)
      if (a.apps.length === 0 || b.apps.length === 0) continue
      if (kans(0.15)) k({ eigenaar: a.id, sw: s.id, bron: kies(a.apps), doel: s.gm })
      else k({ eigenaar: a.id, sw: s.id, bron: kies(a.apps), doel: kies(b.apps), via: kans(0.4) ? s.gm : undefined })
    }
    // Loops through intermediaries: a lid's gegevensmakelaar feeds the samenwerking's, and back through the host's.
    const gastheer = (s.gh[0] as Gh).gastheer
    for (const g of s.leden) {
      if (g === gastheer || !kans(0.25)) continue
      k({ eigenaar: g.id, sw: s.id, bron: g.gm, doel: s.gm })
      k({ eigenaar: g.id, sw: s.id, bron: s.gm, doel: g.gm, via: gastheer.gm })
      kringlopen++
    }
  }
  // Each municipality's own koppelingen: the rest, in proportion to its applicaties.
  const rest = Math.max(0, DOEL_KOPPELINGEN - koppeling.aantal)
  const alleEigen = gemeenten.reduce((n, g) => n + g.apps.length, 0)
  for (const g of gemeenten) {
    if (g.apps.length < 2) continue
    const n = Math.round((g.apps.length / alleEigen) * rest)
    for (let i = 0; i < n; i++) {
      const r = rnd()
      const eigenVia = () => (kans(0.085) ? g.gm : g.sw.length > 0 && kans(0.015) ? kies(g.sw).gm : undefined)
      if (r < 0.06) {
        if (kans(0.5)) {
          const bronV = kies(BRONNEN)
          const hub = hubVoor.get(bronV)
          k({ eigenaar: g.id, bronV, doel: kies(g.apps), via: hub && kans(0.25) ? hub : kans(0.1) ? g.gm : undefined })
        } else {
          const doelV = kies(DOELEN)
          const hub = hubVoor.get(doelV)
          k({ eigenaar: g.id, bron: kies(g.apps), doelV, via: hub && kans(0.25) ? hub : kans(0.1) ? g.gm : undefined })
        }
      } else if (r < 0.075 && g.gedeeld.length > 0) {
        // Its own applicatie and one it shares in a gastheerschap, sometimes marked as the samenwerking's.
        const { app: gedeeld, gh } = kies(g.gedeeld)
        const sw = gh.sw && kans(0.4) ? gh.sw.id : undefined
        if (kans(0.5)) k({ eigenaar: g.id, sw, bron: kies(g.apps), doel: gedeeld, via: kans(0.2) ? g.gm : undefined })
        else k({ eigenaar: g.id, sw, bron: gedeeld, doel: kies(g.apps), via: kans(0.2) ? g.gm : undefined })
      } else k({ eigenaar: g.id, bron: kies(g.apps), doel: kies(g.apps), via: eigenVia() })
    }
  }

  for (const t of [organisatie, samenwerking, lid, gastheerschap, afnemer, applicatie, gebruiker, koppeling]) await t.schrijf(c)
  await c.query('VACUUM ANALYZE')
  return {
    gemeenten: gemeenten.length,
    organisaties: organisatie.aantal,
    samenwerkingen: samenwerking.aantal,
    leden: lid.aantal,
    gastheerschappen: gastheerschap.aantal,
    afnemers: afnemer.aantal,
    applicaties: applicatie.aantal,
    gebruikers: gebruiker.aantal,
    koppelingen: koppeling.aantal,
    viaTussenschakel,
    metVoorziening,
    vanGastheerschap,
    kringlopen,
    seconden: (performance.now() - begin) / 1000,
  }
}

// Run on its own: generate into the database at the URL and print the sizes as JSON
// (bench/impact.ts runs it so, in a child process, so the generator's memory is not
// counted in the graph's).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2]
  if (!url) {
    console.error('Gebruik / usage: npx tsx bench/landelijk-landschap.ts <database-url>')
    process.exit(2)
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    console.log(JSON.stringify(await genereerLandelijkLandschap(client)))
  } finally {
    await client.end()
  }
}
