import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { decimaalTekst } from '../../../../src/domain/getallen'
import type { VerdeelsleutelInvoer } from '../../../../src/schemas/kosten'
import { formatBedrag, formatGetal } from '../../i18n/format'
import { useOpties } from '../registry/api'
import { RefLink } from '../registry/RefLink'
import { useKostenObject } from './api'
import type { Doel } from './soorten'

export { decimaalTekst }

// How cost values read: amounts in euros, references by name, the rule of a key in words.

export function Bedrag({ centen }: { centen: unknown }) {
  const { t } = useTranslation()
  return typeof centen === 'number' ? formatBedrag(centen) : t('leeg')
}

function SleutelLink({ id }: { id: string }) {
  const { t } = useTranslation('registry')
  const { data, error } = useKostenObject('verdeelsleutels', id)
  if (error) return <span>{t('onbekendeVerwijzing', { id })}</span>
  return <Link to={`/verdeelsleutels/${id}`}>{data ? String(data.data.naam) : id}</Link>
}

export function Verwijzing({ doel, id }: { doel: Doel; id: unknown }) {
  const { t } = useTranslation()
  if (typeof id !== 'string' || !id) return <>{t('leeg')}</>
  return doel === 'verdeelsleutels' ? <SleutelLink id={id} /> : <RefLink soort={doel} id={id} />
}

/** The samenwerking or gastheerschap an object belongs to. */
export function HoortBij({ object, kort }: { object: Record<string, unknown>; kort?: boolean }) {
  const { t } = useTranslation('kosten')
  if (typeof object.gastheerschapId === 'string' && object.gastheerschapId)
    return (
      <>
        {kort ? '' : `${t('hoortBij.gastheerschap')}: `}
        <RefLink soort="gastheerschappen" id={object.gastheerschapId} />
      </>
    )
  if (typeof object.samenwerkingId === 'string' && object.samenwerkingId)
    return (
      <>
        {kort ? '' : `${t('hoortBij.samenwerking')}: `}
        <RefLink soort="samenwerkingen" id={object.samenwerkingId} />
      </>
    )
  return <>{t('hoortBij.geen')}</>
}

// A verdeelsleutel's versions and rules as the API sends them.
export type Versie = VerdeelsleutelInvoer['versies'][number]
type Regel = Versie['regel']
type EnkeleRegel = Exclude<Regel, { soort: 'mix' }>

/** A rule in words: "50% gelijke delen + 50% naar maatstaf werkplekken". */
export function regelTekst(regel: Regel, t: TFunction, naam: (id: string) => string, taal: string): string {
  const enkel = (r: EnkeleRegel): string => {
    switch (r.soort) {
      case 'maatstaf':
        return t('kosten:regelTekst.maatstaf', { maatstaf: r.maatstaf })
      case 'volledig afnemer':
        return t('kosten:regelTekst.volledig afnemer', { naam: naam(r.deelnemerId ?? '') })
      case 'vast percentage':
        return `${t('kosten:regelTekst.vast percentage')} (${(r.percentages ?? [])
          .map((p) => `${naam(p.deelnemerId)} ${decimaalTekst(p.percentage, taal)}%`)
          .join(', ')})`
      default:
        return t(`kosten:regelTekst.${r.soort}`, { defaultValue: r.soort })
    }
  }
  if (regel.soort !== 'mix') return enkel(regel)
  return (regel.componenten ?? [])
    .map((c) => t('kosten:regelTekst.mixDeel', { aandeel: decimaalTekst(c.aandeel, taal), regel: enkel(c.regel) }))
    .join(' + ')
}

/** The version that applies in a year: the latest geldigVanaf not after it. */
export function versieIn(versies: Versie[], jaar: number): Versie | undefined {
  let gekozen: Versie | undefined
  for (const v of versies) if (v.geldigVanaf <= jaar && (!gekozen || v.geldigVanaf > gekozen.geldigVanaf)) gekozen = v
  return gekozen
}

/** Organisation names for rule texts, from the (cached) options list. */
export function useOrganisatienaam(): (id: string) => string {
  const opties = useOpties('organisaties')
  return (id: string) => opties.data?.find((o) => o.id === id)?.naam ?? id
}

export function RegelNu({ versies }: { versies: unknown }) {
  const { t, i18n } = useTranslation('kosten')
  const naam = useOrganisatienaam()
  const jaar = new Date().getFullYear()
  const v = Array.isArray(versies) ? versieIn(versies as Versie[], jaar) : undefined
  if (!v) return <>{t('geenVersieNu', { jaar })}</>
  return <>{regelTekst(v.regel, t, naam, i18n.language)}</>
}

export function Getal({ waarde }: { waarde: unknown }) {
  const { t } = useTranslation()
  return typeof waarde === 'number' ? formatGetal(waarde) : t('leeg')
}
