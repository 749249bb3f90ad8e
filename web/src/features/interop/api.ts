import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { API, get, query, uploadMetVoortgang } from '../../api/client'

// The interoperability endpoints (issue 15): the ArchiMate import report, the export
// address and the harmonisation overview. The shapes follow the API's answers.

/** The largest file the import accepts (the API answers 413 above it): checked before uploading. */
export const ARCHIMATE_MAX_BYTES = 50 * 1024 * 1024

export type RapportSoort = 'organisatie' | 'referentiecomponent' | 'applicatie' | 'koppeling'
export type Overeenkomst = 'identificatie' | 'cbs-code' | 'oin' | 'gemma-id' | 'naam' | 'naam-en-uiteinden'
export interface Telling {
  aanmaken: number
  samenvoegen: number
}

export interface ArchimateImportRapport {
  proef: boolean
  geimporteerd: boolean
  model: { naam: string; elementen: number; relaties: number }
  totalen: {
    organisatie: Telling
    referentiecomponent: Telling
    applicatie: Telling
    koppeling: Telling
    overgeslagen: number
    aannames: number
    fouten: number
  }
  regels: {
    soort: RapportSoort
    actie: 'aanmaken' | 'samenvoegen'
    naam: string
    id: string
    elementIds: string[]
    regel?: number
    overeenkomst?: Overeenkomst
    wijzigt: boolean
  }[]
  overgeslagen: { elementId: string; regel?: number; soort: string; naam?: string; reden: string }[]
  aannames: { elementId: string; regel?: number; veld: string; waarde: string; reden: string }[]
  fouten: { elementId?: string; regel?: number; naam?: string; veld: string; reden: string }[]
}

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

interface Naam {
  id: string
  naam: string
}

export interface HarmonisatieApplicatie {
  applicatie: Naam
  leverancier?: Naam
  gebruikers: Naam[]
  /** In eurocent, over the kostenposten that name this applicatie in the year. */
  kosten?: { bedrag: number; posten: number }
}

export interface Harmonisatie {
  samenwerking: Naam
  jaar?: number
  referentiecomponenten: {
    referentiecomponent: Naam & { gemmaId?: string }
    verschillend: boolean
    applicaties: HarmonisatieApplicatie[]
  }[]
  zonderReferentiecomponent: { applicatie: Naam; gebruikers: Naam[] }[]
}

export function useHarmonisatie(samenwerkingId: string, jaar: string) {
  return useQuery({
    queryKey: ['harmonisatie', samenwerkingId, jaar],
    queryFn: ({ signal }) => get<Harmonisatie>(`harmonisatie${query({ samenwerkingId, jaar })}`, signal),
    enabled: Boolean(samenwerkingId),
    placeholderData: keepPreviousData,
  })
}
