import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import type { Database } from '../../src/db/database.js'
import { up } from '../../src/db/migrations/0011_koppeling_samenwerking.js'
import { seedDemo } from '../../src/io/demo.js'
import { createServices } from '../../src/services/index.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'

// Migration 0011 on data in the shape before it (issue 20.4, 20.13): free-text landelijke
// voorzieningen are mapped case-insensitively onto the fixed list (unknown text becomes
// overig with its name), and every koppeling gets the samenwerking of its gastheerschap,
// else, without gastheerschap, the one samenwerking whose confirmed leden use all its
// applicaties, else none.

let tdb: TestDatabase
let db: Database

const koppeling = async (naam: string) =>
  db
    .selectFrom('koppeling')
    .select(['id', 'bron_voorziening', 'bron_voorziening_overig', 'doel_voorziening', 'doel_voorziening_overig', 'samenwerking_id'])
    .where('naam', '=', naam)
    .executeTakeFirstOrThrow()
const samenwerking = async (naam: string) =>
  (await db.selectFrom('samenwerking').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id

beforeAll(async () => {
  tdb = await freshDatabase()
  db = tdb.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  // Back to the shape before 0011: free text, no samenwerking of its own.
  await sql`
    UPDATE koppeling SET bron_voorziening = 'brp (digilevering)' WHERE naam = 'Gegevensmakelaar – Key2Belastingen (BRP)';
    UPDATE koppeling SET doel_voorziening = 'Landelijke Voorziening BAG' WHERE naam LIKE 'MDU%';
    UPDATE koppeling SET doel_voorziening = 'E-mail en telefonie Gooise Meren', doel_voorziening_overig = NULL WHERE naam LIKE 'Meldingen%';
    UPDATE koppeling SET gastheerschap_id = NULL WHERE naam = 'Zaaksysteem – Documentmanagementsysteem Bloemendaal-Heemstede';
    UPDATE koppeling SET gastheerschap_id = NULL WHERE naam = 'Key2Belastingen – Berichtenbox MijnOverheid';
    UPDATE gastheerschap SET samenwerking_id = NULL WHERE taak = 'Personeels- en salarisadministratie';
    ALTER TABLE koppeling DROP COLUMN samenwerking_id, DROP COLUMN bron_voorziening_overig, DROP COLUMN doel_voorziening_overig;
  `.execute(db)
  await up(db as never)
})
afterAll(async () => tdb?.destroy())

describe('migration 0011', () => {
  it('maps free-text voorzieningen onto the list, case-insensitively, and keeps unknown text as overig', async () => {
    expect(await koppeling('Gegevensmakelaar – Key2Belastingen (BRP)')).toMatchObject({
      bron_voorziening: 'BRP',
      bron_voorziening_overig: null,
    })
    expect((await koppeling('MDU – BAG-mutaties naar de Landelijke Voorziening')).doel_voorziening).toBe('BAG')
    expect(await koppeling('Meldingen Gooise Meren – ICT-servicedesksysteem')).toMatchObject({
      doel_voorziening: 'overig',
      doel_voorziening_overig: 'E-mail en telefonie Gooise Meren',
    })
  })

  it('gives a koppeling its gastheerschap’s samenwerking, else the one derived from its users, else none', async () => {
    const hw = await samenwerking('Gastheerschappen Hilversum – Wijdemeren')
    expect((await koppeling('Gegevensmakelaar – Key2Belastingen (BRP)')).samenwerking_id).toBe(hw)
    // No gastheerschap: both applicaties are used by Bloemendaal and Heemstede.
    expect((await koppeling('Zaaksysteem – Documentmanagementsysteem Bloemendaal-Heemstede')).samenwerking_id).toBe(
      await samenwerking('ICT-samenwerking Bloemendaal – Heemstede'),
    )
    // No gastheerschap, and Key2Belastingen is used by Hilversum, a lid of two samenwerkingen: left open.
    expect((await koppeling('Key2Belastingen – Berichtenbox MijnOverheid')).samenwerking_id).toBeNull()
    // Its gastheerschap is in no samenwerking: it stays outside too, as the service decides
    // (its users, Hilversum and Wijdemeren, would otherwise give Hilversum – Wijdemeren).
    expect((await koppeling('DLP – HR- en salarissysteem')).samenwerking_id).toBeNull()
  })
})
