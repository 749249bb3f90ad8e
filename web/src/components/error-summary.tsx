import { Alert, Heading, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react'
import { type MouseEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

// The list of form errors at the top of a form (GOV.UK / NL Design System pattern):
// it takes focus when it appears, and each entry jumps to its field.

export interface Foutmelding {
  /** id of the element around the field; its first control gets focus. */
  doel?: string
  label: string
  melding: string
}

function focusVeld(e: MouseEvent<HTMLAnchorElement>, doel: string) {
  const el = document.getElementById(doel)
  if (!el) return
  e.preventDefault()
  // In a group (bron: radio buttons and a select), the control with the error comes first.
  const control = el.matches('input, select, textarea')
    ? el
    : (el.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el.querySelector<HTMLElement>('input, select, textarea, button'))
  ;(control ?? el).focus()
  el.scrollIntoView({ block: 'center' })
}

export function ErrorSummary({ fouten, poging }: { fouten: Foutmelding[]; poging: number }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every failed attempt
  useEffect(() => {
    if (fouten.length) ref.current?.focus()
  }, [poging])
  if (!fouten.length) return null
  return (
    <section ref={ref} tabIndex={-1} className="rk-error-summary" aria-labelledby="foutoverzicht-kop">
      <Alert type="error">
        <Heading level={2} appearanceLevel={4} id="foutoverzicht-kop">
          {t('fout.formulier', { count: fouten.length })}
        </Heading>
        <UnorderedList>
          {fouten.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one field can have several messages
            <UnorderedListItem key={i}>
              {f.doel ? (
                <a href={`#${f.doel}`} onClick={(e) => focusVeld(e, f.doel as string)}>
                  {f.label}: {f.melding}
                </a>
              ) : (
                <>
                  {f.label}: {f.melding}
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </section>
  )
}
