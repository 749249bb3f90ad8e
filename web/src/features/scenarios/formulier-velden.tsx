import { Fieldset, FormFieldErrorMessage, FormFieldTextarea, FormFieldTextInput } from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useId } from 'react'
import { GetalVeld } from '../../components/getal-veld'
import type { GetalSoort } from '../../i18n/getal-invoer'

// The building blocks of the business case form: a field and a group, each wrapped in an
// element with a predictable id so the error summary can jump to it.

/** Messages by the API's field path (`invoer.deelnemers[0].organisatieId`). */
export type Fouten = Record<string, string>

export const waardeVan = (e: { target: unknown }) => (e.target as HTMLInputElement).value
export const domId = (veld: string) => `veld-${veld.replace(/[^a-zA-Z0-9]+/g, '-')}`

/** A field wrapped in an element with a predictable id, so the summary can jump to it. */
export function Vak({ veld, children, className }: { veld: string; children: ReactNode; className?: string }) {
  return (
    <div id={domId(veld)} className={className}>
      {children}
    </div>
  )
}

export function Tekstveld({
  veld,
  label,
  waarde,
  fouten,
  onChange,
  getal,
  meer,
  description,
}: {
  veld: string
  label: string
  waarde: string
  fouten: Fouten
  onChange: (w: string) => void
  /** A number field: what was understood is shown below it while typing (components/getal-veld.tsx). */
  getal?: GetalSoort
  meer?: boolean
  description?: string
}) {
  const gemeen = {
    label,
    value: waarde,
    invalid: Boolean(fouten[veld]),
    errorMessage: fouten[veld],
    description,
    onChange: (e: { target: unknown }) => onChange(waardeVan(e)),
  }
  return (
    <Vak veld={veld}>
      {meer ? (
        <FormFieldTextarea {...gemeen} rows={3} />
      ) : getal ? (
        <GetalVeld {...gemeen} soort={getal} onChange={onChange} />
      ) : (
        <FormFieldTextInput {...gemeen} type="text" autoComplete="off" />
      )}
    </Vak>
  )
}

/** A fieldset whose message (for the group as a whole) is linked to it. */
export function Groep({ veld, legend, fout, children }: { veld: string; legend: string; fout?: string; children: ReactNode }) {
  const foutId = useId()
  return (
    <div id={domId(veld)} className="rk-sectie">
      <Fieldset legend={legend} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        {children}
      </Fieldset>
    </div>
  )
}
