import type { Database } from '../db/database.js'
import { harmonisatieRijen, kostenPerApplicatie } from '../db/repos/interop.js'
import { samenwerkingen } from '../db/repos/registry.js'
import { type Caller, leesbereik } from '../domain/access.js'
import { notFound } from '../domain/errors.js'
import type { Klok } from '../domain/klok.js'

// The harmonisation overview (issue 15): per GEMMA reference component, which applicaties
// the confirmed leden of a samenwerking use — "meerdere applicaties voor hetzelfde doel" —
// with their suppliers and, where kostenposten name them, what each costs in the year.

interface Naam {
  id: string
  naam: string
}

export interface HarmonisatieApplicatie {
  applicatie: Naam
  leverancier?: Naam
  gebruikers: Naam[]
  kosten?: { bedrag: number; posten: number }
}

export interface Harmonisatie {
  samenwerking: Naam
  jaar: number
  referentiecomponenten: {
    referentiecomponent: Naam & { gemmaId?: string }
    verschillend: boolean
    applicaties: HarmonisatieApplicatie[]
  }[]
  zonderReferentiecomponent: { applicatie: Naam; gebruikers: Naam[] }[]
  aantallen: { componenten: number; uiteenlopend: number }
}

export class HarmonisatieService {
  constructor(
    private readonly db: Database,
    private readonly klok: Klok,
  ) {}

  async overzicht(caller: Caller, samenwerkingId: string, jaar?: number): Promise<Harmonisatie> {
    const bereik = leesbereik(caller)
    const samenwerking = await samenwerkingen.findById(this.db, samenwerkingId, bereik)
    if (!samenwerking) throw notFound('samenwerking', samenwerkingId)
    const rijen = await harmonisatieRijen(this.db, samenwerking.id, bereik)
    const peiljaar = jaar ?? Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(this.klok.nu()))
    const kosten = await kostenPerApplicatie(this.db, [...new Set(rijen.map((r) => r.applicatieId))], peiljaar, bereik)

    const groepen = new Map<string, Harmonisatie['referentiecomponenten'][number]>()
    const zonder = new Map<string, { applicatie: Naam; gebruikers: Naam[] }>()
    const voegToe = (gebruikers: Naam[], id: string, naam: string) => {
      if (!gebruikers.some((g) => g.id === id)) gebruikers.push({ id, naam })
    }
    for (const r of rijen) {
      if (r.referentiecomponentId === null) {
        const a = zonder.get(r.applicatieId) ?? { applicatie: { id: r.applicatieId, naam: r.applicatieNaam }, gebruikers: [] }
        voegToe(a.gebruikers, r.gebruikerId, r.gebruikerNaam)
        zonder.set(r.applicatieId, a)
        continue
      }
      const groep = groepen.get(r.referentiecomponentId) ?? {
        referentiecomponent: {
          id: r.referentiecomponentId,
          naam: r.referentiecomponentNaam ?? '',
          ...(r.gemmaId ? { gemmaId: r.gemmaId } : {}),
        },
        verschillend: false,
        applicaties: [],
      }
      let app = groep.applicaties.find((a) => a.applicatie.id === r.applicatieId)
      if (!app) {
        const k = kosten.get(r.applicatieId)
        app = {
          applicatie: { id: r.applicatieId, naam: r.applicatieNaam },
          ...(r.leverancierId ? { leverancier: { id: r.leverancierId, naam: r.leverancierNaam ?? '' } } : {}),
          gebruikers: [],
          ...(k ? { kosten: k } : {}),
        }
        groep.applicaties.push(app)
      }
      voegToe(app.gebruikers, r.gebruikerId, r.gebruikerNaam)
      groepen.set(r.referentiecomponentId, groep)
    }
    const lijst = [...groepen.values()].map((g) => ({ ...g, verschillend: g.applicaties.length > 1 }))
    // Where partners differ first: that is what the overview is for.
    lijst.sort((a, b) => Number(b.verschillend) - Number(a.verschillend))
    return {
      samenwerking: { id: samenwerking.id, naam: samenwerking.naam },
      jaar: peiljaar,
      referentiecomponenten: lijst,
      zonderReferentiecomponent: [...zonder.values()],
      aantallen: { componenten: lijst.length, uiteenlopend: lijst.filter((g) => g.verschillend).length },
    }
  }
}
