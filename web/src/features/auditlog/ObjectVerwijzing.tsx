import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiProblem, get } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import type { AuditRegel } from './types'

// The object an audit entry is about: its type, a readable name taken from the entry
// itself, and a link to its page — only while it still exists and the reader may open
// it (the API answers 404 for both "gone" and "not yours", and so does this check).

const PAGINA: Record<string, { ui: string; api: string }> = {
  organisatie: { ui: 'organisaties', api: 'organisaties' },
  samenwerking: { ui: 'samenwerkingen', api: 'samenwerkingen' },
  gastheerschap: { ui: 'gastheerschappen', api: 'gastheerschappen' },
  applicatie: { ui: 'applicaties', api: 'applicaties' },
  koppeling: { ui: 'koppelingen', api: 'koppelingen' },
  gebruiker: { ui: 'beheer/gebruikers', api: 'gebruikers' },
}

const NAAMVELDEN = ['naam', 'taak', 'gebruikersnaam'] as const

function naamUit(regel: AuditRegel): string | undefined {
  for (const staat of [regel.na, regel.voor]) {
    if (typeof staat !== 'object' || staat === null) continue
    for (const veld of NAAMVELDEN) {
      const v = (staat as Record<string, unknown>)[veld]
      if (typeof v === 'string' && v) return v
    }
  }
  return undefined
}

function useBestaat(objecttype: string, objectId: string, mag: boolean) {
  const pad = PAGINA[objecttype]
  return useQuery({
    queryKey: ['bestaat', objecttype, objectId],
    enabled: mag && Boolean(pad) && objectId !== '-',
    staleTime: 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      try {
        await get(`${pad?.api}/${encodeURIComponent(objectId)}`, signal)
        return true
      } catch (e) {
        if (e instanceof ApiProblem && (e.status === 404 || e.status === 403 || e.status === 400)) return false
        throw e
      }
    },
  })
}

export function ObjectVerwijzing({ regel }: { regel: AuditRegel }) {
  const { t } = useTranslation('auditlog')
  const ik = useCurrentIk()
  // An API token's audit entries name the token, which has no page of its own.
  const isToken = regel.actie.startsWith('token-')
  const mag = !isToken && (regel.objecttype !== 'gebruiker' || ik.rechten.gebruikersBeheren)
  const bestaat = useBestaat(regel.objecttype, regel.objectId, mag)
  const soort = isToken ? t('objecttypen.apiToken') : t(`objecttypen.${regel.objecttype}`, { defaultValue: regel.objecttype })
  const tekst = naamUit(regel) ?? regel.objectId
  const pad = PAGINA[regel.objecttype]
  return (
    <>
      <span className="rk-audit__soort">{soort}</span>{' '}
      {mag && bestaat.data && pad ? <AppLink to={`/${pad.ui}/${regel.objectId}`}>{tekst}</AppLink> : <span>{tekst}</span>}
    </>
  )
}
