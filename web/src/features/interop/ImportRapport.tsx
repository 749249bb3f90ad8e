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
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { formatGetal } from '../../i18n/format'
import { type ArchimateImportRapport, PAGINA } from './api'

// What an ArchiMate import does or did: the errors first (nothing is imported while there
// are any), the counts per kind, every object with what happens to it and what it was
// recognised by, then what was skipped and what was assumed — each with its line in the file.

/** More rows than this are counted, not shown: a whole GEMMA model has thousands. */
const MAX_RIJEN = 1000

const SOORTEN = ['organisatie', 'referentiecomponent', 'applicatie', 'koppeling'] as const

function Regel({ regel }: { regel?: number }) {
  const { t } = useTranslation('interop')
  return <>{regel === undefined ? t('rapport.geenRegel') : formatGetal(regel)}</>
}

/** A field as its form labels it ("Huidige status"), else as the API names it. */
function VeldNaam({ veld }: { veld: string }) {
  const { t, i18n } = useTranslation('interop')
  return <>{i18n.exists(`registry:veld.${veld}`) ? t(`registry:veld.${veld}`) : veld}</>
}

function Meer({ totaal }: { totaal: number }) {
  const { t } = useTranslation('interop')
  if (totaal <= MAX_RIJEN) return null
  return <Paragraph>{t('rapport.meer', { count: totaal - MAX_RIJEN })}</Paragraph>
}

function Sectie({ id, kop, uitleg, children }: { id: string; kop: string; uitleg?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rk-interop-sectie">
      <Heading level={3} appearanceLevel={4} id={id}>
        {kop}
      </Heading>
      {uitleg && <Paragraph>{uitleg}</Paragraph>}
      {children}
    </section>
  )
}

