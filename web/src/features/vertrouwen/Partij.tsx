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
import { useQuery } from '@tanstack/react-query'
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

function Bewijs({ partijId, naam, peildatum }: { partijId: string; naam: string; peildatum: string }) {
  const { t } = useTranslation('vertrouwen')
  const lijst = useLijst<Bewijsstuk>('bewijsstukken', { organisatieId: partijId, sorteer: 'geldigTot' })
  return (
    <Sectie id="partij-bewijs" kop={t('partij.bewijsKop')}>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph>{t('partij.geenBewijs')}</Paragraph>
        ) : (
          <div className="rk-table-wrap">
            <Table>
              <TableCaption className="rk-visually-hidden">{t('partij.bewijsCaption', { naam })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('partij.soort')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rk-bijzaak">
                    {t('partij.uitgever')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="rk-bijzaak">
                    {t('partij.geldigVanaf')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.geldigTot')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.toestand')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.resultaten.map((b) => (
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
              </TableBody>
            </Table>
          </div>
        ))}
      <Meer lijst={lijst.data} />
    </Sectie>
  )
}

function Contracten({ partijId, naam }: { partijId: string; naam: string }) {
  const { t } = useTranslation('vertrouwen')
  const lijst = useLijst<Contract>('contracten', { leverancierId: partijId })
  const janee = (v: boolean) => (v ? t('common:ja') : t('common:nee'))
  return (
    <Sectie id="partij-contracten" kop={t('partij.contractenKop')}>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph>{t('partij.geenContracten')}</Paragraph>
        ) : (
          <div className="rk-table-wrap">
            <Table>
              <TableCaption className="rk-visually-hidden">{t('partij.contractenCaption', { naam })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('partij.omschrijving')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.afnemer')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rk-bijzaak">
                    {t('partij.looptijd')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.auditrecht')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.exitstrategie')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.resultaten.map((c) => (
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
              </TableBody>
            </Table>
          </div>
        ))}
      <Meer lijst={lijst.data} />
    </Sectie>
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
    <Sectie id="partij-toegangen" kop={t('partij.toegangenKop')}>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph>{t('partij.geenToegangen')}</Paragraph>
        ) : (
          <div className="rk-table-wrap">
            <Table>
              <TableCaption className="rk-visually-hidden">{t('partij.toegangenCaption', { naam })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('partij.waartoe')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.doel')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rk-bijzaak">
                    {t('partij.verleendDoor')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t('partij.laatsteBeoordeling')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.resultaten.map((g) => (
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
              </TableBody>
            </Table>
          </div>
        ))}
      <Meer lijst={lijst.data} />
    </Sectie>
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
