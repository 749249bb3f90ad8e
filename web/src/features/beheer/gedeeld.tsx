import { Alert, DataSummary, DataSummaryItem, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/client'
import { formatTijdstip } from '../../i18n/format'
import type { GebruikerDetail } from './types'
import { useOrganisaties } from './useOrganisaties'

// Small pieces the user pages share.

/** Field messages of a 400, keyed by field path; nothing for other errors. */
export function veldFouten(error: unknown): Record<string, string> {
  return error instanceof ApiProblem && error.status === 400 ? error.fieldErrors() : {}
}

/** "Beheerder bij Hilversum", "Admin". */
export function useRolTekst() {
  const { t } = useTranslation('beheer')
  const { naamVan } = useOrganisaties()
  return (r: { rol: string; organisatieId?: string }) => {
    const rol = t(`rollen.namen.${r.rol}`, { defaultValue: r.rol })
    return r.organisatieId ? t('rollen.bij', { rol, organisatie: naamVan(r.organisatieId) }) : rol
  }
}

/** The 409 of removing or blocking the last active admin, said plainly. */
export function LaatsteAdmin({ error }: { error: ApiProblem }) {
  const { t } = useTranslation('beheer')
  return (
    <Alert type="error" role="alert">
      <Heading level={2} appearanceLevel={4}>
        {t('gebruiker.laatsteAdminTitel')}
      </Heading>
      <Paragraph>{error.body.detail ?? error.message}</Paragraph>
    </Alert>
  )
}

/**
 * Someone else saved this user meanwhile (412). What was typed stays in the form; this
 * shows the version now stored, and the next save goes against that version.
 */
export function Conflict({ actueel }: { actueel: GebruikerDetail }) {
  const { t } = useTranslation('beheer')
  const rolTekst = useRolTekst()
  return (
    <Alert type="warning" role="alert">
      <Heading level={2} appearanceLevel={4}>
        {t('fout.conflictTitel', { ns: 'common' })}
      </Heading>
      <Paragraph>{t('fout.conflict', { ns: 'common' })}</Paragraph>
      <Heading level={3} appearanceLevel={5}>
        {t('gebruiker.huidigeVersie', { tijdstip: formatTijdstip(actueel.gewijzigdOp) })}
      </Heading>
      <DataSummary>
        <DataSummaryItem itemKey={t('gebruiker.naam')} itemValue={actueel.naam} />
        <DataSummaryItem itemKey={t('gebruiker.email')} itemValue={actueel.email ?? t('leeg', { ns: 'common' })} />
        <DataSummaryItem
          itemKey={t('gebruiker.actief')}
          itemValue={actueel.actief ? t('ja', { ns: 'common' }) : t('nee', { ns: 'common' })}
        />
        <DataSummaryItem
          itemKey={t('rollen.legend')}
          itemValue={actueel.rollen.length ? actueel.rollen.map(rolTekst).join('; ') : t('leeg', { ns: 'common' })}
        />
      </DataSummary>
    </Alert>
  )
}
