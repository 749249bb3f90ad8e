// The declaratie shapes as the API sends them (GET /declaraties, /declaraties/{id},
// POST /declaraties/_genereren; see src/schemas/declaraties.ts), and this feature's query keys.
// Written out here for now: that module's types reach the allocation engine
// (src/domain/verdeling), which does not type-check under the UI's stricter settings.

import { PERIODE_PATTERN } from '../../../../src/domain/periode'

export const STATUSSEN = ['concept', 'definitief', 'verzonden', 'betaald'] as const
export type DeclaratieStatus = (typeof STATUSSEN)[number]
export type DeclaratieActie = 'wijzigen' | 'verwijderen' | 'definitief-maken' | 'verzenden' | 'betaald-melden' | 'corrigeren'

export interface Breuk {
  teller: string
  noemer: string
}

export interface Berekeningsstap {
  regel: string
  maatstaf?: string
  jaar: number
  aandeelInSleutel: string
  waarde: string
  totaal: string
  /** Where the value came from (measures only; absent in lines stored before it was recorded). */
  bron?: 'organisatie' | 'maatstafwaarde'
}

export interface DeclaratieRegel {
  kostenpostId: string
  omschrijving: string
  periode: string
  soort: string
  categorie: string
  grondslag: 'realisatie' | 'begroting'
  kostenpostBedrag: number
  sleutel: { id: string; naam: string; geldigVanaf: number }
  bedrag: number
  fractie: Breuk
  exactBedrag: Breuk
  restcent: boolean
  stappen: Berekeningsstap[]
  /** How the post's rest cents went, in words (absent in lines stored before it was recorded). */
  afronding?: { restcenten: number; uitleg: { nl: string; en: string } }
  eerderGedeclareerd?: number
  nieuwBedrag?: number
}

export interface DeclaratieSamenvatting {
  id: string
  nummer: string | null
  soort: 'declaratie' | 'correctie'
  corrigeertId: string | null
  corrigeertNummer: string | null
  /** On a declaratie: its corrections, oldest first (concepts too); empty on a correction. */
  gecorrigeerdDoor: { id: string; nummer: string | null; status: DeclaratieStatus; totaal: number }[]
  /** The total plus the corrections that left concept. */
  totaalNaCorrecties: number
  vanId: string
  vanNaam: string
  vanCbsCode: string | null
  aanId: string
  aanNaam: string
  aanCbsCode: string | null
  periode: string
  periodeStart: string
  periodeEind: string
  status: DeclaratieStatus
  totaal: number
  aantalRegels: number
  toelichting: string | null
  definitiefOp: string | null
  verzondenOp: string | null
  betaaldOp: string | null
  revisie: number
  aangemaaktOp: string
  gewijzigdOp: string
  toegestaneActies?: DeclaratieActie[]
}

export interface Declaratie extends DeclaratieSamenvatting {
  regels: DeclaratieRegel[]
}

export interface GenereerResultaat {
  periode: string
  melding?: string
  gegenereerd: DeclaratieSamenvatting[]
  overgeslagen: {
    vanId: string
    vanNaam: string
    aanId: string
    aanNaam: string
    declaratieId: string
    nummer: string | null
    status: DeclaratieStatus
    reden: string
  }[]
  verwijderd: string[]
}

export const DECLARATIES_KEY = ['declaraties'] as const
/** The server's rule (years 1900–2200 included), so the form says what the API would. */
export const PERIODE = new RegExp(PERIODE_PATTERN)

/** GET /declaraties/{id}/correctievoorstel: what a correction would hold now (CorrectieVoorstel in src/schemas/declaraties.ts). */
export interface CorrectieVoorstel {
  nodig: boolean
  verschil: number
  regels: {
    kostenpostId: string
    omschrijving: string
    periode: string
    eerderGedeclareerd: number
    nieuwBedrag: number
    verschil: number
  }[]
}
