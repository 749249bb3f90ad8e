import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type AuditEntry, type AuditVerification, verifyAuditChain } from '../domain/auditchain.js'
import { demoMessage, seedDemo } from '../io/demo.js'
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
    console.log(demoMessage(counts))
  } finally {
    await handle.close()
  }
}

/** Verifies the chain batch by batch, so memory stays flat however long the log. */
async function verifyStoredChain(db: Database): Promise<AuditVerification> {
  const total: AuditVerification = { checked: 0, headHash: '', problems: [] }
  let last: AuditEntry | undefined
  let batch: AuditEntry[] = []
  const flush = () => {
    const r = verifyAuditChain(batch, last)
    total.checked += r.checked
    total.problems.push(...r.problems)
    last = batch[batch.length - 1] ?? last
    batch = []
  }
  for await (const e of auditlog.inOrder(db)) {
    batch.push(e)
    if (batch.length >= 1000) flush()
  }
  flush()
  total.headHash = last?.hash ?? ''
  return total
}

/** What `audit verify` checks: the hash chain, and objects without a creation entry. */
export async function checkAuditLog(db: Database) {
  return { result: await verifyStoredChain(db), untracked: await auditlog.objectsWithoutTrail(db) }
}

/** Returns true when the chain is intact. */
export async function auditVerify(config: Config): Promise<boolean> {
  const { handle } = await openMigrated(config)
  try {
    const { result, untracked } = await checkAuditLog(handle.db)
    if (result.problems.length === 0 && untracked.length === 0) {
      console.log(`Auditlog intact: ${result.checked} regels gecontroleerd. Laatste hash: ${result.headHash}`)
      console.log('Bewaar de laatste hash buiten Regiekamer; zo valt ook het weglaten van de laatste regels op.')
      return true
    }
    console.error(
      `Auditlog NIET intact: ${result.problems.length + untracked.length} probleem/problemen; ${result.checked} regels gecontroleerd.`,
    )
    for (const p of result.problems) console.error(`  regel ${p.volgnummer}: ${p.kind} — ${p.nl}`)
    for (const o of untracked) {
      console.error(
        `  ${o.objecttype} ${o.id} (${o.naam}): object-zonder-auditregel — er is geen regel over het aanmaken; auditregels zijn verwijderd of er is buiten Regiekamer om geschreven.`,
      )
    }
    return false
  } finally {
    await handle.close()
  }
}
