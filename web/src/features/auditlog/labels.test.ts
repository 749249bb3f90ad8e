import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIES, AUDIT_SOORTEN } from '../../../../src/domain/audit-soorten'
import type { SchemaKnoop } from '../../../../src/domain/wijzigingen'
import auditlog from '../../i18n/messages/auditlog'
import kosten from '../../i18n/messages/kosten'
import registry from '../../i18n/messages/registry'
import { actieTekst, veldLabel } from './labels'

// Every field the audit log can show has a label, in Dutch and in English: the fields
// come from the schemas the server presents the states with, so a new field (or a new
// kind of object) without a label fails here, not in front of an auditor.

// The server's state schemas, loaded when the test runs: the web's type check (stricter
// than the server's) stays out of server code.
const SERVER_SCHEMAS = '../../../../src/schemas/audit.ts'
const { AUDIT_STAAT_SCHEMAS, auditSchemaRef } = (await import(/* @vite-ignore */ SERVER_SCHEMAS)) as {
  AUDIT_STAAT_SCHEMAS: Record<string, SchemaKnoop>
  auditSchemaRef: (ref: string) => SchemaKnoop | undefined
}

/** Every field name of a schema, through lists, unions and shared schemas. */
function* veldnamen(s: SchemaKnoop | undefined, diepte = 0): Generator<string> {
  const o = s?.$ref ? auditSchemaRef(s.$ref) : s
  if (!o || diepte > 12) return
  for (const t of o.anyOf ?? []) yield* veldnamen(t, diepte + 1)
  if (o.items) yield* veldnamen(o.items, diepte + 1)
  for (const [k, v] of Object.entries(o.properties ?? {})) {
    yield k
    yield* veldnamen(v, diepte + 1)
  }
}

describe.each(['nl', 'en'] as const)('the audit log in %s', (taal) => {
  const i18n = i18next.createInstance()
  void i18n.init({
    lng: taal,
    fallbackLng: false,
    initAsync: false,
    resources: { [taal]: { auditlog: auditlog[taal], kosten: kosten[taal], registry: registry[taal] } },
    interpolation: { escapeValue: false },
  })

  it('labels every field of every kind of object, never with its property name', () => {
    const zonder: string[] = []
    let gezien = 0
    for (const [soort, schema] of Object.entries(AUDIT_STAAT_SCHEMAS)) {
      for (const veld of new Set(veldnamen(schema))) {
        gezien++
        // The outcome of a business case is computed on reading, never stored.
        if (veld === 'toegestaneActies' || (soort === 'scenario' && veld === 'uitkomst')) continue
        if (veldLabel(i18n, soort, veld) === veld) zonder.push(`${soort}.${veld}`)
      }
    }
    expect(zonder).toEqual([])
    expect(gezien).toBeGreaterThan(200)
  })

  it('names every kind of object and every action in words', () => {
    const t = i18n.t.bind(i18n) as (k: string, o?: Record<string, unknown>) => string
    for (const soort of AUDIT_SOORTEN) expect(i18n.exists(`auditlog:objecttypen.${soort}`), soort).toBe(true)
    for (const actie of AUDIT_ACTIES) expect(actieTekst(t, { actie, resultaat: 'geslaagd' }), actie).not.toBe(actie)
  })

  it('uses the label of the form, not the property name', () => {
    expect(veldLabel(i18n, 'kostenpost', 'begroting')).toBe(taal === 'nl' ? 'Begroting' : 'Budget')
    expect(veldLabel(i18n, 'kostenpost', 'gemaaktDoorId')).toBe(taal === 'nl' ? 'Gemaakt en gedeclareerd door' : 'Incurred and declared by')
    if (taal === 'nl')
      expect(actieTekst(i18n.t.bind(i18n) as never, { actie: 'definitief-maken', resultaat: 'geslaagd' })).toBe('Definitief gemaakt')
  })
})
