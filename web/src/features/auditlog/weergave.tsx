import { useTranslation } from 'react-i18next'
import { decimaalTekst } from '../../../../src/domain/getallen'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { VoorNaTabel } from '../../components/diff'
import { formatBedrag, formatDatum, formatTijdstip } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { PAGINA, padLabel, veldLabel } from './labels'
import type { AuditRegel, AuditSoort, AuditWeergave, Waarde, Wijziging } from './types'

// The one presenter of audit entries: the audit log and the Wijzigingen section of every
// record page show a change the same way. The server says what each value is (from the
// object's schema: an amount in cents, a reference with the name the reader may see, a
// date, a moment); this file gives it words in the reader's language: the field's label,
// euros, names with a link, Dutch time, the action as something that happened.

const eenvoudig = (w: Waarde) => w.soort !== 'lijst' && w.soort !== 'object'

function Verwijzing({ waarde }: { waarde: Waarde }) {
  const { t } = useTranslation('auditlog')
  const ik = useCurrentIk()
  if (waarde.zichtbaarheid === 'niet-zichtbaar') return <span className="rk-waarde--verborgen">{t('waarde.nietZichtbaar')}</span>
  if (waarde.zichtbaarheid === 'verwijderd' || !waarde.naam) {
    return <span>{waarde.naam ? `${waarde.naam} (${t('waarde.verwijderd')})` : t('waarde.verwijderd')}</span>
  }
  const pagina = PAGINA[waarde.objecttype as AuditSoort]
  const mag = waarde.objecttype !== 'gebruiker' || ik.rechten.gebruikersBeheren
  if (!pagina || !mag || !waarde.id) return <span>{waarde.naam}</span>
  return <AppLink to={`/${pagina}/${waarde.id}`}>{waarde.naam}</AppLink>
}

/** One value as a person reads it. `soort` is the kind of object it belongs to (for the labels of nested fields). */
export function WaardeWeergave({ waarde, soort }: { waarde: Waarde; soort: string }) {
  const { t, i18n } = useTranslation('auditlog')
  const label = useWaardeLabel()
  switch (waarde.soort) {
    case 'leeg':
      return <span className="rk-waarde--leeg">{t('common:leeg')}</span>
    case 'getal':
      return <>{decimaalTekst(waarde.waarde ?? '', i18n.language)}</>
    case 'janee':
      return <>{waarde.janee ? t('common:ja') : t('common:nee')}</>
    case 'bedrag':
      return <>{formatBedrag(waarde.centen ?? 0)}</>
    case 'datum':
      return <>{formatDatum(waarde.waarde)}</>
    case 'tijdstip':
      return <>{formatTijdstip(waarde.waarde)}</>
    case 'verwijzing':
      return <Verwijzing waarde={waarde} />
    case 'keuze':
      // A vocabulary value in the reader's language ("structureel" reads "recurring" in English).
      return <>{label(waarde.waarde)}</>
    case 'lijst': {
      const items = waarde.items ?? []
      if (items.every(eenvoudig)) {
        return (
          <>
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a stored list has no other identity
              <span key={i}>
                {i > 0 && ', '}
                <WaardeWeergave waarde={item} soort={soort} />
              </span>
            ))}
          </>
        )
      }
      return (
        <ul className="rk-waarde-lijst">
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored list has no other identity
            <li key={i}>
              <WaardeWeergave waarde={item} soort={soort} />
            </li>
          ))}
        </ul>
      )
    }
    case 'object': {
      const velden = waarde.velden ?? []
      const veld = (v: { veld: string; waarde: Waarde }) => (
        <>
          {veldLabel(i18n, soort, v.veld, v.waarde)}: <WaardeWeergave waarde={v.waarde} soort={soort} />
        </>
      )
      // A row of simple values in one line; one with lists inside (a declaratie line) field by field.
      if (velden.every((v) => eenvoudig(v.waarde))) {
        return (
          <span className="rk-waarde-object">
            {velden.map((v, i) => (
              <span key={v.veld}>
                {i > 0 && t('waarde.scheiding')}
                {veld(v)}
              </span>
            ))}
          </span>
        )
      }
      return (
        <ul className="rk-waarde-lijst">
          {velden.map((v) => (
            <li key={v.veld}>{veld(v)}</li>
          ))}
        </ul>
      )
    }
    default:
      // tekst and jaar read as stored.
      return <>{waarde.waarde}</>
  }
}

/** Who acted: the person's name (and user name); the system by what it is. */
export function ActorWeergave({ actor }: { actor: AuditWeergave['actor'] }) {
  const { t } = useTranslation('auditlog')
  if (actor.naam) {
    return (
      <>
        {actor.naam} <span className="rk-audit__bijzaak">({actor.gebruikersnaam})</span>
      </>
    )
  }
  const [soort, ...rest] = actor.gebruikersnaam.split(':')
  if (actor.gebruikersnaam === 'demo-gegevens') return <>{t('actoren.demo-gegevens')}</>
  if ((soort === 'cli' || soort === 'oidc') && rest.length > 0) return <>{t(`actoren.${soort}`, { naam: rest.join(':') })}</>
  return <>{actor.gebruikersnaam}</>
}

/** Each changed field: its label, the value before and after. */
export function VerschilTabel({ regel, caption }: { regel: AuditRegel; caption: string }) {
  const { i18n } = useTranslation('auditlog')
  const soort = regel.weergave.soort
  return (
    <VoorNaTabel
      caption={caption}
      rijen={regel.weergave.wijzigingen.map((w) => ({
        sleutel: w.pad.join('.'),
        veld: padLabel(i18n, soort, w),
        voor: <WaardeWeergave waarde={w.voor} soort={soort} />,
        na: <WaardeWeergave waarde={w.na} soort={soort} />,
      }))}
    />
  )
}

/**
 * One change in a sentence: "Begroting: € 12.345,67 → € 13.345,67". For what a new object
 * was made with (`alleenNa`), the value alone: "Begroting: € 12.345,67".
 */
export function WijzigingRegel({ soort, wijziging, alleenNa = false }: { soort: string; wijziging: Wijziging; alleenNa?: boolean }) {
  const { i18n } = useTranslation('auditlog')
  return (
    <>
      <span className="rk-wijziging__veld">{padLabel(i18n, soort, wijziging)}:</span>{' '}
      {!alleenNa && (
        <>
          <WaardeWeergave waarde={wijziging.voor} soort={soort} />
          {' → '}
        </>
      )}
      <WaardeWeergave waarde={alleenNa && wijziging.na.soort === 'leeg' ? wijziging.voor : wijziging.na} soort={soort} />
    </>
  )
}
