import { Button, FormFieldSelect, FormFieldTextInput, SelectOption } from '@rijkshuisstijl-community/components-react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useWaardeLabel } from '../../i18n/waarden'
import { useOpties } from './api'
import { type Filter, INFO, type Soort } from './soorten'

// Search and filters of a list. They apply on "Zoeken" rather than on every change,
// so a keyboard or screen-reader user is never surprised by a page that changes under them.

function FilterSelect({ filter, waarde }: { filter: Filter; waarde: string }) {
  const { t } = useTranslation('registry')
  const opties = useOpties(filter.soort === 'ref' ? filter.doel : undefined)
  const waardeLabel = useWaardeLabel()
  const label = t(`filter.${filter.label ?? filter.param}`)
  let keuzes: { waarde: string; label: string }[]
  if (filter.soort === 'keuze') keuzes = filter.waarden.map((w) => ({ waarde: w, label: waardeLabel(w, filter.waarden) }))
  else if (filter.soort === 'janee')
    keuzes = [
      { waarde: 'true', label: t('common:ja') },
      { waarde: 'false', label: t('common:nee') },
    ]
  else keuzes = (opties.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))
  // A filter from a link may name an object that is not among the options (yet).
  if (waarde && !keuzes.some((k) => k.waarde === waarde)) keuzes.unshift({ waarde, label: waarde })
  return (
    <FormFieldSelect label={label} name={filter.param} defaultValue={waarde}>
      <SelectOption value="">{t('alle')}</SelectOption>
      {keuzes.map((k) => (
        <SelectOption key={k.waarde} value={k.waarde}>
          {k.label}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

export function ListFilters({
  soort,
  params,
  onZoek,
}: {
  soort: Soort
  params: URLSearchParams
  onZoek: (waarden: Record<string, string>) => void
}) {
  const { t } = useTranslation('registry')
  const filters = INFO[soort].filters
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const waarden: Record<string, string> = {}
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim()) waarden[k] = v.trim()
    onZoek(waarden)
  }
  const actief = filters.some((f) => params.get(f.param)) || Boolean(params.get('zoek'))
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself; <search> is not yet in React's types
    <form role="search" aria-label={t('zoekenLabel', { soort: t(`soort.${soort}.meervoud`) })} className="rk-filters" onSubmit={submit}>
      <FormFieldTextInput
        label={t(`zoekOp.${soort}`, { defaultValue: t('zoekOpNaam') })}
        name="zoek"
        type="search"
        defaultValue={params.get('zoek') ?? ''}
      />
      {filters.map((f) => (
        <FilterSelect key={f.param} filter={f} waarde={params.get(f.param) ?? ''} />
      ))}
      <div className="rk-filters__knoppen">
        <Button type="submit" appearance="primary-action-button">
          {t('common:acties.zoeken')}
        </Button>
        {actief && <Link to={`/${soort}`}>{t('common:acties.wissen')}</Link>}
      </div>
    </form>
  )
}
