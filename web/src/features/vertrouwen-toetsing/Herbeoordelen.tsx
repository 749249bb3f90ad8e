import { FormFieldTextarea, FormFieldTextInput } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, request } from '../../api/client'
import { formatDatum } from '../../i18n/format'
import { Bevestigingsdialoog } from '../declaraties/Bevestiging'
import { HERBEOORDELINGEN_KEY, type Herbeoordeling, TOETSING_KEY, type Toegang } from './api'

// The two decisions of a periodic review, each confirmed in a modal dialog: approve
// (optionally until a new date) or revoke (a reason is required). Sent with If-Match of
// the grant's revision, read with GET /toegangen/{id}; a stale revision (412) reloads
// the grant and says so, field errors stand at their field.

export type Besluit = 'goedkeuren' | 'intrekken'

export const toegangKey = (id: string) => [...TOETSING_KEY, 'toegang', id] as const

/** The grant with its ETag: its revision for If-Match, what it opens, whether it was revoked, and what the caller may do. */
export const toegangQuery = (id: string) => ({
  queryKey: toegangKey(id),
  queryFn: ({ signal }: { signal: AbortSignal }) => request<Toegang>(`toegangen/${id}`, { signal }),
  staleTime: 30_000,
})

export function useToegang(id: string) {
  return useQuery(toegangQuery(id))
}

export function Herbeoordelen({
  h,
  besluit,
  onGelukt,
  onNee,
}: {
  h: Herbeoordeling
  besluit: Besluit
  onGelukt: (melding: string) => void
  onNee: () => void
}) {
  const { t } = useTranslation('toetsing')
  const client = useQueryClient()
  const toegang = useToegang(h.toegangId)
  const [geldigTot, setGeldigTot] = useState('')
  const [reden, setReden] = useState('')
  const [veldFouten, setVeldFouten] = useState<{ geldigTot?: string; reden?: string }>({})
  const [fout, setFout] = useState<unknown>()

  const actie = useMutation({
    mutationFn: () =>
      request<Toegang>(`toegangen/${h.toegangId}/herbeoordelen`, {
        method: 'POST',
        ifMatch: toegang.data?.etag,
        body: besluit === 'goedkeuren' ? { besluit, ...(geldigTot ? { geldigTot } : {}) } : { besluit, reden: reden.trim() },
      }),
    // The dialog closes with the new state, so its focus goes back to the button that
    // opened it when the row is still there, else to the page's heading.
    onSuccess: async (res) => {
      client.setQueryData(toegangKey(h.toegangId), res)
      // The list and what depends on a grant's review (findings and counts, the grant's registry pages).
      await Promise.all([
        client.invalidateQueries({ queryKey: HERBEOORDELINGEN_KEY }),
        client.invalidateQueries({ queryKey: ['vertrouwen'] }),
        client.invalidateQueries({ queryKey: ['registry'] }),
      ])
      onGelukt(
        besluit === 'goedkeuren'
          ? res.data.geldigTot
            ? t('herbeoordelen.goedgekeurdTot', { partij: h.partijNaam, doel: h.doel, datum: formatDatum(res.data.geldigTot) })
            : t('herbeoordelen.goedgekeurd', { partij: h.partijNaam, doel: h.doel })
          : t('herbeoordelen.ingetrokken', { partij: h.partijNaam, doel: h.doel }),
      )
    },
    onError: async (e) => {
      if (e instanceof ApiProblem && e.status === 400 && e.body.invalidParams?.length) {
        const velden = e.fieldErrors()
        if (velden.geldigTot || velden.reden) {
          setVeldFouten({ geldigTot: velden.geldigTot, reden: velden.reden })
          setFout(undefined)
          focusVeld()
          return
        }
      }
      if (e instanceof ApiProblem && e.status === 412) {
        // Someone changed the grant since it was read: read it again, so a new attempt sends the current revision.
        await toegang.refetch()
        setFout(new Error(t('herbeoordelen.verouderd', { wie: e.body.gewijzigdDoor ?? t('herbeoordelen.iemand') })))
        return
      }
      setFout(e)
    },
  })

  function focusVeld() {
    setTimeout(() => document.querySelector<HTMLElement>('.rk-dialoog [aria-invalid="true"]')?.focus(), 0)
  }

  function ja() {
    setFout(undefined)
    if (besluit === 'intrekken' && !reden.trim()) {
      setVeldFouten({ reden: t('herbeoordelen.redenVerplicht') })
      focusVeld()
      return
    }
    setVeldFouten({})
    actie.mutate()
  }

  const wat = { partij: h.partijNaam, doel: h.doel }
  return (
    <Bevestigingsdialoog
      kop={t(`herbeoordelen.${besluit}.kop`, wat)}
      tekst={t(`herbeoordelen.${besluit}.tekst`, wat)}
      ja={actie.isPending ? t('herbeoordelen.bezig') : t(`herbeoordelen.${besluit}.ja`)}
      bezig={actie.isPending || toegang.isPending}
      fout={fout ?? toegang.error}
      focusOpVeld
      onJa={ja}
      onNee={onNee}
    >
      {besluit === 'goedkeuren' ? (
        <FormFieldTextInput
          label={t('herbeoordelen.geldigTot')}
          description={
            toegang.data?.data.geldigTot
              ? t('herbeoordelen.geldigTotHulpHuidig', { datum: formatDatum(toegang.data.data.geldigTot) })
              : t('herbeoordelen.geldigTotHulp')
          }
          name="geldigTot"
          type="date"
          value={geldigTot}
          invalid={Boolean(veldFouten.geldigTot)}
          errorMessage={veldFouten.geldigTot}
          onChange={(e) => setGeldigTot((e.target as HTMLInputElement).value)}
        />
      ) : (
        <FormFieldTextarea
          label={t('herbeoordelen.reden')}
          description={t('herbeoordelen.redenHulp')}
          name="reden"
          rows={3}
          required
          value={reden}
          invalid={Boolean(veldFouten.reden)}
          errorMessage={veldFouten.reden}
          onChange={(e) => setReden((e.target as HTMLTextAreaElement).value)}
        />
      )}
    </Bevestigingsdialoog>
  )
}
