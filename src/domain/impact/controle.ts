import { type InvalidParam, type Message, msg } from '../errors.js'
import { datumTekst } from '../vertrouwen/datum.js'
import type { Afhankelijkheidsgraaf } from './graaf.js'
import type { Wijziging } from './typen.js'

// The rules a scenario's changes must meet beyond their schema, checked against the
// graph: every id exists (and is visible: the caller passes `zichtbaar`), the
// organisation that leaves is a lid or afnemer on that date, no date lies before the
// samenwerking, the membership or the gastheerschap started. Every broken rule is
// returned, each on its own field (`wijzigingen[2].datum`).

export type Soort = 'organisatie' | 'samenwerking' | 'gastheerschap' | 'applicatie'

/** Whether the caller may see an object that the graph holds; the graph itself answers whether it exists. */
export type Zichtbaar = (soort: Soort, id: string) => boolean

const fout = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })

const BESTAAT_NIET = (wat: string, what: string) => msg(`Deze ${wat} bestaat niet.`, `This ${what} does not exist.`)

export function controleerWijzigingen(
  graaf: Afhankelijkheidsgraaf,
  wijzigingen: readonly Wijziging[],
  zichtbaar: Zichtbaar,
): InvalidParam[] {
  const fouten: InvalidParam[] = []
  wijzigingen.forEach((w, i) => {
    const veld = (naam: string) => `wijzigingen[${i}].${naam}`
    const bestaat = (soort: Soort, id: string | undefined, naam: string): boolean => {
      if (id === undefined) return false
      const kaart =
        soort === 'organisatie'
          ? graaf.organisaties
          : soort === 'samenwerking'
            ? graaf.samenwerkingen
            : soort === 'gastheerschap'
              ? graaf.gastheerschappen
              : graaf.applicaties
      if (kaart.has(id) && zichtbaar(soort, id)) return true
      const [nl, en] = WOORD[soort]
      fouten.push(fout(veld(naam), 'bestaat-niet', BESTAAT_NIET(nl, en)))
      return false
    }
    const voorStart = (start: string | null, wat: Message) => {
      if (start !== null && w.datum < start)
        fouten.push(
          fout(
            veld('datum'),
            'voor-start',
            msg(
              `De datum ${datumTekst(w.datum).nl} ligt vóór de start van ${wat.nl} (${datumTekst(start).nl}).`,
              `The date ${datumTekst(w.datum).en} lies before the start of ${wat.en} (${datumTekst(start).en}).`,
            ),
          ),
        )
    }
    switch (w.soort) {
      case 'uittreden':
        controleerUittreden(graaf, w, veld, bestaat, voorStart, fouten)
        break
      case 'gastheer stopt':
        if (bestaat('gastheerschap', w.gastheerschapId, 'gastheerschapId')) {
          const g = graaf.gastheerschappen.get(w.gastheerschapId)
          if (g) voorStart(g.startdatum, msg('het gastheerschap', 'the hosting arrangement'))
          if (g?.einddatum && g.einddatum < w.datum)
            fouten.push(
              fout(
                veld('datum'),
                'al-beeindigd',
                msg(
                  `Dit gastheerschap eindigde al op ${datumTekst(g.einddatum).nl}.`,
                  `This hosting arrangement already ended on ${datumTekst(g.einddatum).en}.`,
                ),
              ),
            )
        }
        break
      case 'leverancier vervangen':
      case 'leverancier failliet':
        bestaat('organisatie', w.leverancierId, 'leverancierId')
        if (w.soort === 'leverancier vervangen' && w.nieuweLeverancierId !== undefined) {
          if (bestaat('organisatie', w.nieuweLeverancierId, 'nieuweLeverancierId') && w.nieuweLeverancierId === w.leverancierId)
            fouten.push(
              fout(
                veld('nieuweLeverancierId'),
                'zelfde',
                msg('De nieuwe leverancier is dezelfde als de oude.', 'The new supplier is the same as the old one.'),
              ),
            )
        }
        break
      case 'applicatie uitfaseren':
      case 'endpoint wijzigt':
        bestaat('applicatie', w.applicatieId, 'applicatieId')
        break
      case 'applicatie vervangen':
        bestaat('applicatie', w.applicatieId, 'applicatieId')
        if (w.vervangerId !== undefined && bestaat('applicatie', w.vervangerId, 'vervangerId') && w.vervangerId === w.applicatieId)
          fouten.push(
            fout(veld('vervangerId'), 'zelfde', msg('De vervanger is dezelfde applicatie.', 'The replacement is the same application.')),
          )
        break
      case 'uitbesteden': {
        const org = bestaat('organisatie', w.organisatieId, 'organisatieId')
        if (bestaat('organisatie', w.partijId, 'partijId') && w.partijId === w.organisatieId)
          fouten.push(
            fout(
              veld('partijId'),
              'zelfde',
              msg('Een organisatie besteedt niet uit aan zichzelf.', 'An organisation does not outsource to itself.'),
            ),
          )
        w.applicatieIds.forEach((a, j) => {
          if (bestaat('applicatie', a, `applicatieIds[${j}]`) && org && !graaf.gebruikt(w.organisatieId, a))
            fouten.push(
              fout(
                veld(`applicatieIds[${j}]`),
                'niet-in-gebruik',
                msg(
                  'Deze organisatie gebruikt deze applicatie niet: zij kan haar niet uitbesteden.',
                  'This organisation does not use this application: it cannot outsource it.',
                ),
              ),
            )
        })
        break
      }
      case 'standaard wijzigt':
        break
    }
  })
  return fouten
}

