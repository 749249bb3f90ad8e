import { describe, expect, it } from 'vitest'
import { leegConcept, leesHeaders, naarConcept, naarInvoer } from './controle-concept'

describe('the controle form', () => {
  it('sends only the fields of the chosen soort, numbers as numbers', () => {
    const c = { ...leegConcept(), naam: ' Poort ', koppelingId: 'k', soort: 'tcp' as const, host: 'h', poort: '443', url: 'http://x' }
    const { invoer, fouten } = naarInvoer(c, { bestaand: false })
    expect(fouten).toEqual({})
    expect(invoer).toEqual({
      naam: 'Poort',
      soort: 'tcp',
      actief: true,
      koppelingId: 'k',
      host: 'h',
      poort: 443,
      intervalSeconden: 60,
      timeoutMs: 5000,
    })
  })

  it('says at the field what it cannot read', () => {
    const c = {
      ...leegConcept(),
      soort: 'http' as const,
      intervalSeconden: '1,5',
      headers: 'X-A: 1\nkapot',
      inhoud: 'json-pointer' as const,
      waarde: 'ok',
    }
    const { fouten } = naarInvoer(c, { bestaand: false })
    expect(fouten.intervalSeconden?.sleutel).toBe('getalOngeldig')
    expect(fouten.headers).toEqual({ sleutel: 'headersOngeldig', regel: 2 })
    expect(fouten['inhoudControle.waarde']?.sleutel).toBe('waardeOngeldig')
    expect(fouten.koppelingId?.sleutel).toBe('koppelingOfApplicatie')
  })

  it('sends secrets only when typed, an empty object to erase them, and never reads them back', () => {
    const basis = { ...leegConcept(), koppelingId: 'k', url: 'http://x' }
    expect(naarInvoer(basis, { bestaand: true }).invoer).not.toHaveProperty('geheimen')
    expect(naarInvoer({ ...basis, geheimenWissen: true }, { bestaand: true }).invoer.geheimen).toEqual({})
    expect(naarInvoer({ ...basis, geheimeHeaders: 'Authorization: Bearer x' }, { bestaand: true }).invoer.geheimen).toEqual({
      headers: { Authorization: 'Bearer x' },
    })
    const terug = naarConcept({
      id: 'c',
      revisie: 1,
      aangemaaktOp: '',
      gewijzigdOp: '',
      naam: 'n',
      soort: 'http',
      url: 'http://x',
      intervalSeconden: 60,
      timeoutMs: 1000,
      headers: { Accept: 'application/json' },
      inhoudControle: { soort: 'json-pointer', pointer: '/status', waarde: 'ok' },
      geheimenIngesteld: { headers: ['Authorization'], clientSleutel: true },
    } as never)
    expect(terug.geheimeHeaders).toBe('')
    expect(terug.clientSleutelPem).toBe('')
    expect(terug.headers).toBe('Accept: application/json')
    expect(terug.waarde).toBe('"ok"')
  })

  it('reads header lines, ignoring blank ones', () => {
    expect(leesHeaders('A: 1\n\n B :x:y ')).toEqual({ A: '1', B: 'x:y' })
    expect(leesHeaders(': leeg')).toEqual({ regel: 1 })
  })
})
