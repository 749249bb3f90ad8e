import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/client'

/** Sets the document title (`<pagina> — Regiekamer`) while the page is shown. */
export function usePageTitle(pagina: string): void {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = t('app.titel', { pagina })
  }, [pagina, t])
}

/**
 * The page's h1, which also gets focus after navigation so screen-reader users hear
 * where they are (a single-page app does not announce new pages by itself).
 */
export function PageHeading({ children, titel }: { children?: ReactNode; titel: string }) {
  usePageTitle(titel)
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('nav')) ref.current?.focus()
  }, [])
  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="rk-page-heading">
      {children ?? titel}
    </Heading>
  )
}

/** A problem from the API, or any other error, as an NL Design System alert. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  // The API answers 404 alike for what does not exist and what the caller may not see
  // ("samenwerking … bestaat niet"); a person is told both possibilities.
  if (error instanceof ApiProblem && error.status === 404) {
    return (
      <Alert type="error" role="alert">
        <Heading level={2} appearanceLevel={4}>
          {t('fout.geenObjectTitel')}
        </Heading>
        <Paragraph>{t('fout.geenObject')}</Paragraph>
      </Alert>
    )
  }
  const detail =
    error instanceof ApiProblem
      ? error.status === 0
        ? t('fout.netwerk')
        : (error.body.detail ?? error.body.title ?? error.message)
      : error instanceof Error
        ? error.message
        : String(error)
  const title = error instanceof ApiProblem && error.body.title && error.status !== 0 ? error.body.title : t('fout.titel')
  return (
    <Alert type="error" role="alert">
      <Heading level={2} appearanceLevel={4}>
        {title}
      </Heading>
      <Paragraph>{detail}</Paragraph>
    </Alert>
  )
}

export function Loading() {
  const { t } = useTranslation()
  return (
    <Paragraph role="status" aria-live="polite">
      {t('lijst.laden')}
    </Paragraph>
  )
}
