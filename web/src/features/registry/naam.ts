import { useQuery } from '@tanstack/react-query'
import { useWaardeLabel } from '../../i18n/waarden'
import { optiesQuery, useObject } from './api'
import { naamVan, naamVeld, type RegistryObject, type Soort } from './soorten'

// The name a person recognises an object by, on its page, in a list and in a link. Most
// objects carry one; trust objects are known by the party they concern: a bewijsstuk as
// "ISO 27001-certificaat — Leverancier", a toegang as "Leverancier → its purpose". The
// party's name comes from the organisations already loaded for a select, else from the
// organisation itself (cached); until it arrives, the object's own field stands alone.

/** The field that names the party in the object's name. */
const PARTIJ_VELD: Partial<Record<Soort, string>> = { bewijsstukken: 'organisatieId', toegangen: 'partijId' }

function usePartijNaam(soort: Soort, o: RegistryObject | undefined): string | undefined {
  const veld = PARTIJ_VELD[soort]
  return useOrganisatieNaam(veld && typeof o?.[veld] === 'string' ? (o[veld] as string) : undefined)
}

/** An organisation's name by its id; undefined until known. */
export function useOrganisatieNaam(id: string | undefined): string | undefined {
  const opties = useQuery({ ...optiesQuery('organisaties'), enabled: false })
  const bekend = id ? opties.data?.find((x) => x.id === id)?.naam : undefined
  const org = useObject('organisaties', id && !bekend ? id : undefined)
  return bekend ?? (org.data ? String(org.data.data.naam ?? '') || undefined : undefined)
}

/** The object's name as a person reads it; '' while there is no object. */
export function useNaam(soort: Soort, o: RegistryObject | undefined): string {
  const waardeLabel = useWaardeLabel()
  const partij = usePartijNaam(soort, o)
  if (!o) return ''
  if (soort === 'bewijsstukken') {
    const soortLabel = waardeLabel(o[naamVeld(soort)])
    return partij ? `${soortLabel} — ${partij}` : soortLabel
  }
  if (soort === 'toegangen') return partij ? `${partij} → ${naamVan(soort, o)}` : naamVan(soort, o)
  return naamVan(soort, o)
}
