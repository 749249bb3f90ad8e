import {
  Button,
  FormFieldSelect,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatDatum } from '../../i18n/format'
import { beleidPad, dagenTussen, HERBEOORDELINGEN_KEY, type Herbeoordeling, type Herbeoordelingslijst } from './api'
import { type Besluit, Herbeoordelen, useToegang } from './Herbeoordelen'
import { Melding } from './Melding'
import { Verwijzing } from './Verwijzing'
import './toetsing.css'

// The review list (herbeoordeling, BIO 9.2.5): grants whose review is due within a window
// of days, overdue first and then by due date. Each row says in words whether it is
// overdue, and offers "Goedkeuren" and "Intrekken" when the user may change the grant.

const VENSTERS = [30, 90, 180, 366] as const
const STANDAARD_VENSTER = 30

function Venster({ dagen, onKies }: { dagen: number; onKies: (d: number) => void }) {
  const { t } = useTranslation('toetsing')
  const [keuze, setKeuze] = useState(String(dagen))
  function submit(e: FormEvent) {
    e.preventDefault()
    onKies(Number(keuze))
  }
  return (
    <search aria-labelledby="herb-venster-kop">
      <Heading level={2} appearanceLevel={4} id="herb-venster-kop">
        {t('herbeoordelingen.venster.kop')}
      </Heading>
      <form onSubmit={submit} className="rk-toolbar" noValidate>
        <FormFieldSelect
          label={t('herbeoordelingen.venster.label')}
          name="binnenDagen"
          value={keuze}
          onChange={(e) => setKeuze((e.target as HTMLSelectElement).value)}
        >
          {VENSTERS.map((d) => (
            <SelectOption key={d} value={String(d)}>
              {t('herbeoordelingen.venster.dagen', { count: d })}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('herbeoordelingen.venster.toon')}
          </Button>
        </div>
      </form>
    </search>
  )
}

/** Overdue or not, in words (never colour alone). */
function Termijn({ h, peildatum, ingetrokken }: { h: Herbeoordeling; peildatum: string; ingetrokken?: string }) {
  const { t } = useTranslation('toetsing')
  const dagen = dagenTussen(peildatum, h.uiterlijk)
  const achterstallig = h.achterstallig && !ingetrokken
  return (
    <>
      <span className="rk-toetsing__regel">{t('herbeoordelingen.uiterlijk', { datum: formatDatum(h.uiterlijk) })}</span>
      <span className="rk-toetsing__regel">
        {h.laatsteBeoordeling
          ? t('herbeoordelingen.laatste', { datum: formatDatum(h.laatsteBeoordeling) })
          : t('herbeoordelingen.nooitBeoordeeld')}
      </span>
      <span className={achterstallig ? 'rk-toetsing__status rk-toetsing__status--achterstallig' : 'rk-toetsing__status'}>
        {ingetrokken
          ? t('herbeoordelingen.ingetrokkenKort', { datum: formatDatum(ingetrokken) })
          : achterstallig
            ? t('herbeoordelingen.achterstallig', { count: -dagen })
            : dagen === 0
              ? t('herbeoordelingen.vandaag')
              : t('herbeoordelingen.over', { count: dagen })}
      </span>
    </>
  )
}

function Rij({ h, peildatum, onVraag }: { h: Herbeoordeling; peildatum: string; onVraag: (b: Besluit) => void }) {
  const { t } = useTranslation('toetsing')
  const toegang = useToegang(h.toegangId)
  const g = toegang.data?.data
  const object = g?.object
  const mag = Boolean(g && !g.intrekking && g.toegestaneActies?.includes('wijzigen'))
  return (
    <TableRow className={h.achterstallig && !g?.intrekking ? 'rk-toetsing__rij--achterstallig' : undefined}>
      <TableCell data-label={t('herbeoordelingen.kolom.toegang')}>
        <span className="rk-toetsing__partij">
          <AppLink to={`/organisaties/${h.partijId}`}>{h.partijNaam}</AppLink>
        </span>
        <span className="rk-toetsing__regel">{h.doel}</span>
        {object && (
          <span className="rk-toetsing__regel">
            {object.soort === 'netwerkzone' ? (
              t('herbeoordelingen.totNetwerkzone', { naam: object.naam })
            ) : (
              <>
                {t(`herbeoordelingen.tot.${object.soort}`)}{' '}
                <Verwijzing soort={object.soort === 'applicatie' ? 'applicaties' : 'koppelingen'} id={object.id} />
              </>
            )}
          </span>
        )}
        <span className="rk-toetsing__regel">{t('herbeoordelingen.verleendDoor', { naam: h.verleendDoorNaam })}</span>
      </TableCell>
      <TableCell data-label={t('herbeoordelingen.kolom.uiterlijk')}>
        <Termijn h={h} peildatum={peildatum} ingetrokken={g?.intrekking?.op} />
      </TableCell>
      <TableCell data-label={t('herbeoordelingen.kolom.regel')}>
        <span className="rk-toetsing__regel">{h.maatregel}</span>
        <AppLink to={`${beleidPad(h.beleidId)}#regel-${h.regelId}`}>
          {t('herbeoordelingen.regelVan', { regel: h.regelId, beleid: h.beleidNaam })}
        </AppLink>
      </TableCell>
      <TableCell data-label={t('herbeoordelingen.kolom.acties')}>
        {g?.intrekking ? (
          t('herbeoordelingen.isIngetrokken', { door: g.intrekking.door, reden: g.intrekking.reden })
        ) : mag ? (
          <div className="rk-toetsing__knoppen rk-toetsing__knoppen--kolom">
            <Button appearance="primary-action-button" aria-haspopup="dialog" onClick={() => onVraag('goedkeuren')}>
              {t('herbeoordelingen.goedkeuren')}
              <span className="rk-visually-hidden">{t('herbeoordelingen.vanToegang', { partij: h.partijNaam })}</span>
            </Button>
            <Button appearance="secondary-action-button" aria-haspopup="dialog" onClick={() => onVraag('intrekken')}>
              {t('herbeoordelingen.intrekken')}
              <span className="rk-visually-hidden">{t('herbeoordelingen.vanToegang', { partij: h.partijNaam })}</span>
            </Button>
          </div>
        ) : toegang.isPending ? (
          ''
        ) : (
          t('herbeoordelingen.geenRecht')
        )}
      </TableCell>
    </TableRow>
  )
}

/** Overdue first, then by due date, then by party. */
export function sorteer(rijen: readonly Herbeoordeling[]): Herbeoordeling[] {
  return [...rijen].sort(
    (a, b) =>
      Number(b.achterstallig) - Number(a.achterstallig) ||
      a.uiterlijk.localeCompare(b.uiterlijk) ||
      a.partijNaam.localeCompare(b.partijNaam, 'nl'),
  )
}

export default function Herbeoordelingen() {
  const { t } = useTranslation('toetsing')
  const [params, setParams] = useSearchParams()
  const gevraagd = Number(params.get('binnenDagen'))
  const binnenDagen = (VENSTERS as readonly number[]).includes(gevraagd) ? gevraagd : STANDAARD_VENSTER
  const lijst = useQuery({
    queryKey: [...HERBEOORDELINGEN_KEY, binnenDagen],
    queryFn: ({ signal }) => get<Herbeoordelingslijst>(`herbeoordelingen?binnenDagen=${binnenDagen}`, signal),
    placeholderData: keepPreviousData,
  })
  const [melding, setMelding] = useState<string>()
  const [vraag, setVraag] = useState<{ h: Herbeoordeling; besluit: Besluit }>()
  const rijen = sorteer(lijst.data?.resultaten ?? [])
  const achterstallig = rijen.filter((r) => r.achterstallig).length
  const peildatum = lijst.data?.peildatum ?? ''

  return (
    <>
      <PageHeading titel={t('herbeoordelingen.titel')} />
      <Paragraph>{t('herbeoordelingen.intro')}</Paragraph>
      <Melding tekst={melding} />
      <Venster
        key={binnenDagen}
        dagen={binnenDagen}
        onKies={(d) => {
          setMelding(undefined)
          setParams(d === STANDAARD_VENSTER ? {} : { binnenDagen: String(d) })
        }}
      />
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && rijen.length === 0 && (
        <Paragraph>{t('herbeoordelingen.geen', { count: lijst.data.binnenDagen, datum: formatDatum(peildatum) })}</Paragraph>
      )}
      {lijst.data && rijen.length > 0 && (
        <>
          <Paragraph className="rk-toetsing__samenvatting">
            {t('herbeoordelingen.samenvatting', { count: rijen.length, achterstallig, datum: formatDatum(peildatum) })}
          </Paragraph>
          <div className="rk-table-wrap rk-toetsing__stapel">
            <Table className="rk-toetsing__tabel">
              <TableCaption>{t('herbeoordelingen.caption', { count: binnenDagen })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('herbeoordelingen.kolom.toegang')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('herbeoordelingen.kolom.uiterlijk')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('herbeoordelingen.kolom.regel')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('herbeoordelingen.kolom.acties')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rijen.map((h) => (
                  <Rij
                    key={h.toegangId}
                    h={h}
                    peildatum={peildatum}
                    onVraag={(besluit) => {
                      setMelding(undefined)
                      setVraag({ h, besluit })
                    }}
                  />
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {vraag && (
        <Herbeoordelen
          key={`${vraag.h.toegangId}-${vraag.besluit}`}
          h={vraag.h}
          besluit={vraag.besluit}
          onGelukt={(m) => {
            setMelding(m)
            setVraag(undefined)
          }}
          onNee={() => setVraag(undefined)}
        />
      )}
    </>
  )
}
