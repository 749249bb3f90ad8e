import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDatum } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { Eindpunt, ToegangObjectWeergave } from './Gegevens'
import { useNaam } from './naam'
import { RefLink } from './RefLink'
import { type Kolom, naamVeld, type RegistryObject, type Soort } from './soorten'
import { VELDEN } from './velden'

// A page of objects as a table. The name links to the detail page; sortable columns
// carry aria-sort and a button that toggles the order.

function Naam({ soort, object }: { soort: Soort; object: RegistryObject }) {
  return <Link to={`/${soort}/${object.id}`}>{useNaam(soort, object)}</Link>
}

function Cel({ soort, kolom, object }: { soort: Soort; kolom: Kolom; object: RegistryObject }) {
  const { t } = useTranslation('registry')
  const waardeLabel = useWaardeLabel()
  const w = kolom.weergave
  if (kolom.veld === naamVeld(soort)) return <Naam soort={soort} object={object} />
  const v = object[kolom.veld]
  switch (w.soort) {
    case 'janee':
      return <>{v !== undefined && v !== null && v !== false ? t('common:ja') : t('common:nee')}</>
    case 'toegangobject':
      return <ToegangObjectWeergave waarde={v} />
    case 'eindpunt':
      return <Eindpunt object={object} kant={w.kant} />
    case 'aantal':
      return <>{Array.isArray(v) ? v.length : 0}</>
    case 'datum':
      return <>{v ? formatDatum(String(v)) : t('common:leeg')}</>
    case 'ref':
      return typeof v === 'string' && v ? <RefLink soort={w.doel} id={v} /> : t('common:leeg')
    default: {
      if (v === undefined || v === null || v === '') return <>{t('common:leeg')}</>
      // A value from a fixed list (type, status, …) reads in the UI's language.
      const keuze = VELDEN[soort].find((f) => f.naam === kolom.veld && f.soort === 'keuze')
      return <>{keuze?.soort === 'keuze' ? waardeLabel(v, keuze.waarden) : String(v)}</>
    }
  }
}

/** `naam` → ascending, `-naam` → descending, other column → none. */
function sortStand(sorteer: string, veld: string): 'ascending' | 'descending' | 'none' {
  if (sorteer === veld) return 'ascending'
  if (sorteer === `-${veld}`) return 'descending'
  return 'none'
}

function KolomKop({ kolom, sorteer, onSorteer }: { kolom: Kolom; sorteer: string; onSorteer: (s: string) => void }) {
  const { t } = useTranslation('registry')
  const sleutel = kolom.label ?? kolom.veld
  const label = t(`kolom.${sleutel}`, { defaultValue: t(`veld.${sleutel}`) })
  const bijzaak = kolom.bijzaak ? 'rk-bijzaak' : undefined
  if (!kolom.sorteerbaar)
    return (
      <TableHeaderCell scope="col" className={bijzaak}>
        {label}
      </TableHeaderCell>
    )
  const stand = sortStand(sorteer, kolom.veld)
  // The library's sortable header drops aria-sort; a plain th with its class keeps both.
  return (
    <th scope="col" className={bijzaak ? `utrecht-table__header-cell ${bijzaak}` : 'utrecht-table__header-cell'} aria-sort={stand}>
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

export function ListTable({
  soort,
  kolommen,
  objecten,
  sorteer,
  onSorteer,
  caption,
}: {
  soort: Soort
  kolommen: Kolom[]
  objecten: RegistryObject[]
  sorteer: string
  onSorteer?: (s: string) => void
  caption: string
}) {
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <KolomKop
                key={k.veld}
                kolom={onSorteer ? k : { ...k, sorteerbaar: false }}
                sorteer={sorteer}
                onSorteer={onSorteer ?? (() => {})}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {objecten.map((o) => (
            <TableRow key={o.id}>
              {kolommen.map((k) => (
                <TableCell key={k.veld} className={k.bijzaak ? 'rk-bijzaak' : undefined}>
                  <Cel soort={soort} kolom={k} object={o} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
