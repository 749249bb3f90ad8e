import { useTranslation } from 'react-i18next'
import { AppLink } from './app-link'

/**
 * Previous / next for a list whose state lives in the address (`pagina`): real links,
 * so back/forward, "open in new tab" and sharing work.
 */
export function Paginering({ pagina, totaal, params }: { pagina: number; totaal: number; params: URLSearchParams }) {
  const { t } = useTranslation()
  if (totaal <= 1) return null
  const naar = (p: number) => {
    const q = new URLSearchParams(params)
    if (p > 1) q.set('pagina', String(p))
    else q.delete('pagina')
    return `?${q}`
  }
  return (
    <nav aria-label={t('lijst.paginering')} className="rk-paginering">
      {pagina > 1 && <AppLink to={naar(pagina - 1)}>{t('lijst.vorige')}</AppLink>}
      <span>{t('lijst.pagina', { pagina, totaal })}</span>
      {pagina < totaal && <AppLink to={naar(pagina + 1)}>{t('lijst.volgende')}</AppLink>}
    </nav>
  )
}
