import {
  Button,
  FormFieldSelect,
  FormFieldTextInput,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { type FormEvent, Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatBedrag, formatGetal } from '../../i18n/format'
import { useOpties } from '../registry/api'
import { type HarmonisatieApplicatie, type Harmonisatie as HarmonisatieData, useHarmonisatie } from './api'
import './interop.css'

// The harmonisation overview (issue 15): per GEMMA reference component, which applicaties
// the leden of a samenwerking use for it, from which supplier, by whom, at what cost.
// Components served by more than one applicatie come first and are marked in words and a
// sign (not by colour alone): there the partners might harmonise.

const JAAR = /^\d{4}$/

type Naam = { id: string; naam: string }

function Namen({ pagina, namen }: { pagina: string; namen: Naam[] }) {
  return (
    <>
      {namen.map((n, i) => (
        <Fragment key={n.id}>
          {i > 0 && ', '}
          <AppLink to={`/${pagina}/${n.id}`}>{n.naam}</AppLink>
        </Fragment>
      ))}
    </>
  )
}

function Kosten({ kosten }: { kosten: HarmonisatieApplicatie['kosten'] }) {
  const { t } = useTranslation('interop')
  if (!kosten) return <>{t('harmonisatie.geenKosten')}</>
  return (
    <>
      {formatBedrag(kosten.bedrag)}
      <span className="rk-interop-posten"> ({t('harmonisatie.posten', { count: kosten.posten })})</span>
    </>
  )
}

function Component({ groep, jaar }: { groep: HarmonisatieData['referentiecomponenten'][number]; jaar: string }) {
  const { t } = useTranslation('interop')
  const rc = groep.referentiecomponent
  const kopId = `rc-${rc.id}`
  return (
    <section
      aria-labelledby={kopId}
      className={
        groep.verschillend
          ? 'rk-interop-sectie rk-interop-component rk-interop-component--verschillend'
          : 'rk-interop-sectie rk-interop-component'
      }
      data-referentiecomponent={rc.naam}
      data-verschillend={groep.verschillend}
    >
      <Heading level={3} appearanceLevel={4} id={kopId}>
        <AppLink to={`/referentiecomponenten/${rc.id}`}>{rc.naam}</AppLink>
      </Heading>
      <Paragraph className="rk-interop-oordeel">
        <span aria-hidden="true" className="rk-interop-teken">
          {groep.verschillend ? '≠' : '='}
        </span>{' '}
        {groep.verschillend ? <strong>{t('harmonisatie.verschillend')}</strong> : t('harmonisatie.gelijk')}
        {rc.gemmaId && <span className="rk-interop-gemma"> · {t('harmonisatie.gemmaId', { id: rc.gemmaId })}</span>}
      </Paragraph>
      <Table className="rk-interop-tabel">
        <TableCaption className="rk-visually-hidden">{t('harmonisatie.caption', { naam: rc.naam, jaar })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('harmonisatie.kolom.applicatie')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-bijzaak">
              {t('harmonisatie.kolom.leverancier')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('harmonisatie.kolom.gebruikers')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('harmonisatie.kolom.kosten', { jaar })}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groep.applicaties.map((a) => (
            <TableRow key={a.applicatie.id} data-applicatie={a.applicatie.naam}>
              <TableHeaderCell scope="row">
                <AppLink to={`/applicaties/${a.applicatie.id}`}>{a.applicatie.naam}</AppLink>
              </TableHeaderCell>
              <TableCell className="rk-bijzaak">
                {a.leverancier ? <Namen pagina="organisaties" namen={[a.leverancier]} /> : t('harmonisatie.geenLeverancier')}
              </TableCell>
              <TableCell>
                <Namen pagina="organisaties" namen={a.gebruikers} />
              </TableCell>
              <TableCell className="rk-getal">
                <Kosten kosten={a.kosten} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  )
}

/** A count on top of the overview: the number large, what it counts below. */
function Telling({ label, aantal }: { label: string; aantal: number }) {
  return (
    <div className="rk-interop-telling">
      <dt>{label}</dt>
      <dd>{formatGetal(aantal)}</dd>
    </div>
  )
}

function Overzicht({ data, jaar }: { data: HarmonisatieData; jaar: string }) {
  const { t } = useTranslation('interop')
  // Where partners differ first; the API's order (by name) within each group.
  // Whether an applicatie shows under more than one component (then its costs do too).
  const ids = data.referentiecomponenten.flatMap((g) => g.applicaties.map((a) => a.applicatie.id))
  const inMeer = new Set(ids).size < ids.length
  const groepen = [
    ...data.referentiecomponenten.filter((g) => g.verschillend),
    ...data.referentiecomponenten.filter((g) => !g.verschillend),
  ]
  return (
    <section aria-labelledby="harmonisatie-kop" className="rk-interop-sectie">
      <Heading level={2} appearanceLevel={3} id="harmonisatie-kop">
        {t('harmonisatie.kop', { naam: data.samenwerking.naam, jaar })}
      </Heading>
      <dl className="rk-interop-samenvatting">
        <Telling label={t('harmonisatie.samenvatting.componenten')} aantal={groepen.length} />
        <Telling label={t('harmonisatie.samenvatting.verschillen')} aantal={groepen.filter((g) => g.verschillend).length} />
        <Telling label={t('harmonisatie.samenvatting.zonder')} aantal={data.zonderReferentiecomponent.length} />
      </dl>
      {groepen.length === 0 && <Paragraph className="rk-interop-leeg">{t('harmonisatie.geen')}</Paragraph>}
      {inMeer && <Paragraph>{t('harmonisatie.dubbel')}</Paragraph>}
      {groepen.map((g) => (
        <Component key={g.referentiecomponent.id} groep={g} jaar={jaar} />
      ))}
      {data.zonderReferentiecomponent.length > 0 && (
        <section aria-labelledby="zonder-kop" className="rk-interop-sectie">
          <Heading level={3} appearanceLevel={4} id="zonder-kop">
            {t('harmonisatie.zonder.kop')}
          </Heading>
          <Paragraph>{t('harmonisatie.zonder.uitleg')}</Paragraph>
          <Table className="rk-interop-tabel">
            <TableCaption className="rk-visually-hidden">{t('harmonisatie.zonder.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('harmonisatie.kolom.applicatie')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('harmonisatie.kolom.gebruikers')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.zonderReferentiecomponent.map((z) => (
                <TableRow key={z.applicatie.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/applicaties/${z.applicatie.id}`}>{z.applicatie.naam}</AppLink>
                  </TableHeaderCell>
                  <TableCell>
                    <Namen pagina="organisaties" namen={z.gebruikers} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </section>
  )
}

export default function Harmonisatie() {
  const { t } = useTranslation('interop')
  const [params, setParams] = useSearchParams()
  const samenwerkingId = params.get('samenwerkingId') ?? ''
  const gevraagdJaar = params.get('jaar') ?? ''
  const jaar = JAAR.test(gevraagdJaar) ? gevraagdJaar : ''
  const [keuze, setKeuze] = useState({ samenwerkingId, jaar })
  const [jaarFout, setJaarFout] = useState<string>()
  const opties = useOpties('samenwerkingen')
  const overzicht = useHarmonisatie(samenwerkingId, jaar)

  function toon(e: FormEvent) {
    e.preventDefault()
    const j = keuze.jaar.trim()
    if (j && !JAAR.test(j)) return setJaarFout(t('harmonisatie.jaarOngeldig'))
    setJaarFout(undefined)
    const q = new URLSearchParams()
    if (keuze.samenwerkingId) q.set('samenwerkingId', keuze.samenwerkingId)
    if (j) q.set('jaar', j)
    setParams(q)
  }

  const data = overzicht.data?.samenwerking.id === samenwerkingId ? overzicht.data : undefined
  return (
    <>
      <PageHeading titel={t('harmonisatie.titel')} />
      <Paragraph>{t('harmonisatie.intro')}</Paragraph>
      <form className="rk-interop-filters" noValidate onSubmit={toon}>
        <FormFieldSelect
          label={t('harmonisatie.samenwerking')}
          value={keuze.samenwerkingId}
          onChange={(e) => setKeuze((k) => ({ ...k, samenwerkingId: (e.target as HTMLSelectElement).value }))}
        >
          <SelectOption value="">{t('harmonisatie.kies')}</SelectOption>
          {(opties.data ?? []).map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.naam}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldTextInput
          label={t('harmonisatie.jaar')}
          inputMode="numeric"
          value={keuze.jaar}
          invalid={Boolean(jaarFout)}
          errorMessage={jaarFout}
          onChange={(e) => setKeuze((k) => ({ ...k, jaar: (e.target as HTMLInputElement).value }))}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('harmonisatie.tonen')}
        </Button>
      </form>
      {!samenwerkingId && <Paragraph>{t('harmonisatie.kiesEerst')}</Paragraph>}
      {samenwerkingId && <ErrorAlert error={overzicht.error} />}
      {samenwerkingId && overzicht.isPending && <Loading />}
      {data && <Overzicht data={data} jaar={String(data.jaar)} />}
    </>
  )
}
