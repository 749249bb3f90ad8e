import { Button, FormFieldSelect, Heading, Paragraph, SelectOption } from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get, query } from '../../api/client'
import type { Lijst, Samenwerking } from '../../api/types'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatGetal } from '../../i18n/format'
import { GROOT, Graaf } from './Graaf'
import { KnopenTabel, KoppelingenTabel } from './KnopenTabel'
import {
  FILTER_KEYS,
  type Filters,
  filtersFrom,
  indexeer,
  type Landschap as LandschapData,
  type Selectie,
  SOORT_VOLGORDE,
  selectieFrom,
} from './model'
import { Paneel } from './Paneel'
import { elementen, getekendeKoppelingen, lijnenPerKnoop } from './tekening'
import './landschap.css'

// The landschap page: filters (kept in the URL), the graph with a side panel, and the
// same nodes as a select and a table for keyboard and screen-reader users.

const landschapKey = (f: Filters) => ['landschap', f] as const
const fetchLandschap = (f: Filters, signal?: AbortSignal) => get<LandschapData>(`landschap${query({ ...f })}`, signal)

function FilterSelect(props: { label: string; value: string; onChange(v: string): void; options: [string, string][] }) {
  return (
    <FormFieldSelect className="rk-filter" label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map(([v, l]) => (
        <SelectOption key={v} value={v}>
          {l}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

export default function Landschap() {
  const { t } = useTranslation('landschap')
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const selectie = selectieFrom(params)
  // Whether the last selection came from the canvas (then the view stays put).
  const [vanCanvas, setVanCanvas] = useState(false)
  const paneelKop = useRef<HTMLHeadingElement>(null)

  const landschap = useQuery({
    queryKey: landschapKey(filters),
    queryFn: ({ signal }) => fetchLandschap(filters, signal),
    placeholderData: keepPreviousData,
  })
  // Organisations to filter on: those in the graph of the chosen samenwerking before the
  // other filters narrow it (the same request as the graph when no other filter is set).
  const basisFilters: Filters = filters.samenwerkingId ? { samenwerkingId: filters.samenwerkingId } : {}
  const basis = useQuery({ queryKey: landschapKey(basisFilters), queryFn: ({ signal }) => fetchLandschap(basisFilters, signal) })
  const samenwerkingen = useQuery({
    queryKey: ['samenwerkingen', 'keuzelijst'],
    queryFn: ({ signal }) => get<Lijst<Samenwerking>>('samenwerkingen?paginaGrootte=200', signal),
  })

  const data = landschap.data
  const index = useMemo(() => (data ? indexeer(data) : undefined), [data])
  // What the graph draws, counted for the tables and the status line (one source: tekening.ts).
  const getekend = useMemo(() => {
    if (!data) return undefined
    const els = elementen(data)
    return {
      lijnen: lijnenPerKnoop(els),
      koppelingen: getekendeKoppelingen(data, els),
      aantal: els.filter((e) => e.group === 'edges').length,
    }
  }, [data])

  const zet = (wijziging: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(wijziging)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setParams(next, { replace: true })
  }
  const kies = (s: Selectie | undefined, bron: 'canvas' | 'lijst' | 'tabel') => {
    setVanCanvas(bron === 'canvas')
    zet({ knoop: s?.soort === 'knoop' ? s.id : undefined, koppeling: s?.soort === 'koppeling' ? s.id : undefined })
    if (bron === 'tabel') paneelKop.current?.focus()
  }
  const filter = (key: (typeof FILTER_KEYS)[number], v: string) => zet({ [key]: v || undefined, knoop: undefined, koppeling: undefined })

  const organisaties = (basis.data?.knopen ?? []).filter((k) => k.soort === 'organisatie')
  const alle = t('filters.alle')

  return (
    <>
      <PageHeading titel={t('titel')} />
      <Paragraph>{t('intro')}</Paragraph>
      <section aria-labelledby="landschap-filters" className="rk-landschap__filters">
        <Heading level={2} appearanceLevel={4} id="landschap-filters">
          {t('filters.kop')}
        </Heading>
        <div className="rk-toolbar">
          <FilterSelect
            label={t('filters.samenwerking')}
            value={filters.samenwerkingId ?? ''}
            onChange={(v) => filter('samenwerkingId', v)}
            options={[['', alle], ...(samenwerkingen.data?.resultaten ?? []).map((s): [string, string] => [s.id, s.naam])]}
          />
          <FilterSelect
            label={t('filters.organisatie')}
            value={filters.organisatieId ?? ''}
            onChange={(v) => filter('organisatieId', v)}
            options={[['', alle], ...organisaties.map((o): [string, string] => [o.id, o.naam])]}
          />
          <FilterSelect
            label={t('filters.vertrouwelijkheid')}
            value={filters.vertrouwelijkheid ?? ''}
            onChange={(v) => filter('vertrouwelijkheid', v)}
            options={[
              ['', alle],
              ['laag', t('biv.laag')],
              ['midden', t('biv.midden')],
              ['hoog', t('biv.hoog')],
            ]}
          />
          <FilterSelect
            label={t('filters.persoonsgegevens')}
            value={filters.persoonsgegevens ?? ''}
            onChange={(v) => filter('persoonsgegevens', v)}
            options={[
              ['', alle],
              ['true', t('filters.ja')],
              ['false', t('filters.nee')],
            ]}
          />
          {FILTER_KEYS.some((k) => filters[k]) ? (
            <Button appearance="secondary-action-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('filters.wissen')}
            </Button>
          ) : null}
        </div>
      </section>

      {landschap.error ? <ErrorAlert error={landschap.error} /> : null}
      {landschap.isPending ? <Loading /> : null}
      {data && index && getekend ? (
        <>
          <Paragraph role="status" className="rk-landschap__aantal">
            {t('graaf.aantal', {
              knopen: formatGetal(data.knopen.length),
              verbindingen: formatGetal(getekend.aantal),
              koppelingen: formatGetal(getekend.koppelingen.length),
            })}
            {data.knopen.length > GROOT ? ` ${t('graaf.groot')}` : ''}
          </Paragraph>
          {data.knopen.length === 0 ? (
            <Paragraph>{t('graaf.leeg')}</Paragraph>
          ) : (
            <>
              <FormFieldSelect
                className="rk-filter"
                label={t('graaf.kies')}
                value={selectie ? `${selectie.soort}:${selectie.id}` : ''}
                onChange={(e) => {
                  const [soort, ...rest] = e.target.value.split(':')
                  const id = rest.join(':')
                  kies(id && (soort === 'knoop' || soort === 'koppeling') ? { soort, id } : undefined, 'lijst')
                }}
              >
                <SelectOption value="">{t('graaf.geenKeuze')}</SelectOption>
                {SOORT_VOLGORDE.map((soort) => (
                  <optgroup key={soort} label={t(`soortMeervoud.${soort}`)}>
                    {data.knopen
                      .filter((k) => k.soort === soort)
                      .map((k) => (
                        <option key={k.id} value={`knoop:${k.id}`}>
                          {k.naam}
                        </option>
                      ))}
                  </optgroup>
                ))}
                {getekend.koppelingen.length > 0 && (
                  <optgroup label={t('soortMeervoud.koppeling')}>
                    {getekend.koppelingen.map((v) => (
                      <option key={v.koppelingId} value={`koppeling:${v.koppelingId}`}>
                        {v.naam}
                      </option>
                    ))}
                  </optgroup>
                )}
              </FormFieldSelect>
              <div className="rk-landschap">
                <div className="rk-landschap__graaf">
                  <Graaf
                    data={data}
                    selectie={selectie}
                    centreer={!vanCanvas}
                    onSelect={(s) => kies(s, 'canvas')}
                    label={t('graaf.label', { knopen: data.knopen.length, verbindingen: getekend.aantal })}
                  />
                  <Legenda />
                </div>
                <Paneel index={index} selectie={selectie} onSelect={(s) => kies(s, 'tabel')} headingRef={paneelKop} />
              </div>
              <KnopenTabel data={data} lijnen={getekend.lijnen} onSelect={(id) => kies({ soort: 'knoop', id }, 'tabel')} />
              <KoppelingenTabel
                koppelingen={getekend.koppelingen}
                index={index}
                onSelect={(id) => kies({ soort: 'koppeling', id }, 'tabel')}
              />
            </>
          )}
        </>
      ) : null}
    </>
  )
}

function Legenda() {
  const { t } = useTranslation('landschap')
  return (
    <div className="rk-legenda">
      <p className="rk-legenda__kop" id="landschap-legenda">
        {t('legenda.kop')}
      </p>
      <ul aria-labelledby="landschap-legenda">
        <li>
          <span className="rk-legenda__knoop rk-legenda__knoop--organisatie" aria-hidden="true" /> {t('soort.organisatie')}
        </li>
        <li>
          <span className="rk-legenda__knoop rk-legenda__knoop--applicatie" aria-hidden="true" /> {t('soort.applicatie')}
        </li>
        <li>
          <span className="rk-legenda__knoop rk-legenda__knoop--voorziening" aria-hidden="true" /> {t('soort.voorziening')}
        </li>
        <li>
          <span className="rk-legenda__lijn rk-legenda__lijn--gebruikt" aria-hidden="true" /> {t('legenda.gebruikt')}
        </li>
        <li>
          <span className="rk-legenda__lijn rk-legenda__lijn--laag" aria-hidden="true" /> {t('legenda.koppelingLaag')}
        </li>
        <li>
          <span className="rk-legenda__lijn rk-legenda__lijn--midden" aria-hidden="true" /> {t('legenda.koppelingMidden')}
        </li>
        <li>
          <span className="rk-legenda__lijn rk-legenda__lijn--hoog" aria-hidden="true" /> {t('legenda.koppelingHoog')}
        </li>
        <li>
          <span className="rk-legenda__lijn rk-legenda__lijn--persoonsgegevens" aria-hidden="true" /> {t('legenda.persoonsgegevens')}
        </li>
      </ul>
    </div>
  )
}
