import type { i18n as I18n } from 'i18next'
import type { AuditRegel, AuditSoort, Waarde, Wijziging } from './types'

// Words for the audit log's presentation, without React: where each kind of object has
// its page, where its field labels are, and an action as something that happened.

/** Where the UI shows each kind of object; API tokens have no page of their own. */
export const PAGINA: Record<AuditSoort, string | undefined> = {
  organisatie: 'organisaties',
  samenwerking: 'samenwerkingen',
  gastheerschap: 'gastheerschappen',
  applicatie: 'applicaties',
  koppeling: 'koppelingen',
  kostenpost: 'kostenposten',
  verdeelsleutel: 'verdeelsleutels',
  maatstafwaarde: 'maatstafwaarden',
  referentiewaarde: 'referentiewaarden',
  declaratie: 'declaraties',
  scenario: 'scenarios',
  bewijsstuk: 'bewijsstukken',
  contract: 'contracten',
  toegang: 'toegangen',
  // The trust policy has no pages in the web UI yet; a finding has /bevindingen/{id}.
  vertrouwensbeleid: undefined,
  bevinding: 'bevindingen',
  // Monitoring (issue 14) has no pages in the web UI yet.
  controle: undefined,
  onderhoudsvenster: undefined,
  meldingskanaal: undefined,
  referentiecomponent: 'referentiecomponenten',
  gebruiker: 'beheer/gebruikers',
  'api-token': undefined,
}

/** The message file whose `veld` labels a kind's fields on its own pages, if it has one. */
const VELDLABELS: Record<AuditSoort, string | undefined> = {
  organisatie: 'registry',
  samenwerking: 'registry',
  gastheerschap: 'registry',
  applicatie: 'registry',
  koppeling: 'registry',
  kostenpost: 'kosten',
  verdeelsleutel: 'kosten',
  maatstafwaarde: 'kosten',
  referentiewaarde: 'kosten',
  declaratie: undefined,
  scenario: undefined,
  bewijsstuk: undefined,
  contract: undefined,
  toegang: undefined,
  vertrouwensbeleid: undefined,
  bevinding: undefined,
  controle: undefined,
  onderhoudsvenster: undefined,
  meldingskanaal: undefined,
  referentiecomponent: 'registry',
  gebruiker: undefined,
  'api-token': undefined,
}

/** Where a field's label is looked up, first found wins: the audit log's own for this kind, the kind's pages, the bookkeeping every object has. */
export function labelSleutels(soort: string, veld: string): string[] {
  const eigen = VELDLABELS[soort as AuditSoort]
  return [`auditlog:veld.${soort}.${veld}`, ...(eigen ? [`${eigen}:veld.${veld}`] : []), `auditlog:veld.algemeen.${veld}`]
}

/** A field's label as its own form shows it ("Begroting"), never the property name, unless nothing names it. */
export function veldLabel(i18n: I18n, soort: string, veld: string, waarde?: Waarde): string {
  // A reference named `id` (a key's id inside a declaratie line) is named by what it points at.
  if (veld === 'id' && waarde?.soort === 'verwijzing' && waarde.objecttype) return i18n.t(`auditlog:objecttypen.${waarde.objecttype}`)
  for (const k of labelSleutels(soort, veld)) if (i18n.exists(k)) return i18n.t(k)
  return veld
}

export const padLabel = (i18n: I18n, soort: string, w: Wijziging): string =>
  w.pad.map((veld, i) => veldLabel(i18n, soort, veld, i === w.pad.length - 1 ? w.na : undefined)).join(' › ')

/** What happened, as something that happened: "Definitief gemaakt", "Ingelogd — geweigerd". */
export function actieTekst(t: (k: string, o?: Record<string, unknown>) => string, regel: Pick<AuditRegel, 'actie' | 'resultaat'>): string {
  const actie = t(`auditlog:acties.${regel.actie}`, { defaultValue: regel.actie })
  return regel.resultaat === 'geweigerd' ? t('auditlog:actieGeweigerd', { actie }) : actie
}
