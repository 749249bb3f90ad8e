import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, query } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { actieTekst } from './labels'
import type { AuditRegel, AuditRegelLijst, AuditSoort } from './types'
import { ActorWeergave, WijzigingRegel } from './weergave'
import './auditlog.css'

// "Who changed this last?": the audit log of one object on its own page, as the audit
// log shows it (the same presenter). Anyone who may see the object may read this; the
// API answers with the entries of that object only (GET /auditlog?objectId=…).

const PER_KEER = 10

function Regel({ regel }: { regel: AuditRegel }) {
  const { t } = useTranslation('auditlog')
  const { soort, wijzigingen } = regel.weergave
  const gedaan = wijzigingen.filter((w) => !w.administratief)
  // A new (or deleted) object: what it held, folded away; a change: what changed.
  const geheel = regel.voor == null || regel.na == null
  const [open, setOpen] = useState(false)
  return (
    <li className="rk-wijzigingen__regel">
      <Paragraph className="rk-wijzigingen__kop">
        <strong>{actieTekst(t, regel)}</strong> {t('wijzigingen.door')} <ActorWeergave actor={regel.weergave.actor} />
        {' — '}
        <time dateTime={regel.tijdstip}>{formatTijdstip(regel.tijdstip)}</time>
      </Paragraph>
      {gedaan.length > 0 && geheel && (
        // Rendered only when opened: a new object's every field would otherwise repeat the page.
        <details className="rk-wijzigingen__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('wijzigingen.velden', { count: gedaan.length })}</summary>
          {open && (
            <ul className="rk-wijzigingen__velden">
              {gedaan.map((w) => (
                <li key={w.pad.join('.')}>
                  <WijzigingRegel soort={soort} wijziging={w} alleenNa />
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
      {gedaan.length > 0 && !geheel && (
        <ul className="rk-wijzigingen__velden">
          {gedaan.map((w) => (
            <li key={w.pad.join('.')}>
              <WijzigingRegel soort={soort} wijziging={w} />
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

/**
 * The Wijzigingen section of a record page, newest first, ten at a time: each "older
 * changes" asks for the next page, so every change can be read however many there are.
 * `revisie` is the object's current revision: after a save the section asks again
 * instead of showing what it had.
 */
export function Wijzigingen({ soort, id, revisie }: { soort: AuditSoort; id: string; revisie?: number }) {
  const { t } = useTranslation('auditlog')
  const ik = useCurrentIk()
  const lijst = useInfiniteQuery({
    queryKey: ['auditlog', 'object', soort, id, revisie],
    queryFn: ({ pageParam, signal }) =>
      get<AuditRegelLijst>(`auditlog${query({ objecttype: soort, objectId: id, pagina: pageParam, paginaGrootte: PER_KEER })}`, signal),
    initialPageParam: 1,
    getNextPageParam: ({ paginering: p }) => (p.pagina < p.totaalPaginas ? p.pagina + 1 : undefined),
    placeholderData: keepPreviousData,
  })
  // A change saved while older pages load shifts them by one: an entry is shown once.
  const regels = [...new Map((lijst.data?.pages ?? []).flatMap((p) => p.resultaten).map((r) => [r.volgnummer, r])).values()]
  const totaal = lijst.data?.pages.at(-1)?.paginering.totaalAantal ?? 0
  return (
    <section aria-labelledby="wijzigingen-kop" className="rk-sectie rk-wijzigingen">
      <Heading level={2} appearanceLevel={3} id="wijzigingen-kop">
        {t('wijzigingen.titel')}
      </Heading>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && regels.length === 0 && <Paragraph>{t('wijzigingen.geen')}</Paragraph>}
      {regels.length > 0 && (
        <>
          <Paragraph>{t('wijzigingen.intro')}</Paragraph>
          <ol className="rk-wijzigingen__lijst" aria-label={t('wijzigingen.lijst')}>
            {regels.map((r) => (
              <Regel key={r.volgnummer} regel={r} />
            ))}
          </ol>
        </>
      )}
      {lijst.hasNextPage && (
        <div className="rk-acties">
          <Paragraph>{t('wijzigingen.getoond', { aantal: regels.length, totaal })}</Paragraph>
          <Button appearance="secondary-action-button" disabled={lijst.isFetchingNextPage} onClick={() => void lijst.fetchNextPage()}>
            {t('wijzigingen.meer')}
          </Button>
        </div>
      )}
      {ik.rechten.auditlogLezen && regels.length > 0 && (
        <Paragraph>
          <AppLink to={`/auditlog?${new URLSearchParams({ objecttype: soort, objectId: id })}`}>{t('wijzigingen.inAuditlog')}</AppLink>
        </Paragraph>
      )}
    </section>
  )
}
