import { sql } from 'kysely'
import type { Database } from '../src/db/database.js'
import { UUR_MS } from '../src/domain/monitoring/tijd.js'
import { willekeurig } from './willekeur.js'

// The generated monitoring landscape for bench/monitoring.ts: samenwerkingen with
// gastheerschappen (each with an availability level), koppelingen, controles with their
// state (most working, some failing, some with an open storing), closed storingen of the
// past month, a month of hourly roll-ups for every controle and a month of raw metingen
// for a subset. The registry rows come from a seeded generator; the roll-ups and raw
// metingen are made by the database itself (generate_series), their pass/fail pattern
// from hashint4 of the controle's number and the hour, so every run has the same data.

export const GROOTTE = {
  gemeenten: 40,
  leveranciers: 10,
  applicaties: 1_500,
  /** Koppelingen per samenwerking; the first one has 250 × 4 = 1 000 controles. */
  koppelingenPerSamenwerking: [250, 400, 350, 300, 300, 300, 300, 300],
  controlesPerKoppeling: 4,
  /** Hours of roll-ups per controle, ending with the current (partial) hour. */
  uren: 720,
  /** Controles (those with a 300 s interval, from the first on) that also get 30 days of raw metingen. */
  metRuweMetingen: 100,
  ruweDagen: 30,
  geslotenStoringen: 3_000,
} as const

export const STATUS_SLUG = 'bench-status'
const SOORTEN = ['http', 'http', 'http', 'http', 'http', 'http', 'tls', 'tls', 'tcp', 'tcp', 'tcp', 'dns'] as const
const INTERVALLEN = [60, 60, 60, 60, 60, 120, 120, 300, 300, 300] as const
const WOORDEN = ['Belastingen', 'Burgerzaken', 'Zaaksysteem', 'Financiën', 'Personeel', 'WOZ', 'BAG', 'Sociaal Domein', 'Documentbeheer']
const STANDAARDEN = ['StUF-BG', 'ZGW API', 'Haal Centraal', 'Digikoppeling', 'SFTP']

export interface MonitoringLandschap {
  aantallen: Record<string, number>
  /** The samenwerking with ~1 000 controles (its status page is public under STATUS_SLUG). */
  groteSamenwerkingId: string
  /** A gemeente that is lid of the large samenwerking and hosts its gastheerschappen: a reader with the visibility filter. */
  gastheerId: string
  /** A controle with raw metingen, for the verloop target. */
  controleMetMetingen: string
  /** Names, for a search term that matches a page's worth. */
  zoekterm: string
  nu: number
  seconden: { registry: number; rollups: number; metingen: number; analyze: number }
}

type Random = () => number
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

/** A v4-shaped uuid from the seeded generator, so ids are the same every run. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(random() * 4)] as string
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** Rows as column arrays, inserted with one `INSERT … SELECT FROM unnest(…)` per chunk. */
async function insertKolommen(
  db: Database,
  tabel: string,
  kolommen: Record<string, { type: string; waarden: unknown[] }>,
  chunk = 5_000,
): Promise<void> {
  const namen = Object.keys(kolommen)
  const n = kolommen[namen[0] as string]?.waarden.length ?? 0
  for (let i = 0; i < n; i += chunk) {
    const delen = namen.map((k) => {
      const { type, waarden } = kolommen[k] as { type: string; waarden: unknown[] }
      return sql`${sql.val(waarden.slice(i, i + chunk))}::${sql.raw(type)}[]`
    })
    await sql`INSERT INTO ${sql.table(tabel)} (${sql.join(namen.map((k) => sql.ref(k)))})
      SELECT * FROM unnest(${sql.join(delen)})`.execute(db)
  }
}

