import {
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
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { get, query } from '../../api/client'
import type { Lijst } from '../../api/types'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatDatum } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { useObject } from '../registry/api'
import { RefLink } from '../registry/RefLink'
import { type Bewijsstuk, type Contract, GROOT, haalBevindingen, type Toegang, VERTROUWEN_KEY, vandaag } from './api'
import { BevindingenTabel } from './Bevindingen'
import { BewijsStandTekst, useOrganisatieNaam } from './gedeeld'
import './vertrouwen.css'

// A party's trust page: who it is, its open findings, its evidence (and where each
// stands on today's date, in words), its contracts as supplier and the access it holds
// (to what, granted by whom, last reviewed when).

function useLijst<T>(pad: string, params: Record<string, string>) {
  return useQuery({
    queryKey: [...VERTROUWEN_KEY, 'lijst', pad, params],
    queryFn: ({ signal }) => get<Lijst<T>>(`${pad}${query({ ...params, paginaGrootte: GROOT })}`, signal),
  })
}

function Meer({ lijst }: { lijst: { paginering: { totaalAantal: number } } | undefined }) {
  const { t } = useTranslation('vertrouwen')
  if (!lijst || lijst.paginering.totaalAantal <= GROOT) return null
  return <Paragraph className="rk-vtw-klein">{t('partij.meer', { aantal: GROOT })}</Paragraph>
}

function Sectie({ id, kop, children }: { id: string; kop: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rk-vtw-sectie">
      <Heading level={2} appearanceLevel={3} id={id}>
        {kop}
      </Heading>
      {children}
    </section>
  )
}

function GetekendMet({ id }: { id: string }) {
  const { t } = useTranslation('vertrouwen')
  const naam = useOrganisatieNaam(id)
  return naam ? <span className="rk-vtw-klein"> ({t('partij.getekendMet', { naam })})</span> : null
}

/** A section with one list: its error, loading, empty text, the table, and "more than shown". */
function LijstSectie<T>({
  id,
  kop,
  lijst,
  leeg,
  children,
}: {
  id: string
  kop: string
  lijst: UseQueryResult<Lijst<T>>
  leeg: string
  children: (items: T[]) => React.ReactNode
}) {
  return (
    <Sectie id={id} kop={kop}>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && (lijst.data.resultaten.length === 0 ? <Paragraph>{leeg}</Paragraph> : children(lijst.data.resultaten))}
      <Meer lijst={lijst.data} />
    </Sectie>
  )
}

/** A table with a hidden caption; a column marked bijzaak is hidden on a phone. */
function Tabel({
  caption,
  kolommen,
  children,
}: {
  caption: string
  kolommen: { kop: string; bijzaak?: boolean }[]
  children: React.ReactNode
}) {
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <TableHeaderCell key={k.kop} scope="col" className={k.bijzaak ? 'rk-bijzaak' : undefined}>
                {k.kop}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  )
}

function Bewijs({ partijId, naam, peildatum }: { partijId: string; naam: string; peildatum: string }) {
  const { t } = useTranslation('vertrouwen')
  const lijst = useLijst<Bewijsstuk>('bewijsstukken', { organisatieId: partijId, sorteer: 'geldigTot' })
  return (
    <LijstSectie id="partij-bewijs" kop={t('partij.bewijsKop')} lijst={lijst} leeg={t('partij.geenBewijs')}>
      {(items) => (
        <Tabel
          caption={t('partij.bewijsCaption', { naam })}
          kolommen={[
            { kop: t('partij.soort') },
            { kop: t('partij.uitgever'), bijzaak: true },
            { kop: t('partij.geldigVanaf'), bijzaak: true },
            { kop: t('partij.geldigTot') },
            { kop: t('partij.toestand') },
          ]}
        >
          {items.map((b) => (
            <TableRow key={b.id} data-bewijsstuk={b.id}>
              <TableCell>
                <AppLink to={`/bewijsstukken/${b.id}`}>{t(`bewijsSoort.${b.soort}`)}</AppLink>
                {b.getekendMetId && <GetekendMet id={b.getekendMetId} />}
              </TableCell>
              <TableCell className="rk-bijzaak">{b.uitgever}</TableCell>
              <TableCell className="rk-bijzaak rk-vtw-nowrap">{formatDatum(b.geldigVanaf)}</TableCell>
              <TableCell className="rk-vtw-nowrap">{b.geldigTot ? formatDatum(b.geldigTot) : t('common:leeg')}</TableCell>
              <TableCell>
                <BewijsStandTekst b={b} peildatum={peildatum} />
              </TableCell>
            </TableRow>
          ))}
        </Tabel>
      )}
    </LijstSectie>
  )
}

