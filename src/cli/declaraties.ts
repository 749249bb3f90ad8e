import fs from 'node:fs/promises'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { organisatiesMetKenmerk } from '../db/repos/declaraties.js'
import { bedragNl } from '../domain/declaraties.js'
import { AppError, invalidInput, msg } from '../domain/errors.js'
import { systeemklok } from '../domain/klok.js'
import { isUuid } from '../io/csv-columns.js'
import { declaratieCsv } from '../io/declaratie-csv.js'
import { declaratieXlsx } from '../io/declaratie-xlsx.js'
import { openMigrated } from '../runtime.js'
import { declaratieDocument } from '../services/declaratie-document.js'
import { DeclaratieService } from '../services/declaratie-service.js'
import { cliActor } from './actor.js'

// `regiekamer declaraties genereren|exporteren`: the same commands as the API, acting
// as the system (all senders), with the same checks and audit log entries.

/** An organisation by id, CBS code, OIN or exact name. */
async function organisatieId(db: Database, waarde: string): Promise<string> {
  const v = waarde.trim()
  const rows = await organisatiesMetKenmerk(db, v)
  if (rows.length === 1 && rows[0]) return rows[0].id
  throw invalidInput([
    {
      name: '--van',
      code: rows.length === 0 ? 'bestaat-niet' : 'niet-eenduidig',
      reason:
        rows.length === 0
          ? msg(`Geen organisatie met id, CBS-code, OIN of naam "${v}".`, `No organisation with id, CBS code, OIN or name "${v}".`)
          : msg(`"${v}" past bij ${rows.length} organisaties; gebruik het id.`, `"${v}" matches ${rows.length} organisations; use the id.`),
    },
  ])
}

export async function declaratiesGenereren(config: Config, opts: { periode: string; van?: string }): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const service = new DeclaratieService(handle.db, undefined, systeemklok)
    const vanId = opts.van ? await organisatieId(handle.db, opts.van) : undefined
    const r = await service.genereren(cliActor(), { periode: opts.periode, ...(vanId ? { vanId } : {}) })
    for (const d of r.gegenereerd)
      console.log(
        `${d.nummer ?? 'concept'}  ${d.vanNaam} → ${d.aanNaam}  ${d.periode}  ${bedragNl(d.totaal)}  (${d.aantalRegels} regels)  ${d.id}`,
      )
    for (const o of r.overgeslagen) console.log(`overgeslagen  ${o.vanNaam} → ${o.aanNaam}: ${o.reden}`)
    if (r.verwijderd.length > 0) console.log(`${r.verwijderd.length} concept(en) zonder kosten verwijderd.`)
    if (r.melding) console.log(r.melding)
    console.log(
      `${r.gegenereerd.length} concept-declaratie(s) gegenereerd voor ${r.periode}, ${r.overgeslagen.length} overgeslagen. / ` +
        `${r.gegenereerd.length} draft declaration(s) generated for ${r.periode}, ${r.overgeslagen.length} skipped.`,
    )
  } finally {
    await handle.close()
  }
}

const FORMATEN = ['pdf', 'xlsx', 'csv'] as const

export async function declaratieExporteren(config: Config, id: string, opts: { formaat: string; uit: string }): Promise<void> {
  const formaat = opts.formaat.toLowerCase()
  if (!(FORMATEN as readonly string[]).includes(formaat))
    throw invalidInput([
      {
        name: '--formaat',
        code: 'ongeldige-waarde',
        reason: msg(`Kies pdf, xlsx of csv (niet "${opts.formaat}").`, `Choose pdf, xlsx or csv (not "${opts.formaat}").`),
      },
    ])
  if (!isUuid(id))
    throw new AppError(
      'ongeldige-invoer',
      400,
      msg('Ongeldig id', 'Invalid id'),
      msg(`"${id}" is geen declaratie-id (UUID).`, `"${id}" is not a declaration id (UUID).`),
    )
  const { handle } = await openMigrated(config)
  try {
    const d = await new DeclaratieService(handle.db, undefined, systeemklok).get(id)
    const inhoud =
      formaat === 'pdf' ? await declaratieDocument(handle.db, d) : formaat === 'xlsx' ? await declaratieXlsx(d) : declaratieCsv(d)
    await fs.writeFile(opts.uit, inhoud)
    console.log(
      `${d.soort === 'correctie' ? 'Correctiedeclaratie' : 'Declaratie'} ${d.nummer ?? '(concept)'} ${d.vanNaam} → ${d.aanNaam} ${d.periode}, ${bedragNl(d.totaal)}: geschreven naar ${opts.uit}`,
    )
  } finally {
    await handle.close()
  }
}
