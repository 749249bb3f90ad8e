import type { AuditSoort } from '../../../../src/domain/audit-soorten'
import type { AuditWeergave, Waarde, Wijziging } from '../../../../src/domain/wijzigingen'
import type { Lijst } from '../../api/types'

export type { AuditSoort, AuditWeergave, Waarde, Wijziging }

// One audit log entry as GET /auditlog returns it (AuditRegel in src/api/routes/auditlog.ts).
export interface AuditRegel {
  volgnummer: number
  tijdstip: string
  actor: string
  /** Only for auditors and admins. */
  herkomst?: string
  actie: string
  objecttype: string
  objectId: string
  resultaat: string
  voor: unknown
  na: unknown
  vorigeHash: string
  hash: string
  weergave: AuditWeergave
}

export type AuditRegelLijst = Lijst<AuditRegel>
