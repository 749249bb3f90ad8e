import type { Config } from '../config.js'
import type { BevindingRij } from '../db/repos/bevindingen.js'
import { bevindingen as repo } from '../db/repos/bevindingen.js'
import { organisatiesMetKenmerk } from '../db/repos/declaraties.js'
import { invalidInput, msg } from '../domain/errors.js'
import { systeemklok } from '../domain/klok.js'
import { parseSort } from '../domain/listing.js'
import { ERNST_NAAM, ERNST_NIVEAUS, type Ernst } from '../domain/vertrouwen/index.js'
import { openMigrated } from '../runtime.js'
import { BevindingenService } from '../services/bevindingen-service.js'

// `regiekamer bevindingen`: the open findings of the trust evaluation, most severe first,
// as a CISO reads them (party, rule and its control, why). It first brings the findings up
// to today (the same re-evaluation the server's daily job runs), so the list is current
// even when no server ran.

export interface BevindingenOpties {
  json?: boolean
  ernst?: string
  organisatie?: string
}

async function organisatieId(config: { db: Parameters<typeof organisatiesMetKenmerk>[0] }, waarde: string): Promise<string> {
  const v = waarde.trim()
  const rows = await organisatiesMetKenmerk(config.db, v)
  if (rows.length === 1 && rows[0]) return rows[0].id
  throw invalidInput([
    {
      name: '--organisatie',
      code: rows.length === 0 ? 'bestaat-niet' : 'niet-eenduidig',
      reason:
        rows.length === 0
          ? msg(`Geen organisatie met id, CBS-code, OIN of naam "${v}".`, `No organisation with id, CBS code, OIN or name "${v}".`)
          : msg(`"${v}" past bij ${rows.length} organisaties; gebruik het id.`, `"${v}" matches ${rows.length} organisations; use the id.`),
    },
  ])
}

function ernstVan(waarde: string | undefined): Ernst | undefined {
  if (waarde === undefined) return undefined
  if ((ERNST_NIVEAUS as readonly string[]).includes(waarde)) return waarde as Ernst
  throw invalidInput([
    {
      name: '--ernst',
      code: 'ongeldige-waarde',
      reason: msg(`Kies hoog, middel of laag (niet "${waarde}").`, `Choose hoog, middel or laag (not "${waarde}").`),
    },
  ])
}

const regel = (r: BevindingRij) =>
  `${ERNST_NAAM[r.inhoud.ernst].nl.padEnd(6)}  ${r.partij_naam ?? r.inhoud.partijId}  ${r.inhoud.regelId} (${r.inhoud.maatregel})  ${r.inhoud.uitleg.nl}${
    r.status === 'geaccepteerd' ? `  [risico aanvaard t/m ${r.acceptatie_tot}]` : ''
  }`

export async function bevindingenTonen(config: Config, opts: BevindingenOpties): Promise<void> {
  const ernst = ernstVan(opts.ernst)
  const { handle } = await openMigrated(config)
  try {
    const db = handle.db
    const organisatie = opts.organisatie ? await organisatieId({ db }, opts.organisatie) : undefined
    const service = new BevindingenService(db, undefined, systeemklok)
    await service.herevalueer()
    const peildatum = service.peildatum()
    const rijen: BevindingRij[] = []
    for (const status of ['open', 'geaccepteerd'] as const) {
      for (let pagina = 1; ; pagina++) {
        const { rijen: deel } = await repo.lijst(db, {
          filters: { status, ...(ernst ? { ernst } : {}), ...(organisatie ? { organisatieId: organisatie } : {}) },
          peildatum,
          zicht: 'alles',
          sort: parseSort('ernst,partij', 'ernst'),
          pagina,
          paginaGrootte: 1000,
        })
        rijen.push(...deel)
        if (deel.length < 1000) break
      }
    }
    if (opts.json) {
      console.log(
        JSON.stringify(
          { peildatum, bevindingen: rijen.map((r) => ({ ...r.inhoud, id: r.id, status: r.status, partijNaam: r.partij_naam })) },
          null,
          2,
        ),
      )
      return
    }
    for (const r of rijen) console.log(regel(r))
    const open = rijen.filter((r) => r.status === 'open').length
    console.log(
      `${open} open bevinding(en), ${rijen.length - open} met aanvaard risico, op ${peildatum}. / ` +
        `${open} open finding(s), ${rijen.length - open} with accepted risk, on ${peildatum}.`,
    )
  } finally {
    await handle.close()
  }
}
