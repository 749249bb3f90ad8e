import { type InvalidParam, type Message, msg } from './errors.js'

// An import file is stored all or nothing, row after row. Two rows with the same key
// would make the second silently overwrite the first (the same id: "1 aangemaakt,
// 1 bijgewerkt") or trip over the database's unique key halfway. So a file that repeats
// a key is refused before anything is stored, and every repeat names the row it repeats.

export interface RijSleutel {
  /** Line number in the file (the header is line 1). */
  regel: number
  /** The key of this row, normalised by the caller; undefined when the row has none. */
  sleutel: string | undefined
}

export interface DubbeleRegel {
  regel: number
  fout: InvalidParam
}

/**
 * Every row whose key an earlier row already has, with an error at `veld` naming the
 * earlier line (the row's own line goes with it). `wat` names the key for people.
 */
export function dubbeleRegels(veld: string, wat: Message, rijen: readonly RijSleutel[]): DubbeleRegel[] {
  const eerste = new Map<string, number>()
  const dubbel: DubbeleRegel[] = []
  for (const { regel, sleutel } of rijen) {
    if (sleutel === undefined) continue
    const eerder = eerste.get(sleutel)
    if (eerder === undefined) {
      eerste.set(sleutel, regel)
      continue
    }
    dubbel.push({
      regel,
      fout: {
        name: veld,
        code: 'dubbel-in-bestand',
        reason: msg(
          `Zelfde ${wat.nl} als regel ${eerder}; een bestand mag elk object maar één keer bevatten.`,
          `Same ${wat.en} as line ${eerder}; a file may hold each object only once.`,
        ),
      },
    })
  }
  return dubbel
}
