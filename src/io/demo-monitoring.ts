import type { ControleInvoer } from '../schemas/monitoring.js'
import type { Services } from '../services/index.js'
import type { Actor } from '../services/registry-service.js'

// Monitoring in the demo (issue 14): controles on the koppelingen the seed's host says
// "moeten blijven werken" (Digitale Belastingbalie, Key2Belastingen via de
// Gegevensmakelaar, DLP, MDU), with 90 days of invented measurements so the overview, the
// availability report and the status page have something to show at the first start.
// The addresses are fictitious (voorbeeld.nl), so the controles are paused: a demo machine
// must not probe the internet. "Nu uitvoeren" still runs one, and says honestly that the
// name does not resolve. A storing last week on the MDU link, with its timeline, shows how
// an incident reads.

type Ids = Record<string, string>

const UUR = 3_600_000
const DAG = 24 * UUR
const METINGEN_PER_UUR = 12

function controles(ids: Ids): (ControleInvoer & { sleutel: string })[] {
  const basis = { intervalSeconden: 300, timeoutMs: 10_000, pogingen: 1, foutenVoorStoring: 3, successenVoorHerstel: 1, actief: false }
  return [
    {
      sleutel: 'dbb',
      naam: 'Digitale Belastingbalie bereikbaar (Fictief)',
      koppelingId: ids.k_dbbKey2 as string,
      soort: 'http',
      url: 'https://belastingbalie.voorbeeld.nl/api/gezondheid',
      verwachteStatus: '200',
      inhoudControle: { soort: 'json-pointer', pointer: '/status', waarde: 'UP' },
      ...basis,
    },
    {
      sleutel: 'dbbCert',
      naam: 'Certificaat Digitale Belastingbalie (Fictief)',
      koppelingId: ids.k_dbbKey2 as string,
      soort: 'tls',
      host: 'belastingbalie.voorbeeld.nl',
      poort: 443,
      minDagenGeldig: 30,
      ...basis,
      intervalSeconden: 3600,
    },
    {
      sleutel: 'makelaar',
      naam: 'Gegevensmakelaar – Key2Belastingen (Digikoppeling, Fictief)',
      koppelingId: ids.k_brpMakelaarKey2 as string,
      soort: 'http',
      url: 'https://makelaar.voorbeeld.nl/digikoppeling/ping',
      methode: 'GET',
      ...basis,
    },
    {
      sleutel: 'dlp',
      naam: 'DLP – HR- en salarissysteem (Fictief)',
      koppelingId: ids.k_dlp as string,
      soort: 'tcp',
      host: 'sftp.dlp.voorbeeld.nl',
      poort: 22,
      ...basis,
    },
    {
      sleutel: 'mdu',
      naam: 'MDU naar de Landelijke Voorziening BAG (Fictief)',
      koppelingId: ids.k_mdu as string,
      soort: 'http',
      url: 'https://mdu.voorbeeld.nl/status',
      ...basis,
    },
    {
      sleutel: 'mduDns',
      naam: 'MDU: naam opzoeken (Fictief)',
      koppelingId: ids.k_mdu as string,
      soort: 'dns',
      dnsNaam: 'mdu.voorbeeld.nl',
      dnsType: 'A',
      ...basis,
    },
  ]
}

