import {
  Alert,
  Button,
  FormFieldSelect,
  FormFieldTextInput,
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
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { useWaardeLabel } from '../../i18n/waarden'
import { useOpties } from '../registry/api'
import { type LijstParams, useLijst, useSleutels } from './api'
import { type Filter, INFO, type Kolom, type KostenObject, type KostenPagina, magAanmaken } from './soorten'
import { useKostenPagina } from './useKostenPagina'
import { Bedrag, Getal, HoortBij, RegelNu, Verwijzing } from './Weergave'
import '../registry/registry.css'
import './kosten.css'

// The list of one cost resource: search, filters, sort and page in the address bar,
// like the registry lists, with amounts in euros.

function apiParams(pagina: KostenPagina, params: URLSearchParams): LijstParams {
  const out: LijstParams = {}
  for (const k of ['zoek', 'sorteer', 'pagina', 'paginaGrootte', ...INFO[pagina].filters.map((f) => f.param)]) {
    const v = params.get(k)
    if (v) out[k] = v
  }
  return out
}

function FilterVeld({ filter, waarde }: { filter: Filter; waarde: string }) {
  const { t } = useTranslation('kosten')
  const waardeLabel = useWaardeLabel()
  const registryDoel = filter.soort === 'ref' && filter.doel !== 'verdeelsleutels' ? filter.doel : undefined
  const opties = useOpties(registryDoel)
  const sleutels = useSleutels(filter.soort === 'ref' && filter.doel === 'verdeelsleutels')
  const label = t(`filter.${filter.param}`)
  if (filter.soort === 'jaar' || filter.soort === 'tekst') {
    return (
      <FormFieldTextInput
        label={label}
        name={filter.param}
        defaultValue={waarde}
        inputMode={filter.soort === 'jaar' ? 'numeric' : undefined}
        size={filter.soort === 'jaar' ? 6 : undefined}
        className={filter.soort === 'jaar' ? 'rk-jaarveld' : undefined}
      />
    )
  }
  const keuzes =
    filter.soort === 'keuze'
      ? filter.waarden.map((w) => ({ waarde: w, label: waardeLabel(w, filter.waarden) }))
      : filter.doel === 'verdeelsleutels'
        ? (sleutels.data ?? []).map((o) => ({ waarde: o.id, label: String(o.naam) }))
        : (opties.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))
  if (waarde && !keuzes.some((k) => k.waarde === waarde)) keuzes.unshift({ waarde, label: waarde })
  return (
    <FormFieldSelect label={label} name={filter.param} defaultValue={waarde}>
      <SelectOption value="">{t('alle')}</SelectOption>
      {keuzes.map((k) => (
        <SelectOption key={k.waarde} value={k.waarde}>
          {k.label}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

function Filters({
  pagina,
  params,
  onZoek,
}: {
  pagina: KostenPagina
  params: URLSearchParams
  onZoek: (w: Record<string, string>) => void
}) {
  const { t } = useTranslation('kosten')
  const filters = INFO[pagina].filters
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const waarden: Record<string, string> = {}
    for (const [k, v] of new FormData(e.currentTarget).entries()) if (typeof v === 'string' && v.trim()) waarden[k] = v.trim()
    onZoek(waarden)
  }
  const actief = filters.some((f) => params.get(f.param)) || Boolean(params.get('zoek'))
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself; <search> is not yet in React's types
    <form
      role="search"
      aria-label={t('registry:zoekenLabel', { soort: t(`soort.${pagina}.meervoud`) })}
      className="rk-filters"
      onSubmit={submit}
    >
      <FormFieldTextInput label={t(`zoekOp.${pagina}`)} name="zoek" type="search" defaultValue={params.get('zoek') ?? ''} />
      {filters.map((f) => (
        <FilterVeld key={f.param} filter={f} waarde={params.get(f.param) ?? ''} />
      ))}
      <div className="rk-filters__knoppen">
        <Button type="submit" appearance="primary-action-button">
          {t('common:acties.zoeken')}
        </Button>
        {actief && <Link to={`/${pagina}`}>{t('common:acties.wissen')}</Link>}
      </div>
    </form>
  )
}

export function Cel({ pagina, kolom, object }: { pagina: KostenPagina; kolom: Kolom; object: KostenObject }) {
  const { t } = useTranslation()
  const waardeLabel = useWaardeLabel()
  const v = object[kolom.veld]
  if (kolom.veld === INFO[pagina].naamVeld) return <Link to={`/${pagina}/${object.id}`}>{String(v ?? object.id)}</Link>
  switch (kolom.weergave.soort) {
    case 'bedrag':
      return <Bedrag centen={v} />
    case 'getal':
      return <Getal waarde={v} />
    case 'ref':
      return <Verwijzing doel={kolom.weergave.doel} id={v} />
    case 'hoortBij':
      return <HoortBij object={object} kort />
    case 'regelNu':
      return <RegelNu versies={object.versies} />
    case 'aantal':
      return <>{Array.isArray(v) ? v.length : 0}</>
    default: {
      if (v === undefined || v === null || v === '') return <>{t('leeg')}</>
      // A value from a fixed list (soort, categorie) reads in the UI's language.
      const keuze = INFO[pagina].velden.find((f) => f.naam === kolom.veld)
      return <>{waardeLabel(v, keuze?.soort === 'keuze' ? keuze.waarden : undefined)}</>
    }
  }
}

const sortStand = (sorteer: string, veld: string) =>
  sorteer === veld ? 'ascending' : sorteer === `-${veld}` ? 'descending' : ('none' as const)

function KolomKop({ kolom, sorteer, onSorteer }: { kolom: Kolom; sorteer: string; onSorteer?: (s: string) => void }) {
  const { t } = useTranslation('kosten')
  const label = t(`kolom.${kolom.veld}`, { defaultValue: t(`veld.${kolom.veld}`) })
  const rechts = kolom.weergave.soort === 'bedrag' || kolom.weergave.soort === 'getal'
  if (!kolom.sorteerbaar || !onSorteer)
    return (
      <TableHeaderCell scope="col" className={klassen(rechts && 'rk-getal', kolom.bijzaak && 'rk-bijzaak')}>
        {label}
      </TableHeaderCell>
    )
  const stand = sortStand(sorteer, kolom.veld)
  return (
    <th
      scope="col"
      className={klassen('utrecht-table__header-cell', rechts && 'rk-getal', kolom.bijzaak && 'rk-bijzaak')}
      aria-sort={stand}
    >
      <Button
        appearance="subtle-button"
        className="rk-sorteerknop"
        onClick={() => onSorteer(stand === 'ascending' ? `-${kolom.veld}` : kolom.veld)}
      >
        {label}
        <span aria-hidden="true" className="rk-sorteerpijl">
          {stand === 'ascending' ? '▲' : stand === 'descending' ? '▼' : '↕'}
        </span>
      </Button>
    </th>
  )
}

const celKlasse = (k: Kolom) =>
  klassen(
    k.weergave.soort === 'bedrag' || k.weergave.soort === 'getal' ? 'rk-getal' : k.veld === 'periode' ? 'rk-nowrap' : undefined,
    k.bijzaak && 'rk-bijzaak',
  )

/** Class names, leaving out the ones that do not apply. */
function klassen(...namen: (string | false | undefined)[]): string | undefined {
  return namen.filter(Boolean).join(' ') || undefined
}

export function KostenTabel({
  pagina,
  objecten,
  sorteer,
  onSorteer,
  caption,
  kolommen = INFO[pagina].kolommen,
}: {
  pagina: KostenPagina
  objecten: KostenObject[]
  sorteer: string
  onSorteer?: (s: string) => void
  caption: string
  kolommen?: Kolom[]
}) {
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <KolomKop key={k.veld} kolom={k} sorteer={sorteer} onSorteer={onSorteer} />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {objecten.map((o) => (
            <TableRow key={o.id}>
              {kolommen.map((k) => (
                <TableCell key={k.veld} className={celKlasse(k)}>
                  <Cel pagina={pagina} kolom={k} object={o} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function Lijst() {
  const pagina = useKostenPagina()
  const { t } = useTranslation('kosten')
  const ik = useCurrentIk()
  const [params, setParams] = useSearchParams()
  const verwijderd = (useLocation().state as { verwijderd?: string } | null)?.verwijderd
  const lijst = useLijst(pagina, apiParams(pagina, params))
  const titel = t(`soort.${pagina}.meervoud`)
  const sorteer = params.get('sorteer') ?? INFO[pagina].standaardSortering

  function zet(waarden: Record<string, string>) {
    const q = new URLSearchParams()
    for (const k of ['sorteer', 'paginaGrootte']) {
      const v = params.get(k)
      if (v) q.set(k, v)
    }
    for (const [k, v] of Object.entries(waarden)) q.set(k, v)
    setParams(q)
  }

  const p = lijst.data?.paginering
  const objecten = (lijst.data?.resultaten ?? []) as KostenObject[]
  return (
    <>
      <PageHeading titel={titel} />
      <Paragraph>{t(`intro.${pagina}`)}</Paragraph>
      {verwijderd && (
        <Alert type="ok" role="status">
          <Paragraph>{t('verwijderd', { naam: verwijderd })}</Paragraph>
        </Alert>
      )}
      {magAanmaken(ik, pagina) && (
        <Paragraph>
          <AppButtonLink to={`/${pagina}/nieuw`} appearance="primary-action-button">
            {t(`soort.${pagina}.nieuw`)}
          </AppButtonLink>
        </Paragraph>
      )}
      <Filters key={`${pagina}?${params}`} pagina={pagina} params={params} onZoek={zet} />
      <Paragraph role="status" className="rk-aantal">
        {p ? t('common:lijst.aantal', { count: p.totaalAantal }) : ''}
      </Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {objecten.length > 0 && (
        <KostenTabel
          pagina={pagina}
          objecten={objecten}
          sorteer={sorteer}
          caption={titel}
          onSorteer={(s) => {
            const q = new URLSearchParams(params)
            q.set('sorteer', s)
            q.delete('pagina')
            setParams(q)
          }}
        />
      )}
      {lijst.data && objecten.length === 0 && <Paragraph>{t('common:lijst.geen')}</Paragraph>}
      {p && <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />}
    </>
  )
}
