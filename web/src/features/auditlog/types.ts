import type { Lijst } from '../../api/types'

// One audit log entry as GET /auditlog returns it (AuditRegel in src/api/routes/auditlog.ts).
export interface AuditRegel {
  volgnummer: number
  tijdstip: string
  actor: string
  herkomst: string
  actie: string
  objecttype: string
  objectId: string
  resultaat: string
  voor: unknown
  na: unknown
  vorigeHash: string
  hash: string
}

export type AuditRegelLijst = Lijst<AuditRegel>
