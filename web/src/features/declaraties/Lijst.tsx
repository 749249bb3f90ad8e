import {
  Alert,
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
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useSearchParams } from 'react-router'
import { get, query } from '../../api/client'
import type { Lijst as ApiLijst } from '../../api/types'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { formatBedrag } from '../../i18n/format'
import { DECLARATIES_KEY, type DeclaratieSamenvatting, PERIODE, STATUSSEN } from './api'
import './declaraties.css'

// Declaraties the user may see (sender or recipient), filtered by status and period,
// paged; filters and page live in the address bar.

const PAGINA_GROOTTE = 20

/** Whether the user may generate at all (a regisseur somewhere, or admin); the API decides per sender. */
export function magGenereren(rollen: { rol: string }[]): boolean {
  return rollen.some((r) => r.rol === 'regisseur' || r.rol === 'admin')
}

function Filters({ status, periode, onToepassen }: { status: string; periode: string; onToepassen: (s: string, p: string) => void }) {
  const { t } = useTranslation('declaraties')
  const [s, setS] = useState(status)
  const [p, setP] = useState(periode)
  const [fout, setFout] = useState<string>()
  function submit(e: FormEvent) {
    e.preventDefault()
    const periodeSchoon = p.trim().toUpperCase()
    if (periodeSchoon && !PERIODE.test(periodeSchoon)) {
      setFout(t('periodeOngeldig'))
      return
    }
    setFout(undefined)
    onToepassen(s, periodeSchoon)
  }
  return (
    <search aria-labelledby="decl-filters-kop">
      <Heading level={2} appearanceLevel={4} id="decl-filters-kop">
        {t('filters.titel')}
      </Heading>
      <form onSubmit={submit} className="rk-toolbar rk-decl__filters" noValidate>
        <FormFieldSelect label={t('filters.status')} name="status" value={s} onChange={(e) => setS((e.target as HTMLSelectElement).value)}>
          <SelectOption value="">{t('filters.alle')}</SelectOption>
          {STATUSSEN.map((x) => (
            <SelectOption key={x} value={x}>
              {t(`status.${x}`)}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldTextInput
          label={t('filters.periode')}
          name="periode"
          value={p}
          description={t('filters.periodeHulp')}
          invalid={Boolean(fout)}
          errorMessage={fout}
          onChange={(e) => setP((e.target as HTMLInputElement).value)}
        />
        <div className="rk-decl__acties">
          <Button type="submit" appearance="primary-action-button">
            {t('filters.toepassen')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setS('')
              setP('')
              setFout(undefined)
              onToepassen('', '')
            }}
          >
            {t('filters.wissen')}
          </Button>
        </div>
      </form>
    </search>
  )
}

export function Tabel({ items, caption }: { items: DeclaratieSamenvatting[]; caption: string }) {
  const { t } = useTranslation('declaraties')
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolommen.nummer')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.vanAan')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.periode')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.soort')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.status')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-decl__bedrag">
              {t('kolommen.totaal')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((d) => (
            <TableRow key={d.id}>
              <TableCell>
                <AppLink to={`/declaraties/${d.id}`}>{d.nummer ?? `${t('concept')} ${d.periode}`}</AppLink>
              </TableCell>
              <TableCell>{t('vanAan', { van: d.vanNaam, aan: d.aanNaam })}</TableCell>
              <TableCell>{d.periode}</TableCell>
              <TableCell>
                {t(`soort.${d.soort}`)}
                {d.corrigeertNummer ? ` (${d.corrigeertNummer})` : ''}
                {d.gecorrigeerdDoor.length > 0 && (
                  <span className="rk-decl__gecorrigeerd">
                    {t('gecorrigeerdDoor', { nummers: d.gecorrigeerdDoor.map((c) => c.nummer ?? t('concept')).join(', ') })}
                  </span>
                )}
              </TableCell>
              <TableCell>{t(`status.${d.status}`)}</TableCell>
              <TableCell className="rk-decl__bedrag">
                {formatBedrag(d.totaal)}
                {d.totaalNaCorrecties !== d.totaal && (
                  <span className="rk-decl__gecorrigeerd">{t('naCorrecties', { totaal: formatBedrag(d.totaalNaCorrecties) })}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function Lijst() {
  const { t } = useTranslation('declaraties')
  const ik = useCurrentIk()
  const [params, setParams] = useSearchParams()
  const melding = (useLocation().state as { melding?: string } | null)?.melding
  const status = params.get('status') ?? ''
  const periode = params.get('periode') ?? ''
  const paginaNr = Math.max(1, Number(params.get('pagina')) || 1)
  const pad = `declaraties${query({
    pagina: paginaNr,
    paginaGrootte: PAGINA_GROOTTE,
    status: (STATUSSEN as readonly string[]).includes(status) ? status : undefined,
    periode: PERIODE.test(periode) ? periode : undefined,
  })}`
  const lijst = useQuery({
    queryKey: [...DECLARATIES_KEY, 'lijst', pad],
    queryFn: ({ signal }) => get<ApiLijst<DeclaratieSamenvatting>>(pad, signal),
    placeholderData: keepPreviousData,
  })
  const p = lijst.data?.paginering
  const van = p ? (p.pagina - 1) * p.paginaGrootte + 1 : 0
  return (
    <>
      <PageHeading titel={t('titel')} />
      <Paragraph>{t('intro')}</Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {magGenereren(ik.gebruiker.rollen) && (
        <div className="rk-decl__acties">
          <AppButtonLink to="/declaraties/genereren">{t('genererenKnop')}</AppButtonLink>
        </div>
      )}
      <Filters
        key={`${status}|${periode}`}
        status={status}
        periode={periode}
        onToepassen={(s, per) => {
          const q = new URLSearchParams()
          if (s) q.set('status', s)
          if (per) q.set('periode', per)
          setParams(q)
        }}
      />
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        p &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph role="status">{t('geen')}</Paragraph>
        ) : (
          <>
            <Tabel
              items={lijst.data.resultaten}
              caption={t('caption', { van, tot: van + lijst.data.resultaten.length - 1, totaal: p.totaalAantal })}
            />
            <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />
          </>
        ))}
    </>
  )
}
