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
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatBedrag, formatDatum, formatGetal } from '../../i18n/format'
import { type ImpactUitkomst, inTaal, type PadStap } from './api'
import { ImpactGraaf } from './ImpactGraaf'

// The outcome of an impact analysis as tables: what a person reads, and what a keyboard
// or screen-reader user gets instead of the graph (which shows the same nodes and
// koppelingen). Shared by the preview in the builder and the scenario's own page.

/** A path as one line: "Wijdemeren → gastheerschap Belastingen → Key2Belastingen → Gegevensmakelaar". */
export function Pad({ pad }: { pad: PadStap[] }) {
  const { t } = useTranslation('scenarios')
  const stap = (s: PadStap) =>
    s.soort === 'gastheerschap' || s.soort === 'samenwerking' || s.soort === 'koppeling'
      ? t(`impact.stap.${s.soort}`, { naam: s.naam })
      : s.soort === 'verborgen'
        ? t('impact.stap.verborgen')
        : s.naam
  return <span className="rk-impact-pad">{pad.map(stap).join(' → ')}</span>
}

/** An amount; a difference says its sign, and paying more (positive) stands out. */
export function Bedrag({ centen, verschil = false }: { centen: number; verschil?: boolean }) {
  if (!verschil) return <span>{formatBedrag(centen)}</span>
  return <span className={centen > 0 ? 'rk-negatief' : undefined}>{centen > 0 ? `+${formatBedrag(centen)}` : formatBedrag(centen)}</span>
}

function Eigenaar({ id, naam }: { id: string; naam: string }) {
  return <Link to={`/organisaties/${id}`}>{naam}</Link>
}

/** The last two cells of every consequence: who must act, and what. */
function EigenaarEnActie({ gevolg }: { gevolg: { eigenaarId: string; eigenaarNaam: string; actie: { nl: string; en: string } } }) {
  return (
    <>
      <TableCell>
        <Eigenaar id={gevolg.eigenaarId} naam={gevolg.eigenaarNaam} />
      </TableCell>
      <TableCell>{inTaal(gevolg.actie)}</TableCell>
    </>
  )
}

/** A table with its caption as title, or one sentence when there is nothing to list. */
function Lijst({
  titel,
  aantal,
  leeg,
  kolommen,
  niveau = 3,
  children,
}: {
  titel: string
  aantal: number
  leeg: string
  kolommen: string[]
  niveau?: 3 | 4
  children: ReactNode
}) {
  if (aantal === 0)
    return (
      <div className="rk-sectie">
        <Heading level={niveau} appearanceLevel={5}>
          {titel}
        </Heading>
        <Paragraph>{leeg}</Paragraph>
      </div>
    )
  return (
    <div className="rk-table-wrap rk-sectie">
      <Table className="rk-impact-tabel">
        <TableCaption className="rk-tabel-titel">{`${titel} (${formatGetal(aantal)})`}</TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <TableHeaderCell key={k} scope="col">
                {k}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  )
}

