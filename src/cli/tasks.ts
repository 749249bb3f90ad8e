import type { Config } from '../config.js'
import { auditlog } from '../db/repos/auditlog.js'
import { verifyAuditChain } from '../domain/auditchain.js'
import { seedDemo } from '../io/demo.js'
import { openMigrated } from '../runtime.js'
import { createServices } from '../services/index.js'
import { cliActor } from './actor.js'

export async function migrate(config: Config): Promise<void> {
  const { handle, fresh } = await openMigrated(config)
  await handle.close()
  console.log(fresh ? 'Database aangemaakt en bijgewerkt naar de laatste versie.' : 'Database is bijgewerkt naar de laatste versie.')
}

export async function seed(config: Config): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const counts = await seedDemo(createServices(handle.db), cliActor('demo-gegevens'))
    console.log(
      `Demogegevens geladen: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}.`,
    )
  } finally {
    await handle.close()
  }
}

/** Returns true when the chain is intact. */
export async function auditVerify(config: Config): Promise<boolean> {
  const { handle } = await openMigrated(config)
  try {
    const entries = []
    for await (const e of auditlog.inOrder(handle.db)) entries.push(e)
    const result = verifyAuditChain(entries)
    if (result.problems.length === 0) {
      console.log(`Auditlog intact: ${result.checked} regels gecontroleerd. Laatste hash: ${result.headHash}`)
      console.log('Bewaar de laatste hash buiten Regiekamer; zo valt ook het weglaten van de laatste regels op.')
      return true
    }
    console.error(`Auditlog NIET intact: ${result.problems.length} probleem/problemen in ${result.checked} regels.`)
    for (const p of result.problems) console.error(`  regel ${p.volgnummer}: ${p.kind} — ${p.nl}`)
    return false
  } finally {
    await handle.close()
  }
}
