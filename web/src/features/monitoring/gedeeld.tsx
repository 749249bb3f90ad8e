import { FormSummaryItem, FormSummaryKey, FormSummaryValue } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import { formatTijdstip } from '../../i18n/format'
import type { ControleStatusWaarde, Reden } from './api'
import { formatPercentage } from './api'

// Small pieces the monitoring pages share: a state in words with a sign and a colour
// (the colour never carries the meaning alone), a reason in the UI's language, a moment.

const TEKEN: Record<ControleStatusWaarde, string> = { werkt: '✓', verstoord: '!', storing: '✕', onbekend: '?', gepauzeerd: '‖' }

export function StatusLabel({ status, metUitleg = false, tekst }: { status: ControleStatusWaarde; metUitleg?: boolean; tekst?: string }) {
  const { t } = useTranslation('monitoring')
  return (
    <span className={`rk-mon-status rk-mon-status--${status}`} data-status={status}>
      <span className="rk-mon-status__teken" aria-hidden="true">
        {TEKEN[status]}
      </span>
      <span>{tekst ?? t(`status.${status}`)}</span>
      {metUitleg && <span className="rk-mon-status__uitleg"> — {t(`statusUitleg.${status}`)}</span>}
    </span>
  )
}

/** The reason in the UI's language (the API sends both). */
export const redenTekst = (r: Reden | undefined): string => (r ? (currentLanguage() === 'en' ? r.en : r.nl) : '')

export function Moment({ op }: { op: string | undefined }) {
  if (!op) return null
  return <time dateTime={op}>{formatTijdstip(op)}</time>
}

export const percentage = (p: number | undefined) => formatPercentage(p, currentLanguage())

/** One row of a page's key–value summary (inside a FormSummaryList): the label and what it says. */
export function Gegeven({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <FormSummaryItem>
      <FormSummaryKey>{label}</FormSummaryKey>
      <FormSummaryValue>{children}</FormSummaryValue>
    </FormSummaryItem>
  )
}
