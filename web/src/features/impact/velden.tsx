import {
  Fieldset,
  FormFieldErrorMessage,
  FormFieldSelect,
  FormFieldTextInput,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { useId } from 'react'
import { Vak } from '../scenarios/formulier-velden'
import type { Fouten } from './concept'

// Form fields of the builder that the business case's building blocks do not have:
// a select of existing objects, a date and a multiple choice, each in a Vak (its
// predictable id lets the error summary jump to it).

export interface Optie {
  id: string
  naam: string
}

export function Keuzeveld({
  veld,
  label,
  waarde,
  opties,
  fouten,
  leeg,
  description,
  onChange,
}: {
  veld: string
  label: string
  waarde: string
  opties: Optie[] | { groep: string; opties: Optie[]; prefix: string }[]
  fouten: Fouten
  leeg: string
  description?: string
  onChange: (w: string) => void
}) {
  return (
    <Vak veld={veld} className="rk-impact-veld">
      <FormFieldSelect
        label={label}
        description={description}
        value={waarde}
        invalid={Boolean(fouten[veld])}
        errorMessage={fouten[veld]}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        <SelectOption value="">{leeg}</SelectOption>
        {opties.map((o) =>
          'groep' in o ? (
            <optgroup key={o.groep} label={o.groep}>
              {o.opties.map((x) => (
                <SelectOption key={x.id} value={`${o.prefix}${x.id}`}>
                  {x.naam}
                </SelectOption>
              ))}
            </optgroup>
          ) : (
            <SelectOption key={o.id} value={o.id}>
              {o.naam}
            </SelectOption>
          ),
        )}
      </FormFieldSelect>
    </Vak>
  )
}

export function Datumveld({
  veld,
  label,
  waarde,
  fouten,
  onChange,
}: {
  veld: string
  label: string
  waarde: string
  fouten: Fouten
  onChange: (w: string) => void
}) {
  return (
    <Vak veld={veld} className="rk-impact-veld">
      <FormFieldTextInput
        label={label}
        type="date"
        value={waarde}
        invalid={Boolean(fouten[veld])}
        errorMessage={fouten[veld]}
        onChange={(e) => onChange((e.target as HTMLInputElement).value)}
      />
    </Vak>
  )
}

/** Several objects at once (uitbesteden: the applicaties that move), as checkboxes in a fieldset. */
export function Meervoudveld({
  veld,
  label,
  waarde,
  opties,
  fouten,
  onChange,
}: {
  veld: string
  label: string
  waarde: string[]
  opties: Optie[]
  fouten: Fouten
  onChange: (w: string[]) => void
}) {
  const foutId = useId()
  const fout = fouten[veld]
  return (
    <Vak veld={veld} className="rk-impact-veld">
      <Fieldset legend={label} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        <div className="rk-keuzes rk-impact-meervoud">
          {opties.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={waarde.includes(o.id)}
                onChange={(e) => {
                  const aan = (e.target as HTMLInputElement).checked
                  onChange(aan ? [...waarde, o.id] : waarde.filter((x) => x !== o.id))
                }}
              />
              {o.naam}
            </label>
          ))}
        </div>
      </Fieldset>
    </Vak>
  )
}
