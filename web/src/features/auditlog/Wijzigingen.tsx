import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
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
 * The Wijzigingen section of a record page. `revisie` is the object's current revision:
 * after a save the section asks again instead of showing what it had.
 */
export function Wijzigingen({ soort, id, revisie }: { soort: AuditSoort; id: string; revisie?: number }) {
  const { t } = useTranslation('auditlog')
  const ik = useCurrentIk()
  const [aantal, setAantal] = useState(PER_KEER)
  const pad = `auditlog${query({ objecttype: soort, objectId: id, paginaGrootte: aantal })}`
  const lijst = useQuery({
    queryKey: ['auditlog', 'object', soort, id, revisie, aantal],
    queryFn: ({ signal }) => get<AuditRegelLijst>(pad, signal),
    placeholderData: keepPreviousData,
  })
  const regels = lijst.data?.resultaten ?? []
  const totaal = lijst.data?.paginering.totaalAantal ?? 0
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
      {totaal > regels.length && (
        <div className="rk-acties">
          <Paragraph>{t('wijzigingen.getoond', { aantal: regels.length, totaal })}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setAantal((a) => Math.min(a + PER_KEER, 200))}>
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
