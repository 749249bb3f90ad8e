import { Button, DataSummary, DataSummaryItem, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { useWaardeLabel } from '../../i18n/waarden'
import { type Index, registerPad, type Selectie } from './model'

// The side panel: details of the selected node or koppeling, with a link to its page
// in the register.

interface Props {
  index: Index
  selectie?: Selectie
  onSelect(s: Selectie | undefined): void
  headingRef: Ref<HTMLHeadingElement>
}

function Namen({ ids, index, onSelect }: { ids: string[]; index: Index; onSelect: Props['onSelect'] }) {
  const { t } = useTranslation('landschap')
  if (ids.length === 0) return <>{t('paneel.geen')}</>
  return (
    <ul className="rk-paneel__lijst">
      {ids.map((id) => (
        <li key={id}>
          <button type="button" className="rk-knoplink" onClick={() => onSelect({ soort: 'knoop', id })}>
            {index.knopen.get(id)?.naam ?? id}
          </button>
        </li>
      ))}
    </ul>
  )
}

export function Paneel({ index, selectie, onSelect, headingRef }: Props) {
  const { t } = useTranslation('landschap')
  const waardeLabel = useWaardeLabel()
  const knoop = selectie?.soort === 'knoop' ? index.knopen.get(selectie.id) : undefined
  const koppeling = selectie?.soort === 'koppeling' ? index.koppelingen.get(selectie.id) : undefined
  const naam = (id: string | undefined) => (id ? (index.knopen.get(id)?.naam ?? id) : '')

  let inhoud = <Paragraph>{t('paneel.leeg')}</Paragraph>
  let titel = t('paneel.kop')
  if (knoop) {
    titel = knoop.naam
    const verbindingen = index.per.get(knoop.id) ?? []
    const gebruikt = verbindingen.filter((v) => v.soort === 'gebruikt')
    const koppelingen = verbindingen.filter((v) => v.soort === 'koppeling')
    const pad = registerPad(knoop)
    inhoud = (
      <>
        <DataSummary appearance="column">
          <DataSummaryItem itemKey={t('paneel.soort')} itemValue={t(`soort.${knoop.soort}`)} />
          {knoop.type ? <DataSummaryItem itemKey={t('paneel.type')} itemValue={waardeLabel(knoop.type)} /> : null}
          {knoop.status ? <DataSummaryItem itemKey={t('paneel.status')} itemValue={waardeLabel(knoop.status)} /> : null}
        </DataSummary>
        {knoop.soort === 'applicatie' ? (
          <>
            <Heading level={3} appearanceLevel={5}>
              {t('paneel.gebruiktDoor')}
            </Heading>
            <Namen ids={gebruikt.map((v) => v.bron)} index={index} onSelect={onSelect} />
          </>
        ) : null}
        {knoop.soort === 'organisatie' ? (
          <>
            <Heading level={3} appearanceLevel={5}>
              {t('paneel.gebruikt')}
            </Heading>
            <Namen ids={gebruikt.map((v) => v.doel)} index={index} onSelect={onSelect} />
          </>
        ) : null}
        {knoop.soort !== 'organisatie' ? (
          <>
            <Heading level={3} appearanceLevel={5}>
              {t('paneel.koppelingen')}
            </Heading>
            {koppelingen.length === 0 ? (
              <Paragraph>{t('paneel.geen')}</Paragraph>
            ) : (
              <ul className="rk-paneel__lijst">
                {koppelingen.map((v) => (
                  <li key={v.koppelingId}>
                    <button
                      type="button"
                      className="rk-knoplink"
                      onClick={() => v.koppelingId && onSelect({ soort: 'koppeling', id: v.koppelingId })}
                    >
                      {v.naam}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
        {pad ? (
          <Paragraph>
            <AppLink to={pad} aria-label={t('paneel.naarRegisterLabel', { naam: knoop.naam })}>
              {t('paneel.naarRegister')}
            </AppLink>
          </Paragraph>
        ) : null}
      </>
    )
  } else if (koppeling?.koppelingId) {
    titel = koppeling.naam ?? t('soort.koppeling')
    inhoud = (
      <>
        <DataSummary appearance="column">
          <DataSummaryItem itemKey={t('paneel.soort')} itemValue={t('soort.koppeling')} />
          <DataSummaryItem itemKey={t('paneel.bron')} itemValue={naam(koppeling.bron)} />
          {koppeling.via ? <DataSummaryItem itemKey={t('paneel.via')} itemValue={naam(koppeling.via)} /> : null}
          <DataSummaryItem itemKey={t('paneel.doel')} itemValue={naam(koppeling.doel)} />
          <DataSummaryItem itemKey={t('paneel.richting')} itemValue={waardeLabel(koppeling.richting)} />
          {koppeling.status ? <DataSummaryItem itemKey={t('paneel.status')} itemValue={waardeLabel(koppeling.status)} /> : null}
          <DataSummaryItem
            itemKey={t('paneel.vertrouwelijkheid')}
            itemValue={koppeling.vertrouwelijkheid ? t(`biv.${koppeling.vertrouwelijkheid}`) : ''}
          />
          <DataSummaryItem
            itemKey={t('paneel.persoonsgegevens')}
            itemValue={koppeling.persoonsgegevens ? t('paneel.ja') : t('paneel.nee')}
          />
        </DataSummary>
        <Paragraph>
          <AppLink to={`/koppelingen/${koppeling.koppelingId}`} aria-label={t('paneel.naarRegisterLabel', { naam: titel })}>
            {t('paneel.naarRegister')}
          </AppLink>
        </Paragraph>
      </>
    )
  }

  return (
    <aside className="rk-paneel" aria-labelledby="landschap-paneel-kop" data-testid="landschap-paneel">
      <Heading level={2} appearanceLevel={4} id="landschap-paneel-kop" ref={headingRef} tabIndex={-1}>
        {titel}
      </Heading>
      {inhoud}
      {selectie ? (
        <Button appearance="secondary-action-button" onClick={() => onSelect(undefined)}>
          {t('paneel.sluiten')}
        </Button>
      ) : null}
    </aside>
  )
}
