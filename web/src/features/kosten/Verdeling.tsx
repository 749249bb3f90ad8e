import {
  Alert,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiProblem } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { ErrorAlert, Loading } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { useVerdeling } from './api'
import { magAanmaken } from './soorten'
import { breukAlsPercentage, leesOntbrekend } from './verdeling-tekst'
import { decimaalTekst } from './Weergave'

// The allocation of one kostenpost as the API computes it: each participant's share
// and amount (adding up to the cent), which received a remainder cent, and how the
// share came about — or, when it cannot be made yet, what is missing and where to add it.

function NietMogelijk({ fout, sleutelId }: { fout: ApiProblem; sleutelId: unknown }) {
  const { t } = useTranslation('kosten')
  const ik = useCurrentIk()
  const params = fout.body.invalidParams ?? []
  const magMaatstaf = magAanmaken(ik, 'maatstafwaarden')
  return (
    <Alert type="warning">
      <Heading level={3} appearanceLevel={4}>
        {t('verdeling.nietMogelijkTitel')}
      </Heading>
      <Paragraph>{t('verdeling.nietMogelijk')}</Paragraph>
      <UnorderedList>
        {params.map((p, i) => {
          const o = leesOntbrekend(p)
          if (!o)
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity of their own
              <UnorderedListItem key={i}>
                {p.reason}{' '}
                {typeof sleutelId === 'string' && <Link to={`/verdeelsleutels/${sleutelId}`}>{t('verdeling.sleutelBewerken')}</Link>}
              </UnorderedListItem>
            )
          const inwoners = o.maatstaf === 'inwoners'
          const q = new URLSearchParams({ organisatieId: o.organisatieId, maatstaf: o.maatstaf, jaar: o.jaar })
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity of their own
            <UnorderedListItem key={i}>
              {t('verdeling.ontbreekt', { maatstaf: o.maatstaf, naam: o.naam, jaar: o.jaar })}{' '}
              {inwoners ? (
                <>
                  <Link to={`/organisaties/${o.organisatieId}/bewerken`}>{t('verdeling.inwonersToevoegen', { naam: o.naam })}</Link>
                  {magMaatstaf && (
                    <>
                      {' '}
                      <Link to={`/maatstafwaarden/nieuw?${q}`}>{t('verdeling.inwonersAlsMaatstaf')}</Link>
                    </>
                  )}
                </>
              ) : magMaatstaf ? (
                <Link to={`/maatstafwaarden/nieuw?${q}`}>
                  {t('verdeling.maatstafToevoegen')}
                  <span className="rk-visually-hidden">
                    {' '}
                    {o.maatstaf} {o.naam} {o.jaar}
                  </span>
                </Link>
              ) : (
                t('verdeling.vraagBeheerder')
              )}
            </UnorderedListItem>
          )
        })}
      </UnorderedList>
    </Alert>
  )
}