const WOORD: Record<Soort, [string, string]> = {
  organisatie: ['organisatie', 'organisation'],
  samenwerking: ['samenwerking', 'cooperation'],
  gastheerschap: ['gastheerschap', 'hosting arrangement'],
  applicatie: ['applicatie', 'application'],
}

function controleerUittreden(
  graaf: Afhankelijkheidsgraaf,
  w: Extract<Wijziging, { soort: 'uittreden' }>,
  veld: (naam: string) => string,
  bestaat: (soort: Soort, id: string | undefined, naam: string) => boolean,
  voorStart: (start: string | null, wat: Message) => void,
  fouten: InvalidParam[],
): void {
  const org = bestaat('organisatie', w.organisatieId, 'organisatieId')
  if ((w.samenwerkingId === undefined) === (w.gastheerschapId === undefined)) {
    fouten.push(
      fout(
        veld('samenwerkingId'),
        'verplicht',
        msg(
          'Geef precies één van samenwerkingId (uit de samenwerking) en gastheerschapId (stopt als afnemer).',
          'Give exactly one of samenwerkingId (leaves the cooperation) and gastheerschapId (stops as a consumer).',
        ),
      ),
    )
    return
  }
  if (w.samenwerkingId !== undefined && bestaat('samenwerking', w.samenwerkingId, 'samenwerkingId') && org) {
    const s = graaf.samenwerkingen.get(w.samenwerkingId)
    if (!s) return
    voorStart(s.startdatum, msg('de samenwerking', 'the cooperation'))
    const lid = s.leden.find((l) => l.organisatieId === w.organisatieId)
    if (!lid?.bevestigd) {
      fouten.push(
        fout(
          veld('organisatieId'),
          'geen-lid',
          lid
            ? msg(
                'Deze organisatie heeft haar lidmaatschap nog niet bevestigd: zij neemt nog niet deel.',
                'This organisation has not confirmed its membership yet: it does not take part.',
              )
            : msg('Deze organisatie is geen lid van de samenwerking.', 'This organisation is not a member of the cooperation.'),
        ),
      )
      return
    }
    if (s.einddatum !== null && s.einddatum < w.datum)
      fouten.push(
        fout(
          veld('datum'),
          'al-beeindigd',
          msg(
            `De samenwerking eindigde al op ${datumTekst(s.einddatum).nl}.`,
            `The cooperation already ended on ${datumTekst(s.einddatum).en}.`,
          ),
        ),
      )
    voorStart(lid.startdatum, msg('het lidmaatschap', 'the membership'))
    if (lid.einddatum !== null && lid.einddatum < w.datum)
      fouten.push(
        fout(
          veld('datum'),
          'al-uitgetreden',
          msg(
            `Deze organisatie is op ${datumTekst(lid.einddatum).nl} al uitgetreden.`,
            `This organisation already left on ${datumTekst(lid.einddatum).en}.`,
          ),
        ),
      )
  }
  if (w.gastheerschapId !== undefined && bestaat('gastheerschap', w.gastheerschapId, 'gastheerschapId') && org) {
    const g = graaf.gastheerschappen.get(w.gastheerschapId)
    if (!g) return
    if (!g.afnemerIds.includes(w.organisatieId))
      fouten.push(
        fout(
          veld('organisatieId'),
          'geen-afnemer',
          msg(
            'Deze organisatie is geen afnemer van dit gastheerschap.',
            'This organisation is not a consumer of this hosting arrangement.',
          ),
        ),
      )
    voorStart(g.startdatum, msg('het gastheerschap', 'the hosting arrangement'))
    if (g.einddatum !== null && g.einddatum < w.datum)
      fouten.push(
        fout(
          veld('datum'),
          'al-beeindigd',
          msg(
            `Dit gastheerschap eindigde al op ${datumTekst(g.einddatum).nl}.`,
            `This hosting arrangement already ended on ${datumTekst(g.einddatum).en}.`,
          ),
        ),
      )
  }
}
