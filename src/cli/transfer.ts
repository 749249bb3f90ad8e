import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import type { Config } from '../config.js'
import { analyzeDatabase } from '../db/repos/maintenance.js'
import { dubbeleRegels } from '../domain/dubbele-regels.js'
import { AppError, type InvalidParam, msg } from '../domain/errors.js'
import type { Objecttype } from '../domain/registry-rules.js'
import {
  ENTITY_TYPES,
  exportHeader,
  fromCsvRecord,
  IMPORT_SLEUTELS,
  isUuid,
  knownImportColumns,
  type RegistryEntity,
  type Resolve,
  toCsvRow,
} from '../io/csv-columns.js'
import { schrijfCsv } from '../io/spreadsheet.js'
import { openMigrated } from '../runtime.js'
import { createServices, type Services } from '../services/index.js'
import type { ObjectService } from '../services/object-service.js'
import { csvDiensten } from '../services/objecttypen.js'
import { ImportRowError } from '../services/registry-service.js'
import { cliActor } from './actor.js'

// CSV import (all or nothing, every bad row reported with its line number) and export
// (optionally for Dutch Excel: ";" and a UTF-8 BOM).

const ENTITIES = Object.keys(ENTITY_TYPES) as RegistryEntity[]

function entityOf(soort: string): RegistryEntity {
  if ((ENTITIES as string[]).includes(soort)) return soort as RegistryEntity
  throw new AppError(
    'ongeldige-invoer',
    400,
    msg('Onbekende soort', 'Unknown kind'),
    msg(
      `Onbekende soort "${soort}". Kies uit: ${ENTITIES.join(', ')}. Een ArchiMate-bestand: archimate.`,
      `Unknown kind "${soort}". Choose from: ${ENTITIES.join(', ')}. An ArchiMate file: archimate.`,
    ),
  )
}

function serviceFor(services: Services, type: Objecttype): ObjectService {
  const service = services.objecttypen[type].dienst
  if (!service) throw new Error(`no service for ${type}`)
  return service
}

async function nameIndex(services: Services) {
  const byType = new Map<Objecttype, { byId: Map<string, string>; byName: Map<string, string[]> }>()
  // The types files may refer to by id or name: those that go through CSV (the register).
  for (const [type, service] of csvDiensten(services.objecttypen)) {
    const byId = new Map<string, string>()
    const byName = new Map<string, string[]>()
    for (const { id, naam } of await service.names()) {
      byId.set(id, naam)
      const key = naam.trim().toLowerCase()
      byName.set(key, [...(byName.get(key) ?? []), id])
    }
    byType.set(type, { byId, byName })
  }
  const nameOf = (type: Objecttype, id: string) => byType.get(type)?.byId.get(id) ?? ''
  const resolve: Resolve = (type, value) => {
    const index = byType.get(type)
    if (isUuid(value)) return index?.byId.has(value) ? { id: value } : { error: `Er bestaat geen ${type} met id ${value}.` }
    const ids = index?.byName.get(value.trim().toLowerCase()) ?? []
    if (ids.length === 1) return { id: ids[0] }
    if (ids.length === 0) return { error: `Er bestaat geen ${type} met de naam "${value}".` }
    return { error: `De naam "${value}" past bij ${ids.length} objecten van type ${type}; gebruik het id.` }
  }
  return { nameOf, resolve }
}

