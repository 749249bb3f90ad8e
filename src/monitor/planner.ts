import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { Database } from '../db/database.js'
import { ontsleutel } from '../db/geheimen.js'
import { claimMeldingen, meldingMislukt, meldingVerzonden, type WachtendeMelding } from '../db/repos/meldingen.js'
import { type ControleRij, claimControles, geefLeasesTerug, leesControles, ruimOp, vulToestandenAan } from '../db/repos/monitoring.js'
import { msg } from '../domain/errors.js'
import { type Klok, systeemklok } from '../domain/klok.js'
import { type Bewaartermijnen, grensRollups, grensRuweMetingen, STANDAARD_BEWAARTERMIJNEN } from '../domain/monitoring/bewaren.js'
import type { ControleGeheimen } from '../domain/monitoring/invoer.js'
import { volgendePoging } from './meldingen/herhalen.js'
import { verstuurMelding } from './meldingen/index.js'
import type { Melding, Meldingskanaal, SmtpInstellingen } from './meldingen/typen.js'
import { naarProbe } from './naar-probe.js'
import { voerUit } from './probes/index.js'
import type { AdresOpties, Uitkomst } from './typen.js'
import { type Resultaat, verwerkResultaten } from './verwerken.js'

// The scheduler (issue 14). Every round it takes the lease on due controles that nobody
// holds — through the database, so several Regiekamer processes on one PostgreSQL share
// the work without probing one controle twice (claimControles: FOR UPDATE SKIP LOCKED) —
// runs them with bounded concurrency, and writes the results in batches
// (verwerkResultaten). A process that dies keeps its leases until they run out; then
// another takes the controles over. The spread: a new controle is first due at a random
// moment within its interval, and each next run moves by a few percent either way.
// Beside that, each round sends due notifications from the outbox, and once an hour
// old metingen and roll-ups are purged.

export interface MonitorLog {
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface MonitorOpties extends AdresOpties {
  klok?: Klok
  /** Probes in flight at most (default 32). */
  gelijktijdig?: number
  /** Rounds this far apart (default 1 s). */
  rondeMs?: number
  /** Results written together at most (default 200); a batch is also written when the round ends. */
  batchGrootte?: number
  /** A lease lasts the probe's worst case (timeout × attempts) plus this, for writing the result (default 30 s). */
  leaseMargeMs?: number
  bewaren?: Bewaartermijnen
  smtp?: SmtpInstellingen
  publicUrl?: string
  log?: MonitorLog
  /** Timeout of one notification (default 10 s). */
  meldingTimeoutMs?: number
}

const stil: MonitorLog = { warn() {}, error() {} }
const UUR = 3_600_000

export class Monitor {
  /** Who holds a lease: unique per process, readable in the table. */
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly klok: Klok
  private readonly log: MonitorLog
  private readonly gelijktijdig: number
  private readonly rondeMs: number
  private readonly batchGrootte: number
  private readonly leaseMargeMs: number
  private timer: NodeJS.Timeout | undefined
  private lopend = new Set<Promise<void>>()
  private buffer: Resultaat[] = []
  private schrijven: Promise<void> = Promise.resolve()
  private ronde: Promise<void> | undefined
  private gestopt = false
  private laatstOpgeruimd = 0
  private laatstAangevuld = 0
  private verzenden: Promise<void> | undefined

  constructor(
    private readonly db: Database,
    private readonly opties: MonitorOpties,
  ) {
    this.klok = opties.klok ?? systeemklok
    this.log = opties.log ?? stil
    this.gelijktijdig = Math.max(1, opties.gelijktijdig ?? 32)
    this.rondeMs = Math.max(100, opties.rondeMs ?? 1000)
    this.batchGrootte = Math.max(1, opties.batchGrootte ?? 200)
    this.leaseMargeMs = opties.leaseMargeMs ?? 30_000
  }

  start(): void {
    if (this.timer || this.gestopt) return
    this.plan(0)
  }

  /** Stops claiming, lets probes in flight finish, writes what they found. */
  async stop(): Promise<void> {
    this.gestopt = true
    clearTimeout(this.timer)
    this.timer = undefined
    await this.ronde
    await Promise.all(this.lopend)
    await this.verzenden
    await this.schrijf()
  }

  private plan(ms: number): void {
    this.timer = setTimeout(() => {
      this.ronde = this.rondeUit()
        .catch((e) => this.log.error({ err: e }, 'Monitorronde mislukt'))
        .finally(() => {
          this.ronde = undefined
          if (!this.gestopt) this.plan(this.rondeMs)
        })
    }, ms)
    this.timer.unref()
  }

  /** One round: make state rows for new controles, claim and start due ones, send notifications, purge now and then. */
  async rondeUit(): Promise<void> {
    const nu = this.klok.nu().getTime()
    if (nu - this.laatstAangevuld >= 5000) {
      await vulToestandenAan(this.db, nu)
      this.laatstAangevuld = nu
    }
    const vrij = this.gelijktijdig - this.lopend.size
    if (vrij > 0 && !this.gestopt) {
      const ids = await claimControles(this.db, { door: this.id, nu, max: vrij, margeMs: this.leaseMargeMs })
      const controles = await leesControles(this.db, ids)
      if (this.gestopt) await geefLeasesTerug(this.db, this.id, ids)
      else for (const c of controles) this.begin(c)
    }
    // Sending never holds up probing: a hanging webhook waits out its own timeout.
    this.verzenden ??= this.verstuurMeldingen()
      .catch((e) => this.log.error({ err: e }, 'Meldingen versturen mislukt'))
      .finally(() => {
        this.verzenden = undefined
      })
    if (nu - this.laatstOpgeruimd >= UUR) {
      this.laatstOpgeruimd = nu
      const t = this.opties.bewaren ?? STANDAARD_BEWAARTERMIJNEN
      await ruimOp(this.db, { metingen: grensRuweMetingen(nu, t), rollups: grensRollups(nu, t) })
    }
    await this.schrijf()
  }

