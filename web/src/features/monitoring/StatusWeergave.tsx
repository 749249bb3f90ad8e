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
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { formatDatum, formatTijdstip } from '../../i18n/format'
import type { Statuspagina } from './api'
import { percentage, StatusLabel } from './gedeeld'

// A status page's content, signed in or public: per koppeling its state now and 90 daily
// bars (each with its own text; the colour and height only repeat it), then a summary
// table. `metLinks` only inside the application: the public page links to nothing inside.

export function StatusWeergave({ p, metLinks }: { p: Statuspagina; metLinks: boolean }) {
  const { t } = useTranslation('monitoring')
  return (
    <>
      <Paragraph>{t('statuspagina.bijgewerkt', { tijd: formatTijdstip(p.bijgewerktOp) })}</Paragraph>
      {p.koppelingen.length === 0 && <Paragraph>{t('statuspagina.geenKoppelingen')}</Paragraph>}
      {p.koppelingen.map((k, i) => {
        const kop = `status-koppeling-${i}`
        return (
          <section key={k.koppeling.id ?? k.koppeling.naam} aria-labelledby={kop} className="rk-mon-statusrij" data-statuskoppeling="">
            <Heading level={2} appearanceLevel={4} id={kop}>
              {metLinks && k.koppeling.id ? <AppLink to={`/koppelingen/${k.koppeling.id}`}>{k.koppeling.naam}</AppLink> : k.koppeling.naam}
            </Heading>
            <Paragraph>
              <StatusLabel status={k.status} />
              {k.beschikbaarheid90d !== undefined &&
                ` — ${t('statuspagina.beschikbaarheid90Tekst', { waarde: percentage(k.beschikbaarheid90d) })}`}
            </Paragraph>
            <ul className="rk-mon-dagen" aria-label={`${t('statuspagina.dagenLabel')}: ${k.koppeling.naam}`}>
              {k.dagen.map((d) => {
                const tekst =
                  d.beschikbaarheid === undefined
                    ? t('statuspagina.dagGeen', { dag: formatDatum(d.dag) })
                    : t('statuspagina.dag', {
                        dag: formatDatum(d.dag),
                        waarde: percentage(d.beschikbaarheid),
                        oordeel: t(`beschikbaarheid.oordeel.${d.oordeel}`).toLowerCase(),
                      })
                return (
                  <li key={d.dag} className={`rk-mon-dag rk-mon-dag--${d.oordeel}`} title={tekst}>
                    <span className="rk-visually-hidden">{tekst}</span>
                  </li>
                )
              })}
            </ul>
            <div className="rk-mon-dagen__as" aria-hidden="true">
              <span>{t('statuspagina.oudste')}</span>
              <span>{t('statuspagina.vandaag')}</span>
            </div>
          </section>
        )
      })}
      {p.koppelingen.length > 0 && (
        <Table className="rk-mon-tabel">
          <TableCaption>{t('statuspagina.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('statuspagina.koppeling')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('statuspagina.nu')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('statuspagina.beschikbaarheid90')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('statuspagina.doel')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {p.koppelingen.map((k) => (
              <TableRow key={k.koppeling.id ?? k.koppeling.naam}>
                <TableHeaderCell scope="row">{k.koppeling.naam}</TableHeaderCell>
                <TableCell>
                  <StatusLabel status={k.status} />
                </TableCell>
                <TableCell className="rk-getal">{percentage(k.beschikbaarheid90d) ?? t('beschikbaarheid.nietGemeten')}</TableCell>
                <TableCell className="rk-getal">{percentage(k.doel) ?? t('beschikbaarheid.geenDoel')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  )
}