function detectDelimiter(content: string): string {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? ''
  return (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ','
}

interface RowProblem {
  line: number
  params: InvalidParam[]
}

function reportProblems(file: string, total: number, problems: RowProblem[]): void {
  problems.sort((a, b) => a.line - b.line)
  console.error(`Niets geïmporteerd: ${problems.length} van de ${total} rij(en) in ${file} bevatten fouten.`)
  console.error(`Nothing imported: ${problems.length} of the ${total} row(s) in ${file} have errors.`)
  for (const p of problems) {
    for (const param of p.params) {
      console.error(`  regel ${p.line}, ${param.name}: ${param.reason.nl} [${param.code}]`)
      console.error(`    line ${p.line}, ${param.name}: ${param.reason.en}`)
    }
  }
  process.exitCode = 1
}

export async function importCommand(config: Config, soort: string, file: string): Promise<void> {
  const entity = entityOf(soort)
  let content: string
  try {
    content = await fs.readFile(file, 'utf8')
  } catch {
    throw new AppError(
      'niet-gevonden',
      404,
      msg('Bestand niet gevonden', 'File not found'),
      msg(`Kan ${file} niet lezen.`, `Cannot read ${file}.`),
    )
  }
  content = content.replace(/^\uFEFF/, '')
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parse(content, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      delimiter: detectDelimiter(content),
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    })
  } catch (e) {
    const err = e as Error & { lines?: number }
    throw new AppError(
      'ongeldige-invoer',
      400,
      msg('Onleesbaar CSV-bestand', 'Unreadable CSV file'),
      msg(`${file}, regel ${err.lines ?? '?'}: ${err.message}`, `${file}, line ${err.lines ?? '?'}: ${err.message}`),
    )
  }

  const known = knownImportColumns(entity)
  const unknownColumns = records.length > 0 ? Object.keys(records[0].record).filter((c) => !known.has(c)) : []
  if (unknownColumns.length > 0) {
    throw new AppError(
      'ongeldige-invoer',
      400,
      msg('Onbekende kolommen', 'Unknown columns'),
      msg(
        `${file}, regel 1: onbekende kolom(men) ${unknownColumns.join(', ')}. Bekende kolommen: ${[...known].join(', ')}.`,
        `${file}, line 1: unknown column(s) ${unknownColumns.join(', ')}. Known columns: ${[...known].join(', ')}.`,
      ),
    )
  }

  const { handle } = await openMigrated(config)
  try {
    const services = createServices(handle.db)
    const service = serviceFor(services, ENTITY_TYPES[entity])
    const { resolve } = await nameIndex(services)
    const problems: RowProblem[] = []
    const inputs: Record<string, unknown>[] = []
    const ids: (string | undefined)[] = []
    const lines: number[] = []
    for (const { record, info } of records) {
      const { input, errors } = fromCsvRecord(entity, record, resolve)
      const id = record.id?.trim() || undefined
      if (id && !isUuid(id)) {
        errors.push({
          name: 'id',
          code: 'ongeldig-formaat',
          reason: msg('Geen geldige identificatie (UUID).', 'Not a valid identifier (UUID).'),
        })
      }
      if (errors.length > 0) problems.push({ line: info.lines, params: errors })
      inputs.push(input)
      ids.push(id)
      lines.push(info.lines)
    }
    const addProblems = (line: number, params: InvalidParam[]) => {
      const existing = problems.find((p) => p.line === line)
      if (existing) existing.params.push(...params)
      else problems.push({ line, params })
    }
    for (const [i, params] of await service.check(inputs)) addProblems(lines[i], params)
    // A key twice in one file: the second row would overwrite the first or fail halfway.
    for (const sleutel of IMPORT_SLEUTELS[entity]) {
      const rijen = inputs.map((input, i) => ({ regel: lines[i], sleutel: sleutel.van(input, ids[i]) }))
      for (const d of dubbeleRegels(sleutel.veld, sleutel.wat, rijen)) addProblems(d.regel, [d.fout])
    }
    if (problems.length > 0) {
      reportProblems(file, records.length, problems)
      return
    }
    const showProgress = inputs.length >= 500
    try {
      const items = inputs.map((input, i) => ({ id: ids[i], input }))
      const result = await service.importAll(cliActor(), items, (done) => {
        if (showProgress) process.stderr.write(`\rGeïmporteerd: ${done}/${inputs.length}`)
      })
      if (showProgress) process.stderr.write('\n')
      await analyzeDatabase(handle.db)
      console.log(
        `${entity} geïmporteerd uit ${file}: ${result.aangemaakt} aangemaakt, ${result.bijgewerkt} bijgewerkt, ${result.ongewijzigd} ongewijzigd.`,
      )
    } catch (e) {
      if (showProgress) process.stderr.write('\n')
      if (e instanceof ImportRowError && e.cause instanceof AppError && e.cause.invalidParams.length > 0) {
        reportProblems(file, records.length, [{ line: lines[e.index], params: e.cause.invalidParams }])
        return
      }
      throw e instanceof ImportRowError ? e.cause : e
    }
  } finally {
    await handle.close()
  }
}

export async function exportCommand(config: Config, soort: string, opts: { output?: string; excel?: boolean }): Promise<void> {
  const entity = entityOf(soort)
  const { handle } = await openMigrated(config)
  try {
    const services = createServices(handle.db)
    const { nameOf } = await nameIndex(services)
    const resources = await serviceFor(services, ENTITY_TYPES[entity]).all()
    const rows = [exportHeader(entity), ...resources.map((r) => toCsvRow(entity, r, nameOf))]
    const csv = schrijfCsv(rows, { excel: opts.excel === true })
    if (opts.output) {
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(opts.output as string)
        out.on('error', reject)
        out.end(csv, () => resolve())
      })
      console.error(`${resources.length} ${entity} geëxporteerd naar ${opts.output}.`)
    } else {
      process.stdout.write(csv)
    }
  } finally {
    await handle.close()
  }
}
