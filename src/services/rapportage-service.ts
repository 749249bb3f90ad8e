import type { Database } from '../db/database.js'
import { declaratiesOpPosten } from '../db/repos/geldketen.js'
import { kostenpostRijen, maatstavenVan, organisatieNamen, verdeelsleutelsMetId } from '../db/repos/kosten.js'
import { type Caller, leesbereik } from '../domain/access.js'
import { type BenchmarkOrganisatie, type BenchmarkReferentie, maakBenchmark } from '../domain/benchmark.js'
import { jaarInAmsterdam } from '../domain/declaraties.js'
import { type Message, notFound } from '../domain/errors.js'
import { maakGeldketen } from '../domain/geldketen.js'
import { maakTransparantieverslag, type PostAllocatie, type VerslagPost } from '../domain/transparantie.js'
import type { Getal } from '../domain/verdeling/types.js'
import type { Benchmark, BenchmarkQuery, Transparantieverslag } from '../schemas/rapportage.js'
import type { Organisatie } from '../schemas/registry.js'
import type { Services } from './index.js'
import { type PostVerdeling, verdeelKostenposten } from './kosten-verdeling.js'

// The transparency report and the benchmark: posts allocated by verdeelKostenposten (the
// one allocation every cost feature uses), then summed by the pure rules in
// domain/transparantie.ts and domain/benchmark.ts. Only posts the caller may see count.

const reden = (v: Extract<PostVerdeling, { ok: false }>): Message => {
  const params = v.fout.invalidParams
  return params.length > 0 ? { nl: params.map((p) => p.reason.nl).join(' '), en: params.map((p) => p.reason.en).join(' ') } : v.fout.detail
}

const allocatie = (v: PostVerdeling | undefined): PostAllocatie => {
  if (!v) return { ok: false, reden: { nl: 'Niet verdeeld.', en: 'Not allocated.' } }
  if (!v.ok) return { ok: false, reden: reden(v) }
  return {
    ok: true,
    bedrag: v.verdeling.bedrag,
    geldigVanaf: v.verdeling.sleutel.geldigVanaf,
    delen: v.verdeling.delen.map((d) => ({ organisatieId: d.deelnemerId, bedrag: d.bedrag })),
  }
}

const WERKPLEKKEN = 'werkplekken'

export class RapportageService {
  constructor(
    private readonly db: Database,
    private readonly services: Services,
  ) {}

  /**
   * The report of one samenwerking and year (without a year: the latest year with posts the
   * caller may see, else the current year); 404 when the samenwerking is not visible to the caller.
   */
  async transparantieverslag(
    caller: Caller,
    samenwerkingId: string,
    gevraagdJaar?: number,
    nu = new Date(),
  ): Promise<Transparantieverslag> {
    const samenwerking = await this.services.samenwerkingen.get(samenwerkingId, caller)
    const filter = { samenwerkingId, bereik: leesbereik(caller) }
    const [grondslag, begroting, realisatie] = await Promise.all([
      verdeelKostenposten(this.db, filter, 'grondslag'),
      verdeelKostenposten(this.db, filter, 'begroting'),
      verdeelKostenposten(this.db, filter, 'realisatie'),
    ])
    const laatste = Math.max(0, ...grondslag.posten.map((p) => p.post.jaar))
    const verslagJaar = gevraagdJaar ?? (laatste > 0 ? laatste : jaarInAmsterdam(nu))
    const perId = (r: typeof begroting) => new Map(r.posten.map((p) => [p.post.id, p]))
    const b = perId(begroting)
    const r = perId(realisatie)
    const posten = grondslag.posten.map(
      (g): VerslagPost => ({
        id: g.post.id,
        omschrijving: g.post.omschrijving,
        categorie: g.post.categorie,
        soort: g.post.soort,
        jaar: g.post.jaar,
        periode: g.post.periode,
        begroting: g.post.begroting,
        realisatie: g.post.realisatie,
        grondslag: g.grondslag,
        sleutel: { id: g.post.verdeelsleutelId, naam: '' },
        allocaties: { grondslag: allocatie(g), begroting: allocatie(b.get(g.post.id)), realisatie: allocatie(r.get(g.post.id)) },
      }),
    )
    const sleutels = await verdeelsleutelsMetId(this.db, [...new Set(posten.map((p) => p.sleutel.id))])
    for (const p of posten) p.sleutel.naam = sleutels.get(p.sleutel.id)?.naam ?? p.sleutel.id
    // Only confirmed leden take part (an invited organisation has no share, issue 10).
    const ledenIds = samenwerking.leden.filter((l) => l.bevestigd).map((l) => l.organisatieId)
    const namen = new Map([...(await organisatieNamen(this.db, ledenIds)), ...grondslag.namen])
    const verslag = maakTransparantieverslag({
      jaar: verslagJaar,
      organisaties: ledenIds.map((id) => ({ id, naam: namen.get(id) ?? id })),
      namen,
      posten,
      sleutels,
    })
    // The money chain: allocated → declared → paid, per organisation that pays.
    const vanJaar = grondslag.posten.filter((g) => g.post.jaar === verslagJaar)
    const bereik = leesbereik(caller)
    const declaraties = await declaratiesOpPosten(
      this.db,
      vanJaar.map((g) => g.post.id),
      bereik,
    )
    const onbekend = [...new Set(declaraties.flatMap((d) => [d.vanId, d.aanId]))].filter((id) => !namen.has(id))
    for (const [id, n] of await organisatieNamen(this.db, onbekend)) namen.set(id, n)
    const geldketen = maakGeldketen({
      posten: vanJaar.map((g) => ({
        id: g.post.id,
        gemaaktDoorId: g.post.gemaaktDoorId,
        ...(g.ok ? { delen: g.verdeling.delen.map((d) => ({ organisatieId: d.deelnemerId, bedrag: d.bedrag })) } : {}),
      })),
      declaraties,
      zichtbaar: (van, aan) => bereik.alles || bereik.organisatieIds.includes(van) || bereik.organisatieIds.includes(aan),
      naam: (id) => namen.get(id) ?? id,
      volgorde: ledenIds,
    })
    return { samenwerking: { id: samenwerking.id, naam: samenwerking.naam, vorm: samenwerking.vorm }, ...verslag, geldketen }
  }

