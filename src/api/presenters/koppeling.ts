import type { Resource } from '../../db/repos/registry-repository.js'
import { koppelingWaarschuwingen } from '../../domain/koppeling-samenwerking.js'
import type { Presenter } from './presenter.js'

/** A koppeling that belongs to no samenwerking says so on every response, in the caller's language (issue 20.4). */
export const koppelingPresenter: Presenter = {
  voor: (_caller, item: Resource, taal) => {
    const waarschuwingen = koppelingWaarschuwingen(item as { samenwerkingId?: string }, taal)
    return waarschuwingen.length > 0 ? { ...item, waarschuwingen } : item
  },
}
