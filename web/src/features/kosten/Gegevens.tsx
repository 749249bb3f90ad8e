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
import { formatTijdstip } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { INFO, type KostenObject, type KostenPagina, type Veld } from './soorten'
import { Bedrag, decimaalTekst, Getal, HoortBij, regelTekst, useOrganisatienaam, type Versie, Verwijzing, versieIn } from './Weergave'

// Every field of a cost object in readable form: the detail page, and the current
// version next to the form after an edit conflict.

const leeg = (v: unknown) => v === undefined || v === null || v === ''

export function Versies({ versies }: { versies: Versie[] }) {
  const { t, i18n } = useTranslation('kosten')
  const naam = useOrganisatienaam()
  const jaar = new Date().getFullYear()
  const nu = versieIn(versies, jaar)
  const gesorteerd = [...versies].sort((a, b) => a.geldigVanaf - b.geldigVanaf)
  return (
    <Table className="rk-subtabel">
      <TableCaption className="rk-visually-hidden">{t('versiesTabel')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('veld.geldigVanaf')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('veld.regel')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {gesorteerd.map((v) => (
          <TableRow key={v.geldigVanaf}>
            <TableCell>
              {v.geldigVanaf}
              {v === nu && <span className="rk-label"> ({t('geldtNu', { jaar })})</span>}
            </TableCell>
            <TableCell>{regelTekst(v.regel, t, naam, i18n.language)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

export function Waarde({ veld, object }: { veld: Veld; object: KostenObject }) {
  const { t, i18n } = useTranslation()
  const waardeLabel = useWaardeLabel()
  const v = object[veld.naam]
  switch (veld.soort) {
    case 'hoortBij':
      return <HoortBij object={object} />
    case 'versies':
      return <Versies versies={(v as Versie[] | undefined) ?? []} />
    case 'bedrag':
      return <Bedrag centen={v} />
    case 'getal':
      return typeof v === 'number' || typeof v === 'string' ? decimaalTekst(v, i18n.language) : <Getal waarde={v} />
    case 'ref':
      return <Verwijzing doel={veld.doel} id={v} />
    case 'deelnemer':
      return <Verwijzing doel="organisaties" id={v} />
    case 'sleutel':
      return <Verwijzing doel="verdeelsleutels" id={v} />
    case 'meertekst':
      return leeg(v) ? t('leeg') : <span className="rk-meertekst">{String(v)}</span>
    case 'keuze':
      return leeg(v) ? t('leeg') : veld.labels ? t(`kosten:${veld.labels}.${String(v)}`) : waardeLabel(v, veld.waarden)
    default:
      return leeg(v) ? t('leeg') : String(v)
  }
}

export function Gegevens({ pagina, object }: { pagina: KostenPagina; object: KostenObject }) {
  const { t } = useTranslation('kosten')
  return (
    <FormSummary className="rk-gegevens">
      {INFO[pagina].velden.map((veld) => (
        <FormSummaryItem key={veld.naam}>
          <FormSummaryKey>{t(`veld.${veld.naam}`)}</FormSummaryKey>
          <FormSummaryValue>
            <Waarde veld={veld} object={object} />
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
