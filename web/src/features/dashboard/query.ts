import type { Dashboard } from '../../../../src/schemas/landschap'
import { get } from '../../api/client'

// Kept apart from the page so the router can start this request while the page's
// code is still loading.
export const DASHBOARD_KEY = ['dashboard'] as const

export const dashboardQuery = {
  queryKey: DASHBOARD_KEY,
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Dashboard>('dashboard', signal),
}
