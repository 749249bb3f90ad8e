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
import { useQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { get, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { BELEID_KEY, type BeleidsRegel, type BeleidsVersie, type Standaardbeleid, type Vertrouwensbeleid } from './api'
import { magBeleidVastleggen } from './Beleidslijst'
import { Regels } from './Regel'
import { Verwijzing } from './Verwijzing'
import './toetsing.css'

// One trust policy, readable: the shipped BIO default (/vertrouwensbeleid/standaard) or a
// stored policy (/vertrouwensbeleid/{id}) with its owner, the samenwerkingen that adopted
// it and every saved version, who saved it and when (Europe/Amsterdam).

/** After the rules have loaded, a link to `#regel-…` shows that rule. */
function useNaarAnker(klaar: boolean) {
  const { hash } = useLocation()
  useEffect(() => {
    if (!klaar || !hash) return
    const el = document.getElementById(decodeURIComponent(hash.slice(1)))
    if (el) {
      el.scrollIntoView({ block: 'start' })
      el.focus({ preventScroll: true })
    }
  }, [klaar, hash])
}

function Versies({ id, huidig }: { id: string; huidig: number }) {
  const { t } = useTranslation('toetsing')
  const versies = useQuery({
    queryKey: [...BELEID_KEY, 'versies', id, huidig],
    queryFn: ({ signal }) => get<{ resultaten: BeleidsVersie[] }>(`vertrouwensbeleid/${id}/versies`, signal),
  })
  return (
    <section aria-labelledby="beleid-versies-kop" className="rk-toetsing__sectie">
      <Heading level={2} appearanceLevel={3} id="beleid-versies-kop">
        {t('beleid.versies.kop')}
      </Heading>
      <ErrorAlert error={versies.error} />
      {versies.isPending && <Loading />}
      {versies.data && (
        <div className="rk-table-wrap rk-toetsing__stapel">
          <Table>
            <TableCaption>{t('beleid.versies.caption', { count: versies.data.resultaten.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('beleid.versies.versie')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beleid.versies.op')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beleid.versies.door')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beleid.versies.naam')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beleid.versies.regels')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...versies.data.resultaten]
                .sort((a, b) => b.versie - a.versie)
                .map((v) => (
                  <TableRow key={v.versie}>
                    <TableCell data-label={t('beleid.versies.versie')}>
                      {v.versie === huidig ? t('beleid.versies.huidig', { versie: v.versie }) : v.versie}
                    </TableCell>
                    <TableCell data-label={t('beleid.versies.op')}>{formatTijdstip(v.vastgesteldOp)}</TableCell>
                    <TableCell data-label={t('beleid.versies.door')}>{v.vastgesteldDoor}</TableCell>
                    <TableCell data-label={t('beleid.versies.naam')}>{v.beleid.naam}</TableCell>
                    <TableCell data-label={t('beleid.versies.regels')}>{wijziging(t, v, versies.data.resultaten)}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  )
}

/** What changed in the rules against the previous version, in words: added, removed and changed rule ids. */
function wijziging(t: TFunction, v: BeleidsVersie, alle: readonly BeleidsVersie[]): string {
  const vorige = alle.find((a) => a.versie === v.versie - 1)
  const aantal = t('beleid.versies.aantal', { count: v.beleid.regels.length })
  if (!vorige) return aantal
  const oud = new Map(vorige.beleid.regels.map((r: BeleidsRegel) => [r.id, JSON.stringify(r)]))
  const nieuw = new Map(v.beleid.regels.map((r: BeleidsRegel) => [r.id, JSON.stringify(r)]))
  const toegevoegd = [...nieuw.keys()].filter((id) => !oud.has(id))
  const verwijderd = [...oud.keys()].filter((id) => !nieuw.has(id))
  const gewijzigd = [...nieuw.keys()].filter((id) => oud.has(id) && oud.get(id) !== nieuw.get(id))
  const delen = [
    ...(toegevoegd.length ? [t('beleid.versies.toegevoegd', { regels: toegevoegd.join(', ') })] : []),
    ...(verwijderd.length ? [t('beleid.versies.verwijderd', { regels: verwijderd.join(', ') })] : []),
    ...(gewijzigd.length ? [t('beleid.versies.gewijzigd', { regels: gewijzigd.join(', ') })] : []),
  ]
  return delen.length ? `${aantal}; ${delen.join('; ')}` : `${aantal}; ${t('beleid.versies.regelsGelijk')}`
}

function StandaardPagina() {
  const { t } = useTranslation('toetsing')
  const ik = useCurrentIk()
  const beleid = useQuery({
    queryKey: [...BELEID_KEY, 'standaard'],
    queryFn: ({ signal }) => get<Standaardbeleid>('vertrouwensbeleid/standaard', signal),
    staleTime: 5 * 60_000,
  })
  useNaarAnker(Boolean(beleid.data))
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/vertrouwensbeleid">{t('beleid.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={beleid.data?.naam ?? t('beleid.standaardTitel')} />
      <ErrorAlert error={beleid.error} />
      {beleid.isPending && <Loading />}
      {beleid.data && (
        <>
          <Paragraph>{t('beleid.standaardIntro')}</Paragraph>
          <dl className="rk-toetsing__gegevens">
            <dt>{t('beleid.versie')}</dt>
            <dd>{t('beleid.standaardVersie', { versie: beleid.data.versie })}</dd>
            <dt>{t('beleid.geldtVoor')}</dt>
            <dd>{t('beleid.standaardGeldtVoor')}</dd>
          </dl>
          {magBeleidVastleggen(ik) && (
            <div className="rk-toetsing__knoppen">
              <AppButtonLink to="/vertrouwensbeleid/overnemen" appearance="secondary-action-button">
                {t('beleid.overnemen')}
              </AppButtonLink>
            </div>
          )}
          <Regels regels={beleid.data.regels} />
        </>
      )}
    </>
  )
}

function OpgeslagenPagina({ id }: { id: string }) {
  const { t } = useTranslation('toetsing')
  const melding = (useLocation().state as { melding?: string } | null)?.melding
  const beleid = useQuery({
    queryKey: [...BELEID_KEY, 'object', id],
    queryFn: ({ signal }) => request<Vertrouwensbeleid>(`vertrouwensbeleid/${id}`, { signal }).then((r) => r.data),
  })
  useNaarAnker(Boolean(beleid.data))
  const b = beleid.data
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/vertrouwensbeleid">{t('beleid.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={b?.naam ?? t('beleid.titel')} />
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <ErrorAlert error={beleid.error} />
      {beleid.isPending && <Loading />}
      {b && (
        <>
          <dl className="rk-toetsing__gegevens">
            <dt>{t('beleid.eigenaar')}</dt>
            <dd>
              <Verwijzing soort="organisaties" id={b.eigenaarId} />
            </dd>
            <dt>{t('beleid.samenwerkingen')}</dt>
            <dd>
              {b.samenwerkingIds.length === 0 ? (
                t('beleid.geenSamenwerkingen')
              ) : (
                <ul className="rk-toetsing__inline-lijst">
                  {b.samenwerkingIds.map((s) => (
                    <li key={s}>
                      <Verwijzing soort="samenwerkingen" id={s} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('beleid.versie')}</dt>
            <dd>{b.versie}</dd>
            <dt>{t('beleid.gewijzigdOp')}</dt>
            <dd>{formatTijdstip(b.gewijzigdOp)}</dd>
            {b.toelichting && (
              <>
                <dt>{t('beleid.toelichting')}</dt>
                <dd>{b.toelichting}</dd>
              </>
            )}
          </dl>
          <Regels regels={b.regels} />
          <Versies id={b.id} huidig={b.versie} />
        </>
      )}
    </>
  )
}

export default function Beleid() {
  const { id } = useParams()
  return id ? <OpgeslagenPagina key={id} id={id} /> : <StandaardPagina />
}
