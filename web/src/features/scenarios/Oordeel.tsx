import { useTranslation } from 'react-i18next'

// A verdict in words, with a mark that repeats it for sighted readers (never colour alone).

export function Oordeel({ oordeel }: { oordeel: 'gaat erop vooruit' | 'gaat er niet op vooruit' }) {
  const { t } = useTranslation('scenarios')
  const vooruit = oordeel === 'gaat erop vooruit'
  return (
    <span className={vooruit ? 'rk-oordeel rk-oordeel--vooruit' : 'rk-oordeel rk-oordeel--niet'}>
      <span aria-hidden="true" className="rk-oordeel__teken">
        {vooruit ? '▲' : '▼'}
      </span>
      {t(`oordeel.${oordeel}`)}
    </span>
  )
}
