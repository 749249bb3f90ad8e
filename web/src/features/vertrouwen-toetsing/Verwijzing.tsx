import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { optiesQuery, useObject } from '../registry/api'

// A link to a registry object named by the object itself, in the design system's link
// style: from a select's options when the page already loaded them, else from the
// object (cached). An object the user may not see is named by its id, without a link.

export type RegisterSoort = 'organisaties' | 'samenwerkingen' | 'gastheerschappen' | 'applicaties' | 'koppelingen'

export function Verwijzing({ soort, id, naam }: { soort: RegisterSoort; id: string; naam?: string }) {
  const { t } = useTranslation('registry')
  const opties = useQuery({ ...optiesQuery(soort), enabled: false })
  const bekend = naam ?? opties.data?.find((o) => o.id === id)?.naam
  const { data, error } = useObject(soort, bekend ? undefined : id)
  if (error) return <span>{t('onbekendeVerwijzing', { id })}</span>
  const eigen = data ? String(data.data.naam ?? data.data.taak ?? '') : ''
  return <AppLink to={`/${soort}/${id}`}>{bekend ?? (eigen || id)}</AppLink>
}
