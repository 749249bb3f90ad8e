import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/client'
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
