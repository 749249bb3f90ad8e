import type { Resource } from '../../db/repos/registry-repository.js'
import { canSpeakFor } from '../../domain/access.js'
import { type Deelname, type Deelnemer, deelnemers } from '../../services/deelname.js'
import type { Presenter } from './presenter.js'

/**
 * A samenwerking (its leden) or a gastheerschap (its afnemers): each deelnemer with what
 * this caller may do with it, `bevestigen` while it waits for this caller's organisation.
 */
export function deelnamePresenter(deelname: Deelname): Presenter {
  return {
    voor: (caller, item: Resource) => ({
      ...item,
      [deelname.lijst]: deelnemers(deelname, item).map(
        (d): Deelnemer => ({ ...d, toegestaneActies: !d.bevestigd && canSpeakFor(caller, d.organisatieId) ? ['bevestigen'] : [] }),
      ),
    }),
  }
}
