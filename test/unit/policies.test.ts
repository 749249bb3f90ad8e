import { describe, expect, it } from 'vitest'
import { type Caller, canCreateAny, canWrite, toegestaneActies, writerOrganisaties } from '../../src/domain/access.js'
import { POLICIES } from '../../src/domain/policies/index.js'
import { OBJECTTYPEN } from '../../src/domain/registry-rules.js'
import type { Rol } from '../../src/domain/vocabulary.js'

// One pure policy per object type (src/domain/policies/): who writes it and who answers
// for one object. The rules as they were in access.ts, now per type.

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'
const met = (rol: Rol, organisatieId = A): Caller => ({
  gebruikerId: 'g',
  gebruikersnaam: 'g',
  rollen: [{ rol, organisatieId }],
  scopes: 'alle',
  via: 'sessie',
})

describe('policies', () => {
  it('has exactly one policy for every object type', () => {
    expect(Object.keys(POLICIES).sort()).toEqual([...OBJECTTYPEN].sort())
  })

  it('gives each type the roles that wrote it before: no type falls back to beheerder', () => {
    const schrijvers = Object.fromEntries(OBJECTTYPEN.map((t) => [t, [...POLICIES[t].schrijvers].sort()]))
    expect(schrijvers).toEqual({
      organisatie: ['beheerder'],
      samenwerking: ['beheerder'],
      gastheerschap: ['beheerder', 'regisseur'],
      applicatie: ['beheerder'],
      koppeling: ['beheerder'],
      kostenpost: ['regisseur'],
      verdeelsleutel: ['regisseur'],
      maatstafwaarde: ['beheerder', 'regisseur'],
      referentiewaarde: [],
      referentiecomponent: [],
      declaratie: ['regisseur'],
      scenario: ['beheerder', 'regisseur'],
      bewijsstuk: ['beheerder'],
      contract: ['beheerder'],
      toegang: ['beheerder'],
      vertrouwensbeleid: ['beheerder'],
      bevinding: ['beheerder'],
      controle: ['beheerder'],
      onderhoudsvenster: ['beheerder'],
      meldingskanaal: ['beheerder'],
    })
  })

  it('lets only an admin keep referentiewaarden', () => {
    expect(canCreateAny(met('beheerder'), 'referentiewaarde')).toBe(false)
    expect(canCreateAny(met('regisseur'), 'referentiewaarde')).toBe(false)
    expect(canCreateAny({ ...met('admin'), rollen: [{ rol: 'admin' }] }, 'referentiewaarde')).toBe(true)
  })

  it('keeps a supplier with the organisations that registered it, a gemeente with itself', () => {
    const p = POLICIES.organisatie
    expect(p.verantwoordelijken({ type: 'leverancier' })).toEqual({ organisatieIds: [], openToAnyWriter: true })
    expect(p.verantwoordelijken({ type: 'gemeente' })).toEqual({ organisatieIds: [], openToAnyWriter: false })
    expect(p.verantwoordelijken({ id: B, type: 'leverancier', geregistreerdDoor: [A] })).toEqual({ organisatieIds: [A, B] })
    expect(p.verantwoordelijken({ id: B, type: 'gemeente', geregistreerdDoor: [A] })).toEqual({ organisatieIds: [B] })
  })

  it('counts a samenwerking’s confirmed leden, and every lid of a new state', () => {
    const leden = [
      { organisatieId: A, bevestigd: true },
      { organisatieId: B, bevestigd: false },
    ]
    expect(POLICIES.samenwerking.verantwoordelijken({ leden })).toEqual({ organisatieIds: [A] })
    expect(POLICIES.samenwerking.verantwoordelijken({ leden: [{ organisatieId: A }, { organisatieId: B }] })).toEqual({
      organisatieIds: [A, B],
    })
  })

  it('makes a koppeling its eigenaar’s and its applicaties’ users’', () => {
    expect(POLICIES.koppeling.verantwoordelijken({ eigenaarId: B, appGebruikers: [A, B] })).toEqual({ organisatieIds: [A, B] })
    expect(canWrite(met('beheerder'), 'koppeling', POLICIES.koppeling.verantwoordelijken({ eigenaarId: B, appGebruikers: [A] }))).toBe(true)
    expect(canWrite(met('regisseur'), 'koppeling', POLICIES.koppeling.verantwoordelijken({ eigenaarId: A }))).toBe(false)
  })

  it('gives a verdeelsleutel to its scope, or without one to whoever registered it', () => {
    const p = POLICIES.verdeelsleutel
    expect(p.verantwoordelijken({ gastheer: A })).toEqual({ organisatieIds: [A] })
    expect(p.verantwoordelijken({ gastheer: null })).toEqual({ organisatieIds: [] })
    expect(p.verantwoordelijken({ samenwerkingLeden: [A, B] })).toEqual({ organisatieIds: [A, B] })
    expect(p.verantwoordelijken({})).toEqual({ organisatieIds: [], openToAnyWriter: true })
    expect(p.verantwoordelijken({ id: B, geregistreerdDoor: [A] })).toEqual({ organisatieIds: [A] })
  })

  it('keeps a controle and an onderhoudsvenster with who keeps what they watch, a meldingskanaal with its organisation', () => {
    expect(POLICIES.controle.verantwoordelijken({ bewakers: [A, B, A] })).toEqual({ organisatieIds: [A, B] })
    // Nothing watched that anyone keeps (a venster over a samenwerking without confirmed leden): only an admin.
    expect(POLICIES.onderhoudsvenster.verantwoordelijken({})).toEqual({ organisatieIds: [] })
    expect(canWrite(met('beheerder'), 'controle', POLICIES.controle.verantwoordelijken({ bewakers: [B] }))).toBe(false)
    expect(canWrite(met('beheerder'), 'onderhoudsvenster', POLICIES.onderhoudsvenster.verantwoordelijken({ bewakers: [B, A] }))).toBe(true)
    expect(canWrite(met('regisseur'), 'controle', POLICIES.controle.verantwoordelijken({ bewakers: [A] }))).toBe(false)
    expect(canWrite(met('beheerder'), 'meldingskanaal', POLICIES.meldingskanaal.verantwoordelijken({ organisatieId: A }))).toBe(true)
    expect(canWrite(met('beheerder', B), 'meldingskanaal', POLICIES.meldingskanaal.verantwoordelijken({ organisatieId: A }))).toBe(false)
  })

  it('answers toegestaneActies and writerOrganisaties from the policy', () => {
    const kostenpost = POLICIES.kostenpost.verantwoordelijken({ gemaaktDoorId: A })
    expect(toegestaneActies(met('regisseur'), 'kostenpost', kostenpost)).toEqual(['wijzigen', 'verwijderen'])
    expect(toegestaneActies(met('beheerder'), 'kostenpost', kostenpost)).toEqual([])
    expect(writerOrganisaties(met('regisseur'), 'declaratie')).toEqual([A])
    expect(writerOrganisaties(met('beheerder'), 'declaratie')).toEqual([])
  })
})