function Aantallen({ u }: { u: ImpactUitkomst }) {
  const { t } = useTranslation('scenarios')
  const a = u.aantallen
  const rijen: [string, number][] = [
    [t('impact.aantal.gastheerschappen'), a.gastheerschappen],
    [t('impact.aantal.koppelingen'), a.koppelingen],
    [t('impact.aantal.koppelingenGevoelig'), a.koppelingenGevoelig],
    [t('impact.aantal.koppelingenViaTussenschakel'), a.koppelingenViaTussenschakel],
    [t('impact.aantal.applicaties'), a.applicaties],
    [t('impact.aantal.organisaties'), a.organisaties],
    [t('impact.aantal.contracten'), a.contracten],
    [t('impact.aantal.toegangen'), a.toegangen],
    [t('impact.aantal.bevindingen'), a.bevindingen],
  ]
  return (
    <dl className="rk-impact-aantallen">
      {rijen.map(([l, n]) => (
        <div key={l}>
          <dt>{l}</dt>
          <dd>{formatGetal(n)}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Uitkomst({ u, kop = 2 }: { u: ImpactUitkomst; kop?: 2 | 3 }) {
  const { t } = useTranslation('scenarios')
  const k = u.kosten
  const sub = (kop + 1) as 3 | 4
  return (
    <>
      <Alert type={u.openRisicos.length > 0 ? 'warning' : 'info'}>
        <Paragraph>{inTaal(u.samenvatting)}</Paragraph>
        <Paragraph>{t('impact.peildatum', { datum: formatDatum(u.peildatum) })}</Paragraph>
      </Alert>
      <Aantallen u={u} />

      <Heading level={kop}>{t('impact.openRisicos')}</Heading>
      {u.openRisicos.length === 0 ? (
        <Paragraph>{t('impact.geenRisicos')}</Paragraph>
      ) : (
        <UnorderedList>
          {u.openRisicos.map((r) => (
            <UnorderedListItem key={r.nl}>{inTaal(r)}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      <Heading level={kop}>{t('impact.graaf.titel')}</Heading>
      <ImpactGraaf u={u} />

      <Heading level={kop}>{t('impact.gevolgen')}</Heading>
      <Paragraph>{t('impact.gevolgenUitleg')}</Paragraph>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.koppelingen')}
        aantal={u.koppelingen.length}
        leeg={t('impact.geen.koppelingen')}
        kolommen={[
          t('impact.kolom.koppeling'),
          t('impact.kolom.betrokkenheid'),
          t('impact.kolom.pad'),
          t('impact.kolom.eigenaar'),
          t('impact.kolom.actie'),
        ]}
      >
        {u.koppelingen.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/koppelingen/${r.id}`}>{r.naam}</Link>
              {(r.vertrouwelijkheid === 'hoog' || r.persoonsgegevens) && (
                <span className="rk-impact-gevoelig">
                  {[
                    r.vertrouwelijkheid === 'hoog' ? t('impact.vertrouwelijkheidHoog') : undefined,
                    r.persoonsgegevens ? t('impact.persoonsgegevens') : undefined,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              )}
            </TableHeaderCell>
            <TableCell>{t(`impact.betrokkenheid.${r.betrokkenheid}`)}</TableCell>
            <TableCell>
              <Pad pad={r.pad} />
            </TableCell>
            <EigenaarEnActie gevolg={r} />
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.gastheerschappen')}
        aantal={u.gastheerschappen.length}
        leeg={t('impact.geen.gastheerschappen')}
        kolommen={[t('impact.kolom.gastheerschap'), t('impact.kolom.eigenaar'), t('impact.kolom.actie')]}
      >
        {u.gastheerschappen.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/gastheerschappen/${r.id}`}>{r.taak}</Link>
            </TableHeaderCell>
            <EigenaarEnActie gevolg={r} />
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.applicaties')}
        aantal={u.applicaties.length}
        leeg={t('impact.geen.applicaties')}
        kolommen={[t('impact.kolom.applicatie'), t('impact.kolom.pad'), t('impact.kolom.eigenaar'), t('impact.kolom.actie')]}
      >
        {u.applicaties.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/applicaties/${r.id}`}>{r.naam}</Link>
            </TableHeaderCell>
            <TableCell>
              <Pad pad={r.pad} />
            </TableCell>
            <EigenaarEnActie gevolg={r} />
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.organisaties')}
        aantal={u.organisaties.length}
        leeg={t('impact.geen.organisaties')}
        kolommen={[t('impact.kolom.organisatie'), t('impact.kolom.rollen'), t('impact.kolom.acties')]}
      >
        {u.organisaties.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Eigenaar id={r.id} naam={r.naam} />
            </TableHeaderCell>
            <TableCell>{r.rollen.map((rol) => t(`impact.rol.${rol}`, { defaultValue: rol })).join(', ')}</TableCell>
            <TableCell className="rk-bedrag">{formatGetal(r.acties)}</TableCell>
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.contracten')}
        aantal={u.contracten.length}
        leeg={t('impact.geen.contracten')}
        kolommen={[t('impact.kolom.contract'), t('impact.kolom.leverancier'), t('impact.kolom.eigenaar'), t('impact.kolom.actie')]}
      >
        {u.contracten.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/contracten/${r.id}`}>{r.omschrijving}</Link>
            </TableHeaderCell>
            <TableCell>{r.leverancierNaam}</TableCell>
            <EigenaarEnActie gevolg={r} />
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.toegangen')}
        aantal={u.toegangen.length}
        leeg={t('impact.geen.toegangen')}
        kolommen={[t('impact.kolom.partij'), t('impact.kolom.eigenaar'), t('impact.kolom.actie')]}
      >
        {u.toegangen.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row">
              <Link to={`/toegangen/${r.id}`}>{r.partijNaam}</Link>
            </TableHeaderCell>
            <EigenaarEnActie gevolg={r} />
          </TableRow>
        ))}
      </Lijst>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.bevindingen')}
        aantal={u.bevindingen.length}
        leeg={t('impact.geen.bevindingen')}
        kolommen={[t('impact.kolom.partij'), t('impact.kolom.ernst'), t('impact.kolom.bevinding'), t('impact.kolom.maatregel')]}
      >
        {u.bevindingen.map((r, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id of their own
          <TableRow key={n}>
            <TableHeaderCell scope="row">{r.partijNaam}</TableHeaderCell>
            <TableCell>{r.ernst}</TableCell>
            <TableCell>{inTaal(r.titel)}</TableCell>
            <TableCell>{r.maatregel}</TableCell>
          </TableRow>
        ))}
      </Lijst>
      {u.kringlopen.length > 0 && (
        <Lijst niveau={sub} titel={t('impact.tabel.kringlopen')} aantal={u.kringlopen.length} leeg="" kolommen={[t('impact.kolom.pad')]}>
          {u.kringlopen.map((r, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a cycle is only its path
            <TableRow key={n}>
              <TableCell>
                <Pad pad={r.pad} />
              </TableCell>
            </TableRow>
          ))}
        </Lijst>
      )}

      <Heading level={kop}>{t('impact.kosten.titel')}</Heading>
      <Paragraph>{k.jaar === null ? t('impact.kosten.geenJaar') : t('impact.kosten.uitleg', { jaar: k.jaar })}</Paragraph>
      <Lijst
        niveau={sub}
        titel={t('impact.tabel.kosten')}
        aantal={k.perOrganisatie.length}
        leeg={t('impact.geen.kosten')}
        kolommen={[
          t('impact.kolom.organisatie'),
          t('impact.kolom.nu'),
          t('impact.kolom.straks'),
          t('impact.kolom.verschil'),
          t('impact.kolom.eenmalig'),
          t('impact.kolom.jaarlijksExtra'),
        ]}
      >
        {k.perOrganisatie.map((r) => (
          <TableRow key={r.organisatieId}>
            <TableHeaderCell scope="row">
              <Eigenaar id={r.organisatieId} naam={r.naam} />
            </TableHeaderCell>
            <TableCell className="rk-bedrag">
              <Bedrag centen={r.nu} />
            </TableCell>
            <TableCell className="rk-bedrag">
              <Bedrag centen={r.straks} />
            </TableCell>
            <TableCell className="rk-bedrag">
              <Bedrag centen={r.verschil} verschil />
            </TableCell>
            <TableCell className="rk-bedrag">
              <Bedrag centen={r.eenmalig} />
            </TableCell>
            <TableCell className="rk-bedrag">
              <Bedrag centen={r.jaarlijksExtra} verschil />
            </TableCell>
          </TableRow>
        ))}
      </Lijst>
      {k.herzieningNodig.length > 0 && (
        <>
          <Heading level={sub}>{t('impact.kosten.herziening', { count: k.herzieningNodig.length })}</Heading>
          <UnorderedList>
            {k.herzieningNodig.map((h) => (
              <UnorderedListItem key={h.kostenpostId}>
                <strong>{h.omschrijving}</strong>: {inTaal(h.reden)}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  )
}
