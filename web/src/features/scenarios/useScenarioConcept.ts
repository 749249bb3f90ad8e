import { useState } from 'react'
import type { ApiResult } from '../../api/client'
import type { Scenario } from './api'
import { type Concept, leegConcept, legeRij, naarConcept, type RijConcept } from './concept'

// The form's state: what the person typed (concept.ts), and the changes the sections make to it.

export function useScenarioConcept(start: ApiResult<Scenario> | undefined) {
  const [concept, setConcept] = useState<Concept>(() => (start ? naarConcept(start.data) : leegConcept()))
  const zet = (w: Partial<Concept>) => setConcept((x) => ({ ...x, ...w }))
  const zetRij = (i: number, w: Partial<RijConcept>) =>
    setConcept((x) => ({ ...x, deelnemers: x.deelnemers.map((r, j) => (j === i ? { ...r, ...w } : r)) }))
  const verwijderRij = (i: number) => setConcept((x) => ({ ...x, deelnemers: x.deelnemers.filter((_, j) => j !== i) }))
  const voegRijToe = () => setConcept((x) => ({ ...x, deelnemers: [...x.deelnemers, legeRij()] }))
  return { concept, setConcept, zet, zetRij, verwijderRij, voegRijToe }
}

export type ScenarioConcept = ReturnType<typeof useScenarioConcept>
