// The data the monitoring rules read and return. Pure values: the scheduler (src/monitor/)
// produces metingen, the services store what these rules decide.
//
// Instants are epoch milliseconds (UTC), not ISO strings: the rules compare, bucket and
// subtract them for every meting (10 000 controles × a month of metingen), and a number
// does that without parsing; an ISO string also has several spellings of one instant
// ('…Z', '…+00:00', with or without milliseconds), so equal instants would not always
// compare equal as text. The repositories convert timestamptz ↔ number at the border.
// Calendar units (months, days) are Europe/Amsterdam: see tijd.ts.

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Tijdstip = number

/** One probe result. */
export interface Meting {
  controleId: string
  tijdstip: Tijdstip
  geslaagd: boolean
  duurMs: number
  /**
   * The probe's outcome code ('geslaagd', 'time-out', 'tls-fout', … as src/monitor names
   * it). Opaque here: domain/ imports nothing from monitor/, and no rule depends on
   * which failure it was; a storing carries it so people see why it opened.
   */
  soort?: string
}

export const STORINGSGEBEURTENISSEN = ['geopend', 'bevestigd', 'hersteld', 'gesloten', 'notitie'] as const
export type StoringsGebeurtenisSoort = (typeof STORINGSGEBEURTENISSEN)[number]

/**
 * One line of a storing's timeline. 'geopend', 'hersteld' and 'gesloten' come from the
 * metingen; 'bevestigd' (someone is on it) and 'notitie' from people.
 */
export interface StoringsGebeurtenis {
  op: Tijdstip
  soort: StoringsGebeurtenisSoort
  /** A person's text (bevestigd, notitie). */
  tekst?: string
  /** Who wrote it (a gebruiker id), for bevestigd and notitie. */
  door?: string
  /** The meting's outcome code for geopend (why it failed). */
  meetsoort?: string
}

/** An incident of one controle: open until it recovers. */
export interface Storing {
  controleId: string
  /** The first failed meting of the run that opened it: when the outage began, as measured. */
  begonnenOp: Tijdstip
  /** The failed meting that reached the threshold: when Regiekamer concluded there is a storing. */
  geopendOp: Tijdstip
  geslotenOp?: Tijdstip
  tijdlijn: StoringsGebeurtenis[]
}

/** What an onderhoudsvenster covers: one controle, all controles of a koppeling, or a whole samenwerking. */
export type VensterBereik =
  | { soort: 'controle'; controleId: string }
  | { soort: 'koppeling'; koppelingId: string }
  | { soort: 'samenwerking'; samenwerkingId: string }

/** Planned maintenance, half-open [van, tot): metingen in it count neither for storingen nor for availability. */
export interface Onderhoudsvenster {
  bereik: VensterBereik
  van: Tijdstip
  tot: Tijdstip
  reden: string
}

/** Where a controle sits, so a koppeling- or samenwerking-wide window finds it. */
export interface ControlePlaats {
  controleId: string
  koppelingId?: string
  samenwerkingId?: string
}

/**
 * The metingen of one controle in one UTC hour, summed. Metingen inside an onderhoudsvenster
 * are counted in `aantal`/`geslaagd` too (for the response-time chart) and separately in
 * `inOnderhoud`/`geslaagdInOnderhoud`, which availability subtracts.
 */
export interface UurRollup {
  controleId: string
  /** Start of the UTC hour. */
  uur: Tijdstip
  aantal: number
  geslaagd: number
  inOnderhoud: number
  geslaagdInOnderhoud: number
  duurSomMs: number
  duurMaxMs: number
}

/** A koppeling's working state, measured or set by a person. Not KOPPELING_STATUSSEN: that is its life cycle (in gebruik, …), this is whether it works now. */
export const WERKINGSSTATUSSEN = ['werkt', 'verstoord', 'storing', 'onbekend'] as const
export type Werkingsstatus = (typeof WERKINGSSTATUSSEN)[number]
