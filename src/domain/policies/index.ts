import type { Objecttype } from '../registry-rules.js'
import { referentiecomponentPolicy } from './interop.js'
import { declaratiePolicy, kostenpostPolicy, maatstafwaardePolicy, referentiewaardePolicy, verdeelsleutelPolicy } from './kosten.js'
import { controlePolicy, meldingskanaalPolicy, onderhoudsvensterPolicy } from './monitoring.js'
import { organisatiePolicy } from './organisatie.js'
import { applicatiePolicy, gastheerschapPolicy, koppelingPolicy, samenwerkingPolicy } from './registry.js'
import { scenarioPolicy } from './scenario.js'
import type { AnyPolicy } from './types.js'
import { bewijsstukPolicy, contractPolicy, toegangPolicy } from './vertrouwen.js'
import { bevindingPolicy, vertrouwensbeleidPolicy } from './vertrouwen-beleid.js'

// One policy per object type (after Outline's server/policies): a new type in OBJECTTYPEN
// does not compile until it has one, so it never falls into a default role by accident.

export const POLICIES = {
  organisatie: organisatiePolicy,
  samenwerking: samenwerkingPolicy,
  gastheerschap: gastheerschapPolicy,
  applicatie: applicatiePolicy,
  koppeling: koppelingPolicy,
  kostenpost: kostenpostPolicy,
  verdeelsleutel: verdeelsleutelPolicy,
  maatstafwaarde: maatstafwaardePolicy,
  referentiewaarde: referentiewaardePolicy,
  declaratie: declaratiePolicy,
  scenario: scenarioPolicy,
  bewijsstuk: bewijsstukPolicy,
  contract: contractPolicy,
  toegang: toegangPolicy,
  vertrouwensbeleid: vertrouwensbeleidPolicy,
  bevinding: bevindingPolicy,
  controle: controlePolicy,
  onderhoudsvenster: onderhoudsvensterPolicy,
  meldingskanaal: meldingskanaalPolicy,
  referentiecomponent: referentiecomponentPolicy,
} satisfies Record<Objecttype, AnyPolicy>

export type { AnyPolicy, Policy, Verantwoordelijken } from './types.js'
