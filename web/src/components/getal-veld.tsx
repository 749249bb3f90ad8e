import { FormFieldTextInput } from '@rijkshuisstijl-community/components-react'
import { type ComponentProps, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../i18n'
import { begrepenWaarde, type GetalSoort, getalMelding, leesGetal } from '../i18n/getal-invoer'
import './getal-veld.css'

// A number field for every form (amounts, counts, percentages, years): a text input —
// not type="number", which drops "12.345" or reads it as twelve — with what was
// understood right below it while the person types ("= € 12.345,00"), announced politely
// to screen readers. While the typed text cannot be read, the same line says why, in the
// words the form shows after saving fails (src/i18n/getal-invoer.ts).

type Props = Omit<ComponentProps<typeof FormFieldTextInput>, 'type' | 'inputMode' | 'value' | 'onChange'> & {
  soort: GetalSoort
  value: string
  onChange: (waarde: string) => void
}

export function GetalVeld({ soort, value, onChange, errorMessage, ...rest }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const taal = currentLanguage()
  const gelezen = value.trim() === '' ? undefined : leesGetal(soort, value, taal)
  // Amounts and counts always (that "12.345" is twelve thousand is the point); a percentage or year where it adds something.
  const gezien = gelezen ? begrepenWaarde(soort, gelezen, taal) : undefined
  const begrepen = gezien !== undefined && (soort === 'bedrag' || soort === 'aantal' || gezien !== value.trim()) ? gezien : undefined
  // After a failed save the field's own error message says it; no second copy below.
  const melding = gelezen && !errorMessage && gezien === undefined ? getalMelding(soort, gelezen, t) : undefined
  return (
    <div className="rk-getalveld">
      <FormFieldTextInput
        {...rest}
        type="text"
        inputMode={soort === 'bedrag' || soort === 'decimaal' ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={value}
        errorMessage={errorMessage}
        onChange={(e) => onChange((e.target as HTMLInputElement).value)}
      />
      <p id={id} className={begrepen ? 'rk-begrepen' : 'rk-begrepen rk-begrepen--niet'} aria-live="polite">
        {begrepen ? t('getallen:begrepen', { waarde: begrepen }) : (melding ?? '')}
      </p>
    </div>
  )
}
