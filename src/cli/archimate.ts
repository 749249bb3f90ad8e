import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Config } from '../config.js'
import { AppError, invalidInput, msg } from '../domain/errors.js'
import { schrijfArchimate } from '../io/archimate/schrijven.js'
import { isUuid } from '../io/csv-columns.js'
import { openMigrated } from '../runtime.js'
import type { ImportRapport, ImportSoort } from '../services/archimate-service.js'
import { createServices } from '../services/index.js'
import { cliActor } from './actor.js'

// `regiekamer import archimate <bestand> [--dry-run]` and `regiekamer export archimate
// [--samenwerking <id of naam>] [<bestand>]`: the API's import and export, acting as the
// system (which may import, as an admin may), with the same report.

const SOORTEN: [ImportSoort, string][] = [
  ['organisatie', 'organisaties'],
  ['referentiecomponent', 'referentiecomponenten'],
  ['applicatie', 'applicaties'],
  ['koppeling', 'koppelingen'],
]

/** How many lines of each list are printed; the counts always cover all. */
const TOON = 50

const waar = (regel?: number) => (regel !== undefined ? `regel ${regel}: ` : '')

function druk(rapport: ImportRapport, bestand: string): void {
  const { model, totalen } = rapport
  console.log(`${bestand}: model "${model.naam}", ${model.elementen} elementen, ${model.relaties} relaties.`)
  console.log(rapport.proef ? 'Proefimport (--dry-run): er is niets opgeslagen.' : 'Geïmporteerd in één transactie.')
  for (const [soort, meervoud] of SOORTEN) {
    const t = totalen[soort]
    console.log(`  ${meervoud}: ${t.aanmaken} aanmaken, ${t.samenvoegen} samenvoegen met bestaande`)
  }
  console.log(`  overgeslagen: ${totalen.overgeslagen}; aannames: ${totalen.aannames}; fouten: ${totalen.fouten}`)
  const samengevoegd = rapport.regels.filter((r) => r.actie === 'samenvoegen')
  if (samengevoegd.length > 0) {
    console.log('Samengevoegd met bestaande objecten:')
    for (const r of samengevoegd.slice(0, TOON))
      console.log(`  ${waar(r.regel)}${r.soort} "${r.naam}" (op ${r.overeenkomst ?? 'identificatie'})${r.wijzigt ? ', aangevuld' : ''}`)
    if (samengevoegd.length > TOON) console.log(`  … en nog ${samengevoegd.length - TOON}`)
  }
  if (rapport.overgeslagen.length > 0) {
    console.log('Overgeslagen:')
    for (const o of rapport.overgeslagen.slice(0, TOON))
      console.log(`  ${waar(o.regel)}${o.soort}${o.naam ? ` "${o.naam}"` : ''} (${o.elementId}): ${o.reden.nl}`)
    if (rapport.overgeslagen.length > TOON) console.log(`  … en nog ${rapport.overgeslagen.length - TOON}`)
  }
  if (rapport.aannames.length > 0) {
    console.log('Aangenomen (het bestand zegt het niet; controleer na de import):')
    for (const a of rapport.aannames.slice(0, TOON))
      console.log(`  ${waar(a.regel)}${a.elementId} ${a.veld}${a.waarde ? ` = ${a.waarde}` : ''}: ${a.reden.nl}`)
    if (rapport.aannames.length > TOON) console.log(`  … en nog ${rapport.aannames.length - TOON}`)
  }
  if (rapport.fouten.length > 0) {
    console.error(`Fouten (${rapport.fouten.length}); zolang er één is, wordt niets geïmporteerd:`)
    for (const f of rapport.fouten) console.error(`  ${waar(f.regel)}${f.veld}: ${f.reden.nl}`)
  }
}

export async function archimateImportCommand(config: Config, bestand: string, opts: { dryRun?: boolean }): Promise<void> {
  try {
    await fs.access(bestand)
  } catch {
    throw new AppError(
      'niet-gevonden',
      404,
      msg('Bestand niet gevonden', 'File not found'),
      msg(`Kan ${bestand} niet lezen.`, `Cannot read ${bestand}.`),
    )
  }
  const { handle } = await openMigrated(config)
  try {
    const services = createServices(handle.db)
    const rapport = await services.archimate.importeer(cliActor(), createReadStream(bestand), { proef: opts.dryRun === true })
    druk(rapport, bestand)
    if (rapport.fouten.length > 0) process.exitCode = 1
  } finally {
    await handle.close()
  }
}

export async function archimateExportCommand(config: Config, opts: { samenwerking?: string; bestand?: string }): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const services = createServices(handle.db)
    const samenwerkingId = opts.samenwerking ? await samenwerkingMetNaam(services, opts.samenwerking) : undefined
    const model = await services.archimate.exporteer(undefined, samenwerkingId)
    const stukken = Readable.from(schrijfArchimate(model))
    if (opts.bestand) {
      await pipeline(stukken, createWriteStream(opts.bestand))
      console.error(
        `"${model.naam}" geëxporteerd naar ${opts.bestand}: ${model.elementen.length} elementen, ${model.relaties.length} relaties, 1 diagram.`,
      )
    } else {
      await pipeline(stukken, process.stdout)
    }
  } finally {
    await handle.close()
  }
}

/** A samenwerking by id or exact name (case-insensitive). */
async function samenwerkingMetNaam(services: ReturnType<typeof createServices>, waarde: string): Promise<string> {
  const v = waarde.trim()
  const alle = await services.samenwerkingen.names()
  const gevonden = isUuid(v)
    ? alle.filter((s) => s.id.toLowerCase() === v.toLowerCase())
    : alle.filter((s) => s.naam.trim().toLowerCase() === v.toLowerCase())
  if (gevonden.length === 1 && gevonden[0]) return gevonden[0].id
  throw invalidInput([
    {
      name: '--samenwerking',
      code: gevonden.length === 0 ? 'bestaat-niet' : 'niet-eenduidig',
      reason:
        gevonden.length === 0
          ? msg(`Geen samenwerking met id of naam "${v}".`, `No cooperation with id or name "${v}".`)
          : msg(
              `"${v}" past bij ${gevonden.length} samenwerkingen; gebruik het id.`,
              `"${v}" matches ${gevonden.length} cooperations; use the id.`,
            ),
    },
  ])
}
