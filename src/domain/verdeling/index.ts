// The allocation engine: Verdeelsleutels, exact fractions, largest-remainder rounding.
// verdeelKostenpost explains one kostenpost part by part; verdeelAlles allocates many
// and gives the same cents.

export {
  beurtposities,
  grootsteRest,
  periodeNummer,
  rangBijGelijkeRest,
  type Volgordekenmerk,
  vergelijkKenmerk,
} from './afronding.js'
export { type BatchVerdeling, type KostenpostKolommen, verdeelAlles } from './batch.js'
export { type Decimaal, formatDecimaal, leesDecimaal } from './decimaal.js'
export { combineerFracties, type Fracties } from './fracties.js'
export {
  controleerVerdeelsleutel,
  inwonersAlsMaatstaf,
  kiesVersie,
  type MaatstafIndex,
  maakMaatstafIndex,
  type VerdeelContext,
} from './sleutels.js'
export * from './types.js'
export {
  bepaalGrondslag,
  beurtnummer,
  controleerBedrag,
  controleerDeelnemers,
  type Grondslag,
  verdeelKostenpost,
  volgordekenmerken,
} from './verdeel.js'
