import {
  Fieldset,
  FormFieldErrorMessage,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { GetalVeld } from '../../components/getal-veld'
import type { GetalSoort } from '../../i18n/getal-invoer'
import { veldId } from './soorten'

// Form controls of the cost forms. Every control has a visible label and sits in an
// element with the id of its API field path, so the error summary can jump to it; an
// API message stands right above the control (FormField links it with aria-describedby).

export type Fouten = Record<string, string>

const waardeVan = (e: { target: unknown }) => (e.target as HTMLInputElement).value

export function Label({ tekst, verplicht }: { tekst: string; verplicht?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {tekst}
      {verplicht && <span className="rk-verplicht"> {t('verplicht')}</span>}
    </>
  )
}

export function TekstInvoer({
  pad,
  label,
  waarde,
  fout,
  hint,
  verplicht,
  invoer,
  lijst,
  onChange,
}: {
  pad: string
  label: ReactNode
  waarde: string
  fout?: string
  hint?: string
  verplicht?: boolean
  invoer?: 'decimal' | 'numeric'
  lijst?: string
  onChange: (w: string) => void
}) {
  return (
    <div id={veldId(pad)} className={invoer ? 'rk-kortveld' : undefined}>
      <FormFieldTextInput
        label={label}
        value={waarde}
        invalid={Boolean(fout)}
        errorMessage={fout}
        description={hint}
        required={verplicht}
        inputMode={invoer}
        autoComplete="off"
        list={lijst}
        onChange={(e) => onChange(waardeVan(e))}
      />
    </div>
  )
}

/** An amount, count or decimal, with what was understood below it while typing (components/getal-veld.tsx). */
export function GetalInvoer({
  pad,
  soort,
  label,
  waarde,
  fout,
  hint,
  verplicht,
  onChange,
}: {
  pad: string
  soort: GetalSoort
  label: ReactNode
  waarde: string
  fout?: string
  hint?: string
  verplicht?: boolean
  onChange: (w: string) => void
}) {
  return (
    <div id={veldId(pad)} className="rk-kortveld">
      <GetalVeld
        soort={soort}
        label={label}
        value={waarde}
        invalid={Boolean(fout)}
        errorMessage={fout}
        description={hint}
        required={verplicht}
        onChange={onChange}
      />
    </div>
  )
}

export function MeertekstInvoer({
  pad,
  label,
  waarde,
  fout,
  onChange,
}: {
  pad: string
  label: ReactNode
  waarde: string
  fout?: string
  onChange: (w: string) => void
}) {
  return (
    <div id={veldId(pad)}>
      <FormFieldTextarea
        label={label}
        value={waarde}
        invalid={Boolean(fout)}
        errorMessage={fout}
        rows={3}
        onChange={(e) => onChange(waardeVan(e))}
      />
    </div>
  )
}

export interface Keuze {
  waarde: string
  label: string
}

export function KeuzeInvoer({
  pad,
  label,
  waarde,
  keuzes,
  fout,
  hint,
  verplicht,
  laden,
  onChange,
}: {
  pad: string
  label: ReactNode
  waarde: string
  keuzes: Keuze[]
  fout?: string
  hint?: string
  verplicht?: boolean
  laden?: boolean
  onChange: (w: string) => void
}) {
  const { t } = useTranslation('kosten')
  // The current value stays selectable even when it is not among the options (not visible, not fitting).
  const alle = waarde && !keuzes.some((k) => k.waarde === waarde) ? [{ waarde, label: waarde }, ...keuzes] : keuzes
  return (
    <div id={veldId(pad)}>
      <FormFieldSelect
        label={label}
        value={waarde}
        required={verplicht}
        invalid={Boolean(fout)}
        errorMessage={fout}
        description={hint}
        onChange={(e) => onChange(waardeVan(e))}
      >
        <SelectOption value="">{laden ? t('laden') : verplicht ? t('kies') : t('geen')}</SelectOption>
        {alle.map((k) => (
          <SelectOption key={k.waarde} value={k.waarde}>
            {k.label}
          </SelectOption>
        ))}
      </FormFieldSelect>
    </div>
  )
}

/** A fieldset whose message is linked to the group. */
export function Groep({
  pad,
  legend,
  fout,
  className,
  children,
}: {
  pad: string
  legend: ReactNode
  fout?: string
  className?: string
  children: ReactNode
}) {
  const foutId = useId()
  return (
    <div id={veldId(pad)} className={className}>
      <Fieldset legend={legend} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        {children}
      </Fieldset>
    </div>
  )
}

/** Radio buttons in a row. */
export function Keuzerondjes({
  naam,
  waarde,
  keuzes,
  onChange,
}: {
  naam?: string
  waarde: string
  keuzes: Keuze[]
  onChange: (w: string) => void
}) {
  const eigen = useId()
  return (
    <div className="rk-eindpunt-keuze">
      {keuzes.map((k) => (
        <label key={k.waarde}>
          <input
            type="radio"
            className="utrecht-radio-button utrecht-radio-button--html-input"
            name={naam ?? eigen}
            checked={waarde === k.waarde}
            onChange={() => onChange(k.waarde)}
          />
          {k.label}
        </label>
      ))}
    </div>
  )
}
