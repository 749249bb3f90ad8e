import { describe, expect, it } from 'vitest'
import { controleerHandmatig, statusVanKoppeling } from '../../../src/domain/monitoring/status.js'
import { beginToestand, type ControleToestand } from '../../../src/domain/monitoring/storingen.js'

const NU = Date.UTC(2026, 5, 1, 12)
const MIN = 60_000
const werkt = (id: string, geleden = MIN): ControleToestand => ({
  ...beginToestand(id),
  laatsteTijdstip: NU - geleden,
  laatsteGeslaagd: true,
})
const faalt = (id: string): ControleToestand => ({ ...beginToestand(id), laatsteTijdstip: NU - MIN, laatsteGeslaagd: false, fouten: 1 })
const storing = (id: string): ControleToestand => ({
  ...faalt(id),
  fouten: 0,
  storing: { controleId: id, begonnenOp: NU - 5 * MIN, geopendOp: NU - 3 * MIN, tijdlijn: [] },
})

describe('statusVanKoppeling', () => {
  it('one open storing makes the koppeling storing; a failed last meting below N verstoord', () => {
    expect(statusVanKoppeling([{ toestand: werkt('a') }, { toestand: storing('b') }], { nu: NU }).status).toBe('storing')
    expect(statusVanKoppeling([{ toestand: werkt('a') }, { toestand: faalt('b') }], { nu: NU }).status).toBe('verstoord')
    const w = statusVanKoppeling([{ toestand: werkt('a') }, { toestand: werkt('b') }], { nu: NU })
    expect(w).toMatchObject({ status: 'werkt', bron: 'metingen' })
    expect(w.uitleg.nl).toBe('2 van 2 controles slagen.')
  })

  it('no controles, no metingen, or only stale metingen: onbekend, never werkt', () => {
    expect(statusVanKoppeling([], { nu: NU }).status).toBe('onbekend')
    expect(statusVanKoppeling([{ toestand: beginToestand('a') }], { nu: NU }).status).toBe('onbekend')
    expect(statusVanKoppeling([{ toestand: werkt('a', 60 * MIN), verouderdNaMs: 15 * MIN }], { nu: NU }).status).toBe('onbekend')
    // an unmeasured controle next to a measured one does not hide the measured one
    expect(statusVanKoppeling([{ toestand: beginToestand('a') }, { toestand: werkt('b') }], { nu: NU }).status).toBe('werkt')
  })

  it('a human override wins while it holds, keeps its reason, and shows what was measured', () => {
    const handmatig = { status: 'storing' as const, reden: 'Leverancier meldt datafout', tot: NU + 60 * MIN }
    const r = statusVanKoppeling([{ toestand: werkt('a') }], { nu: NU, handmatig })
    expect(r).toMatchObject({ status: 'storing', gemeten: 'werkt', bron: 'handmatig', reden: 'Leverancier meldt datafout' })
    expect(r.uitleg.nl).toContain('Leverancier meldt datafout')
    expect(statusVanKoppeling([{ toestand: werkt('a') }], { nu: NU + 61 * MIN, handmatig }).bron).toBe('metingen')
  })

  it('an override needs a reason and a future end', () => {
    expect(controleerHandmatig({ status: 'werkt', reden: ' ', tot: NU }, NU).map((f) => f.name)).toEqual(['reden', 'tot'])
    expect(controleerHandmatig({ status: 'werkt', reden: 'Test' }, NU)).toEqual([])
  })
})
