import { describe, expect, it } from 'vitest'
import {
  kandidaatSamenwerkingen,
  koppelingWaarschuwingen,
  opTeSlaanSamenwerking,
  samenwerkingFouten,
  samenwerkingVanKoppeling,
} from '../../src/domain/koppeling-samenwerking.js'
import { alsLandelijkeVoorziening } from '../../src/domain/vocabulary.js'

// Issue 20.4: a koppeling without gastheerschap between two applicaties of Bloemendaal and
// Heemstede belongs to their samenwerking; where the users are in several, a person chooses.

const blohee = { id: 'sw-bh', naam: 'Bloemendaal – Heemstede', leden: ['blo', 'hee'] }
const hilwijd = { id: 'sw-hw', naam: 'Hilversum – Wijdemeren', leden: ['hil', 'wijd'] }
const hilgm = { id: 'sw-hg', naam: 'Hilversum – Gooise Meren', leden: ['hil', 'gm'] }
const alle = [blohee, hilwijd, hilgm]

describe('samenwerkingVanKoppeling', () => {
  it('derives the one samenwerking whose leden use both ends (different leden may use each end)', () => {
    const u = samenwerkingVanKoppeling({ eindGebruikers: [['blo'], ['hee']] }, alle)
    expect(u).toEqual({ uitkomst: 'afgeleid', samenwerkingId: 'sw-bh' })
    expect(opTeSlaanSamenwerking(u)).toBe('sw-bh')
  })

  it('derives from one applicatie end when the other is a landelijke voorziening', () => {
    expect(samenwerkingVanKoppeling({ eindGebruikers: [['blo', 'hee']] }, alle)).toEqual({ uitkomst: 'afgeleid', samenwerkingId: 'sw-bh' })
  })

  it('asks for a choice when the users are leden of several samenwerkingen, naming them', () => {
    const u = samenwerkingVanKoppeling({ eindGebruikers: [['hil']] }, alle)
    expect(u).toEqual({ uitkomst: 'kiezen', kandidaten: ['sw-hw', 'sw-hg'] })
    expect(opTeSlaanSamenwerking(u)).toBeUndefined()
    const [fout] = samenwerkingFouten(u, (id) => alle.find((s) => s.id === id)?.naam ?? id)
    expect(fout?.name).toBe('samenwerkingId')
    expect(fout?.code).toBe('samenwerking-kiezen')
    expect(fout?.reason.nl).toContain('Hilversum – Wijdemeren, Hilversum – Gooise Meren')
  })

  it('finds none when no samenwerking has a lid at every end', () => {
    expect(samenwerkingVanKoppeling({ eindGebruikers: [['blo'], ['wijd']] }, alle)).toEqual({ uitkomst: 'geen' })
    expect(kandidaatSamenwerkingen([], alle)).toEqual([])
  })

  it('takes the gastheerschap’s samenwerking before deriving', () => {
    expect(samenwerkingVanKoppeling({ gastheerschapSamenwerkingId: 'sw-hg', eindGebruikers: [['hil']] }, alle)).toEqual({
      uitkomst: 'gastheerschap',
      samenwerkingId: 'sw-hg',
    })
  })

  it('leaves a koppeling of a gastheerschap outside any samenwerking outside too, without asking', () => {
    expect(samenwerkingVanKoppeling({ heeftGastheerschap: true, eindGebruikers: [['hil']] }, alle)).toEqual({ uitkomst: 'geen' })
  })

  it('keeps a choice, unless it contradicts the gastheerschap', () => {
    expect(samenwerkingVanKoppeling({ samenwerkingId: 'sw-hw', eindGebruikers: [['hil']] }, alle)).toEqual({
      uitkomst: 'gekozen',
      samenwerkingId: 'sw-hw',
    })
    const strijdig = samenwerkingVanKoppeling({ samenwerkingId: 'sw-hw', gastheerschapSamenwerkingId: 'sw-hg', eindGebruikers: [] }, alle)
    expect(strijdig.uitkomst).toBe('strijdig')
    expect(samenwerkingFouten(strijdig, (id) => id)[0]?.code).toBe('andere-samenwerking')
  })

  it('warns only about a koppeling without samenwerking, in the language asked for', () => {
    expect(koppelingWaarschuwingen({}, 'nl')).toEqual([expect.objectContaining({ code: 'geen-samenwerking' })])
    expect(koppelingWaarschuwingen({}, 'en')[0]?.melding).toContain('appears in no cooperation')
    expect(koppelingWaarschuwingen({ samenwerkingId: 'sw-bh' }, 'en')).toEqual([])
  })
})

describe('alsLandelijkeVoorziening', () => {
  it('maps names and known aliases case-insensitively, anything else to overig with its text', () => {
    expect(alsLandelijkeVoorziening('brp')).toEqual({ voorziening: 'BRP' })
    expect(alsLandelijkeVoorziening(' BRP ')).toEqual({ voorziening: 'BRP' })
    expect(alsLandelijkeVoorziening('BRP (Digilevering)')).toEqual({ voorziening: 'BRP' })
    expect(alsLandelijkeVoorziening('Landelijke Voorziening BAG')).toEqual({ voorziening: 'BAG' })
    expect(alsLandelijkeVoorziening('mijnoverheid berichtenbox')).toEqual({ voorziening: 'MijnOverheid Berichtenbox' })
    expect(alsLandelijkeVoorziening('E-mail en telefonie Gooise Meren')).toEqual({
      voorziening: 'overig',
      overig: 'E-mail en telefonie Gooise Meren',
    })
  })
})
