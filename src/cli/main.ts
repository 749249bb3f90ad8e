import { Command, InvalidArgumentError } from 'commander'
import { type Config, loadConfig } from '../config.js'
import { AppError } from '../domain/errors.js'
import { archimateExportCommand, archimateImportCommand } from './archimate.js'
import { bevindingenTonen } from './bevindingen.js'
import { controleUitvoeren } from './controle.js'
import { declaratieExporteren, declaratiesGenereren } from './declaraties.js'
import { addUser, changeUser, listUsers } from './gebruikers.js'
import { auditVerify, migrate, seed } from './tasks.js'
import { exportCommand, importCommand } from './transfer.js'

// The `regiekamer` command. Errors print a Dutch message (and English) and exit 1,
// never a stack trace; set DEBUG=1 for the trace.

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('geen geldig poortnummer / not a valid port')
  return Number(value)
}

interface GlobalOpts {
  dataDir?: string
  databaseUrl?: string
}

function configFrom(cmd: Command, extra: Partial<Config> = {}): Config {
  const g = cmd.optsWithGlobals() as GlobalOpts
  return loadConfig(process.env, {
    ...extra,
    ...(g.dataDir ? { dataDir: g.dataDir } : {}),
    ...(g.databaseUrl ? { databaseUrl: g.databaseUrl } : {}),
  })
}

