import type { KoppelingInvoer } from '../typen/registry.js'
import type { LandelijkeVoorziening } from '../vocabulary.js'
import { alsIdentificatie, EIGENSCHAP, REFERENTIECOMPONENT_TYPE } from './archimate-eigenschappen.js'
import type { ArchimateEigenschap, ArchimateElement, ArchimateModel, ArchimateRelatie } from './archimate-model.js'
import type { ExportLandschap } from './typen.js'

// The landscape the caller may see as an ArchiMate model, written so that the importer
// (archimate-import.ts) reads it back to the same records with the same ids and values:
// - every record is an element `id-<uuid>`; organisaties (leveranciers too) are
//   BusinessActors with "Type", "CBS-code", "OIN", "Website"; referentiecomponenten and
//   applicaties ApplicationComponents, the first with "GEMMA type" = Referentiecomponent
//   and "GEMMA id", the second with "Leverancier" (its name), "Versie", "Hosting", "Status"
//   and then its own eigenschappen; omschrijving is the documentation;
// - a landelijke voorziening a koppeling reaches is an ApplicationComponent `lv-<slug>`
//   with "Landelijke voorziening" (the listed name, or for overig its own name);
// - use is Serving applicatie → organisatie; a referentiecomponent is a Realization
//   applicatie → referentiecomponent;
// - a koppeling is a Flow bron → doel, or through a via two Flows bron → via → doel with
//   the same name and properties; each carries "Regiekamer-koppeling" = `id-<uuid>`,
//   then "Type", "Richting", "Status", "Standaard", "Standaardversie",
//   "Gegevenscategorieën" (comma separated), "Persoonsgegevens" (ja/nee), the BIV levels,
//   "Eigenaar" (the organisatie's identifier), "Endpoint" and its own eigenschappen.
// A reference to an object not in the landscape (one the caller may not see) is left
// out: a user, leverancier, referentiecomponent or eigenaar is not named; a koppeling whose
// bron or doel is missing is not written; one whose via is missing is drawn directly.
//
// Not carried by the exchange (a round trip leaves them out): samenwerkingId,
// gastheerschapId, statusHistorie (applicatie and koppeling), toelichting (every record),
// archimateId (the export's own identifiers replace it), and of organisaties inwoners,
// iban and betaaltermijnDagen. Gegevenscategorieën containing a comma or semicolon come
// back split.

const slug = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

const eigenschap = (naam: string, waarde: string | undefined): ArchimateEigenschap[] =>
  waarde === undefined || waarde === '' ? [] : [{ naam, waarde }]