export async function seedDemoMonitoring(services: Services, actor: Actor, ids: Ids): Promise<Record<string, number>> {
  const db = services.db
  const nu = services.klok.nu().getTime()
  const gemaakt: Record<string, string> = {}
  for (const { sleutel, ...c } of controles(ids)) gemaakt[sleutel] = (await services.controles.create(actor, c)).id

  // Last week's incident on the MDU link: two hours without answer, six days ago.
  const storingVan = Math.floor((nu - 6 * DAG) / UUR) * UUR + 10 * 60_000
  const storingTot = storingVan + 2 * UUR
  const mdu = gemaakt.mdu as string

  const uren: {
    controle_id: string
    uur: Date
    aantal: number
    geslaagd: number
    in_onderhoud: number
    geslaagd_in_onderhoud: number
    duur_som_ms: number
    duur_max_ms: number
  }[] = []
  const metingen: { controle_id: string; tijdstip: Date; geslaagd: boolean; duur_ms: number; soort: string; reden: string | null }[] = []
  let zaad = 7
  const toeval = () => {
    zaad = (zaad * 1_103_515_245 + 12_345) % 2_147_483_648
    return zaad / 2_147_483_648
  }
  const eersteUur = Math.floor((nu - 90 * DAG) / UUR) * UUR
  for (const [sleutel, id] of Object.entries(gemaakt)) {
    const basisDuur = sleutel === 'dlp' ? 40 : sleutel === 'mduDns' ? 15 : 180
    for (let uur = eersteUur; uur + UUR <= nu; uur += UUR) {
      let geslaagd = 0
      let som = 0
      let max = 0
      for (let i = 0; i < METINGEN_PER_UUR; i++) {
        const t = uur + i * 300_000
        const uit = id === mdu && t >= storingVan && t < storingTot
        // A rare lost answer elsewhere: availability just below 100 %, never a storing.
        const ok = !uit && toeval() > 0.0005
        const duur = ok ? Math.round(basisDuur * (0.7 + toeval() * 0.8)) : 10_000
        if (ok) geslaagd++
        som += duur
        max = Math.max(max, duur)
        if (nu - t <= 2 * DAG || uit)
          metingen.push({
            controle_id: id,
            tijdstip: new Date(t),
            geslaagd: ok,
            duur_ms: duur,
            soort: ok ? 'geslaagd' : 'time-out',
            reden: ok ? null : JSON.stringify({ nl: 'Geen antwoord binnen 10 seconden.', en: 'No answer within 10 seconds.' }),
          })
      }
      uren.push({
        controle_id: id,
        uur: new Date(uur),
        aantal: METINGEN_PER_UUR,
        geslaagd,
        in_onderhoud: 0,
        geslaagd_in_onderhoud: 0,
        duur_som_ms: som,
        duur_max_ms: max,
      })
    }
  }
  for (let i = 0; i < uren.length; i += 2000)
    await db
      .insertInto('meting_uur')
      .values(uren.slice(i, i + 2000))
      .execute()
  for (let i = 0; i < metingen.length; i += 2000)
    await db
      .insertInto('meting')
      .values(metingen.slice(i, i + 2000))
      .execute()

  const laatste = Math.floor((nu - 60_000) / 300_000) * 300_000
  for (const id of Object.values(gemaakt))
    await db
      .insertInto('controle_toestand')
      .values({
        controle_id: id,
        volgende_op: new Date(nu + 300_000),
        laatste_op: new Date(laatste),
        laatste_geslaagd: true,
        laatste_soort: 'geslaagd',
        laatste_reden: JSON.stringify({ nl: 'Geslaagd (demo: Fictief).', en: 'Passed (demo: fictitious).' }),
        laatste_duur_ms: 180,
      })
      .execute()

  const geopend = storingVan + 2 * 300_000
  await db
    .insertInto('storing')
    .values({
      controle_id: mdu,
      begonnen_op: new Date(storingVan),
      geopend_op: new Date(geopend),
      gesloten_op: new Date(storingTot),
      meetsoort: 'time-out',
      reden: JSON.stringify({ nl: 'Geen antwoord binnen 10 seconden.', en: 'No answer within 10 seconds.' }),
      tijdlijn: JSON.stringify([
        { op: geopend, soort: 'geopend', meetsoort: 'time-out' },
        {
          op: geopend + 15 * 60_000,
          soort: 'bevestigd',
          door: 'beheerder-hilversum',
          tekst: 'Leverancier gebeld; zij onderzoeken de berichtenverwerking.',
        },
        { op: storingTot, soort: 'hersteld' },
        { op: storingTot, soort: 'gesloten' },
        {
          op: storingTot + 30 * 60_000,
          soort: 'notitie',
          door: 'beheerder-hilversum',
          tekst: 'Oorzaak (Fictief): verlopen servercertificaat bij de leverancier; vervangen. Mutaties zijn nagestuurd.',
        },
      ]),
      gewijzigd_op: new Date(storingTot + 30 * 60_000),
    })
    .execute()

  const zaterdag = new Date(nu + ((6 - new Date(nu).getUTCDay() + 7) % 7 || 7) * DAG)
  zaterdag.setUTCHours(6, 0, 0, 0)
  await services.onderhoudsvensters.create(actor, {
    reden: 'Upgrade Key2Belastingen (Fictief)',
    van: zaterdag.toISOString(),
    tot: new Date(zaterdag.getTime() + 4 * UUR).toISOString(),
    koppelingId: ids.k_dbbKey2 as string,
  })
  await services.meldingskanalen.create(actor, {
    naam: 'Regieteam Hilversum (Fictief)',
    organisatieId: ids.hilversum as string,
    samenwerkingId: ids.hilWijd as string,
    soort: 'email',
    ontvangers: ['regie@hilversum.voorbeeld.nl'],
    gebeurtenissen: ['storing-geopend', 'storing-hersteld', 'certificaat-verloopt'],
    certificaatDagen: [30, 14, 7],
    actief: false,
  })
  await db
    .insertInto('statuspagina')
    .values({
      samenwerking_id: ids.hilWijd as string,
      openbaar: true,
      slug: 'hilversum-wijdemeren',
      titel: 'Koppelingen Hilversum – Wijdemeren (Fictief)',
    })
    .execute()
  // What was written through the services (and audited): the seed's summary counts those.
  return { controles: Object.keys(gemaakt).length, onderhoudsvensters: 1, meldingskanalen: 1 }
}
