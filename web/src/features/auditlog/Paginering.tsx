import { Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import type { Paginering as PagineringInfo } from '../../api/types'

/** Previous / next through a paginated list, with where you are. */
export function Paginering({ info, onPagina }: { info: PagineringInfo; onPagina: (pagina: number) => void }) {
  const { t } = useTranslation()
  if (info.totaalPaginas <= 1) return null
  return (
    <nav aria-label={t('lijst.paginering')} className="rk-toolbar">
      <Button appearance="secondary-action-button" disabled={info.pagina <= 1} onClick={() => onPagina(info.pagina - 1)}>
        {t('lijst.vorige')}
      </Button>
      <Paragraph>{t('lijst.pagina', { pagina: info.pagina, totaal: info.totaalPaginas })}</Paragraph>
      <Button appearance="secondary-action-button" disabled={info.pagina >= info.totaalPaginas} onClick={() => onPagina(info.pagina + 1)}>
        {t('lijst.volgende')}
      </Button>
    </nav>
  )
}
