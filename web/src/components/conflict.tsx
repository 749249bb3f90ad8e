import {
  Alert,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/client'
import { formatTijdstip } from '../i18n/format'
import { beginKeuzes, type Kant, type Keuze, samenvoegen, type Veldstaat, vergelijk } from './conflict-logica'
import './conflict.css'

// The one edit-conflict screen of every form that saves with If-Match (registry objects,
// cost objects, business cases, users). After a 412 it puts the person's version and the
// stored one side by side, field by field, marks what differs (a word and a sign, not
// colour alone), and lets the person choose per differing field which value stays. The
// form then holds that choice, and its next save goes against the current version.

export type { Keuze }

export interface Conflictinfo {
  /** Who saved the current version (from the 412), when known. */
  door?: string
  /** When (the stored object's gewijzigdOp). */
  op?: string
  revisie: number
}

/** What the 412 and the freshly read object say about the version saved in between. */
export function conflictinfo(err: unknown, huidig: { revisie: number; gewijzigdOp?: unknown }): Conflictinfo {
  const body = err instanceof ApiProblem ? err.body : undefined
  const door = body?.huidigeRevisie === huidig.revisie ? body.gewijzigdDoor : undefined
  return { door, op: typeof huidig.gewijzigdOp === 'string' ? huidig.gewijzigdOp : undefined, revisie: huidig.revisie }
}

export interface ConflictStaat<C> {
  mijn: C
  ander: C
  staten: Veldstaat[]
  keuzes: Record<string, Keuze>
  info: Conflictinfo
  /** Counts the conflicts, so a second one focuses the comparison again. */
  nummer: number
}

/**
 * A form's conflict state. `start` is the version the form was filled from; `waarde`
 * gives a field's comparable value (e.g. amounts as cents, so "12.345,67" and "12345,67"
 * are the same). `begin` returns the form values to continue with.
 */
export function useConflict<C extends object>(start: C, sleutels: readonly string[], waarde: (c: C, sleutel: string) => unknown) {
  const basis = useRef(start)
  const [staat, setStaat] = useState<ConflictStaat<C>>()
  function begin(mijn: C, ander: C, info: Conflictinfo): C {
    const versies: Record<Kant, C> = { basis: basis.current, mijn, ander }
    const staten = vergelijk(sleutels, (kant, sleutel) => waarde(versies[kant], sleutel))
    const keuzes = beginKeuzes(staten)
    // The next save goes against the current version: that is the person's new basis.
    basis.current = ander
    setStaat((s) => ({ mijn, ander, staten, keuzes, info, nummer: (s?.nummer ?? 0) + 1 }))
    return samenvoegen(mijn, ander, keuzes)
  }
  /** The person's choice for one field; returns the value the form takes. */
  function kies(sleutel: string, keuze: Keuze): unknown {
    setStaat((s) => s && { ...s, keuzes: { ...s.keuzes, [sleutel]: keuze } })
    const bron = keuze === 'mijn' ? staat?.mijn : staat?.ander
    return (bron as Record<string, unknown> | undefined)?.[sleutel]
  }
  /** Saved: no conflict any more, and the saved version is the new basis. */
  function klaar(opgeslagen: C) {
    basis.current = opgeslagen
    setStaat(undefined)
  }
  return { staat, begin, kies, klaar }
}

export interface ConflictRij {
  sleutel: string
  label: string
  /** The person's value and the stored one, as a person reads them (euros, names, dates). */
  mijn: ReactNode
  ander: ReactNode
}

function Wie({ staat }: { staat: Veldstaat }) {
  const { t } = useTranslation()
  const wie = staat.doorMij && staat.doorAnder ? 'doorBeiden' : staat.doorMij ? 'doorU' : 'doorAnder'
  return (
    <span className="rk-conflict__merk">
      <span aria-hidden="true">≠ </span>
      {t('vergelijking.verschilt')}
      <span className="rk-conflict__wie"> ({t(`vergelijking.${wie}`)})</span>
    </span>
  )
}

function KeuzeVeld({ rij, keuze, onKeuze }: { rij: ConflictRij; keuze: Keuze; onKeuze: (k: Keuze) => void }) {
  const { t } = useTranslation()
  const naam = useId()
  return (
    <fieldset className="rk-conflict__keuze">
      <legend className="rk-visually-hidden">{t('vergelijking.keuzeLegend', { veld: rij.label })}</legend>
      {(['mijn', 'ander'] as const).map((k) => (
        <label key={k}>
          <input
            type="radio"
            className="utrecht-radio-button utrecht-radio-button--html-input"
            name={naam}
            value={k}
            checked={keuze === k}
            onChange={() => onKeuze(k)}
          />
          {t(`vergelijking.${k}`)}
        </label>
      ))}
    </fieldset>
  )
}

/** The comparison with a choice per differing field; fields that are equal are shown once, plainly. */
export function Conflictvergelijking<C>({
  staat,
  rijen,
  onKeuze,
}: {
  staat: ConflictStaat<C>
  rijen: ConflictRij[]
  onKeuze: (sleutel: string, keuze: Keuze) => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every new conflict
  useEffect(() => {
    ref.current?.focus()
  }, [staat.nummer])
  const { door, op, revisie } = staat.info
  const tijdstip = formatTijdstip(op)
  const staten = new Map(staat.staten.map((s) => [s.sleutel, s]))
  const aantal = staat.staten.filter((s) => s.verschilt).length
  const opgeslagen = door ? t('vergelijking.opgeslagen', { naam: door, tijdstip }) : t('vergelijking.opgeslagenOnbekend', { tijdstip })
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="conflict-kop" className="rk-error-summary rk-conflict" data-conflict={revisie}>
      <Alert type="warning">
        <Heading level={2} appearanceLevel={4} id="conflict-kop">
          {t('vergelijking.titel')}
        </Heading>
        <Paragraph>
          {door ? t('vergelijking.door', { naam: door, tijdstip, revisie }) : t('vergelijking.doorOnbekend', { tijdstip, revisie })}{' '}
          {t('vergelijking.aantal', { count: aantal })}
        </Paragraph>
        <Paragraph>{t('vergelijking.uitleg')}</Paragraph>
      </Alert>
      <div className="rk-table-wrap">
        <Table className="rk-conflict__tabel">
          <TableCaption>{t('vergelijking.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('vergelijking.veld')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('vergelijking.uwWaarde')}</TableHeaderCell>
              <TableHeaderCell scope="col">{opgeslagen}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('vergelijking.bewaren')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rijen.map((rij) => {
              const s = staten.get(rij.sleutel)
              const verschilt = Boolean(s?.verschilt)
              return (
                <TableRow
                  key={rij.sleutel}
                  className={verschilt ? 'rk-conflict__rij rk-conflict__rij--verschil' : 'rk-conflict__rij'}
                  data-veld={rij.sleutel}
                  data-verschilt={verschilt}
                >
                  <TableHeaderCell scope="row">
                    {rij.label}
                    {verschilt && s && (
                      <>
                        <br />
                        <Wie staat={s} />
                      </>
                    )}
                  </TableHeaderCell>
                  <TableCell className="rk-conflict__waarde">{rij.mijn}</TableCell>
                  <TableCell className="rk-conflict__waarde">
                    {verschilt ? rij.ander : <span className="rk-conflict__gelijk">{t('vergelijking.gelijk')}</span>}
                  </TableCell>
                  <TableCell>
                    {verschilt ? (
                      <KeuzeVeld rij={rij} keuze={staat.keuzes[rij.sleutel] ?? 'mijn'} onKeuze={(k) => onKeuze(rij.sleutel, k)} />
                    ) : null}
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  )
}
