import { PageContent } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './AppShell'

/** The frame of the pages outside the signed-in shell (login, first-admin setup). */
export function BareLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="rk-login">
      <header className="rk-header">
        <span className="rk-brand">
          <span className="rk-brand__naam">{t('app.naam')}</span>
          <span className="rk-brand__ondertitel">{t('app.ondertitel')}</span>
        </span>
        <div className="rk-header__acties">
          <LanguageSwitch />
        </div>
      </header>
      <main id="inhoud" className="rk-main rk-login__main">
        <PageContent>{children}</PageContent>
      </main>
    </div>
  )
}
