import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyseerImpact, type GraafKoppeling, type GraafRijen, knopenVan } from '../../../src/domain/impact/index.js'
import { pasToe } from '../../../src/services/afhankelijkheden-service.js'
import { app, graafVan, koppeling, leeg, org } from './graaf-fixture.js'

// The graph's answer against a naive recomputation straight from the rows: no indexes,
// no queue, the definition of wandeling.ts applied until nothing changes any more.

const ORGS = ['o0', 'o1', 'o2', 'o3']
const S = 's'

function naief(r: GraafRijen, o: string, datum: string): { koppelingen: string[]; applicaties: string[] } {
  const apps = new Map(r.applicaties.map((a) => [a.id, a]))
  const tussen = new Set(r.koppelingen.flatMap((k) => (k.viaApplicatieId ? [k.viaApplicatieId] : [])))
  const isTussen = (n: string | undefined) => n !== undefined && tussen.has(n)
  const isEinde = (k: GraafKoppeling, n: string) => k.bronApplicatieId === n || k.doelApplicatieId === n
  const G = r.gastheerschappen.filter(
    (g) =>
      g.samenwerkingId === S &&
      g.startdatum <= datum &&
      (g.einddatum === null || g.einddatum >= datum) &&
      (g.gastheerId === o || g.afnemerIds.includes(o)),
  )
  const verliezers = (g: (typeof G)[number]) => (g.gastheerId === o ? g.afnemerIds : [o])
  const partijen = new Set(G.flatMap(verliezers))
  if (!G.some((g) => g.gastheerId === o)) partijen.add(o)
  const gids = new Set(G.map((g) => g.id))
  const gebruikt = (n: string, wie: Set<string>) => apps.get(n)?.gebruikerIds.some((x) => wie.has(x)) ?? false

  const starts = new Set<string>()
  const raaktGastheerschap = (a: string, g: string) => r.koppelingen.some((k) => k.gastheerschapId === g && knopenVan(k).includes(a))
  const elders = (a: string) =>
    r.koppelingen.some((k) => k.gastheerschapId !== null && !gids.has(k.gastheerschapId) && knopenVan(k).includes(a))
  for (const g of G)
    for (const v of verliezers(g))
      for (const a of r.applicaties) {
        if (!a.gebruikerIds.includes(v) || !a.gebruikerIds.includes(g.gastheerId)) continue
        // Used by an ending gastheerschap's koppeling, or (leaving the whole samenwerking) hosted and used by no continuing one.
        if (raaktGastheerschap(a.id, g.id) || (a.hosting === 'bij gastheer' && !elders(a.id))) starts.add(a.id)
      }
  for (const p of partijen)
    for (const a of r.applicaties)
      if (a.gebruikerIds.includes(p) && r.koppelingen.some((k) => k.samenwerkingId === S && knopenVan(k).includes(a.id))) starts.add(a.id)

  const dient = (k: GraafKoppeling, van: string) => {
    if (k.gastheerschapId && gids.has(k.gastheerschapId)) return true
    if (k.eigenaarId && partijen.has(k.eigenaarId)) return true
    return knopenVan(k).some((n) => {
      if (n === van || !apps.has(n)) return false
      if (isTussen(n)) return isTussen(van) && isEinde(k, n)
      return gebruikt(n, partijen)
    })
  }
  const K = new Set(r.koppelingen.filter((k) => k.gastheerschapId && gids.has(k.gastheerschapId)).map((k) => k.id))
  const E = new Set(starts)
  let veranderd = true
  while (veranderd) {
    veranderd = false
    for (const k of r.koppelingen) {
      if (K.has(k.id)) {
        for (const n of knopenVan(k))
          if (isTussen(n) && isEinde(k, n) && !E.has(n)) {
            E.add(n)
            veranderd = true
          }
        continue
      }
      if (knopenVan(k).some((n) => E.has(n) && (starts.has(n) || isEinde(k, n)) && dient(k, n))) {
        K.add(k.id)
        veranderd = true
      }
    }
  }
  const applicaties = new Set([...starts].filter((a) => apps.has(a)))
  for (const k of r.koppelingen) if (K.has(k.id)) for (const n of knopenVan(k)) if (gebruikt(n, partijen)) applicaties.add(n)
  return { koppelingen: [...K].sort(), applicaties: [...applicaties].sort() }
}

const datum = fc.constantFrom('2016-01-01', '2019-06-30', '2024-01-01', '2027-01-01', '2031-12-31')
const deelverzameling = fc.subarray(ORGS, { minLength: 1 })