function Contracten({ partijId, naam }: { partijId: string; naam: string }) {
  const { t } = useTranslation('vertrouwen')
  const lijst = useLijst<Contract>('contracten', { leverancierId: partijId })
  const janee = (v: boolean) => (v ? t('common:ja') : t('common:nee'))
  return (
    <LijstSectie id="partij-contracten" kop={t('partij.contractenKop')} lijst={lijst} leeg={t('partij.geenContracten')}>
      {(items) => (
        <Tabel
          caption={t('partij.contractenCaption', { naam })}
          kolommen={[
            { kop: t('partij.omschrijving') },
            { kop: t('partij.afnemer') },
            { kop: t('partij.looptijd'), bijzaak: true },
            { kop: t('partij.auditrecht') },
            { kop: t('partij.exitstrategie') },
          ]}
        >
          {items.map((c) => (
            <TableRow key={c.id} data-contract={c.id}>
              <TableCell>
                <AppLink to={`/contracten/${c.id}`}>{c.omschrijving}</AppLink>
              </TableCell>
              <TableCell>
                <RefLink soort="organisaties" id={c.afnemerId} />
              </TableCell>
              <TableCell className="rk-bijzaak">
                {c.einddatum
                  ? t('partij.vanTot', { van: formatDatum(c.startdatum), tot: formatDatum(c.einddatum) })
                  : t('partij.vanaf', { datum: formatDatum(c.startdatum) })}
              </TableCell>
              <TableCell>{janee(c.auditrecht)}</TableCell>
              <TableCell>{janee(c.exitstrategie)}</TableCell>
            </TableRow>
          ))}
        </Tabel>
      )}
    </LijstSectie>
  )
}

function Waartoe({ object }: { object: Toegang['object'] }) {
  const { t } = useTranslation('vertrouwen')
  if (object.soort === 'netwerkzone') return <>{t('partij.netwerkzone', { naam: object.naam })}</>
  return <RefLink soort={object.soort === 'applicatie' ? 'applicaties' : 'koppelingen'} id={object.id} />
}

function Toegangen({ partijId, naam }: { partijId: string; naam: string }) {
  const { t } = useTranslation('vertrouwen')
  const lijst = useLijst<Toegang>('toegangen', { partijId })
  return (
    <LijstSectie id="partij-toegangen" kop={t('partij.toegangenKop')} lijst={lijst} leeg={t('partij.geenToegangen')}>
      {(items) => (
        <Tabel
          caption={t('partij.toegangenCaption', { naam })}
          kolommen={[
            { kop: t('partij.waartoe') },
            { kop: t('partij.doel') },
            { kop: t('partij.verleendDoor'), bijzaak: true },
            { kop: t('partij.laatsteBeoordeling') },
          ]}
        >
          {items.map((g) => (
            <TableRow key={g.id} data-toegang={g.id}>
              <TableCell>
                <Waartoe object={g.object} />
              </TableCell>
              <TableCell>
                <AppLink to={`/toegangen/${g.id}`}>{g.doel}</AppLink>
                {g.intrekking && (
                  <span className="rk-vtw-klein"> ({t('partij.ingetrokken', { datum: formatDatum(g.intrekking.op) })})</span>
                )}
              </TableCell>
              <TableCell className="rk-bijzaak">
                <RefLink soort="organisaties" id={g.verleendDoorId} />
              </TableCell>
              <TableCell className="rk-vtw-nowrap">
                {g.laatsteBeoordeling ? formatDatum(g.laatsteBeoordeling) : t('partij.nooit')}
              </TableCell>
            </TableRow>
          ))}
        </Tabel>
      )}
    </LijstSectie>
  )
}

function OpenBevindingen({ partijId, naam }: { partijId: string; naam: string }) {
  const { t } = useTranslation('vertrouwen')
  const vraag = { partijId, status: 'open', paginaGrootte: GROOT }
  const lijst = useQuery({
    queryKey: [...VERTROUWEN_KEY, 'bevindingen', vraag],
    queryFn: ({ signal }) => haalBevindingen(vraag, signal),
  })
  return (
    <Sectie id="partij-bevindingen" kop={t('partij.bevindingenKop')}>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph>{t('partij.geenBevindingen')}</Paragraph>
        ) : (
          <BevindingenTabel items={lijst.data.resultaten} caption={t('partij.bevindingenKop')} zonderPartij captionVerborgen />
        ))}
      <Meer lijst={lijst.data} />
      <Paragraph>
        <AppLink to={`/bevindingen?partijId=${partijId}`} aria-label={`${t('partij.alleBevindingen')}: ${naam}`}>
          {t('partij.alleBevindingen')}
        </AppLink>
      </Paragraph>
    </Sectie>
  )
}

export default function Partij() {
  const { id = '' } = useParams()
  const { t } = useTranslation('vertrouwen')
  const waardeLabel = useWaardeLabel()
  const organisatie = useObject('organisaties', id)
  const peildatum = vandaag()
  if (organisatie.isPending) return <Loading />
  if (organisatie.error || !organisatie.data) {
    return (
      <>
        <PageHeading titel={t('partij.titelLaden')} />
        <ErrorAlert error={organisatie.error} />
        <Paragraph>
          <AppLink to="/vertrouwen">{t('partij.terug')}</AppLink>
        </Paragraph>
      </>
    )
  }
  const o = organisatie.data.data
  const naam = String(o.naam ?? id)
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/vertrouwen">{t('partij.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('partij.titel', { naam })} />
      <dl className="rk-vtw-gegevens">
        <dt>{t('partij.naam')}</dt>
        <dd>
          <AppLink to={`/organisaties/${id}`}>{naam}</AppLink>
        </dd>
        <dt>{t('partij.type')}</dt>
        <dd>{waardeLabel(o.type)}</dd>
      </dl>
      <OpenBevindingen partijId={id} naam={naam} />
      <Bewijs partijId={id} naam={naam} peildatum={peildatum} />
      <Contracten partijId={id} naam={naam} />
      <Toegangen partijId={id} naam={naam} />
    </>
  )
}
