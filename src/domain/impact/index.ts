// Impact and disentanglement (ontvlechting): the dependency graph of the landscape and
// what a scenario's changes reach through it.

export { type Analyse, analyseerImpact } from './analyse.js'
export { controleerWijzigingen, type Soort, type Zichtbaar } from './controle.js'
export { Afhankelijkheidsgraaf, knopenVan, voorzieningKnoop } from './graaf.js'
export * from './typen.js'
export { dient, type Wandeling, type Wandelvraag, wandel } from './wandeling.js'
