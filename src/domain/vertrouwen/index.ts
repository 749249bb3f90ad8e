// The trust capability's pure engine (issue 12): evaluate a Vertrouwenssituatie against
// its policies into bevindingen, per party for incremental re-evaluation, and the
// uitbestedingstoets. Types in typen.ts; the shipped BIO policy in standaardbeleid.ts.

export { dagenTussen, datumTekst, geldigOp, plusDagen, plusMaanden } from './datum.js'
export { type BeleidGroep, beleidsregelsVoor, evalueer, evalueerIndex, herEvalueerPartij } from './evaluatie.js'
export {
  beleidVoorOrganisatie,
  type GeclassificeerdeApplicatie,
  maakIndex,
  objectSleutel,
  type VertrouwensIndex,
  verwerkWijziging,
  type Wijziging,
} from './index-bouw.js'
export { STANDAARDBELEID, STANDAARDBELEID_ID } from './standaardbeleid.js'
export { BEWIJS_NAAM, ERNST_NAAM } from './teksten.js'
export * from './typen.js'
export { uitbestedingstoets, uitbestedingstoetsOpIndex } from './uitbesteding.js'