export function buildCli(): Command {
  const program = new Command('regiekamer')
    .description('Regiekamer: de regiekamer voor ICT-samenwerking tussen gemeenten')
    .option('--data-dir <map>', 'map voor de ingebouwde database (standaard ./data of DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL-verbinding (standaard DATABASE_URL); zonder: ingebouwde PGlite')
    .showHelpAfterError()

  program
    .command('serve')
    .description('start de webserver en API')
    .option('-p, --port <poort>', 'poort (standaard 8080 of PORT)', port)
    .option('--host <adres>', 'adres om op te luisteren (standaard 127.0.0.1 of HOST)')
    .option('--demo', 'laad de demogegevens bij het starten')
    .action(async (opts, cmd: Command) => {
      const config = configFrom(cmd, {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.demo ? { demo: true } : {}),
      })
      // Loaded only here: the web server's modules would slow every other command's start.
      const { serve } = await import('./serve.js')
      const stop = await serve(config)
      const shutdown = async () => {
        await stop()
        process.exit(0)
      }
      process.once('SIGINT', shutdown)
      process.once('SIGTERM', shutdown)
    })

  program
    .command('migrate')
    .description('breng het databaseschema op de laatste versie')
    .action(async (_opts, cmd: Command) => migrate(configFrom(cmd)))

  program
    .command('seed')
    .description('laad gegevens in de database')
    .option('--demo', 'de demogegevens uit de brondocumenten')
    .action(async (opts, cmd: Command) => {
      if (!opts.demo) throw new InvalidArgumentError('geef --demo op / pass --demo')
      await seed(configFrom(cmd))
    })

  program
    .command('import')
    .description(
      'importeer een CSV-bestand (organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen, …) of een ArchiMate-bestand (import archimate <bestand>), alles of niets',
    )
    .argument('<soort>', 'soort gegevens, of archimate')
    .argument('<bestand>', 'CSV-bestand (komma of puntkomma, UTF-8, met kopregel) of ArchiMate exchange-bestand (XML)')
    .option('--dry-run', 'alleen bij archimate: toon het rapport, sla niets op')
    .action(async (soort: string, bestand: string, opts: { dryRun?: boolean }, cmd: Command) => {
      if (soort === 'archimate') return archimateImportCommand(configFrom(cmd), bestand, opts)
      if (opts.dryRun)
        throw new InvalidArgumentError('--dry-run kan alleen bij import archimate / --dry-run only works with import archimate')
      return importCommand(configFrom(cmd), soort, bestand)
    })

  program
    .command('export')
    .description(
      'exporteer als CSV (organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen, …) of als ArchiMate-bestand met diagram (export archimate)',
    )
    .argument('<soort>', 'soort gegevens, of archimate')
    .argument('[bestand]', 'schrijf naar dit bestand in plaats van stdout')
    .option('-o, --output <bestand>', 'schrijf naar dit bestand in plaats van stdout')
    .option('--excel', 'Nederlandse Excel: puntkomma als scheidingsteken en UTF-8 BOM')
    .option('--samenwerking <samenwerking>', 'alleen bij archimate: alleen het landschap van deze samenwerking (id of naam)')
    .action(
      async (
        soort: string,
        bestand: string | undefined,
        opts: { output?: string; excel?: boolean; samenwerking?: string },
        cmd: Command,
      ) => {
        const uit = bestand ?? opts.output
        if (soort === 'archimate') return archimateExportCommand(configFrom(cmd), { samenwerking: opts.samenwerking, bestand: uit })
        if (opts.samenwerking)
          throw new InvalidArgumentError('--samenwerking kan alleen bij export archimate / --samenwerking only works with export archimate')
        return exportCommand(configFrom(cmd), soort, { output: uit, excel: opts.excel })
      },
    )

  const gebruiker = program.command('gebruiker').description('gebruikers en rollen')
  gebruiker
    .command('toevoegen')
    .description('voeg een gebruiker toe; zonder REGIEKAMER_WACHTWOORD wordt een tijdelijk wachtwoord getoond')
    .argument('<gebruikersnaam>', 'inlognaam')
    .option('--naam <naam>', 'volledige naam')
    .option('--email <adres>', 'e-mailadres')
    .option('--admin', 'de rol admin (beheer van de hele installatie)')
    .option('--rol <rol@organisatie...>', 'rol bij een organisatie (CBS-code, OIN, id of naam), bijv. beheerder@GM0402')
    .action(async (naam: string, opts, cmd: Command) => addUser(configFrom(cmd), naam, opts))

  gebruiker
    .command('lijst')
    .description('alle gebruikers met status en rollen')
    .action(async (_opts, cmd: Command) => listUsers(configFrom(cmd)))
  gebruiker
    .command('wijzigen')
    .description('rollen (vervangen alle huidige), status of wachtwoord van een gebruiker wijzigen')
    .argument('<gebruikersnaam>', 'inlognaam')
    .option('--admin', 'de rol admin')
    .option('--rol <rol@organisatie...>', 'rol bij een organisatie, bijv. lezer@GM1696')
    .option('--actief', 'mag weer inloggen')
    .option('--inactief', 'mag niet meer inloggen (sessies vervallen)')
    .option('--nieuw-wachtwoord', 'nieuw wachtwoord (uit REGIEKAMER_WACHTWOORD, of eenmalig getoond)')
    .action(async (naam: string, opts, cmd: Command) =>
      changeUser(configFrom(cmd), naam, { ...opts, actief: opts.inactief ? false : opts.actief ? true : undefined }),
    )

  const declaraties = program
    .command('declaraties')
    .description('declaraties tussen deelnemers (kosten van gastheerschappen en samenwerkingen)')
  declaraties
    .command('genereren')
    .description('maak concept-declaraties voor een periode: per afzender en ontvanger één concept (een bestaand concept wordt vervangen)')
    .requiredOption('--periode <periode>', 'jaar (2026), kwartaal (2026-Q3) of maand (2026-07)')
    .option('--van <organisatie>', 'alleen deze afzender (CBS-code, OIN, id of naam)')
    .action(async (opts: { periode: string; van?: string }, cmd: Command) => declaratiesGenereren(configFrom(cmd), opts))
  declaraties
    .command('exporteren')
    .description('schrijf een declaratie als PDF, XLSX of CSV')
    .argument('<id>', 'id van de declaratie')
    .requiredOption('--formaat <formaat>', 'pdf, xlsx of csv')
    .requiredOption('--uit <bestand>', 'het bestand om te schrijven')
    .action(async (id: string, opts: { formaat: string; uit: string }, cmd: Command) => declaratieExporteren(configFrom(cmd), id, opts))

  program
    .command('bevindingen')
    .description('open bevindingen van het vertrouwensbeleid (ernst, partij, regel en maatregel, waarom); brengt ze eerst bij tot vandaag')
    .option('--json', 'als JSON')
    .option('--ernst <ernst>', 'alleen hoog, middel of laag')
    .option('--organisatie <organisatie>', 'alleen over deze partij of onder het beleid van deze organisatie (CBS-code, OIN, id of naam)')
    .action(async (opts: { json?: boolean; ernst?: string; organisatie?: string }, cmd: Command) => bevindingenTonen(configFrom(cmd), opts))

  const controle = program.command('controle').description('controles van koppelingen (monitoring)')
  controle
    .command('uitvoeren')
    .argument('<controle>', 'id of naam van de controle')
    .description('voer een controle nu uit, leg de meting vast en toon de uitkomst (exitcode 2 als zij mislukt)')
    .option('--json', 'als JSON')
    .action(async (wie: string, opts: { json?: boolean }, cmd: Command) => {
      const ok = await controleUitvoeren(configFrom(cmd), wie, opts)
      if (!ok) process.exitCode = 2
    })

  const audit = program.command('audit').description('de auditlog')
  audit
    .command('verify')
    .description('controleer de hashketen van de auditlog op gewijzigde, ingevoegde of verwijderde regels')
    .action(async (_opts, cmd: Command) => {
      const ok = await auditVerify(configFrom(cmd))
      if (!ok) process.exitCode = 2
    })

  return program
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv)
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`Fout: ${e.detail.nl}\nError: ${e.detail.en}`)
      for (const p of e.invalidParams) console.error(`  ${p.name}: ${p.reason.nl} [${p.code}]`)
    } else {
      const err = e as Error
      console.error(`Fout / Error: ${err.message}`)
      if (process.env.DEBUG) console.error(err.stack)
    }
    process.exitCode = 1
  }
}
