import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { formatDatum } from '../../i18n/format'
import { useObject } from '../registry/api'
import { type Bevinding, type BewijsStand, bewijsStand, type Ernst, VENSTER_DAGEN } from './api'

// Small pieces the trust pages share: a severity in words, a finding's status, where a
// bewijsstuk stands, a link to a party's trust page, and the API's bilingual text in the
// UI's language.

const ERNST_TEKEN: Record<Ernst, string> = { hoog: '▲', middel: '◆', laag: '▼' }

/** A severity in words, with a shape beside it; the colour only repeats what the word says. */
export function ErnstLabel({ ernst }: { ernst: Ernst }) {
  const { t } = useTranslation('vertrouwen')
  return (
    <span className={`rk-ernst rk-ernst--${ernst}`} data-ernst={ernst}>
      <span aria-hidden="true" className="rk-ernst__teken">
        {ERNST_TEKEN[ernst]}
      </span>
      {t(`ernst.${ernst}`)}
    </span>
  )
}

/** "Open", "Gesloten", or "Geaccepteerd tot en met 31 maart 2027". */
export function StatusTekst({ b }: { b: Pick<Bevinding, 'status' | 'risicoAcceptatie'> }) {
  const { t } = useTranslation('vertrouwen')
  const tot =
    b.status === 'geaccepteerd' && b.risicoAcceptatie
      ? ` ${t('lijst.geaccepteerdTot', { datum: formatDatum(b.risicoAcceptatie.einddatum) })}`
      : ''
  return (
    <span data-status={b.status}>
      {t(`status.${b.status}`)}
      {tot}
    </span>
  )
}

const STAND_TEKEN: Record<BewijsStand['soort'], string> = {
  verlopen: '✕',
  vandaag: '!',
  binnenkort: '!',
  geldig: '✓',
  zonderEinde: '✓',
  nogNiet: '…',
}

/** Where evidence stands, in words ("Verlopen op 1 maart 2026"), with a sign that only repeats it. */
export function BewijsStandTekst({ b, peildatum }: { b: { geldigVanaf: string; geldigTot?: string }; peildatum: string }) {
  const { t } = useTranslation('vertrouwen')
  const stand = bewijsStand(b, peildatum, VENSTER_DAGEN)
  let tekst: string
  switch (stand.soort) {
    case 'binnenkort':
      tekst = t('bewijsStatus.binnenkort', { datum: formatDatum(stand.datum), count: stand.dagen })
      break
    case 'zonderEinde':
      tekst = t('bewijsStatus.zonderEinde')
      break
    default:
      tekst = t(`bewijsStatus.${stand.soort}`, { datum: formatDatum(stand.datum) })
  }
  return (
    <span className={`rk-bewijsstand rk-bewijsstand--${stand.soort}`} data-stand={stand.soort}>
      <span aria-hidden="true" className="rk-bewijsstand__teken">
        {STAND_TEKEN[stand.soort]}
      </span>
      {tekst}
    </span>
  )
}

/** A party by name, linking to its trust page; without a name the organisation is read (cached). */
export function PartijLink({ id, naam }: { id: string; naam?: string }) {
  const gelezen = useOrganisatieNaam(naam ? undefined : id)
  const getoond = naam ?? gelezen
  if (getoond === undefined) return <span aria-hidden="true">…</span>
  return <AppLink to={`/vertrouwen/partijen/${id}`}>{getoond}</AppLink>
}

/** An organisation's name (read once, cached): undefined while it loads, the id if it cannot be read. */
export function useOrganisatieNaam(id: string | undefined): string | undefined {
  const { data, error } = useObject('organisaties', id)
  if (!id) return undefined
  if (error) return id
  return data ? String(data.data.naam ?? id) : undefined
}

/** The API's bilingual text (`{ nl, en }`) in the UI's language. */
export function useInTaal() {
  const { i18n } = useTranslation()
  return (m: { nl: string; en: string } | undefined) => (m ? (i18n.language === 'en' ? m.en : m.nl) : '')
}