export async function maakMonitoringLandschap(db: Database, nu: number): Promise<MonitoringLandschap> {
  const random = willekeurig(20_261_207)
  const t0 = performance.now()
  const gemeenten = Array.from({ length: GROOTTE.gemeenten }, (_, i) => ({ id: uuid(random), naam: `Gemeente Bench ${i + 1}` }))
  const leveranciers = Array.from({ length: GROOTTE.leveranciers }, (_, i) => ({ id: uuid(random), naam: `Leverancier Bench ${i + 1}` }))
  await insertKolommen(db, 'organisatie', {
    id: { type: 'uuid', waarden: [...gemeenten, ...leveranciers].map((o) => o.id) },
    type: { type: 'text', waarden: [...gemeenten.map(() => 'gemeente'), ...leveranciers.map(() => 'leverancier')] },
    naam: { type: 'text', waarden: [...gemeenten, ...leveranciers].map((o) => o.naam) },
  })

  // Samenwerkingen of 5 gemeenten each (the 40 gemeenten over 8 samenwerkingen); the first lid hosts.
  const samenwerkingen = GROOTTE.koppelingenPerSamenwerking.map((_, i) => ({
    id: uuid(random),
    naam: `Samenwerking Bench ${i + 1}`,
    leden: gemeenten.slice(i * 5, i * 5 + 5).map((g) => g.id),
  }))
  await insertKolommen(db, 'samenwerking', {
    id: { type: 'uuid', waarden: samenwerkingen.map((s) => s.id) },
    naam: { type: 'text', waarden: samenwerkingen.map((s) => s.naam) },
    vorm: { type: 'text', waarden: samenwerkingen.map(() => 'DVO (gastheerschap)') },
  })
  const leden = samenwerkingen.flatMap((s) => s.leden.map((o, positie) => ({ s: s.id, o, positie })))
  await insertKolommen(db, 'samenwerking_lid', {
    samenwerking_id: { type: 'uuid', waarden: leden.map((l) => l.s) },
    organisatie_id: { type: 'uuid', waarden: leden.map((l) => l.o) },
    positie: { type: 'int', waarden: leden.map((l) => l.positie) },
    bevestigd_op: { type: 'timestamptz', waarden: leden.map(() => new Date(nu - 400 * 86_400_000)) },
  })
  // Three gastheerschappen per samenwerking, hosted by its first lid for the other four, each with a level.
  const niveaus = [
    { doel: 99.5, serviceniveau: 'Goud' },
    { doel: 99, serviceniveau: 'Zilver' },
    { doel: 98, serviceniveau: 'Brons' },
  ]
  const gastheerschappen = samenwerkingen.flatMap((s) =>
    niveaus.map((n, i) => ({ id: uuid(random), s, taak: `${WOORDEN[i]} voor ${s.naam}`, ...n })),
  )
  await insertKolommen(db, 'gastheerschap', {
    id: { type: 'uuid', waarden: gastheerschappen.map((g) => g.id) },
    taak: { type: 'text', waarden: gastheerschappen.map((g) => g.taak) },
    gastheer_id: { type: 'uuid', waarden: gastheerschappen.map((g) => g.s.leden[0]) },
    samenwerking_id: { type: 'uuid', waarden: gastheerschappen.map((g) => g.s.id) },
    startdatum: { type: 'date', waarden: gastheerschappen.map(() => '2024-01-01') },
    beschikbaarheidsdoel: { type: 'float8', waarden: gastheerschappen.map((g) => g.doel) },
    serviceniveau: { type: 'text', waarden: gastheerschappen.map((g) => g.serviceniveau) },
  })
  const afnemers = gastheerschappen.flatMap((g) => g.s.leden.slice(1).map((o, positie) => ({ g: g.id, o, positie })))
  await insertKolommen(db, 'gastheerschap_afnemer', {
    gastheerschap_id: { type: 'uuid', waarden: afnemers.map((a) => a.g) },
    organisatie_id: { type: 'uuid', waarden: afnemers.map((a) => a.o) },
    positie: { type: 'int', waarden: afnemers.map((a) => a.positie) },
    bevestigd_op: { type: 'timestamptz', waarden: afnemers.map(() => new Date(nu - 400 * 86_400_000)) },
  })

  const applicaties = Array.from({ length: GROOTTE.applicaties }, (_, i) => ({
    id: uuid(random),
    naam: `${pick(random, WOORDEN)} ${i + 1}`,
    leverancier: pick(random, leveranciers).id,
    // Each applicatie is used within one samenwerking, by one or two of its leden.
    samenwerking: samenwerkingen[i % samenwerkingen.length] as (typeof samenwerkingen)[number],
  }))
  await insertKolommen(db, 'applicatie', {
    id: { type: 'uuid', waarden: applicaties.map((a) => a.id) },
    naam: { type: 'text', waarden: applicaties.map((a) => a.naam) },
    leverancier_id: { type: 'uuid', waarden: applicaties.map((a) => a.leverancier) },
    hosting: { type: 'text', waarden: applicaties.map(() => 'SaaS') },
    status: { type: 'text', waarden: applicaties.map(() => 'in productie') },
  })
  const gebruik = applicaties.flatMap((a) => {
    const eerste = pick(random, a.samenwerking.leden)
    const tweede = pick(random, a.samenwerking.leden)
    return (eerste === tweede ? [eerste] : [eerste, tweede]).map((o, positie) => ({ a: a.id, o, positie }))
  })
  await insertKolommen(db, 'applicatie_gebruiker', {
    applicatie_id: { type: 'uuid', waarden: gebruik.map((g) => g.a) },
    organisatie_id: { type: 'uuid', waarden: gebruik.map((g) => g.o) },
    positie: { type: 'int', waarden: gebruik.map((g) => g.positie) },
  })

  const perSamenwerking = samenwerkingen.map((s) => applicaties.filter((a) => a.samenwerking === s))
  const koppelingen = GROOTTE.koppelingenPerSamenwerking.flatMap((aantal, si) => {
    const s = samenwerkingen[si] as (typeof samenwerkingen)[number]
    const apps = perSamenwerking[si] as typeof applicaties
    return Array.from({ length: aantal }, (_, i) => {
      const bron = pick(random, apps)
      let doel = pick(random, apps)
      while (doel === bron) doel = pick(random, apps)
      const g = gastheerschappen[si * 3 + (i % 3)] as (typeof gastheerschappen)[number]
      return {
        id: uuid(random),
        naam: `${bron.naam} naar ${doel.naam}`,
        bron: bron.id,
        doel: doel.id,
        eigenaar: pick(random, s.leden),
        // One in ten koppelingen serves no gastheerschap: no level, availability 'geen-doel'.
        gastheerschap: i % 10 === 9 ? null : g.id,
        samenwerking: s.id,
        standaard: pick(random, STANDAARDEN),
      }
    })
  })
  await insertKolommen(db, 'koppeling', {
    id: { type: 'uuid', waarden: koppelingen.map((k) => k.id) },
    naam: { type: 'text', waarden: koppelingen.map((k) => k.naam) },
    bron_applicatie_id: { type: 'uuid', waarden: koppelingen.map((k) => k.bron) },
    doel_applicatie_id: { type: 'uuid', waarden: koppelingen.map((k) => k.doel) },
    type: { type: 'text', waarden: koppelingen.map(() => 'api') },
    richting: { type: 'text', waarden: koppelingen.map(() => 'A→B') },
    status: { type: 'text', waarden: koppelingen.map(() => 'in gebruik') },
    standaard: { type: 'text', waarden: koppelingen.map((k) => k.standaard) },
    persoonsgegevens: { type: 'bool', waarden: koppelingen.map(() => true) },
    beschikbaarheid: { type: 'text', waarden: koppelingen.map(() => 'hoog') },
    integriteit: { type: 'text', waarden: koppelingen.map(() => 'midden') },
    vertrouwelijkheid: { type: 'text', waarden: koppelingen.map(() => 'hoog') },
    eigenaar_id: { type: 'uuid', waarden: koppelingen.map((k) => k.eigenaar) },
    gastheerschap_id: { type: 'uuid', waarden: koppelingen.map((k) => k.gastheerschap) },
    samenwerking_id: { type: 'uuid', waarden: koppelingen.map((k) => k.samenwerking) },
  })

  // Controles: 4 per koppeling, numbered 1…n (the number drives the SQL-generated roll-ups).
  // State: 2 % paused, 2 % with an open storing, 5 % failing (verstoord), 1 % silent for
  // hours (onbekend), the rest working.
  const controles = koppelingen.flatMap((k) =>
    Array.from({ length: GROOTTE.controlesPerKoppeling }, (_, j) => {
      const soort = pick(random, SOORTEN)
      const interval = pick(random, INTERVALLEN)
      const r = random()
      const toestand = r < 0.02 ? 'gepauzeerd' : r < 0.04 ? 'storing' : r < 0.09 ? 'verstoord' : r < 0.1 ? 'onbekend' : 'werkt'
      return {
        id: uuid(random),
        naam: `${soort.toUpperCase()} ${k.naam} #${j + 1}`,
        koppeling: k.id,
        soort,
        interval,
        toestand,
        laatsteGeleden: Math.floor(random() * interval * 1000),
        storingId: toestand === 'storing' ? uuid(random) : null,
      }
    }),
  )
  const nr = controles.map((_, i) => i + 1)
  const veld = (soort: string, http: unknown, tls: unknown, tcp: unknown, dns: unknown) =>
    soort === 'http' ? http : soort === 'tls' ? tls : soort === 'tcp' ? tcp : dns
  await insertKolommen(db, 'controle', {
    id: { type: 'uuid', waarden: controles.map((c) => c.id) },
    naam: { type: 'text', waarden: controles.map((c) => c.naam) },
    koppeling_id: { type: 'uuid', waarden: controles.map((c) => c.koppeling) },
    soort: { type: 'text', waarden: controles.map((c) => c.soort) },
    url: { type: 'text', waarden: controles.map((c, i) => veld(c.soort, `https://api-${i}.bench.invalid/gezondheid`, null, null, null)) },
    methode: { type: 'text', waarden: controles.map((c) => veld(c.soort, 'GET', null, null, null)) },
    verwachte_status: { type: 'text', waarden: controles.map((c) => veld(c.soort, '200', null, null, null)) },
    host: { type: 'text', waarden: controles.map((c, i) => veld(c.soort, null, `tls-${i}.bench.invalid`, `tcp-${i}.bench.invalid`, null)) },
    poort: { type: 'int', waarden: controles.map((c) => veld(c.soort, null, 443, 5432, null)) },
    dns_naam: { type: 'text', waarden: controles.map((c, i) => veld(c.soort, null, null, null, `dns-${i}.bench.invalid`)) },
    dns_type: { type: 'text', waarden: controles.map((c) => veld(c.soort, null, null, null, 'A')) },
    interval_seconden: { type: 'int', waarden: controles.map((c) => c.interval) },
    timeout_ms: { type: 'int', waarden: controles.map(() => 5_000) },
    actief: { type: 'bool', waarden: controles.map((c) => c.toestand !== 'gepauzeerd') },
  })
  const laatste = controles.map((c) =>
    c.toestand === 'gepauzeerd' ? nu - 3 * 86_400_000 : c.toestand === 'onbekend' ? nu - 6 * UUR_MS : nu - c.laatsteGeleden,
  )
  const faalt = controles.map((c) => c.toestand === 'storing' || c.toestand === 'verstoord')
  await insertKolommen(db, 'controle_toestand', {
    controle_id: { type: 'uuid', waarden: controles.map((c) => c.id) },
    volgende_op: { type: 'timestamptz', waarden: controles.map((c, i) => new Date((laatste[i] as number) + c.interval * 1000)) },
    laatste_op: { type: 'timestamptz', waarden: laatste.map((t) => new Date(t)) },
    laatste_geslaagd: { type: 'bool', waarden: faalt.map((f) => !f) },
    laatste_soort: { type: 'text', waarden: faalt.map((f) => (f ? 'time-out' : 'geslaagd')) },
    laatste_reden: {
      type: 'jsonb',
      waarden: faalt.map((f) =>
        JSON.stringify(
          f
            ? { nl: 'Geen antwoord binnen 5000 ms.', en: 'No answer within 5000 ms.' }
            : { nl: 'Antwoord 200 zoals verwacht.', en: 'Answered 200 as expected.' },
        ),
      ),
    },
    laatste_duur_ms: { type: 'int', waarden: faalt.map((f, i) => (f ? 5_000 : 20 + ((i * 37) % 180))) },
    fouten: { type: 'int', waarden: controles.map((c) => (c.toestand === 'storing' ? 12 : c.toestand === 'verstoord' ? 1 : 0)) },
    eerste_fout_op: { type: 'timestamptz', waarden: faalt.map((f) => (f ? new Date(nu - 2 * UUR_MS) : null)) },
    successen: { type: 'int', waarden: faalt.map((f) => (f ? 0 : 5)) },
    storing_id: { type: 'uuid', waarden: controles.map((c) => c.storingId) },
  })
  const open = controles.filter((c) => c.storingId)
  const gesloten = Array.from({ length: GROOTTE.geslotenStoringen }, () => {
    const c = pick(random, controles)
    const begonnen = nu - Math.floor(random() * 29 * 86_400_000) - 86_400_000
    return { id: uuid(random), c: c.id, begonnen, gesloten: begonnen + Math.floor(random() * 4 * UUR_MS) + 300_000 }
  })
  const storingen = [
    ...open.map((c) => ({ id: c.storingId as string, c: c.id, begonnen: nu - 2 * UUR_MS, gesloten: null as number | null })),
    ...gesloten,
  ]
  await insertKolommen(db, 'storing', {
    id: { type: 'uuid', waarden: storingen.map((s) => s.id) },
    controle_id: { type: 'uuid', waarden: storingen.map((s) => s.c) },
    begonnen_op: { type: 'timestamptz', waarden: storingen.map((s) => new Date(s.begonnen)) },
    geopend_op: { type: 'timestamptz', waarden: storingen.map((s) => new Date(s.begonnen + 180_000)) },
    gesloten_op: { type: 'timestamptz', waarden: storingen.map((s) => (s.gesloten === null ? null : new Date(s.gesloten))) },
    meetsoort: { type: 'text', waarden: storingen.map(() => 'time-out') },
    reden: { type: 'jsonb', waarden: storingen.map(() => JSON.stringify({ nl: 'Geen antwoord.', en: 'No answer.' })) },
    tijdlijn: {
      type: 'jsonb',
      waarden: storingen.map((s) =>
        JSON.stringify([
          { op: s.begonnen + 180_000, soort: 'geopend', meetsoort: 'time-out' },
          ...(s.gesloten === null
            ? []
            : [
                { op: s.gesloten, soort: 'hersteld' },
                { op: s.gesloten, soort: 'gesloten' },
              ]),
        ]),
      ),
    },
  })
  await sql`INSERT INTO statuspagina (samenwerking_id, openbaar, slug, titel)
    VALUES (${samenwerkingen[0]?.id}, true, ${STATUS_SLUG}, 'Status Samenwerking Bench 1')`.execute(db)
  const registry = (performance.now() - t0) / 1000

  // Roll-ups: one row per controle per hour for GROOTTE.uren hours up to the current hour.
  // Per hour: interval-many metingen; about 3 % of hours lose 1–3 of them, 0.2 % of hours
  // are (partly) in maintenance, and controles with an open storing fail from 2 hours ago.
  // A temporary table of (number, id, interval, open storing) lets SQL do the rest.
  const t1 = performance.now()
  await sql`CREATE TEMP TABLE bench_controle (nr int PRIMARY KEY, id uuid, interval_s int, storing boolean)`.execute(db)
  await insertKolommen(db, 'bench_controle', {
    nr: { type: 'int', waarden: nr },
    id: { type: 'uuid', waarden: controles.map((c) => c.id) },
    interval_s: { type: 'int', waarden: controles.map((c) => c.interval) },
    storing: { type: 'bool', waarden: controles.map((c) => c.storingId !== null) },
  })
  const laatsteUur = new Date(Math.floor(nu / UUR_MS) * UUR_MS)
  const perKeer = 500
  for (let van = 1; van <= controles.length; van += perKeer) {
    await sql`
      INSERT INTO meting_uur (controle_id, uur, aantal, geslaagd, in_onderhoud, geslaagd_in_onderhoud, duur_som_ms, duur_max_ms)
      SELECT c.id, u.uur, x.aantal,
             CASE WHEN c.storing AND u.uur >= ${laatsteUur}::timestamptz - interval '2 hours' THEN 0
                  WHEN x.h % 100 < 3 THEN x.aantal - 1 - x.h % 3 ELSE x.aantal END,
             CASE WHEN x.h % 500 = 7 THEN x.aantal / 2 ELSE 0 END,
             CASE WHEN x.h % 500 = 7 THEN x.aantal / 2 ELSE 0 END,
             x.aantal * (40 + x.h % 60), 80 + x.h % 400
        FROM bench_controle c
       CROSS JOIN generate_series(${laatsteUur}::timestamptz - (${GROOTTE.uren - 1} * interval '1 hour'), ${laatsteUur}::timestamptz, interval '1 hour') AS u (uur)
       CROSS JOIN LATERAL (SELECT 3600 / c.interval_s AS aantal,
                                  abs(hashint4(c.nr * 100003 + (extract(epoch FROM u.uur)::bigint / 3600)::int)) AS h) AS x
       WHERE c.nr >= ${van} AND c.nr < ${van + perKeer}`.execute(db)
  }
  const rollups = (performance.now() - t1) / 1000

  // Raw metingen: 30 days at their interval for the first controles with a 300 s interval.
  const t2 = performance.now()
  const metRuw = controles.filter((c) => c.interval === 300).slice(0, GROOTTE.metRuweMetingen)
  for (let i = 0; i < metRuw.length; i += 10) {
    const ids = metRuw.slice(i, i + 10).map((c) => c.id)
    await sql`
      INSERT INTO meting (controle_id, tijdstip, geslaagd, duur_ms, soort, reden)
      SELECT c.id, t.tijdstip, x.h % 50 <> 0, 20 + x.h % 300, CASE WHEN x.h % 50 <> 0 THEN 'geslaagd' ELSE 'time-out' END,
             CASE WHEN x.h % 50 <> 0 THEN NULL ELSE '{"nl":"Geen antwoord binnen 5000 ms.","en":"No answer within 5000 ms."}'::jsonb END
        FROM bench_controle c
       CROSS JOIN generate_series(${new Date(nu)}::timestamptz - ${`${GROOTTE.ruweDagen} days`}::interval, ${new Date(nu)}::timestamptz, c.interval_s * interval '1 second') AS t (tijdstip)
       CROSS JOIN LATERAL (SELECT abs(hashint4(c.nr * 7919 + (extract(epoch FROM t.tijdstip)::bigint / 300)::int)) AS h) AS x
       WHERE c.id = ANY(${sql.val(ids)}::uuid[])`.execute(db)
  }
  const metingen = (performance.now() - t2) / 1000
  await sql`DROP TABLE bench_controle`.execute(db)

  const t3 = performance.now()
  await sql`ANALYZE`.execute(db)
  const analyze = (performance.now() - t3) / 1000

  const tel = async (tabel: string) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(tabel)}`.execute(db)).rows[0]?.n ?? 0)
  const aantallen: Record<string, number> = {}
  for (const t of [
    'organisatie',
    'samenwerking',
    'gastheerschap',
    'applicatie',
    'koppeling',
    'controle',
    'controle_toestand',
    'storing',
    'meting_uur',
    'meting',
  ])
    aantallen[t] = await tel(t)
  return {
    aantallen,
    groteSamenwerkingId: samenwerkingen[0]?.id as string,
    gastheerId: samenwerkingen[0]?.leden[0] as string,
    controleMetMetingen: metRuw[0]?.id as string,
    zoekterm: 'Belastingen 1',
    nu,
    seconden: { registry, rollups, metingen, analyze },
  }
}

/** The tables the generator fills, children first: what a shared PostgreSQL must hold nothing of before, and loses after. */
export const GEVULDE_TABELLEN = [
  'statuspagina',
  'meting',
  'meting_uur',
  'storing',
  'controle_toestand',
  'controle',
  'koppeling',
  'applicatie_gebruiker',
  'applicatie',
  'gastheerschap_afnemer',
  'gastheerschap',
  'samenwerking_lid',
  'samenwerking',
  'organisatie',
] as const
