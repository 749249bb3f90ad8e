import {
  Button,
  Fieldset,
  FormFieldErrorMessage,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { useScenarios, useVergelijking } from './api'
import { Oordeel } from './Oordeel'
import './scenarios.css'

// Two to five business cases side by side: per participant its net present value and
// verdict in each. The choice lives in the address (?ids=a,b), so a comparison can be shared.

export default function Vergelijken() {
  const { t } = useTranslation('scenarios')
  const [params, setParams] = useSearchParams()
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean)
  const [gekozen, setGekozen] = useState<string[]>(ids)
  const [melding, setMelding] = useState<string>()
  const foutId = useId()
  const lijst = useScenarios({ paginaGrootte: '100', sorteer: 'naam', soort: 'nieuwe samenwerking' })
  const vergelijking = useVergelijking(ids)

  function vergelijk(e: FormEvent) {
    e.preventDefault()
    if (gekozen.length < 2 || gekozen.length > 5) {
      setMelding(t('vergelijk.teWeinig'))
      return
    }
    setMelding(undefined)
    setParams({ ids: gekozen.join(',') })
  }

  const v = vergelijking.data
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to="/scenarios">{t('detail.terug')}</Link>
      </Paragraph>
      <PageHeading titel={t('vergelijk.titel')} />
      <Paragraph>{t('vergelijk.intro')}</Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && (
        <form noValidate onSubmit={vergelijk}>
          <Fieldset legend={t('vergelijk.kies')} invalid={Boolean(melding)} aria-describedby={melding ? foutId : undefined}>
            {melding && <FormFieldErrorMessage id={foutId}>{melding}</FormFieldErrorMessage>}
            <div className="rk-keuzes">
              {lijst.data.resultaten.map((s) => (
                <label key={s.id}>
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={gekozen.includes(s.id)}
                    onChange={(e) => {
                      const aan = (e.target as HTMLInputElement).checked
                      setGekozen((g) => (aan ? [...g, s.id] : g.filter((x) => x !== s.id)))
                    }}
                  />
                  {s.naam}
                </label>
              ))}
            </div>
          </Fieldset>
          <div className="rk-acties">
            <Button type="submit" appearance="primary-action-button">
              {t('vergelijk.knop')}
            </Button>
          </div>
        </form>
      )}
      <ErrorAlert error={vergelijking.error} />
      {ids.length >= 2 && vergelijking.isPending && <Loading />}
      {v && (
        <div className="rk-table-wrap rk-sectie">
          <Table>
            <TableCaption className="rk-tabel-titel">{t('vergelijk.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('vergelijk.deelnemer')}</TableHeaderCell>
                {v.scenarios.map((s) => (
                  <TableHeaderCell key={s.id} scope="col">
                    <Link to={`/scenarios/${s.id}`}>{s.naam}</Link>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.deelnemers.map((d) => (
                <TableRow key={d.organisatieId}>
                  <TableHeaderCell scope="row">{d.naam}</TableHeaderCell>
                  {d.perScenario.map((p) => (
                    <TableCell key={p.scenarioId}>
                      {p.doetMee ? (
                        <>
                          <span className={p.nettoContanteWaarde < 0 ? 'rk-bedrag rk-negatief' : 'rk-bedrag'}>
                            {formatBedrag(p.nettoContanteWaarde)}
                          </span>
                          <br />
                          <Oordeel oordeel={p.oordeel} />
                          <br />
                          {p.terugverdiendInJaar === null
                            ? t('vergelijk.nietTerugverdiend')
                            : t('vergelijk.terugverdiend', { jaar: p.terugverdiendInJaar })}
                        </>
                      ) : (
                        t('vergelijk.doetNietMee')
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow className="rk-tabel-voet">
                <TableHeaderCell scope="row">{t('vergelijk.totaal')}</TableHeaderCell>
                {v.scenarios.map((s) => (
                  <TableCell key={s.id}>
                    {t('vergelijk.totaalCel', {
                      bedrag: formatBedrag(s.nettoContanteWaarde),
                      aantal: s.aantalVooruit,
                      deelnemers: s.aantalDeelnemers,
                    })}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
