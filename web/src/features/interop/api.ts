import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import type { ArchimateImportRapport, Harmonisatie as HarmonisatieSchema } from '../../../../src/schemas/interop'
import { API, get, query, uploadMetVoortgang } from '../../api/client'

// The interoperability endpoints (issue 15): the ArchiMate import report, the export
// address and the harmonisation overview, typed by the server's schemas (types only).

/** The largest file the import accepts (the API answers 413 above it): checked before uploading. */
export const ARCHIMATE_MAX_BYTES = 50 * 1024 * 1024

export type { ArchimateImportRapport }
export type RapportSoort = ArchimateImportRapport['regels'][number]['soort']

/** The registry page of each kind in the report. */
export const PAGINA: Record<RapportSoort, string> = {
  organisatie: 'organisaties',
  referentiecomponent: 'referentiecomponenten',
  applicatie: 'applicaties',
  koppeling: 'koppelingen',
}

/** Uploads the file as it is: a trial (nothing written) or the import itself. */
export const archimateImporteren = (bestand: File, proef: boolean, onVoortgang: (verzonden: number, totaal: number) => void) =>
  uploadMetVoortgang<ArchimateImportRapport>(`archimate/import${query({ proef })}`, bestand, {
    contentType: 'application/xml',
    onVoortgang,
  })

export const exportAdres = (samenwerkingId: string) => `${API}/archimate/export${query({ samenwerkingId })}`

/** GET /harmonisatie; the summary counts are the page's own, from the lists. */
export type Harmonisatie = Static<typeof HarmonisatieSchema>
export type HarmonisatieApplicatie = Harmonisatie['referentiecomponenten'][number]['applicaties'][number]

export function useHarmonisatie(samenwerkingId: string, jaar: string) {
  return useQuery({
    queryKey: ['harmonisatie', samenwerkingId, jaar],
    queryFn: ({ signal }) => get<Harmonisatie>(`harmonisatie${query({ samenwerkingId, jaar })}`, signal),
    enabled: Boolean(samenwerkingId),
    placeholderData: keepPreviousData,
  })
}
