import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get } from '../../api/client'
import { ErrorAlert, Loading } from '../../components/page'
import { formatGetal } from '../../i18n/format'
import { Graaf } from '../landschap/Graaf'
import type { Landschap, Selectie } from '../landschap/model'
import type { ImpactUitkomst } from './api'
import '../landschap/landschap.css'

// The landscape graph with what the analysis touches highlighted: every node on a path
// (organisations, applicaties, landelijke voorzieningen) and every affected koppeling.
// By default only the affected part is drawn; the whole landscape can be shown with the
// rest faded. The tables below say the same in words, for keyboard and screen readers.

const TEKENBAAR = new Set(['organisatie', 'applicatie', 'voorziening'])

/** The node ids and koppeling ids the outcome names. */
export function geraakteDelen(u: ImpactUitkomst): { knopen: Set<string>; koppelingen: Set<string> } {
  const knopen = new Set<string>()
  const koppelingen = new Set<string>()
  const paden = [...u.koppelingen.map((k) => k.pad), ...u.applicaties.map((a) => a.pad), ...u.kringlopen.map((k) => k.pad)]
  for (const pad of paden)
    for (const s of pad) {
      if (s.id && TEKENBAAR.has(s.soort)) knopen.add(s.id)
      if (s.viaKoppelingId) koppelingen.add(s.viaKoppelingId)
      if (s.id && s.soort === 'koppeling') koppelingen.add(s.id)
    }
  for (const a of u.applicaties) knopen.add(a.id)
  for (const o of u.organisaties) knopen.add(o.id)
  for (const k of u.koppelingen) koppelingen.add(k.id)
  return { knopen, koppelingen }
}

export function ImpactGraaf({ u }: { u: ImpactUitkomst }) {
  const { t } = useTranslation('scenarios')
  const [alles, setAlles] = useState(false)
  const [selectie, setSelectie] = useState<Selectie>()
  const landschap = useQuery({ queryKey: ['landschap', {}], queryFn: ({ signal }) => get<Landschap>('landschap', signal) })
  const geraakt = useMemo(() => geraakteDelen(u), [u])
  const data = useMemo(() => {
    const l = landschap.data
    if (!l || alles) return l
    // Only the affected part, and the koppelingen between its nodes (tekening.ts leaves out lines to nodes not drawn).
    return { knopen: l.knopen.filter((k) => geraakt.knopen.has(k.id)), verbindingen: l.verbindingen }
  }, [landschap.data, alles, geraakt])
  const getekend = data?.knopen.length ?? 0
  const label = t('impact.graaf.label', { knopen: formatGetal(geraakt.knopen.size), koppelingen: formatGetal(geraakt.koppelingen.size) })
  const gekozen =
    selectie?.soort === 'knoop'
      ? data?.knopen.find((k) => k.id === selectie.id)?.naam
      : selectie
        ? data?.verbindingen.find((v) => v.koppelingId === selectie.id)?.naam
        : undefined
  return (
    <div className="rk-sectie">
      <Paragraph>{t('impact.graaf.uitleg')}</Paragraph>
      <label className="rk-impact-schakel">
        <input
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={alles}
          onChange={(e) => setAlles((e.target as HTMLInputElement).checked)}
        />
        {t('impact.graaf.alles')}
      </label>
      <ErrorAlert error={landschap.error} />
      {landschap.isPending && <Loading />}
      {data && getekend === 0 && <Paragraph>{t('impact.graaf.leeg')}</Paragraph>}
      {data && getekend > 0 && (
        <>
          <Graaf data={data} selectie={selectie} centreer={false} onSelect={setSelectie} label={label} geraakt={geraakt} />
          <Paragraph className="rk-impact-legenda">
            <span className="rk-impact-legenda__geraakt" aria-hidden="true" /> {t('impact.graaf.legenda')}
          </Paragraph>
          <Paragraph role="status">{gekozen ? t('impact.graaf.gekozen', { naam: gekozen }) : ''}</Paragraph>
        </>
      )}
    </div>
  )
}
