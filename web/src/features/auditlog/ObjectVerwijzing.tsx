import { useTranslation } from 'react-i18next'
import type { AuditRegel } from './types'
import { WaardeWeergave } from './weergave'

// The object an audit entry is about: its kind, and its name with a link to its page
// while it exists and the reader may open it (the server resolved that, by the same
// visibility as the lists); a deleted object by the name its entry gives.

export function ObjectVerwijzing({ regel }: { regel: AuditRegel }) {
  const { t } = useTranslation('auditlog')
  const { soort, object } = regel.weergave
  return (
    <>
      <span className="rk-audit__soort">{t(`objecttypen.${soort}`, { defaultValue: soort })}</span>{' '}
      {object.naam || object.zichtbaarheid !== 'verwijderd' ? (
        <WaardeWeergave waarde={object} soort={soort} />
      ) : (
        <span>{regel.objectId}</span>
      )}
    </>
  )
}
