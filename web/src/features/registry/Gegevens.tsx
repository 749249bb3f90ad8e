import {
  FormSummary,
  FormSummaryItem,
  FormSummaryKey,
  FormSummaryValue,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { ibanInGroepen } from '../../../../src/domain/betaling'
import { formatDatum, formatGetal, formatTijdstip } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { RefLink } from './RefLink'
import type { RegistryObject, Soort } from './soorten'
import { eindpuntVelden, geldt, labelSleutel, VELDEN, type Veld } from './velden'

// All fields of an object in readable Dutch: the detail page, and the current version
// shown next to the form after a conflict.

const leeg = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** Only web addresses become links; anything else shows as text. */
const isWebadres = (v: string) => /^https?:\/\//i.test(v)

export function Eindpunt({ object, kant }: { object: Record<string, unknown>; kant: 'bron' | 'doel' }) {
  const { t } = useTranslation('registry')
  const v = eindpuntVelden(kant)
  const app = object[v.app]
  const voorziening = object[v.voorziening]
  const overig = object[v.overig]
  if (typeof app === 'string' && app) return <RefLink soort="applicaties" id={app} />
  if (typeof voorziening === 'string' && voorziening) {
    const naam = voorziening === 'overig' && typeof overig === 'string' && overig ? overig : voorziening
    return <>{t('eindpunt.voorzieningWeergave', { naam })}</>
  }
  return <>{t('common:leeg')}</>
}

/** What a toegang opens: "Key2Belastingen (applicatie)", or a netwerkzone with its owner. */
export function ToegangObjectWeergave({ waarde }: { waarde: unknown }) {
  const { t } = useTranslation('registry')
  const waardeLabel = useWaardeLabel()
  const o = (waarde ?? {}) as { soort?: string; id?: string; naam?: string; eigenaarId?: string }
  if ((o.soort === 'applicatie' || o.soort === 'koppeling') && o.id)
    return (
      <>
        <RefLink soort={o.soort === 'applicatie' ? 'applicaties' : 'koppelingen'} id={o.id} /> ({waardeLabel(o.soort)})
      </>
    )
  if (o.soort === 'netwerkzone' && o.naam)
    return (
      <>
        {t('toegangObject.netwerkzoneWeergave', { naam: o.naam })}
        {o.eigenaarId && (
          <>
            {t('toegangObject.beheerdDoor')} <RefLink soort="organisaties" id={o.eigenaarId} />
          </>
        )}
      </>
    )
  return <>{t('common:leeg')}</>
}

export function Waarde({ veld, waarde, object }: { veld: Veld; waarde: unknown; object: Record<string, unknown> }) {
  const { t } = useTranslation('registry')
  const waardeLabel = useWaardeLabel()
  if (veld.soort === 'eindpunt') return <Eindpunt object={object} kant={veld.kant} />
  if (veld.soort === 'toegangobject') return <ToegangObjectWeergave waarde={waarde} />
  if (leeg(waarde) && veld.soort !== 'janee') return <>{t('common:leeg')}</>
  switch (veld.soort) {
    case 'keuze':
      return <>{waardeLabel(waarde, veld.waarden)}</>
    case 'datum':
      // A moment (an onderhoudsvenster's van and tot) shows with its time, in Dutch time.
      return <>{String(waarde).length > 10 ? formatTijdstip(String(waarde)) : formatDatum(String(waarde))}</>
    case 'getal':
      return <>{typeof waarde === 'number' && !veld.jaartal ? formatGetal(waarde) : String(waarde)}</>
    case 'janee':
      return <>{waarde ? t('common:ja') : t('common:nee')}</>
    case 'meertekst':
      return <span className="rk-meertekst">{String(waarde)}</span>
    case 'tekst':
      // An IBAN is stored without spaces and read in groups of four.
      if (veld.naam === 'iban') return <>{ibanInGroepen(String(waarde))}</>
      return veld.invoer === 'url' && isWebadres(String(waarde)) ? (
        <a href={String(waarde)} rel="noopener noreferrer">
          {String(waarde)}
        </a>
      ) : (
        String(waarde)
      )
    case 'ref':
      return <RefLink soort={veld.doel} id={String(waarde)} />
    case 'refs': {
      // The afnemers of a gastheerschap show whether each confirmed (then it shares and pays).
      const bevestiging = veld.naam === 'afnemerIds' ? (object.afnemers as Record<string, unknown>[] | undefined) : undefined
      return (
        <ul className="rk-lijst">
          {(waarde as string[]).map((id) => {
            const rij = bevestiging?.find((a) => a.organisatieId === id)
            return (
              <li key={id}>
                <RefLink soort={veld.doel} id={id} />
                {rij && (
                  <>
                    {' — '}
                    <Bevestiging rij={rij} />
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )
    }
    case 'teksten':
      return (
        <ul className="rk-lijst">
          {(waarde as string[]).map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain strings may repeat
            <li key={i}>{veld.naam === 'gebeurtenissen' ? waardeLabel(s) : String(s)}</li>
          ))}
        </ul>
      )
    case 'rijen':
      return <Rijen veld={veld} rijen={waarde as Record<string, unknown>[]} />
    case 'eigenschappen':
      return <EigenschappenLijst eigenschappen={waarde as { naam: string; waarde: string }[]} />
    default:
      return <>{String(waarde)}</>
  }
}

/** Named values from an imported file ("Object ID: 3fa8…"), as they stood there. */
export function EigenschappenLijst({ eigenschappen }: { eigenschappen: { naam: string; waarde: string }[] }) {
  return (
    <dl className="rk-eigenschappen">
      {eigenschappen.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a name may occur twice
        <div key={i}>
          <dt>{e.naam}</dt>
          <dd>{e.waarde}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A lid of a samenwerking or an afnemer of a gastheerschap: confirmed by its organisation, or not yet (then it shares nothing). */
function Bevestiging({ rij }: { rij: Record<string, unknown> }) {
  const { t } = useTranslation('registry')
  if (rij.bevestigd !== true) return <>{t('lidmaatschap.wacht')}</>
  return (
    <>{rij.bevestigdOp ? t('lidmaatschap.bevestigdOp', { datum: formatDatum(String(rij.bevestigdOp)) }) : t('lidmaatschap.bevestigd')}</>
  )
}

function Rijen({ veld, rijen }: { veld: Extract<Veld, { soort: 'rijen' }>; rijen: Record<string, unknown>[] }) {
  const { t } = useTranslation('registry')
  const leden = veld.rij === 'lid'
  return (
    <Table className="rk-subtabel">
      <TableCaption className="rk-visually-hidden">{t(labelSleutel(veld))}</TableCaption>
      <TableHeader>
        <TableRow>
          {veld.velden.map((sub) => (
            <TableHeaderCell key={sub.naam} scope="col">
              {t(labelSleutel(sub))}
            </TableHeaderCell>
          ))}
          {leden && <TableHeaderCell scope="col">{t('lidmaatschap.kolom')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rijen.map((rij, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <TableRow key={i}>
            {veld.velden.map((sub) => (
              <TableCell key={sub.naam}>
                <Waarde veld={sub} waarde={rij[sub.naam]} object={rij} />
              </TableCell>
            ))}
            {leden && (
              <TableCell>
                <Bevestiging rij={rij} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** Every field of the object, then when it was made and last changed. */
export function Gegevens({ soort, object }: { soort: Soort; object: RegistryObject }) {
  const { t } = useTranslation('registry')
  return (
    <FormSummary className="rk-gegevens">
      {VELDEN[soort]
        .filter((veld) => geldt(veld, object) && !(veld.verbergLeeg && leeg(object[veld.naam])))
        .map((veld) => (
          <FormSummaryItem key={veld.naam}>
            <FormSummaryKey>{t(labelSleutel(veld))}</FormSummaryKey>
            <FormSummaryValue>
              <Waarde veld={veld} waarde={object[veld.naam]} object={object} />
            </FormSummaryValue>
          </FormSummaryItem>
        ))}
      <FormSummaryItem>
        <FormSummaryKey>{t('veld.gewijzigdOp')}</FormSummaryKey>
        <FormSummaryValue>
          {formatTijdstip(String(object.gewijzigdOp ?? ''))} {t('revisie', { revisie: object.revisie })}
        </FormSummaryValue>
      </FormSummaryItem>
      <FormSummaryItem>
        <FormSummaryKey>{t('veld.aangemaaktOp')}</FormSummaryKey>
        <FormSummaryValue>{formatTijdstip(String(object.aangemaaktOp ?? ''))}</FormSummaryValue>
      </FormSummaryItem>
    </FormSummary>
  )
}