function Fouten({ fouten }: { fouten: ArchimateImportRapport['fouten'] }) {
  const { t } = useTranslation('interop')
  return (
    <Alert type="error" className="rk-interop-fouten">
      <Heading level={3} appearanceLevel={4} id="rapport-fouten">
        {t('rapport.fouten.kop')} ({formatGetal(fouten.length)})
      </Heading>
      <Paragraph>{t('rapport.fouten.uitleg')}</Paragraph>
      <Table className="rk-interop-tabel">
        <TableCaption className="rk-visually-hidden">{t('rapport.fouten.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('rapport.kolom.regel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.element')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.veld')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.reden')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fouten.slice(0, MAX_RIJEN).map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one element may have several errors
            <TableRow key={i}>
              <TableCell>
                <Regel regel={f.regel} />
              </TableCell>
              <TableCell className="rk-interop-breek">{f.naam ?? f.elementId ?? ''}</TableCell>
              <TableCell>
                <VeldNaam veld={f.veld} />
              </TableCell>
              <TableCell>{f.reden}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Meer totaal={fouten.length} />
    </Alert>
  )
}

function Totalen({ rapport }: { rapport: ArchimateImportRapport }) {
  const { t } = useTranslation('interop')
  const tot = rapport.totalen
  return (
    <>
      <Table className="rk-interop-tabel rk-interop-totalen">
        <TableCaption>{t('rapport.totalen.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('rapport.totalen.soort')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('rapport.totalen.aanmaken')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('rapport.totalen.samenvoegen')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {SOORTEN.map((s) => (
            <TableRow key={s} data-soort={s}>
              <TableHeaderCell scope="row">{t(`rapport.soorten.${PAGINA[s]}`)}</TableHeaderCell>
              <TableCell className="rk-getal">{formatGetal(tot[s].aanmaken)}</TableCell>
              <TableCell className="rk-getal">{formatGetal(tot[s].samenvoegen)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <UnorderedList className="rk-interop-tellingen">
        <UnorderedListItem>{t('rapport.totalen.overgeslagen', { count: tot.overgeslagen })}</UnorderedListItem>
        <UnorderedListItem>{t('rapport.totalen.aannames', { count: tot.aannames })}</UnorderedListItem>
        <UnorderedListItem className={tot.fouten > 0 ? 'rk-interop-telling--fout' : undefined}>
          {t('rapport.totalen.fouten', { count: tot.fouten })}
        </UnorderedListItem>
      </UnorderedList>
    </>
  )
}

function Objecten({ rapport }: { rapport: ArchimateImportRapport }) {
  const { t } = useTranslation('interop')
  const gedaan = rapport.geimporteerd
  return (
    <Sectie id="rapport-regels" kop={gedaan ? t('rapport.regels.kopGedaan') : t('rapport.regels.kop')}>
      {rapport.regels.length === 0 ? (
        <Paragraph>{t('rapport.regels.geen')}</Paragraph>
      ) : (
        <Table className="rk-interop-tabel">
          <TableCaption className="rk-visually-hidden">{t('rapport.regels.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('rapport.kolom.soort')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('rapport.kolom.naam')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('rapport.kolom.actie')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('rapport.kolom.overeenkomst')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-bijzaak">
                {t('rapport.kolom.regel')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rapport.regels.slice(0, MAX_RIJEN).map((r) => {
              // An object that exists: one merged with, or one the import created.
              const bestaat = r.actie === 'samenvoegen' || gedaan
              return (
                <TableRow key={`${r.soort}-${r.id}-${r.elementIds.join(',')}`} data-actie={r.actie}>
                  <TableCell>{t(`rapport.soort.${r.soort}`)}</TableCell>
                  <TableHeaderCell scope="row" className="rk-interop-breek">
                    {bestaat ? <AppLink to={`/${PAGINA[r.soort]}/${r.id}`}>{r.naam}</AppLink> : r.naam}
                  </TableHeaderCell>
                  <TableCell>
                    {gedaan ? t(`rapport.actieGedaan.${r.actie}`) : t(`rapport.actie.${r.actie}`)}
                    {r.actie === 'samenvoegen' && (
                      <span className="rk-interop-gevolg">
                        {' — '}
                        {r.wijzigt ? t('rapport.regels.wijzigt') : t('rapport.regels.wijzigtNiet')}
                      </span>
                    )}
                  </TableCell>
                  <TableCell>
                    {r.overeenkomst ? t(`rapport.overeenkomst.${r.overeenkomst}`, { defaultValue: r.overeenkomst }) : ''}
                  </TableCell>
                  <TableCell className="rk-bijzaak">
                    <Regel regel={r.regel} />
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      )}
      <Meer totaal={rapport.regels.length} />
    </Sectie>
  )
}

function Overgeslagen({ rijen }: { rijen: ArchimateImportRapport['overgeslagen'] }) {
  const { t } = useTranslation('interop')
  if (rijen.length === 0) return null
  return (
    <Sectie id="rapport-overgeslagen" kop={t('rapport.overgeslagen.kop')} uitleg={t('rapport.overgeslagen.uitleg')}>
      <Table className="rk-interop-tabel">
        <TableCaption className="rk-visually-hidden">{t('rapport.overgeslagen.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('rapport.kolom.regel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.archimateSoort')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.element')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.reden')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.slice(0, MAX_RIJEN).map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an element may be skipped for two reasons
            <TableRow key={i}>
              <TableCell>
                <Regel regel={o.regel} />
              </TableCell>
              <TableCell>{o.soort}</TableCell>
              <TableCell className="rk-interop-breek">{o.naam ?? o.elementId}</TableCell>
              <TableCell>{o.reden}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Meer totaal={rijen.length} />
    </Sectie>
  )
}

function Aannames({ rijen }: { rijen: ArchimateImportRapport['aannames'] }) {
  const { t } = useTranslation('interop')
  if (rijen.length === 0) return null
  return (
    <Sectie id="rapport-aannames" kop={t('rapport.aannames.kop')} uitleg={t('rapport.aannames.uitleg')}>
      <Table className="rk-interop-tabel">
        <TableCaption className="rk-visually-hidden">{t('rapport.aannames.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('rapport.kolom.regel')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-bijzaak">
              {t('rapport.kolom.element')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.veld')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.waarde')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rapport.kolom.reden')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.slice(0, MAX_RIJEN).map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one element may have several assumed fields
            <TableRow key={i}>
              <TableCell>
                <Regel regel={a.regel} />
              </TableCell>
              <TableCell className="rk-bijzaak rk-interop-breek">{a.elementId}</TableCell>
              <TableCell>
                <VeldNaam veld={a.veld} />
              </TableCell>
              <TableCell>{a.waarde}</TableCell>
              <TableCell>{a.reden}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Meer totaal={rijen.length} />
    </Sectie>
  )
}

/** The report of a trial or a real import; its heading takes the focus when it appears, so a screen reader reads on from there. */
export function ImportRapport({ rapport }: { rapport: ArchimateImportRapport }) {
  const { t } = useTranslation('interop')
  const kop = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    kop.current?.focus()
  }, [])
  const som = (k: 'aanmaken' | 'samenvoegen') => SOORTEN.reduce((n, s) => n + rapport.totalen[s][k], 0)
  return (
    <section aria-labelledby="rapport-kop" className="rk-interop-sectie rk-interop-rapport">
      <Heading level={2} appearanceLevel={3} id="rapport-kop" ref={kop} tabIndex={-1}>
        {rapport.geimporteerd ? t('rapport.kopImport') : t('rapport.kopProef')}
      </Heading>
      {rapport.geimporteerd ? (
        <Alert type="ok">
          <Paragraph>
            {t('rapport.geimporteerd', { aanmaken: formatGetal(som('aanmaken')), samenvoegen: formatGetal(som('samenvoegen')) })}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('rapport.proefUitleg')}</Paragraph>
      )}
      <Paragraph>
        {t('rapport.model', {
          naam: rapport.model.naam,
          elementen: formatGetal(rapport.model.elementen),
          relaties: formatGetal(rapport.model.relaties),
        })}
      </Paragraph>
      {rapport.fouten.length > 0 && <Fouten fouten={rapport.fouten} />}
      <Totalen rapport={rapport} />
      <Objecten rapport={rapport} />
      <Overgeslagen rijen={rapport.overgeslagen} />
      <Aannames rijen={rapport.aannames} />
    </section>
  )
}
