import type { Rol } from '../../../../src/domain/vocabulary'
import type { Roltoekenning } from '../../api/types'

// Roles as editable rows and back. A row has a stable key for React, so removing
// row 2 does not move what was typed in row 3 into it.

export interface RolRij {
  key: number
  rol: Rol
  /** '' until chosen; always '' for admin, which is held without an organisation. */
  organisatieId: string
}

let volgende = 1
export const nieuweRij = (rol: Rol = 'lezer', organisatieId = ''): RolRij => ({ key: volgende++, rol, organisatieId })

export function rijenUit(rollen: Roltoekenning[]): RolRij[] {
  return rollen.map((r) => nieuweRij(r.rol, r.organisatieId ?? ''))
}

export function rollenUit(rijen: RolRij[]): Roltoekenning[] {
  return rijen.map((r) => (r.rol === 'admin' || !r.organisatieId ? { rol: r.rol } : { rol: r.rol, organisatieId: r.organisatieId }))
}
