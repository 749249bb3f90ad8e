import {
  Alert,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatDatum, formatTijdstip } from '../../i18n/format'
import { RefLink } from '../registry/RefLink'
import type { Soort } from '../registry/soorten'
import { type Bevinding as BevindingData, type Gebeurtenis, VERTROUWEN_KEY } from './api'
import { ErnstLabel, PartijLink, StatusTekst, useInTaal, useOrganisatieNaam } from './gedeeld'
import { RisicoAccepteren } from './RisicoAccepteren'
import './vertrouwen.css'

// One finding: why (uitleg), what fixes it (herstel), the missing evidence, what it is
// about (the grant, contract or evidence; the applicaties, koppelingen and
// gastheerschappen it touches, by name), its history in Dutch time, and — for who may —
// accepting the risk.

export const bevindingKey = (id: string) => [...VERTROUWEN_KEY, 'bevinding', id] as const

function Rij({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

function Geraakt({ kop, soort, ids }: { kop: string; soort: Soort; ids: string[] }) {
  const { t } = useTranslation('vertrouwen')
  return (
    <div>
      <Heading level={3} appearanceLevel={5}>
        {kop}
      </Heading>
      {ids.length === 0 ? (
        <Paragraph>{t('detail.geenGeraakt')}</Paragraph>
      ) : (
        <UnorderedList className="rk-vtw-lijst">
          {ids.map((id) => (
            <UnorderedListItem key={id}>
              <RefLink soort={soort} id={id} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </div>
  )
}

function GetekendMet({ id }: { id: string }) {
  const { t } = useTranslation('vertrouwen')
  const naam = useOrganisatieNaam(id)
  return naam ? <>, {t('detail.ontbrekendGetekendMet', { naam })}</> : null
}

function OntbrekendBewijs({ b }: { b: BevindingData }) {
  const { t } = useTranslation('vertrouwen')
  if (!b.ontbrekendBewijs?.length) return null
  return (
    <section aria-labelledby="ontbrekend-kop" className="rk-vtw-sectie">
      <Heading level={2} appearanceLevel={3} id="ontbrekend-kop">
        {t('detail.ontbrekendKop')}
      </Heading>
      <UnorderedList>
        {b.ontbrekendBewijs.map((eis) => (
          <UnorderedListItem key={`${eis.eenVan.join('|')}-${eis.getekendMetId ?? ''}-${eis.uitgegevenVanaf ?? ''}`}>
            {t('detail.ontbrekendEenVan', { soorten: eis.eenVan.map((s) => t(`bewijsSoort.${s}`)).join(', ') })}
            {', '}
            {t('detail.ontbrekendGeldigOp', { datum: formatDatum(eis.peildatum) })}
            {eis.uitgegevenVanaf ? `, ${t('detail.ontbrekendVanaf', { datum: formatDatum(eis.uitgegevenVanaf) })}` : ''}
            {eis.getekendMetId ? <GetekendMet id={eis.getekendMetId} /> : null}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  )
}

function Geschiedenis({ b }: { b: BevindingData }) {
  const { t } = useTranslation('vertrouwen')
  const inTaal = useInTaal()
  const stappen = b.geschiedenis ?? []
  const a = b.risicoAcceptatie
  // The acceptance's details belong to the step that recorded it.
  const isDezeAcceptatie = (g: Gebeurtenis) => g.soort === 'risico-geaccepteerd' && a && g.op === a.geaccepteerdOp
  return (
    <section aria-labelledby="geschiedenis-kop" className="rk-vtw-sectie">
      <Heading level={2} appearanceLevel={3} id="geschiedenis-kop">
        {t('detail.geschiedenisKop')}
      </Heading>
      <OrderedList className="rk-vtw-tijdlijn">
        {stappen.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; two steps can share a moment
          <OrderedListItem key={i} data-gebeurtenis={g.soort}>
            <strong>{t(`detail.gebeurtenis.${g.soort}`)}</strong> <time dateTime={g.op}>{formatTijdstip(g.op)}</time>
            {g.uitleg && <span className="rk-vtw-tijdlijn__uitleg">{inTaal(g.uitleg)}</span>}
            {isDezeAcceptatie(g) && a && (
              <span className="rk-vtw-tijdlijn__uitleg">
                {t('detail.acceptatieDetails', {
                  door: a.geaccepteerdDoor,
                  eigenaar: a.eigenaar,
                  datum: formatDatum(a.einddatum),
                  reden: a.reden,
                })}
              </span>
            )}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  )
}

export default function Bevinding() {
  const { id = '' } = useParams()
  const { t } = useTranslation('vertrouwen')
  const inTaal = useInTaal()
  const client = useQueryClient()
  const [melding, setMelding] = useState<string>()
  const object = useQuery({
    queryKey: bevindingKey(id),
    queryFn: ({ signal }) => request<BevindingData>(`bevindingen/${id}`, { signal }),
  })
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t('detail.titelLaden')} />
        <ErrorAlert error={object.error} />
        <Paragraph>
          <AppLink to="/bevindingen">{t('detail.terug')}</AppLink>
        </Paragraph>
      </>
    )
  }
  const b = object.data.data
  const regel = t(`regelSoort.${b.regelSoort}`)
  const a = b.risicoAcceptatie
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/bevindingen">{t('detail.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('detail.titel', { regel, partij: b.partijNaam })} />
      <Paragraph className="rk-vtw-kopregel">
        <ErnstLabel ernst={b.ernst} /> <StatusTekst b={b} />
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="uitleg-kop" className="rk-vtw-sectie">
        <Heading level={2} appearanceLevel={3} id="uitleg-kop">
          {t('detail.uitleg')}
        </Heading>
        <Paragraph>{inTaal(b.uitleg)}</Paragraph>
      </section>
      <section aria-labelledby="herstel-kop" className="rk-vtw-sectie">
        <Heading level={2} appearanceLevel={3} id="herstel-kop">
          {t('detail.herstel')}
        </Heading>
        <Paragraph>{inTaal(b.herstel)}</Paragraph>
      </section>
      <OntbrekendBewijs b={b} />
      <section aria-labelledby="gegevens-kop" className="rk-vtw-sectie">
        <Heading level={2} appearanceLevel={3} id="gegevens-kop">
          {t('detail.gegevens')}
        </Heading>
        <dl className="rk-vtw-gegevens">
          <Rij label={t('detail.status')}>
            <StatusTekst b={b} />
          </Rij>
          <Rij label={t('detail.ernst')}>
            <ErnstLabel ernst={b.ernst} />
          </Rij>
          <Rij label={t('detail.regel')}>
            {regel} ({b.regelId})
          </Rij>
          <Rij label={t('detail.maatregel')}>{b.maatregel}</Rij>
          <Rij label={t('detail.beleid')}>{b.beleidNaam}</Rij>
          <Rij label={t('detail.partij')}>
            <PartijLink id={b.partijId} naam={b.partijNaam} />
          </Rij>
          {b.eigenaarId && <Rij label={t('detail.eigenaar')}>{b.eigenaarNaam ?? b.eigenaarId}</Rij>}
          {b.datum && <Rij label={t('detail.datum')}>{formatDatum(b.datum)}</Rij>}
          <Rij label={t('detail.geopendOp')}>{formatTijdstip(b.geopendOp)}</Rij>
          {b.geslotenOp && <Rij label={t('detail.geslotenOp')}>{formatTijdstip(b.geslotenOp)}</Rij>}
        </dl>
      </section>
      {a && (
        <section aria-labelledby="acceptatie-kop" className="rk-vtw-sectie">
          <Heading level={2} appearanceLevel={3} id="acceptatie-kop">
            {t('detail.acceptatieKop')}
          </Heading>
          {a.verlopen && <Paragraph>{t('detail.acceptatieVerlopen')}</Paragraph>}
          <dl className="rk-vtw-gegevens">
            <Rij label={t('detail.acceptatieReden')}>{a.reden}</Rij>
            <Rij label={t('detail.acceptatieEigenaar')}>{a.eigenaar}</Rij>
            <Rij label={t('detail.acceptatieTot')}>{formatDatum(a.einddatum)}</Rij>
            <Rij label={t('detail.acceptatieDoor')}>
              {a.geaccepteerdDoor}, {formatTijdstip(a.geaccepteerdOp)}
            </Rij>
          </dl>
        </section>
      )}
      <section aria-labelledby="betrokken-kop" className="rk-vtw-sectie">
        <Heading level={2} appearanceLevel={3} id="betrokken-kop">
          {t('detail.betrokkenKop')}
        </Heading>
        {(b.toegangId || b.contractId || b.bewijsstukId) && (
          <UnorderedList className="rk-vtw-lijst">
            {b.toegangId && (
              <UnorderedListItem>
                <AppLink to={`/toegangen/${b.toegangId}`}>{t('detail.openToegang')}</AppLink>
              </UnorderedListItem>
            )}
            {b.contractId && (
              <UnorderedListItem>
                <AppLink to={`/contracten/${b.contractId}`}>{t('detail.openContract')}</AppLink>
              </UnorderedListItem>
            )}
            {b.bewijsstukId && (
              <UnorderedListItem>
                <AppLink to={`/bewijsstukken/${b.bewijsstukId}`}>{t('detail.openBewijsstuk')}</AppLink>
              </UnorderedListItem>
            )}
          </UnorderedList>
        )}
        <div className="rk-vtw-geraakt">
          <Geraakt kop={t('detail.applicaties')} soort="applicaties" ids={b.applicatieIds} />
          <Geraakt kop={t('detail.koppelingen')} soort="koppelingen" ids={b.koppelingIds} />
          <Geraakt kop={t('detail.gastheerschappen')} soort="gastheerschappen" ids={b.gastheerschapIds} />
        </div>
      </section>
      <Geschiedenis b={b} />
      {b.toegestaneActies.includes('risico-accepteren') && (
        <RisicoAccepteren
          key={b.id}
          b={b}
          etag={object.data.etag}
          regel={regel}
          onGelukt={(res, tekst) => {
            client.setQueryData(bevindingKey(id), res)
            setMelding(tekst)
          }}
        />
      )}
    </>
  )
}
