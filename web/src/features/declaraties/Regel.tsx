import { Button, TableCell, TableRow } from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBedrag } from '../../i18n/format'
import type { DeclaratieRegel } from './api'

// One line of a declaratie as a table row, with its computation folded out on request:
// the post's amount, the key's version, every step, the exact fraction and the rounding.

/** The columns of the lines table, which the folded-out computation spans. */
const KOLOMMEN = 6

/** The recipient's share as a percentage with up to 4 decimals, from the exact fraction. */
function percentage(r: DeclaratieRegel): string {
  const teller = Number(r.fractie.teller)
  const noemer = Number(r.fractie.noemer)
  if (!noemer) return '0'
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format((teller / noemer) * 100)
}

function Berekening({ r, id }: { r: DeclaratieRegel; id: string }) {
  const { t, i18n } = useTranslation('declaraties')
  return (
    <ul id={id} className="rk-decl__berekening">
      <li>{t('detail.kostenpostBedrag', { grondslag: r.grondslag, bedrag: formatBedrag(r.kostenpostBedrag) })}</li>
      <li>{t('detail.versieVanaf', { naam: r.sleutel.naam, jaar: r.sleutel.geldigVanaf })}</li>
      {r.stappen.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
        <li key={i}>
          {s.maatstaf
            ? t('detail.stapMaatstaf', {
                aandeel: s.aandeelInSleutel,
                maatstaf: s.maatstaf,
                jaar: s.jaar,
                waarde: s.waarde,
                totaal: s.totaal,
              })
            : t('detail.stap', {
                aandeel: s.aandeelInSleutel,
                regel: t(`regels.${s.regel}`, { defaultValue: s.regel }),
                waarde: s.waarde,
                totaal: s.totaal,
              })}
          {s.bron && t('detail.bron', { bron: t(`detail.bronnen.${s.bron}`) })}
        </li>
      ))}
      <li>
        {t('detail.fractie', {
          teller: r.fractie.teller,
          noemer: r.fractie.noemer,
          exact: `${r.exactBedrag.teller}/${r.exactBedrag.noemer}`,
          restcent: r.restcent ? t('detail.restcent') : '',
        })}
      </li>
      {r.afronding && r.afronding.restcenten > 0 && (
        <li>{i18n.language.startsWith('en') ? r.afronding.uitleg.en : r.afronding.uitleg.nl}</li>
      )}
      {r.eerderGedeclareerd !== undefined && (
        <li>{t('detail.eerder', { eerder: formatBedrag(r.eerderGedeclareerd), nu: formatBedrag(r.nieuwBedrag ?? 0) })}</li>
      )}
    </ul>
  )
}

export function Regel({ r, index, corr }: { r: DeclaratieRegel; index: number; corr: boolean }) {
  const { t } = useTranslation('declaraties')
  const [open, setOpen] = useState(false)
  const id = `berekening-${index}`
  return (
    <>
      <TableRow>
        <TableCell>
          {r.omschrijving}
          <br />
          <Button appearance="subtle-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
            {open ? t('detail.verbergBerekening') : t('detail.toonBerekening')}
            <span className="rk-visually-hidden"> {t('detail.berekeningVan', { omschrijving: r.omschrijving })}</span>
          </Button>
        </TableCell>
        <TableCell data-label={t('detail.periode')}>{r.periode}</TableCell>
        <TableCell data-label={t('detail.categorie')}>{r.categorie}</TableCell>
        <TableCell data-label={t('detail.sleutel')}>{r.sleutel.naam}</TableCell>
        <TableCell className="rk-decl__bedrag" data-label={t('detail.aandeel')}>
          {percentage(r)} %
        </TableCell>
        <TableCell className="rk-decl__bedrag rk-decl__regelbedrag" data-label={corr ? t('detail.verschil') : t('detail.bedrag')}>
          {formatBedrag(r.bedrag)}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow className="rk-decl__berekeningrij">
          <TableCell colSpan={KOLOMMEN}>
            <Berekening r={r} id={id} />
          </TableCell>
        </TableRow>
      )}
    </>
  )
}
