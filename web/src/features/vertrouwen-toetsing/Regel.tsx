import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useWaardeLabel } from '../../i18n/waarden'
import type { BeleidsRegel } from './api'
import { bewijsNaam, bewijsOf, lijst } from './woorden'

// One rule of a trust policy in words: what it requires, for which objects and parties,
// the control it enforces (BIO 9.2.5; BIO2 5.18), the severity of a finding and why the
// rule exists. The API stores a rule as data; a CISO reads it as a sentence.

type Label = (waarde: unknown) => string

export function eisInWoorden(t: TFunction, r: BeleidsRegel, label: Label): string {
  switch (r.soort) {
    case 'vereist-bewijs': {
      const delen: string[] = []
      if (r.alleVan.length > 0)
        delen.push(
          t('regel.eis.alleVan', {
            lijst: lijst(
              t,
              r.alleVan.map((s) => bewijsNaam(t, s)),
              'en',
            ),
          }),
        )
      if (r.eenVan.length > 0) delen.push(t('regel.eis.eenVan', { lijst: bewijsOf(t, r.eenVan) }))
      if (r.verwerkersovereenkomstMetEigenaar) delen.push(t('regel.eis.vokMetEigenaar'))
      return delen.length === 0 ? t('regel.eis.niets') : t('regel.eis.vereistBewijs', { wat: lijst(t, delen, 'en') })
    }
    case 'herbeoordeling':
      return t('regel.eis.herbeoordeling', { count: r.maxMaanden })
    case 'verloopwaarschuwing':
      return t('regel.eis.verloopwaarschuwing', { count: r.dagen })
    case 'contracteisen': {
      const delen = [...(r.auditrecht ? [t('regel.auditrecht')] : []), ...(r.exitstrategie ? [t('regel.exitstrategie')] : [])]
      return delen.length === 0 ? t('regel.eis.niets') : t('regel.eis.contracteisen', { wat: lijst(t, delen, 'en') })
    }
    case 'jaarlijkse-assurance':
      return t('regel.eis.assurance', { soorten: bewijsOf(t, r.soorten), count: r.maxMaanden })
    case 'verwerkersovereenkomst-bij-persoonsgegevens':
      return t('regel.eis.verwerkersovereenkomst')
    case 'koppelingregister':
      return r.verbodenStatussen.length === 0
        ? t('regel.eis.koppelingregister')
        : t('regel.eis.koppelingregisterStatus', {
            statussen: lijst(
              t,
              r.verbodenStatussen.map((s) => label(s)),
              'of',
            ),
          })
  }
}

export function voorInWoorden(t: TFunction, r: BeleidsRegel, label: Label): string {
  if (r.soort !== 'vereist-bewijs') return t(`regel.voor.${r.soort}`)
  const delen: string[] = []
  if (r.vanafVertrouwelijkheid) delen.push(t('regel.voor.vanaf', { niveau: label(r.vanafVertrouwelijkheid) }))
  if (r.bijPersoonsgegevens) delen.push(t('regel.voor.persoonsgegevens'))
  if (r.netwerkzones) delen.push(t('regel.voor.netwerkzones'))
  return delen.length === 0 ? t('regel.voor.geenToegang') : t('regel.voor.toegangTot', { wat: lijst(t, delen, 'of') })
}

export function partijenInWoorden(t: TFunction, r: BeleidsRegel, label: Label): string {
  return r.partijTypes && r.partijTypes.length > 0
    ? t('regel.partijTypes', {
        types: lijst(
          t,
          r.partijTypes.map((p) => label(p)),
          'of',
        ),
      })
    : t('regel.iederePartij')
}

export function Regel({ regel, kopNiveau = 3 }: { regel: BeleidsRegel; kopNiveau?: 3 | 4 }) {
  const { t } = useTranslation('toetsing')
  const label = useWaardeLabel()
  const kopId = `regel-${regel.id}-kop`
  return (
    <article id={`regel-${regel.id}`} aria-labelledby={kopId} className="rk-toetsing__regelkaart" tabIndex={-1}>
      <Heading level={kopNiveau} appearanceLevel={4} id={kopId}>
        {t(`regelSoort.${regel.soort}`)} <span className="rk-toetsing__regelid">({regel.id})</span>
      </Heading>
      <dl className="rk-toetsing__gegevens">
        <dt>{t('regel.eist')}</dt>
        <dd>{eisInWoorden(t, regel, label)}</dd>
        <dt>{t('regel.voor.kop')}</dt>
        <dd>
          {voorInWoorden(t, regel, label)} {partijenInWoorden(t, regel, label)}
        </dd>
        <dt>{t('regel.maatregel')}</dt>
        <dd>{regel.maatregel}</dd>
        <dt>{t('regel.ernst')}</dt>
        <dd>{t(`ernst.${regel.ernst}`)}</dd>
        {regel.toelichting && (
          <>
            <dt>{t('regel.toelichting')}</dt>
            <dd>{regel.toelichting}</dd>
          </>
        )}
      </dl>
    </article>
  )
}

export function Regels({ regels }: { regels: readonly BeleidsRegel[] }) {
  const { t } = useTranslation('toetsing')
  return (
    <section aria-labelledby="beleid-regels-kop" className="rk-toetsing__sectie">
      <Heading level={2} appearanceLevel={3} id="beleid-regels-kop">
        {t('beleid.regels', { count: regels.length })}
      </Heading>
      <Paragraph>{t('beleid.regelsIntro')}</Paragraph>
      <div className="rk-toetsing__regels">
        {regels.map((r) => (
          <Regel key={r.id} regel={r} />
        ))}
      </div>
    </section>
  )
}
