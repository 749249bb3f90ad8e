import { type Migration, type MigrationProvider, Migrator } from 'kysely'
import type { Database } from './database.js'
import * as m0001 from './migrations/0001_registry.js'
import * as m0002 from './migrations/0002_auditlog_truncate.js'
import * as m0003 from './migrations/0003_zoekindex.js'
import * as m0004 from './migrations/0004_toegang.js'
import * as m0005 from './migrations/0005_oidc.js'
import * as m0006 from './migrations/0006_kosten.js'
import * as m0007 from './migrations/0007_lidmaatschap.js'
import * as m0008 from './migrations/0008_sleutel_geregistreerd.js'
import * as m0009 from './migrations/0009_afnemerschap.js'
import * as m0010 from './migrations/0010_betaalgegevens.js'
import * as m0011 from './migrations/0011_koppeling_samenwerking.js'
import * as m0012 from './migrations/0012_declaratie_betaalgegevens.js'
import * as m0013 from './migrations/0013_achtergrondtaak.js'
import * as m0014 from './migrations/0014_vertrouwen.js'
import * as m0015 from './migrations/0015_vertrouwensbeleid.js'
import * as m0016 from './migrations/0016_monitoring.js'
import * as m0017 from './migrations/0017_monitoring_indexen.js'
import * as m0018 from './migrations/0018_interop.js'

// Migrations are code, listed here in order, so a bundled build needs no folder scan.
const migrations: Record<string, Migration> = {
  '0001_registry': m0001,
  '0002_auditlog_truncate': m0002,
  '0003_zoekindex': m0003,
  '0004_toegang': m0004,
  '0005_oidc': m0005,
  '0006_kosten': m0006,
  '0007_lidmaatschap': m0007,
  '0008_sleutel_geregistreerd': m0008,
  '0009_afnemerschap': m0009,
  '0011_koppeling_samenwerking': m0011,
  '0010_betaalgegevens': m0010,
  '0012_declaratie_betaalgegevens': m0012,
  '0013_achtergrondtaak': m0013,
  '0015_vertrouwensbeleid': m0015,
  '0014_vertrouwen': m0014,
  '0016_monitoring': m0016,
  '0017_monitoring_indexen': m0017,
  '0018_interop': m0018,
}

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations
  }
}

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(),
    migrationTableName: 'regiekamer_migratie',
    migrationLockTableName: 'regiekamer_migratie_lock',
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
