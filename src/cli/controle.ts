import type { Config } from '../config.js'
import { invalidInput, msg } from '../domain/errors.js'
import { Monitor } from '../monitor/planner.js'
import type { Uitkomst } from '../monitor/typen.js'
import { openMigrated } from '../runtime.js'

// `regiekamer controle uitvoeren <id of naam>`: runs one controle now, as the scheduler
// would (the operator's address policy, its attempts and timeout), records the meting like
// any other, and prints what it found. Exit code 2 when the check failed, so a script can
// act on it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function beschrijf(u: Uitkomst): string[] {
  const regels = [`${u.geslaagd ? 'Geslaagd' : 'Mislukt'} (${u.soort}) in ${u.duurMs} ms`, `  ${u.reden.nl}`, `  ${u.reden.en}`]
  const d = u.details
  if (d?.status !== undefined) regels.push(`  HTTP-status: ${d.status}`)
  if (d?.adres) regels.push(`  Adres: ${d.adres}`)
  if (d?.certificaat)
    regels.push(
      `  Certificaat: geldig tot ${d.certificaat.geldigTot} (nog ${d.certificaat.dagenGeldig} dagen), uitgever ${d.certificaat.uitgever}, keten ${d.certificaat.ketenGeldig ? 'geldig' : 'ongeldig'}, hostnaam ${d.certificaat.hostnaamKlopt ? 'klopt' : 'klopt niet'}`,
    )
  if (d?.antwoorden?.length) regels.push(`  DNS-antwoorden: ${d.antwoorden.join(', ')}`)
  if (d?.redirects?.length) regels.push(`  Redirects: ${d.redirects.join(' → ')}`)
  return regels
}

export async function controleUitvoeren(config: Config, wie: string, opts: { json?: boolean }): Promise<boolean> {
  const { handle } = await openMigrated(config)
  try {
    const db = handle.db
    const kandidaten = await db
      .selectFrom('controle')
      .select(['id', 'naam'])
      .where((eb) => (UUID.test(wie) ? eb('id', '=', wie) : eb(eb.fn('lower', ['naam']), '=', wie.trim().toLowerCase())))
      .execute()
    if (kandidaten.length !== 1)
      throw invalidInput([
        {
          name: 'controle',
          code: kandidaten.length === 0 ? 'bestaat-niet' : 'niet-eenduidig',
          reason:
            kandidaten.length === 0
              ? msg(`Geen controle met id of naam "${wie}".`, `No check with id or name "${wie}".`)
              : msg(
                  `"${wie}" past bij ${kandidaten.length} controles; gebruik het id.`,
                  `"${wie}" matches ${kandidaten.length} checks; use the id.`,
                ),
        },
      ])
    const m = config.monitor
    const monitor = new Monitor(db, {
      loopbackToegestaan: m.loopbackToegestaan,
      priveToegestaan: m.priveToegestaan,
      publicUrl: config.publicUrl,
      ...(m.smtp ? { smtp: m.smtp } : {}),
    })
    const r = await monitor.voerNuUit((kandidaten[0] as { id: string }).id)
    if (!r) return false
    if (opts.json) console.log(JSON.stringify({ controle: { id: r.controle.id, naam: r.controle.naam }, uitkomst: r.uitkomst }, null, 2))
    else console.log([`${r.controle.naam} (${r.controle.soort})`, ...beschrijf(r.uitkomst)].join('\n'))
    return r.uitkomst.geslaagd
  } finally {
    await handle.close()
  }
}