  /**
   * Costs per inwoner and per werkplek of every municipality the caller may see entirely:
   * one that takes part in a visible post and in no post the caller may not see, so its
   * total is never a partial figure. 404 for an organisatieId or referentiewaardeId that
   * is not (visibly) there.
   */
  async benchmark(caller: Caller, q: BenchmarkQuery): Promise<Benchmark> {
    const bereik = leesbereik(caller)
    const jaren = q.jaar === undefined ? undefined : [q.jaar]
    const zichtbaar = await verdeelKostenposten(this.db, { bereik, ...(jaren ? { jaren } : {}) }, 'grondslag')
    const zichtbareIds = new Set(zichtbaar.posten.map((p) => p.post.id))

    // Candidates: participants of visible posts, then only municipalities.
    let kandidaten = [...new Set(zichtbaar.posten.flatMap((p) => p.post.deelnemers))]
    if (q.organisatieId) kandidaten = kandidaten.filter((id) => id === q.organisatieId)
    const organisaties = (await Promise.all(kandidaten.map((id) => this.services.organisaties.get(id).catch(() => undefined)))).filter(
      (o): o is Organisatie => o?.type === 'gemeente',
    )
    // Everything they take part in, visible or not: who has a post the caller cannot see drops out.
    const onvolledig = new Set<string>()
    if (!bereik.alles && organisaties.length > 0) {
      const alle = await kostenpostRijen(this.db, { deelnemerIds: organisaties.map((o) => o.id), ...(jaren ? { jaren } : {}) })
      for (const p of alle) if (!zichtbareIds.has(p.id)) for (const d of p.deelnemers) onvolledig.add(d)
    }
    const getoond = organisaties.filter((o) => !onvolledig.has(o.id))
    if (q.organisatieId && getoond.length === 0) throw notFound('organisatie', q.organisatieId)

    const referenties = await this.referentiewaarden(q.jaar)
    const gekozen = q.referentiewaardeId ? referenties.filter((r) => r.id === q.referentiewaardeId) : referenties
    if (q.referentiewaardeId && gekozen.length === 0) throw notFound('referentiewaarde', q.referentiewaardeId)

    const postJaren = [...new Set(zichtbaar.posten.map((p) => p.post.jaar))]
    const maten = await maatstavenVan(
      this.db,
      getoond.map((o) => o.id),
      postJaren,
    )
    const werkplekken = new Map<string, Map<number, Getal>>()
    for (const m of maten) {
      if (m.maatstaf.toLowerCase() !== WERKPLEKKEN) continue
      const perJaar = werkplekken.get(m.organisatieId) ?? new Map<number, Getal>()
      werkplekken.set(m.organisatieId, perJaar)
      perJaar.set(m.jaar, m.waarde)
    }
    const invoerOrganisaties: BenchmarkOrganisatie[] = getoond
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.id.localeCompare(b.id))
      .map((o) => ({
        id: o.id,
        naam: o.naam,
        inwoners: new Map((o.inwoners ?? []).map((i) => [i.jaar, i.aantal])),
        werkplekken: werkplekken.get(o.id) ?? new Map(),
      }))
    const benchmark = maakBenchmark({
      organisaties: invoerOrganisaties,
      posten: zichtbaar.posten.map((p) => ({
        id: p.post.id,
        omschrijving: p.post.omschrijving,
        jaar: p.post.jaar,
        deelnemers: p.post.deelnemers,
        allocatie: allocatie(p),
      })),
      referenties: gekozen,
      ...(jaren ? { jaren } : {}),
    })
    const jarenMetRegels = new Set(benchmark.regels.map((r) => r.jaar))
    return {
      ...benchmark,
      referentiewaarden: gekozen.filter((r) => jarenMetRegels.has(r.jaar) || q.jaar !== undefined),
    }
  }

  private async referentiewaarden(jaar?: number): Promise<(BenchmarkReferentie & { bron?: string })[]> {
    const out: (BenchmarkReferentie & { bron?: string })[] = []
    for (let pagina = 1; ; pagina++) {
      const { items } = await this.services.referentiewaarden.list({
        pagina,
        paginaGrootte: 200,
        sort: [
          { field: 'jaar', descending: false },
          { field: 'naam', descending: false },
          { field: 'id', descending: false },
        ],
        filters: jaar === undefined ? {} : { jaar },
      })
      for (const r of items)
        out.push({
          id: r.id,
          naam: r.naam,
          jaar: r.jaar,
          ...(r.kostenPerInwoner === undefined ? {} : { kostenPerInwoner: r.kostenPerInwoner }),
          ...(r.kostenPerWerkplek === undefined ? {} : { kostenPerWerkplek: r.kostenPerWerkplek }),
          ...(r.bron === undefined ? {} : { bron: r.bron }),
        })
      if (items.length < 200) return out
    }
  }
}