  /** Runs one controle now, outside the schedule (CLI, "nu uitvoeren"), and records the result like any other. */
  async voerNuUit(controleId: string): Promise<{ controle: ControleRij; uitkomst: Uitkomst } | undefined> {
    const [controle] = await leesControles(this.db, [controleId])
    if (!controle) return undefined
    const tijdstip = this.klok.nu().getTime()
    const uitkomst = await this.meet(controle)
    await verwerkResultaten(this.db, [{ controle, tijdstip, uitkomst }], { door: this.id, publicUrl: this.opties.publicUrl })
    return { controle, uitkomst }
  }

  private begin(c: ControleRij): void {
    const tijdstip = this.klok.nu().getTime()
    const p = this.meet(c)
      .then((uitkomst) => {
        this.buffer.push({ controle: c, tijdstip, uitkomst })
        if (this.buffer.length >= this.batchGrootte) void this.schrijf()
      })
      .catch((e) => this.log.error({ err: e, controle: c.id }, 'Controle mislukt onverwacht'))
      .finally(() => this.lopend.delete(p))
    this.lopend.add(p)
  }

  /** The probe with its extra attempts: the first success counts; else the last failure. */
  private async meet(c: ControleRij): Promise<Uitkomst> {
    const geheimen = ontsleutel<ControleGeheimen>(c.geheimen)
    if (c.geheimen && !geheimen)
      return {
        geslaagd: false,
        soort: 'ongeldige-controle',
        reden: msg(
          'De geheimen van deze controle zijn niet te ontsleutelen: is GEHEIMSLEUTEL veranderd? Voer ze opnieuw in.',
          "This check's secrets cannot be decrypted: did GEHEIMSLEUTEL change? Enter them again.",
        ),
        duurMs: 0,
      }
    const probe = naarProbe(c, geheimen)
    let uitkomst = await voerUit(probe, this.opties)
    for (let i = 0; i < c.pogingen && !uitkomst.geslaagd && uitkomst.soort !== 'verboden-adres'; i++)
      uitkomst = await voerUit(probe, this.opties)
    return uitkomst
  }

  /** Writes the buffered results, one batch at a time (never two writers at once in this process). */
  private schrijf(): Promise<void> {
    this.schrijven = this.schrijven.then(async () => {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, this.batchGrootte)
        try {
          await verwerkResultaten(this.db, batch, { door: this.id, publicUrl: this.opties.publicUrl })
        } catch (e) {
          // The leases run out and the controles are probed again: nothing is lost but this batch's metingen.
          this.log.error({ err: e, aantal: batch.length }, 'Metingen niet opgeslagen')
        }
      }
    })
    return this.schrijven
  }

  private async verstuurMeldingen(): Promise<void> {
    const nu = this.klok.nu().getTime()
    const timeoutMs = this.opties.meldingTimeoutMs ?? 10_000
    const te = await claimMeldingen(this.db, nu, 20, timeoutMs * 3)
    await Promise.all(te.map((m) => this.verstuurEen(m, timeoutMs)))
  }

  private async verstuurEen(m: WachtendeMelding, timeoutMs: number): Promise<void> {
    {
      const kanaal = kanaalVoorVerzenden(m.kanaal)
      const uitkomst = kanaal
        ? await verstuurMelding(kanaal, m.inhoud as Melding, {
            ...this.opties,
            timeoutMs,
            ...(this.opties.smtp ? { smtp: this.opties.smtp } : {}),
          })
        : {
            geslaagd: false as const,
            tijdelijk: false,
            reden: msg(
              'Het kanaal heeft geen bruikbaar doel (URL of ontvangers).',
              'The channel has no usable target (URL or recipients).',
            ),
            duurMs: 0,
          }
      if (uitkomst.geslaagd) await meldingVerzonden(this.db, m.id, this.klok.nu().getTime())
      else
        await meldingMislukt(
          this.db,
          m.id,
          uitkomst.reden,
          uitkomst.tijdelijk ? volgendePoging(m.pogingen + 1, this.klok.nu().getTime()) : undefined,
        )
    }
  }
}

/** A stored channel as the sender takes it: the webhook URL decrypted. */
export function kanaalVoorVerzenden(k: {
  soort: string
  formaat: string | null
  doel: Buffer | null
  ontvangers: string[]
}): Meldingskanaal | undefined {
  if (k.soort === 'email') return k.ontvangers.length > 0 ? { soort: 'email', aan: k.ontvangers } : undefined
  const url = ontsleutel<string>(k.doel)
  if (!url) return undefined
  return { soort: 'webhook', formaat: (k.formaat ?? 'json') as 'json' | 'teams' | 'slack', url }
}
