import type { Database } from '../../db/database.js'
import { organisatieNamen } from '../../db/repos/scenarios.js'
import { berekenBusinesscase } from '../../domain/businesscase.js'
import { isBusinesscase, type Scenario, type ScenarioUitkomst } from '../../schemas/scenario.js'
import type { Presenter } from './presenter.js'

/** The outcome of each scenario, computed on every read, with the participants' names. */
export async function metUitkomst(db: Database, scenarios: Scenario[]): Promise<Scenario[]> {
  const namen = await organisatieNamen(
    db,
    scenarios.flatMap((s) => (isBusinesscase(s) ? s.invoer.deelnemers.map((d) => d.organisatieId) : [])),
  )
  return scenarios.map((s) => {
    // An impact scenario's outcome depends on who reads it and the whole graph: /scenarios/{id}/impact.
    if (!isBusinesscase(s)) return s
    const r = berekenBusinesscase(s.invoer)
    if (!r.ok) return s
    const uitkomst: ScenarioUitkomst = {
      ...r.uitkomst,
      deelnemers: r.uitkomst.deelnemers.map((d) => {
        const naam = namen.get(d.organisatieId.toLowerCase())
        return naam === undefined ? d : { ...d, naam }
      }),
    }
    return { ...s, uitkomst }
  })
}

/** Every scenario handed out carries its outcome; the writes (and their audit entries) stay the service's. */
export function scenarioPresenter(db: Database): Presenter<Scenario> {
  return { verrijk: (items) => metUitkomst(db, items) }
}
