import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { optiesQuery, useObject } from './api'
import { useNaam } from './naam'
import type { Soort } from './soorten'

/**
 * A link to a referenced object, named by the object itself. The name comes from the
 * options list when a select on the page already loaded it, else from the object (cached).
 */
export function RefLink({ soort, id }: { soort: Soort; id: string }) {
  const { t } = useTranslation('registry')
  const opties = useQuery({ ...optiesQuery(soort), enabled: false })
  const bekend = opties.data?.find((o) => o.id === id)?.naam
  const { data, error } = useObject(soort, bekend ? undefined : id)
  const naam = useNaam(soort, data?.data)
  if (error) return <span>{t('onbekendeVerwijzing', { id })}</span>
  return <Link to={`/${soort}/${id}`}>{bekend ?? (naam || id)}</Link>
}
