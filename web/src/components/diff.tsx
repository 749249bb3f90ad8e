import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './diff.css'

// The before/after difference of an audit entry, field by field, in one table layout
// (VoorNaTabel) for both views: the readable one (features/auditlog/weergave.tsx) and the
// raw one here, where only changed properties are shown and nested values are printed as
// indented JSON so a reviewer can read what the hash chain covers.

export interface Veldverschil {
  veld: string
  voor: unknown
  na: unknown
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. */
function canoniek(v: unknown): string {
  return JSON.stringify(v, (_k, value) =>
    isRecord(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  )
}

// Bookkeeping every change touches; listed after the fields a person changed.
const METADATA = new Set(['id', 'revisie', 'aangemaaktOp', 'gewijzigdOp', 'toegestaneActies'])

/** The fields that differ between two states (either may be null: created / deleted). */
export function veldverschillen(voor: unknown, na: unknown): Veldverschil[] {
  const a = isRecord(voor) ? voor : voor == null ? {} : { waarde: voor }
  const b = isRecord(na) ? na : na == null ? {} : { waarde: na }
  const alle = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  const velden = [...alle.filter((v) => !METADATA.has(v)), ...alle.filter((v) => METADATA.has(v))]
  return velden
    .filter((veld) => canoniek(a[veld] ?? null) !== canoniek(b[veld] ?? null))
    .map((veld) => ({ veld, voor: a[veld], na: b[veld] }))
}

function Waarde({ waarde }: { waarde: unknown }) {
  const { t } = useTranslation()
  if (waarde === undefined || waarde === null || waarde === '') return <span className="rk-diff__leeg">{t('leeg')}</span>
  if (typeof waarde === 'boolean') return <>{waarde ? t('ja') : t('nee')}</>
  if (typeof waarde === 'string' || typeof waarde === 'number') return <>{String(waarde)}</>
  return <pre className="rk-diff__json">{JSON.stringify(waarde, null, 2)}</pre>
}

/** A table of fields, each with its value before and after; a sentence instead when nothing differs. */
export function VoorNaTabel({
  caption,
  rijen,
}: {
  caption: string
  rijen: { sleutel: string; veld: ReactNode; voor: ReactNode; na: ReactNode }[]
}) {
  const { t } = useTranslation('auditlog')
  if (rijen.length === 0) return <Paragraph>{t('geenVerschil')}</Paragraph>
  return (
    <div className="rk-table-wrap">
      <Table className="rk-diff">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('diff.veld')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('diff.voor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('diff.na')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((r) => (
            <TableRow key={r.sleutel}>
              <TableHeaderCell scope="row">{r.veld}</TableHeaderCell>
              <TableCell className="rk-diff__voor">{r.voor}</TableCell>
              <TableCell className="rk-diff__na">{r.na}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

/** The stored difference, as the hash chain covers it: property names and raw values. */
export function DiffTable({ voor, na, caption }: { voor: unknown; na: unknown; caption: string }) {
  return (
    <VoorNaTabel
      caption={caption}
      rijen={veldverschillen(voor, na).map((v) => ({
        sleutel: v.veld,
        veld: v.veld,
        voor: <Waarde waarde={v.voor} />,
        na: <Waarde waarde={v.na} />,
      }))}
    />
  )
}
