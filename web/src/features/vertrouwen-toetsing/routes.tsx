import type { RouteObject } from 'react-router'

// The trust pages for review and policy: the review list, the outsourcing check and the
// policies (the shipped BIO default and stored ones), each its own chunk.

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

export const TOETSING_ROUTES: RouteObject[] = [
  { path: 'herbeoordelingen', lazy: page(() => import('./Herbeoordelingen')) },
  { path: 'uitbestedingstoets', lazy: page(() => import('./Uitbestedingstoets')) },
  { path: 'vertrouwensbeleid', lazy: page(() => import('./Beleidslijst')) },
  { path: 'vertrouwensbeleid/standaard', lazy: page(() => import('./Beleid')) },
  { path: 'vertrouwensbeleid/overnemen', lazy: page(() => import('./Overnemen')) },
  { path: 'vertrouwensbeleid/:id', lazy: page(() => import('./Beleid')) },
]
