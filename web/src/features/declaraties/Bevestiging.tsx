import { ActionGroup, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/page'
import './bevestiging.css'

// A confirmation before a step that cannot be undone (finalise, mark as sent, register
// payment, delete): a modal <dialog>, so the browser keeps focus inside it and makes the
// rest of the page inert. It opens with the focus on "Annuleren" (or on its first field),
// Escape cancels, and on closing the focus returns to the button that opened it — or,
// when that button is gone because the step succeeded, to the page's heading.

export function Bevestigingsdialoog({
  kop,
  tekst,
  children,
  ja,
  bezig,
  fout,
  focusOpVeld = false,
  onJa,
  onNee,
}: {
  kop: string
  /** What the step does and whether it can be undone (the dialog's description). */
  tekst: string
  /** Fields the step asks for, if any. */
  children?: ReactNode
  ja: string
  bezig: boolean
  fout?: unknown
  /** Start on the dialog's first field instead of on "Annuleren". */
  focusOpVeld?: boolean
  onJa: () => void
  onNee: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const annuleren = useRef<HTMLButtonElement>(null)
  const kopId = useId()
  const tekstId = useId()

  useEffect(() => {
    const dialoog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialoog && !dialoog.open) dialoog.showModal()
    const veld = focusOpVeld ? dialoog?.querySelector<HTMLElement>('input, select, textarea') : null
    ;(veld ?? annuleren.current)?.focus()
    return () => {
      if (dialoog?.open) dialoog.close()
      // After React has removed what it removes: back to the opener if it is still there.
      setTimeout(() => {
        if (opener?.isConnected) opener.focus()
        else document.querySelector<HTMLElement>('h1')?.focus()
      }, 0)
    }
  }, [focusOpVeld])

  function submit(e: FormEvent) {
    e.preventDefault()
    if (!bezig) onJa()
  }

  return (
    <dialog
      ref={ref}
      className="rk-dialoog"
      aria-labelledby={kopId}
      aria-describedby={tekstId}
      onCancel={(e) => {
        // Escape: cancel through React state, so the dialog and the page agree.
        e.preventDefault()
        onNee()
      }}
    >
      <form onSubmit={submit} noValidate>
        <Heading level={2} appearanceLevel={3} id={kopId}>
          {kop}
        </Heading>
        <Paragraph id={tekstId}>{tekst}</Paragraph>
        {children}
        <ErrorAlert error={fout} />
        <ActionGroup>
          <Button type="submit" appearance="primary-action-button" disabled={bezig}>
            {ja}
          </Button>
          <Button type="button" appearance="secondary-action-button" ref={annuleren} onClick={onNee}>
            {t('acties.annuleren')}
          </Button>
        </ActionGroup>
      </form>
    </dialog>
  )
}
