import {
  Alert,
  Button,
  Footer,
  Heading,
  PageContent,
  Paragraph,
  SideNavItem,
  SideNavLink,
  SideNavList,
  SkipLink,
} from '@rijkshuisstijl-community/components-react'
import { Suspense, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useHref, useLinkClickHandler, useLocation, useMatch } from 'react-router'
import { Loading } from '../components/page'
import { currentLanguage, setLanguage } from '../i18n'
import { useCurrentIk, useLogout } from './session'

// The frame of every signed-in page: skip link, header with language switch and
// user, side navigation (only what the user may open), main content, footer.

interface NavEntry {
  to: string
  label: string
  end?: boolean
}

function NavItem({ to, label, end }: NavEntry) {
  const href = useHref(to)
  const onClick = useLinkClickHandler(to)
  const active = useMatch({ path: end ? to : `${to}/*`, end: true }) !== null
  return (
    <SideNavItem>
      <SideNavLink href={href} onClick={onClick} current={active} aria-current={active ? 'page' : undefined}>
        {label}
      </SideNavLink>
    </SideNavItem>
  )
}

export function LanguageSwitch() {
  const { t } = useTranslation()
  const other = currentLanguage() === 'nl' ? 'en' : 'nl'
  return (
    <Button appearance="subtle-button" lang={other} aria-label={t('taal.wisselLabel')} onClick={() => void setLanguage(other)}>
      {t('taal.wissel')}
    </Button>
  )
}

