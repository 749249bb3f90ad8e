import type { Database } from '../db/database.js'
import { gebruikers } from '../db/repos/gebruikers.js'
import { registryRepositories } from '../db/repos/registry.js'
import type { Roltoekenning } from '../domain/access.js'
import type { Rol } from '../domain/vocabulary.js'
import { GebruikerInvoer } from '../schemas/toegang.js'
import { GebruikersService } from '../services/gebruikers-service.js'
import type { Actor } from '../services/registry-service.js'

// Demo accounts with a published password. They exist only for a server bound to
// loopback; a server that would expose them refuses to start (see cli/serve.ts).

export const DEMO_WACHTWOORD = 'regiekamer-demo'

const DEMO_GEBRUIKERS: { gebruikersnaam: string; naam: string; rollen: [Rol, string | undefined][] }[] = [
  { gebruikersnaam: 'admin', naam: 'Demo-admin', rollen: [['admin', undefined]] },
  { gebruikersnaam: 'beheerder-hilversum', naam: 'Informatiemanager Hilversum (demo)', rollen: [['beheerder', 'GM0402']] },
  { gebruikersnaam: 'regisseur-hilversum', naam: 'Regisseur gastheerschappen Hilversum (demo)', rollen: [['regisseur', 'GM0402']] },
  { gebruikersnaam: 'lezer-wijdemeren', naam: 'Medewerker Wijdemeren (demo)', rollen: [['lezer', 'GM1696']] },
  { gebruikersnaam: 'beheerder-heemstede', naam: 'Informatiemanager Heemstede (demo)', rollen: [['beheerder', 'GM0397']] },
  {
    gebruikersnaam: 'auditor-rekenkamer',
    naam: 'Rekenkamercommissie Bloemendaal-Heemstede (demo)',
    rollen: [
      ['auditor', 'GM0377'],
      ['auditor', 'GM0397'],
    ],
  },
  {
    gebruikersnaam: 'auditor-wijdemeren',
    naam: 'Rekenkamercommissie Wijdemeren (demo)',
    rollen: [['auditor', 'GM1696']],
  },
]

export const DEMO_GEBRUIKERSNAMEN = DEMO_GEBRUIKERS.map((g) => g.gebruikersnaam)

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}

/** Creates the demo accounts that do not exist yet; returns the names created. */
export async function seedDemoGebruikers(db: Database, actor: Actor): Promise<string[]> {
  const service = new GebruikersService(db)
  const created: string[] = []
  for (const g of DEMO_GEBRUIKERS) {
    if (await gebruikers.findIdByGebruikersnaam(db, g.gebruikersnaam)) continue
    const rollen: Roltoekenning[] = []
    for (const [rol, cbsCode] of g.rollen) {
      if (!cbsCode) {
        rollen.push({ rol })
        continue
      }
      const { items } = await registryRepositories.organisaties.list(db, { pagina: 1, paginaGrootte: 1, sort: [], filters: { cbsCode } })
      if (items[0]) rollen.push({ rol, organisatieId: items[0].id })
    }
    await service.create(actor, { gebruikersnaam: g.gebruikersnaam, naam: g.naam, wachtwoord: DEMO_WACHTWOORD, rollen }, GebruikerInvoer)
    created.push(g.gebruikersnaam)
  }
  return created
}