export function landschapNaarArchimate(l: ExportLandschap): ArchimateModel {
  const elementen: ArchimateElement[] = []
  const relaties: ArchimateRelatie[] = []
  const organisaties = new Map(l.organisaties.map((o) => [o.id, o]))
  const referentiecomponenten = new Set(l.referentiecomponenten.map((r) => r.id))
  const applicaties = new Set(l.applicaties.map((a) => a.id))

  for (const o of l.organisaties) {
    elementen.push({
      id: alsIdentificatie(o.id),
      type: 'BusinessActor',
      naam: o.naam,
      eigenschappen: [
        ...eigenschap(EIGENSCHAP.organisatieType[0], o.type),
        ...eigenschap(EIGENSCHAP.cbsCode[0], o.cbsCode),
        ...eigenschap(EIGENSCHAP.oin[0], o.oin),
        ...eigenschap(EIGENSCHAP.website[0], o.website),
      ],
    })
  }
  for (const r of l.referentiecomponenten) {
    elementen.push({
      id: alsIdentificatie(r.id),
      type: 'ApplicationComponent',
      naam: r.naam,
      ...(r.omschrijving ? { documentatie: r.omschrijving } : {}),
      eigenschappen: [...eigenschap(EIGENSCHAP.gemmaType[0], REFERENTIECOMPONENT_TYPE), ...eigenschap(EIGENSCHAP.gemmaId[0], r.gemmaId)],
    })
  }
  for (const a of l.applicaties) {
    const leverancier = a.leverancierId === undefined ? undefined : organisaties.get(a.leverancierId)
    elementen.push({
      id: alsIdentificatie(a.id),
      type: 'ApplicationComponent',
      naam: a.naam,
      ...(a.omschrijving ? { documentatie: a.omschrijving } : {}),
      eigenschappen: [
        ...eigenschap(EIGENSCHAP.leverancier[0], leverancier?.naam),
        ...eigenschap(EIGENSCHAP.versie[0], a.versie),
        ...eigenschap(EIGENSCHAP.hosting[0], a.hosting),
        ...eigenschap(EIGENSCHAP.applicatieStatus[0], a.status),
        ...(a.eigenschappen ?? []).map((e) => ({ naam: e.naam, waarde: e.waarde })),
      ],
    })
    let n = 0
    for (const organisatieId of a.inGebruikBij) {
      if (!organisaties.has(organisatieId)) continue
      relaties.push({
        id: `${alsIdentificatie(a.id)}-gebruik-${++n}`,
        type: 'Serving',
        bron: alsIdentificatie(a.id),
        doel: alsIdentificatie(organisatieId),
        eigenschappen: [],
      })
    }
    n = 0
    for (const referentiecomponentId of a.referentiecomponentIds ?? []) {
      if (!referentiecomponenten.has(referentiecomponentId)) continue
      relaties.push({
        id: `${alsIdentificatie(a.id)}-referentie-${++n}`,
        type: 'Realization',
        bron: alsIdentificatie(a.id),
        doel: alsIdentificatie(referentiecomponentId),
        eigenschappen: [],
      })
    }
  }

  // Landelijke voorzieningen: one element each, in the order the koppelingen reach them.
  const voorzieningen = new Map<string, string>()
  const bezet = new Set(elementen.map((e) => e.id))
  const voorzieningElement = (voorziening: LandelijkeVoorziening, overig: string | undefined): string => {
    const naam = voorziening === 'overig' ? (overig ?? 'overig') : voorziening
    const sleutel = `${voorziening}|${naam}`
    const bekend = voorzieningen.get(sleutel)
    if (bekend) return bekend
    const basis = `lv-${voorziening === 'overig' ? 'overig-' : ''}${slug(naam) || 'voorziening'}`
    let id = basis
    for (let i = 2; bezet.has(id); i++) id = `${basis}-${i}`
    bezet.add(id)
    voorzieningen.set(sleutel, id)
    elementen.push({ id, type: 'ApplicationComponent', naam, eigenschappen: [{ naam: EIGENSCHAP.landelijkeVoorziening[0], waarde: naam }] })
    return id
  }
  const eind = (k: KoppelingInvoer, kant: 'bron' | 'doel'): string | undefined => {
    const app = k[`${kant}ApplicatieId`]
    if (app !== undefined) return applicaties.has(app) ? alsIdentificatie(app) : undefined
    const voorziening = k[`${kant}Voorziening`]
    return voorziening === undefined ? undefined : voorzieningElement(voorziening, k[`${kant}VoorzieningOverig`])
  }

  for (const k of l.koppelingen) {
    const bron = eind(k, 'bron')
    const doel = eind(k, 'doel')
    if (bron === undefined || doel === undefined) continue
    const eigenaar = k.eigenaarId !== undefined && organisaties.has(k.eigenaarId) ? alsIdentificatie(k.eigenaarId) : undefined
    const eigenschappen: ArchimateEigenschap[] = [
      { naam: EIGENSCHAP.regiekamerKoppeling[0], waarde: alsIdentificatie(k.id) },
      ...eigenschap(EIGENSCHAP.koppelingType[0], k.type),
      ...eigenschap(EIGENSCHAP.richting[0], k.richting),
      ...eigenschap(EIGENSCHAP.koppelingStatus[0], k.status),
      ...eigenschap(EIGENSCHAP.standaard[0], k.standaard),
      ...eigenschap(EIGENSCHAP.standaardVersie[0], k.standaardVersie),
      ...eigenschap(EIGENSCHAP.gegevenscategorieen[0], k.gegevenscategorieen.join(', ')),
      ...eigenschap(EIGENSCHAP.persoonsgegevens[0], k.persoonsgegevens ? 'ja' : 'nee'),
      ...eigenschap(EIGENSCHAP.beschikbaarheid[0], k.beschikbaarheid),
      ...eigenschap(EIGENSCHAP.integriteit[0], k.integriteit),
      ...eigenschap(EIGENSCHAP.vertrouwelijkheid[0], k.vertrouwelijkheid),
      ...eigenschap(EIGENSCHAP.eigenaar[0], eigenaar),
      ...eigenschap(EIGENSCHAP.endpoint[0], k.endpoint),
      ...(k.eigenschappen ?? []).map((e) => ({ naam: e.naam, waarde: e.waarde })),
    ]
    const flow = (id: string, van: string, naar: string): ArchimateRelatie => ({
      id,
      type: 'Flow',
      bron: van,
      doel: naar,
      naam: k.naam,
      ...(k.omschrijving ? { documentatie: k.omschrijving } : {}),
      eigenschappen: eigenschappen.map((e) => ({ ...e })),
    })
    const via = k.viaApplicatieId !== undefined && applicaties.has(k.viaApplicatieId) ? alsIdentificatie(k.viaApplicatieId) : undefined
    if (via === undefined) relaties.push(flow(alsIdentificatie(k.id), bron, doel))
    else relaties.push(flow(`${alsIdentificatie(k.id)}-1`, bron, via), flow(`${alsIdentificatie(k.id)}-2`, via, doel))
  }

  return { id: 'id-regiekamer-model', naam: l.naam, eigenschappen: [], elementen, relaties, views: [] }
}