const landschap = fc
  .record({
    gastheerschappen: fc.array(
      fc.record({
        gastheer: fc.constantFrom(...ORGS),
        afnemers: deelverzameling,
        inSamenwerking: fc.boolean(),
        start: datum,
        eind: fc.option(datum, { nil: null }),
      }),
      { maxLength: 4 },
    ),
    applicaties: fc.array(fc.record({ gebruikers: fc.subarray(ORGS), bijGastheer: fc.boolean() }), { minLength: 2, maxLength: 9 }),
    koppelingen: fc.array(
      fc.record({
        bron: fc.nat(9),
        doel: fc.nat(9),
        via: fc.option(fc.nat(9), { nil: null }),
        voorziening: fc.constantFrom(null, 'bron', 'doel'),
        gastheerschap: fc.option(fc.nat(4), { nil: null }),
        inSamenwerking: fc.boolean(),
        eigenaar: fc.option(fc.constantFrom(...ORGS), { nil: null }),
      }),
      { maxLength: 16 },
    ),
  })
  .map((x): GraafRijen => {
    const r = leeg()
    r.organisaties = ORGS.map((o) => org(o))
    r.samenwerkingen = [
      {
        id: S,
        naam: 'S',
        startdatum: null,
        einddatum: null,
        leden: ORGS.map((o) => ({ organisatieId: o, startdatum: null, einddatum: null, bevestigd: true })),
      },
    ]
    r.gastheerschappen = x.gastheerschappen.map((g, i) => ({
      id: `g${i}`,
      taak: `g${i}`,
      gastheerId: g.gastheer,
      samenwerkingId: g.inSamenwerking ? S : null,
      afnemerIds: g.afnemers.filter((a) => a !== g.gastheer),
      startdatum: g.start,
      einddatum: g.eind !== null && g.eind < g.start ? null : g.eind,
    }))
    r.applicaties = x.applicaties.map((a, i) => app(`a${i}`, a.gebruikers, { hosting: a.bijGastheer ? 'bij gastheer' : 'SaaS' }))
    const n = r.applicaties.length
    x.koppelingen.forEach((k, i) => {
      const bron = `a${k.bron % n}`
      const doel = `a${k.doel % n}`
      if (bron === doel && k.voorziening === null) return
      const via = k.via === null ? null : `a${k.via % n}`
      const bronApp = k.voorziening === 'bron' ? null : bron
      const doelApp = k.voorziening === 'doel' ? null : doel
      if (via !== null && (via === bronApp || via === doelApp)) return
      r.koppelingen.push(
        koppeling(`k${i}`, {
          bronApplicatieId: bronApp,
          bronVoorziening: bronApp ? null : 'BRP',
          doelApplicatieId: doelApp,
          doelVoorziening: doelApp ? null : 'BAG',
          viaApplicatieId: via,
          gastheerschapId: k.gastheerschap !== null && k.gastheerschap < r.gastheerschappen.length ? `g${k.gastheerschap}` : null,
          samenwerkingId: k.inSamenwerking ? S : null,
          eigenaarId: k.eigenaar,
        }),
      )
    })
    return r
  })

describe('impact: the graph answers as a naive recomputation from the rows', () => {
  it('for random small landscapes and a random organisation leaving', () => {
    fc.assert(
      fc.property(landschap, fc.constantFrom(...ORGS), datum, (r, o, d) => {
        const { resultaat } = analyseerImpact(graafVan(r), [{ soort: 'uittreden', datum: d, organisatieId: o, samenwerkingId: S }])
        const verwacht = naief(r, o, d)
        expect(resultaat.koppelingen.map((k) => k.id).sort()).toEqual(verwacht.koppelingen)
        expect(resultaat.applicaties.map((a) => a.id).sort()).toEqual(verwacht.applicaties)
      }),
      { numRuns: 500, seed: 13_2026 },
    )
  })

  it('a graph that followed changes row by row answers as one built anew from the new rows', () => {
    fc.assert(
      fc.property(landschap, landschap, fc.constantFrom(...ORGS), datum, (oud, nieuw, o, d) => {
        const gevolgd = graafVan(oud)
        const ids = (soort: keyof GraafRijen) => [...new Set([...oud[soort], ...nieuw[soort]].map((r) => r.id))]
        const selectie = {
          organisaties: ids('organisaties'),
          samenwerkingen: ids('samenwerkingen'),
          gastheerschappen: ids('gastheerschappen'),
          applicaties: ids('applicaties'),
          koppelingen: ids('koppelingen'),
        }
        pasToe(gevolgd, selectie, nieuw)
        const w = [{ soort: 'uittreden' as const, datum: d, organisatieId: o, samenwerkingId: S }]
        expect(analyseerImpact(gevolgd, w).resultaat).toEqual(analyseerImpact(graafVan(nieuw), w).resultaat)
        for (const a of nieuw.applicaties) expect(gevolgd.isTussenschakel(a.id)).toBe(graafVan(nieuw).isTussenschakel(a.id))
      }),
      { numRuns: 300, seed: 13_2027 },
    )
  })
})
