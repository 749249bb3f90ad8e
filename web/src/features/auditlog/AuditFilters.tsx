import { Button, FormFieldSelect, FormFieldTextInput, Heading, SelectOption } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIES, type AuditFilter, GEEN_FILTER, OBJECTTYPEN } from './filters'

// The filters GET /auditlog offers. Typed values are applied on submit, not on every
// key press, so the list does not jump while someone types an id. The page keys this
// form by the filter in the address bar, so back/forward starts it afresh.

export function AuditFilters({ filter, onToepassen }: { filter: AuditFilter; onToepassen: (f: AuditFilter) => void }) {
  const { t } = useTranslation('auditlog')
  const [invoer, setInvoer] = useState(filter)
  const zet = (veld: keyof AuditFilter) => (e: { target: EventTarget | null }) =>
    setInvoer((f) => ({ ...f, [veld]: (e.target as HTMLInputElement | HTMLSelectElement).value }))

  function submit(e: FormEvent) {
    e.preventDefault()
    onToepassen(invoer)
  }

  return (
    <search aria-labelledby="audit-filters-kop">
      <Heading level={2} appearanceLevel={4} id="audit-filters-kop">
        {t('filters.titel')}
      </Heading>
      <form onSubmit={submit} className="rk-toolbar rk-audit__filters">
        <FormFieldSelect label={t('filters.objecttype')} name="objecttype" value={invoer.objecttype} onChange={zet('objecttype')}>
          <SelectOption value="">{t('filters.alle')}</SelectOption>
          {OBJECTTYPEN.map((o) => (
            <SelectOption key={o} value={o}>
              {t(`objecttypen.${o}`)}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldTextInput label={t('filters.objectId')} name="objectId" value={invoer.objectId} onChange={zet('objectId')} />
        <FormFieldTextInput label={t('filters.actor')} name="actor" value={invoer.actor} onChange={zet('actor')} autoComplete="off" />
        <FormFieldSelect label={t('filters.actie')} name="actie" value={invoer.actie} onChange={zet('actie')}>
          <SelectOption value="">{t('filters.alle')}</SelectOption>
          {ACTIES.map((a) => (
            <SelectOption key={a} value={a}>
              {t(`acties.${a}`)}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldTextInput label={t('filters.vanaf')} name="vanaf" type="date" value={invoer.vanaf} onChange={zet('vanaf')} />
        <FormFieldTextInput label={t('filters.tot')} name="tot" type="date" value={invoer.tot} onChange={zet('tot')} />
        <div className="rk-audit__knoppen">
          <Button type="submit" appearance="primary-action-button">
            {t('filters.toepassen')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setInvoer(GEEN_FILTER)
              onToepassen(GEEN_FILTER)
            }}
          >
            {t('filters.wissen')}
          </Button>
        </div>
      </form>
    </search>
  )
}