export function AppShell() {
  const { t } = useTranslation()
  const ik = useCurrentIk()
  const logout = useLogout()
  // Signing out waits for the server; if it fails, the person must know the session may still be active.
  const [uitloggen, setUitloggen] = useState<'bezig' | 'mislukt'>()
  const uitlogKnop = useRef<HTMLButtonElement>(null)
  // The button was disabled while busy, which takes the focus away: give it back after a failure.
  useEffect(() => {
    if (uitloggen === 'mislukt') uitlogKnop.current?.focus()
  }, [uitloggen])
  // On a narrow screen the menu hides behind a button (a disclosure: the focus stays on
  // the button, Tab goes on into the menu). Wide screens never see the button.
  const [menuOpen, setMenuOpen] = useState(false)
  const menuKnop = useRef<HTMLButtonElement>(null)
  const { pathname } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setMenuOpen(false), [pathname])
  const sluitMenu = (focusTerug: boolean) => {
    if (!menuOpen) return
    setMenuOpen(false)
    if (focusTerug) menuKnop.current?.focus()
  }
  const registry: NavEntry[] = [
    { to: '/organisaties', label: t('nav.organisaties') },
    { to: '/samenwerkingen', label: t('nav.samenwerkingen') },
    { to: '/gastheerschappen', label: t('nav.gastheerschappen') },
    { to: '/applicaties', label: t('nav.applicaties') },
    { to: '/koppelingen', label: t('nav.koppelingen') },
    { to: '/referentiecomponenten', label: t('nav.referentiecomponenten') },
    { to: '/harmonisatie', label: t('nav.harmonisatie') },
    { to: '/archimate', label: t('nav.archimate') },
  ]
  return (
    <div className="rk-shell">
      <SkipLink href="#inhoud">{t('skiplink')}</SkipLink>
      <header className="rk-header">
        <Link to="/" className="rk-brand">
          <span className="rk-brand__naam">{t('app.naam')}</span>
          <span className="rk-brand__ondertitel">{t('app.ondertitel')}</span>
        </Link>
        <div className="rk-header__acties">
          <LanguageSwitch />
          <Paragraph className="rk-header__gebruiker">{t('gebruiker.ingelogdAls', { naam: ik.gebruiker.naam })}</Paragraph>
          <Button
            ref={uitlogKnop}
            appearance="subtle-button"
            busy={uitloggen === 'bezig'}
            disabled={uitloggen === 'bezig'}
            onClick={async () => {
              setUitloggen('bezig')
              try {
                // On success the login page takes over: this shell is gone.
                await logout()
              } catch {
                setUitloggen('mislukt')
              }
            }}
          >
            {uitloggen === 'bezig' ? t('gebruiker.uitloggenBezig') : t('gebruiker.uitloggen')}
          </Button>
        </div>
      </header>
      {uitloggen === 'mislukt' && (
        <Alert type="error" role="alert" className="rk-uitlogfout">
          <Heading level={2} appearanceLevel={4}>
            {t('gebruiker.uitloggenMislukt')}
          </Heading>
          <Paragraph>{t('gebruiker.uitloggenMisluktUitleg')}</Paragraph>
        </Alert>
      )}
      <div className="rk-body">
        <Button
          ref={menuKnop}
          appearance="secondary-action-button"
          className="rk-menuknop"
          aria-expanded={menuOpen}
          aria-controls="hoofdmenu"
          onClick={() => setMenuOpen(!menuOpen)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') sluitMenu(false)
          }}
        >
          {t('nav.menu')}
          <span aria-hidden="true" className="rk-menuknop__pijl">
            {menuOpen ? '▲' : '▼'}
          </span>
        </Button>
        {/* The side-nav styling of the design system on a real <nav> landmark. Escape
            closes the collapsed menu and returns to its button; choosing a link closes it. */}
        <nav
          id="hoofdmenu"
          aria-label={t('nav.label')}
          className={menuOpen ? 'rhc-side-nav rk-sidenav rk-sidenav--open' : 'rhc-side-nav rk-sidenav'}
          onKeyDown={(e) => {
            if (e.key === 'Escape') sluitMenu(true)
          }}
          onClick={(e) => {
            if (e.target instanceof Element && e.target.closest('a')) sluitMenu(false)
          }}
        >
          <SideNavList>
            <NavItem to="/" label={t('nav.dashboard')} end />
            <NavItem to="/landschap" label={t('nav.landschap')} />
            <NavItem to="/scenarios" label={t('scenarios:nav')} />
          </SideNavList>
          <p className="rk-sidenav__kop" id="nav-register">
            {t('nav.register')}
          </p>
          <SideNavList aria-labelledby="nav-register">
            {registry.map((e) => (
              <NavItem key={e.to} {...e} />
            ))}
          </SideNavList>
          <p className="rk-sidenav__kop" id="nav-kosten">
            {t('kosten:nav.kop')}
          </p>
          <SideNavList aria-labelledby="nav-kosten">
            <NavItem to="/kostenposten" label={t('kosten:nav.kostenposten')} />
            <NavItem to="/verdeelsleutels" label={t('kosten:nav.verdeelsleutels')} />
            <NavItem to="/maatstafwaarden" label={t('kosten:nav.maatstafwaarden')} />
            <NavItem to="/referentiewaarden" label={t('kosten:nav.referentiewaarden')} />
            <NavItem to="/declaraties" label={t('declaraties:titel')} />
            <NavItem to="/transparantie" label={t('rapportage:nav.transparantie')} />
            <NavItem to="/benchmark" label={t('rapportage:nav.benchmark')} />
          </SideNavList>
          <p className="rk-sidenav__kop" id="nav-vertrouwen">
            {t('vertrouwen:nav.kop')}
          </p>
          <SideNavList aria-labelledby="nav-vertrouwen">
            <NavItem to="/vertrouwen" label={t('vertrouwen:nav.overzicht')} />
            <NavItem to="/bevindingen" label={t('vertrouwen:nav.bevindingen')} />
            <NavItem to="/bewijsstukken" label={t('nav.bewijsstukken')} />
            <NavItem to="/contracten" label={t('nav.contracten')} />
            <NavItem to="/toegangen" label={t('nav.toegangen')} />
            <NavItem to="/herbeoordelingen" label={t('toetsing:nav.herbeoordelingen')} />
            <NavItem to="/uitbestedingstoets" label={t('toetsing:nav.uitbestedingstoets')} />
            <NavItem to="/vertrouwensbeleid" label={t('toetsing:nav.vertrouwensbeleid')} />
          </SideNavList>
          <p className="rk-sidenav__kop" id="nav-monitoring">
            {t('monitoring:nav.kop')}
          </p>
          <SideNavList aria-labelledby="nav-monitoring">
            <NavItem to="/monitoring" label={t('monitoring:nav.overzicht')} />
            <NavItem to="/storingen" label={t('monitoring:nav.storingen')} />
            <NavItem to="/beschikbaarheid" label={t('monitoring:nav.beschikbaarheid')} />
            <NavItem to="/controles" label={t('monitoring:nav.controles')} />
            <NavItem to="/onderhoudsvensters" label={t('monitoring:nav.onderhoudsvensters')} />
            <NavItem to="/meldingskanalen" label={t('monitoring:nav.meldingskanalen')} />
          </SideNavList>
          {(ik.rechten.auditlogLezen || ik.rechten.gebruikersBeheren) && (
            <>
              <p className="rk-sidenav__kop" id="nav-beheer">
                {t('nav.beheer')}
              </p>
              <SideNavList aria-labelledby="nav-beheer">
                {ik.rechten.auditlogLezen && <NavItem to="/auditlog" label={t('nav.auditlog')} />}
                {ik.rechten.gebruikersBeheren && <NavItem to="/beheer/gebruikers" label={t('nav.gebruikers')} />}
                <NavItem to="/beheer/api-tokens" label={t('nav.apiTokens')} />
              </SideNavList>
            </>
          )}
          {!ik.rechten.auditlogLezen && !ik.rechten.gebruikersBeheren && (
            <SideNavList aria-label={t('nav.beheer')}>
              <NavItem to="/beheer/api-tokens" label={t('nav.apiTokens')} />
            </SideNavList>
          )}
        </nav>
        <main id="inhoud" className="rk-main" tabIndex={-1}>
          <PageContent>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </PageContent>
        </main>
      </div>
      <Footer className="rk-footer" background="primary-filled">
        <Paragraph>
          Regiekamer · EUPL-1.2 · <a href="/api/v1/openapi.json">OpenAPI</a>
        </Paragraph>
      </Footer>
    </div>
  )
}