export function Verdeling({ id, revisie, sleutelId }: { id: string; revisie: number; sleutelId: unknown }) {
  const { t, i18n } = useTranslation('kosten')
  const verdeling = useVerdeling(id, revisie)
  const taal = i18n.language
  const kop = (
    <Heading level={2} appearanceLevel={3} id="verdeling-kop">
      {t('verdeling.titel')}
    </Heading>
  )
  if (verdeling.isPending)
    return (
      <section aria-labelledby="verdeling-kop" className="rk-sectie">
        {kop}
        <Loading />
      </section>
    )
  if (verdeling.error || !verdeling.data) {
    const fout = verdeling.error
    return (
      <section aria-labelledby="verdeling-kop" className="rk-sectie">
        {kop}
        {fout instanceof ApiProblem && fout.status === 409 ? (
          <NietMogelijk fout={fout} sleutelId={sleutelId} />
        ) : (
          <ErrorAlert error={fout} />
        )}
      </section>
    )
  }
  const v = verdeling.data
  const som = v.delen.reduce((s, d) => s + d.bedrag, 0)
  return (
    <section aria-labelledby="verdeling-kop" className="rk-sectie">
      {kop}
      <Paragraph>
        <Trans
          t={t}
          i18nKey="verdeling.samenvatting"
          values={{
            bedrag: formatBedrag(v.bedrag),
            grondslag: t(`verdeling.grondslag.${v.grondslag}`),
            jaar: v.jaar,
            sleutel: v.sleutel.naam,
            vanaf: v.sleutel.geldigVanaf,
          }}
          components={{ sleutel: <Link to={`/verdeelsleutels/${v.sleutel.id}`} /> }}
        />
      </Paragraph>
      <div className="rk-table-wrap">
        <Table className="rk-verdeling">
          <TableCaption>{t('verdeling.tabel')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('verdeling.deelnemer')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('verdeling.aandeel')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('verdeling.bedrag')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('verdeling.afronding')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {v.delen.map((d) => (
              <TableRow key={d.deelnemerId}>
                <TableHeaderCell scope="row">
                  <Link to={`/organisaties/${d.deelnemerId}`}>{d.naam}</Link>
                </TableHeaderCell>
                <TableCell className="rk-getal">{breukAlsPercentage(d.fractie.teller, d.fractie.noemer, taal)}%</TableCell>
                <TableCell className="rk-getal">{formatBedrag(d.bedrag)}</TableCell>
                <TableCell>
                  {d.restcent ? <span className="rk-restcent">{t('verdeling.restcent')}</span> : t('verdeling.geenRestcent')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row">{t('verdeling.totaal')}</TableHeaderCell>
              <TableCell className="rk-getal">{decimaalTekst('100.00', taal)}%</TableCell>
              <TableCell className="rk-getal">{formatBedrag(som)}</TableCell>
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      </div>
      <Paragraph className="rk-uitleg">{t('verdeling.uitlegAfronding')}</Paragraph>
      <Paragraph className="rk-uitleg">{taal.startsWith('en') ? v.afronding.uitleg.en : v.afronding.uitleg.nl}</Paragraph>

      <Heading level={3} appearanceLevel={4}>
        {t('verdeling.berekening')}
      </Heading>
      <Paragraph className="rk-uitleg">{t('verdeling.uitlegBerekening')}</Paragraph>
      {v.delen.some((d) => d.stappen.some((s) => s.maatstaf === 'inwoners')) && (
        <Paragraph className="rk-uitleg">{t('verdeling.uitlegBron')}</Paragraph>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, also by keyboard */}
      <section className="rk-table-wrap" aria-label={t('verdeling.berekeningTabel')} tabIndex={0}>
        <Table className="rk-berekening">
          <TableCaption className="rk-visually-hidden">{t('verdeling.berekeningTabel')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('verdeling.deelnemer')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('verdeling.onderdeel')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('verdeling.aandeelInSleutel')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('verdeling.waardeDeelnemer')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('verdeling.totaalAlle')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('verdeling.bron')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {v.delen.flatMap((d) =>
              d.stappen.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step is identified by its place in the key
                <TableRow key={`${d.deelnemerId}-${i}`}>
                  <TableHeaderCell scope="row">{d.naam}</TableHeaderCell>
                  <TableCell>
                    {s.regel === 'maatstaf'
                      ? t('verdeling.stapMaatstaf', { maatstaf: s.maatstaf, jaar: s.jaar })
                      : s.regel === 'inwoners'
                        ? t('verdeling.stapInwoners', { jaar: s.jaar })
                        : t(`regelSoort.${s.regel}`, { defaultValue: s.regel })}
                  </TableCell>
                  <TableCell className="rk-getal">{decimaalTekst(s.aandeelInSleutel, taal)}%</TableCell>
                  <TableCell className="rk-getal">{decimaalTekst(s.waarde, taal)}</TableCell>
                  <TableCell className="rk-getal">{decimaalTekst(s.totaal, taal)}</TableCell>
                  <TableCell>{s.bron ? t(`verdeling.bronnen.${s.bron}`) : t('verdeling.bronOnbekend')}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </section>
    </section>
  )
}
