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
import { formatDatum, formatGetal } from '../../i18n/format'
import { type ImpactVergelijking, useImpactScenarios, useImpactVergelijking } from './api'
import '../scenarios/scenarios.css'
import './impact.css'
import { Bedrag } from './Uitkomst'

// Two to five impact analyses side by side: first what each touches (counts, open
// risks), then per organisation what it pays more or less per year, its one-off costs and
// how many consequences it must act on. The choice lives in the address (?ids=a,b).

type Aantallen = ImpactVergelijking['scenarios'][number]['aantallen']
const AANTALLEN: (keyof Aantallen)[] = [
  'gastheerschappen',
  'koppelingen',
  'koppelingenGevoelig',
  'koppelingenViaTussenschakel',
  'applicaties',
  'organisaties',
  'contracten',
  'toegangen',
  'bevindingen',
]

export default function ImpactVergelijken() {
  const { t } = useTranslation('scenarios')
  const [params, setParams] = useSearchParams()
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean)
  const [gekozen, setGekozen] = useState<string[]>(ids)
  const [melding, setMelding] = useState<string>()
  const foutId = useId()
  const lijst = useImpactScenarios()
  const vergelijking = useImpactVergelijking(ids)

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
      <PageHeading titel={t('impact.vergelijk.titel')} />
      <Paragraph>{t('impact.vergelijk.intro')}</Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && (
        <form noValidate onSubmit={vergelijk}>
          <Fieldset legend={t('impact.vergelijk.kies')} invalid={Boolean(melding)} aria-describedby={melding ? foutId : undefined}>
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
        <>
          <div className="rk-table-wrap rk-sectie">
            <Table className="rk-impact-tabel">
              <TableCaption className="rk-tabel-titel">{t('impact.vergelijk.wat')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('impact.vergelijk.maat')}</TableHeaderCell>
                  {v.scenarios.map((s) => (
                    <TableHeaderCell key={s.id} scope="col">
                      <Link to={`/scenarios/${s.id}/impact`}>{s.naam}</Link>
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow>
                  <TableHeaderCell scope="row">{t('impact.vergelijk.peildatum')}</TableHeaderCell>
                  {v.scenarios.map((s) => (
                    <TableCell key={s.id}>{formatDatum(s.peildatum)}</TableCell>
                  ))}
                </TableRow>
                {AANTALLEN.map((a) => (
                  <TableRow key={a}>
                    <TableHeaderCell scope="row">{t(`impact.aantal.${a}`)}</TableHeaderCell>
                    {v.scenarios.map((s) => (
                      <TableCell key={s.id} className="rk-bedrag">
                        {formatGetal(s.aantallen[a])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow>
                  <TableHeaderCell scope="row">{t('impact.openRisicos')}</TableHeaderCell>
                  {v.scenarios.map((s) => (
                    <TableCell key={s.id} className="rk-bedrag">
                      {formatGetal(s.openRisicos)}
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableHeaderCell scope="row">{t('impact.vergelijk.kostenjaar')}</TableHeaderCell>
                  {v.scenarios.map((s) => (
                    <TableCell key={s.id} className="rk-bedrag">
                      {s.jaar ?? t('common:leeg')}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          </div>
          <div className="rk-table-wrap rk-sectie">
            <Table className="rk-impact-tabel">
              <TableCaption className="rk-tabel-titel">{t('impact.vergelijk.perOrganisatie')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('impact.kolom.organisatie')}</TableHeaderCell>
                  {v.scenarios.map((s) => (
                    <TableHeaderCell key={s.id} scope="col">
                      {s.naam}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {v.organisaties.map((o) => (
                  <TableRow key={o.organisatieId}>
                    <TableHeaderCell scope="row">
                      <Link to={`/organisaties/${o.organisatieId}`}>{o.naam}</Link>
                    </TableHeaderCell>
                    {o.perScenario.map((p) => (
                      <TableCell key={p.scenarioId}>
                        {p.geraakt ? (
                          <dl className="rk-impact-cel">
                            <dt>{t('impact.vergelijk.perJaar')}</dt>
                            <dd>
                              <Bedrag centen={p.verschilPerJaar} verschil />
                            </dd>
                            <dt>{t('impact.kolom.eenmalig')}</dt>
                            <dd>
                              <Bedrag centen={p.eenmalig} />
                            </dd>
                            <dt>{t('impact.kolom.acties')}</dt>
                            <dd>{formatGetal(p.acties)}</dd>
                          </dl>
                        ) : (
                          t('impact.vergelijk.nietGeraakt')
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  )
}
