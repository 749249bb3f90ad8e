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
import { useTranslation } from 'react-i18next'
import './diff.css'

// The before/after difference of an audit entry, field by field. Only changed fields
// are shown; nested values are printed as indented JSON so a reviewer can read them.

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

export function DiffTable({ voor, na, caption }: { voor: unknown; na: unknown; caption: string }) {
  const { t } = useTranslation('auditlog')
  const verschillen = veldverschillen(voor, na)
  if (verschillen.length === 0) return <Paragraph>{t('geenVerschil')}</Paragraph>
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
          {verschillen.map((v) => (
            <TableRow key={v.veld}>
              <TableHeaderCell scope="row">{v.veld}</TableHeaderCell>
              <TableCell className="rk-diff__voor">
                <Waarde waarde={v.voor} />
              </TableCell>
              <TableCell className="rk-diff__na">
                <Waarde waarde={v.na} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
