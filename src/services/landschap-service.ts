import type { Database } from '../db/database.js'
import { landschapGegevens, zichtbareLeden } from '../db/repos/landschap.js'
import { overzichtRijen } from '../db/repos/overzicht.js'
import { type Caller, leesbereik } from '../domain/access.js'
import { bouwLandschap, telKoppelingen } from '../domain/landschap.js'
import type { Dashboard, Landschap, LandschapQuery, SamenwerkingOverzicht } from '../schemas/landschap.js'

// The read models behind the dashboard and the landschap page: database rows (already
// narrowed to the caller's view) shaped by the pure rules in domain/landschap.ts.

const optional = <K extends string>(key: K, v: string | null) => (v === null ? {} : ({ [key]: v } as Record<K, string>))

export class LandschapService {
  constructor(private readonly db: Database) {}

  async dashboard(caller: Caller): Promise<Dashboard> {
    const r = await overzichtRijen(this.db, leesbereik(caller))
    const group = <T, K>(rows: T[], key: (row: T) => K) => {
      const m = new Map<K, T[]>()
      for (const row of rows) {
        const list = m.get(key(row))
        if (list) list.push(row)
        else m.set(key(row), [row])
      }
      return m
    }
    const leden = group(r.leden, (l) => l.samenwerkingId)
    const gh = group(r.gastheerschappen, (g) => g.samenwerkingId)
    const afnemers = group(r.afnemers, (a) => a.gastheerschapId)
    const kop = group(r.koppelingen, (k) => k.samenwerkingId)
    const samenwerkingen = r.samenwerkingen.map(
      (s): SamenwerkingOverzicht => ({
        id: s.id,
        naam: s.naam,
        vorm: s.vorm as SamenwerkingOverzicht['vorm'],
        ...optional('startdatum', s.startdatum),
        ...optional('einddatum', s.einddatum),
        leden: (leden.get(s.id) ?? []).map((l) => ({
          organisatieId: l.organisatieId,
          naam: l.naam,
          ...optional('startdatum', l.startdatum),
          ...optional('einddatum', l.einddatum),
        })),
        gastheerschappen: (gh.get(s.id) ?? []).map((g) => ({
          id: g.id,
          taak: g.taak,
          gastheer: { id: g.gastheerId, naam: g.gastheerNaam },
          afnemers: (afnemers.get(g.id) ?? []).map((a) => ({ id: a.organisatieId, naam: a.naam })),
        })),
        koppelingen: telKoppelingen(kop.get(s.id) ?? []),
      }),
    )
    const alle = telKoppelingen(r.koppelingen)
    return {
      totalen: { ...r.totalen, samenwerkingen: samenwerkingen.length, koppelingen: alle.totaal },
      koppelingen: alle,
      samenwerkingen,
    }
  }

  async landschap(caller: Caller, q: LandschapQuery): Promise<Landschap> {
    const bereik = leesbereik(caller)
    let samenwerking: { id: string; leden: Set<string> } | undefined
    if (q.samenwerkingId) {
      const leden = await zichtbareLeden(this.db, bereik, q.samenwerkingId)
      // Not visible answers like not existing: an empty graph, and no koppeling may
      // give away that it serves that samenwerking.
      if (leden.length === 0) return { knopen: [], verbindingen: [] }
      samenwerking = { id: q.samenwerkingId, leden: new Set(leden) }
    }
    const data = await landschapGegevens(this.db, bereik)
    return bouwLandschap(data, {
      samenwerking,
      organisatieId: q.organisatieId,
      vertrouwelijkheid: q.vertrouwelijkheid,
      persoonsgegevens: q.persoonsgegevens,
    })
  }
}
