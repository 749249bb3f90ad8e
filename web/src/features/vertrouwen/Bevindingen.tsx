import {
  Button,
  FormFieldSelect,
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
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { formatDatum } from '../../i18n/format'
import { useOpties } from '../registry/api'
import {
  BEVINDING_STATUSSEN,
  type Bevinding,
  type BevindingFilters,
  ERNST_NIVEAUS,
  haalBevindingen,
  REGEL_SOORTEN,
  SORTERINGEN,
  tijdstipAlsDatum,
  VERTROUWEN_KEY,
} from './api'
import { ErnstLabel, PartijLink, StatusTekst, useInTaal } from './gedeeld'
import './vertrouwen.css'

// The findings the user may see, most severe first, filtered by severity, status,
// samenwerking, party and kind of rule; filters, order and page live in the address, so
// the dashboard and the overview can link straight to "open, severity hoog".

const PAGINA_GROOTTE = 20
const KEUZES: Record<'ernst' | 'status' | 'regelSoort' | 'sorteer', readonly string[]> = {
  ernst: ERNST_NIVEAUS,
  status: BEVINDING_STATUSSEN,
  regelSoort: REGEL_SOORTEN,
  sorteer: SORTERINGEN,
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The filters of the address the API accepts; anything else is left out. */
export function filtersUit(params: URLSearchParams): BevindingFilters {
  const f: BevindingFilters = {}
  for (const [k, waarden] of Object.entries(KEUZES)) {
    const v = params.get(k)
    if (v && waarden.includes(v)) f[k as keyof typeof KEUZES] = v
  }
  for (const k of ['samenwerkingId', 'partijId'] as const) {
    const v = params.get(k)
    if (v && UUID.test(v)) f[k] = v
  }
  return f
}

function Keuze({
  naam,
  label,
  waarde,
  opties,
}: {
  naam: string
  label: string
  waarde: string
  opties: { waarde: string; label: string }[]
}) {
  const { t } = useTranslation('vertrouwen')
  // A value from a link that is not among the options (yet) stays selectable.
  const alle = waarde && !opties.some((o) => o.waarde === waarde) ? [{ waarde, label: waarde }, ...opties] : opties
  return (
    <FormFieldSelect label={label} name={naam} defaultValue={waarde}>
      <SelectOption value="">{t('lijst.alle')}</SelectOption>
      {alle.map((o) => (
        <SelectOption key={o.waarde} value={o.waarde}>
          {o.label}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

function Filters({ params, onToepassen }: { params: URLSearchParams; onToepassen: (q: URLSearchParams) => void }) {
  const { t } = useTranslation('vertrouwen')
  const samenwerkingen = useOpties('samenwerkingen')
  const organisaties = useOpties('organisaties')
  const f = filtersUit(params)
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const q = new URLSearchParams()
    for (const [k, v] of new FormData(e.currentTarget).entries()) if (typeof v === 'string' && v) q.set(k, v)
    if (q.get('sorteer') === SORTERINGEN[0]) q.delete('sorteer')
    onToepassen(q)
  }
  const actief = Object.keys(f).some((k) => k !== 'sorteer')
  return (
    <section aria-labelledby="bevindingen-filters-kop">
      <Heading level={2} appearanceLevel={4} id="bevindingen-filters-kop">
        {t('lijst.filtersKop')}
      </Heading>
      {/* biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself; <search> is not yet in React's types */}
      <form role="search" aria-label={t('lijst.filtersLabel')} className="rk-vtw-filters" onSubmit={submit}>
        <Keuze
          naam="ernst"
          label={t('lijst.ernst')}
          waarde={f.ernst ?? ''}
          opties={ERNST_NIVEAUS.map((e) => ({ waarde: e, label: t(`ernst.${e}`) }))}
        />
        <Keuze
          naam="status"
          label={t('lijst.status')}
          waarde={f.status ?? ''}
          opties={BEVINDING_STATUSSEN.map((s) => ({ waarde: s, label: t(`status.${s}`) }))}
        />
        <Keuze
          naam="samenwerkingId"
          label={t('lijst.samenwerking')}
          waarde={f.samenwerkingId ?? ''}
          opties={(samenwerkingen.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
        />
        <Keuze
          naam="partijId"
          label={t('lijst.partij')}
          waarde={f.partijId ?? ''}
          opties={(organisaties.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
        />
        <Keuze
          naam="regelSoort"
          label={t('lijst.regelSoort')}
          waarde={f.regelSoort ?? ''}
          opties={REGEL_SOORTEN.map((r) => ({ waarde: r, label: t(`regelSoort.${r}`) }))}
        />
        <FormFieldSelect label={t('lijst.sorteer')} name="sorteer" defaultValue={f.sorteer ?? SORTERINGEN[0]}>
          <SelectOption value={SORTERINGEN[0]}>{t('lijst.sorteerErnst')}</SelectOption>
          <SelectOption value={SORTERINGEN[1]}>{t('lijst.sorteerNieuw')}</SelectOption>
          <SelectOption value={SORTERINGEN[2]}>{t('lijst.sorteerPartij')}</SelectOption>
        </FormFieldSelect>
        <div className="rk-vtw-filters__knoppen">
          <Button type="submit" appearance="primary-action-button">
            {t('lijst.toepassen')}
          </Button>
          {actief && <AppLink to="/bevindingen">{t('lijst.wissen')}</AppLink>}
        </div>
      </form>
    </section>
  )
}

/** The rule in words, its id and its BIO control. */
export function Regel({ b, link }: { b: Pick<Bevinding, 'id' | 'regelSoort' | 'regelId' | 'maatregel'>; link?: boolean }) {
  const { t } = useTranslation('vertrouwen')
  const naam = t(`regelSoort.${b.regelSoort}`)
  return (
    <>
      {link ? <AppLink to={`/bevindingen/${b.id}`}>{naam}</AppLink> : naam}
      <span className="rk-vtw-klein">
        {' '}
        ({b.regelId}) · {t('maatregel', { maatregel: b.maatregel })}
      </span>
    </>
  )
}

export function BevindingenTabel({
  items,
  caption,
  zonderPartij,
  captionVerborgen,
}: {
  items: Bevinding[]
  caption: string
  zonderPartij?: boolean
  /** The caption only for assistive technology, when a heading right above says the same. */
  captionVerborgen?: boolean
}) {
  const { t } = useTranslation('vertrouwen')
  const inTaal = useInTaal()
  return (
    <div className="rk-table-wrap rk-vtw-bevindingen">
      <Table>
        <TableCaption className={captionVerborgen ? 'rk-visually-hidden' : undefined}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('lijst.kolomErnst')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('lijst.kolomRegel')}</TableHeaderCell>
            {!zonderPartij && <TableHeaderCell scope="col">{t('lijst.kolomPartij')}</TableHeaderCell>}
            <TableHeaderCell scope="col">{t('lijst.kolomUitleg')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('lijst.kolomStatus')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('lijst.kolomDatum')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((b) => (
            <TableRow key={b.id} data-bevinding={b.id}>
              <TableCell data-label={t('lijst.kolomErnst')}>
                <ErnstLabel ernst={b.ernst} />
              </TableCell>
              <TableCell data-label={t('lijst.kolomRegel')} className="rk-vtw-regel">
                <Regel b={b} link />
              </TableCell>
              {!zonderPartij && (
                <TableCell data-label={t('lijst.kolomPartij')}>
                  <PartijLink id={b.partijId} naam={b.partijNaam} />
                </TableCell>
              )}
              <TableCell data-label={t('lijst.kolomUitleg')} className="rk-vtw-uitleg">
                {inTaal(b.uitleg)}
              </TableCell>
              <TableCell data-label={t('lijst.kolomStatus')}>
                <StatusTekst b={b} />
              </TableCell>
              <TableCell data-label={t('lijst.kolomDatum')} className="rk-vtw-nowrap">
                {formatDatum(tijdstipAlsDatum(b.geopendOp))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function Bevindingen() {
  const { t } = useTranslation('vertrouwen')
  const [params, setParams] = useSearchParams()
  const filters = filtersUit(params)
  const pagina = Math.max(1, Number(params.get('pagina')) || 1)
  const vraag = { ...filters, pagina, paginaGrootte: PAGINA_GROOTTE }
  const lijst = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'bevindingen', vraag],
    queryFn: ({ signal }) => haalBevindingen(vraag, signal),
    placeholderData: keepPreviousData,
  })
  const p = lijst.data?.paginering
  const van = p ? (p.pagina - 1) * p.paginaGrootte + 1 : 0
  return (
    <>
      <PageHeading titel={t('lijst.titel')} />
      <Paragraph>{t('lijst.intro')}</Paragraph>
      <Filters key={params.toString()} params={params} onToepassen={setParams} />
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        p &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph role="status">{t('lijst.geen')}</Paragraph>
        ) : (
          <>
            <BevindingenTabel
              items={lijst.data.resultaten}
              caption={t('lijst.caption', { van, tot: van + lijst.data.resultaten.length - 1, totaal: p.totaalAantal })}
            />
            <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />
          </>
        ))}
    </>
  )
}
