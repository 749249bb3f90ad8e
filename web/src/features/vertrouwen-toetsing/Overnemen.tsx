import {
  Alert,
  Button,
  FormFieldSelect,
  FormFieldTextInput,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiProblem, get, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useOpties } from '../registry/api'
import { BELEID_KEY, inTaal, type Standaardbeleid, type Vertrouwensbeleid, type VoorvertoningUitkomst } from './api'
import { magBeleidVastleggen } from './Beleidslijst'
import { Melding } from './Melding'
import './toetsing.css'

// Adopting the shipped BIO default as an organisation's own policy: choose the
// organisation and a name, see first how many findings that would open and close
// (POST /vertrouwensbeleid/_voorvertoning, nothing stored), then record it. From then on
// the organisation's CISO can change the rules without touching the default.

type Veld = 'eigenaarId' | 'naam'
const domId = (v: Veld) => `overnemen-${v}`

type Gevolg = VoorvertoningUitkomst['openen'][number]

function Gevolgen({ kop, lijst, totaal }: { kop: string; lijst: Gevolg[]; totaal: number }) {
  const { t } = useTranslation('toetsing')
  if (lijst.length === 0) return null
  return (
    <div className="rk-table-wrap rk-toetsing__stapel">
      <Table>
        <TableCaption>
          {kop}
          {totaal > lijst.length ? ` ${t('overnemen.eerste', { count: lijst.length })}` : ''}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('overnemen.kolom.ernst')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overnemen.kolom.partij')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overnemen.kolom.regel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overnemen.kolom.waarom')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lijst.map((g) => (
            <TableRow key={g.sleutel}>
              <TableCell data-label={t('overnemen.kolom.ernst')}>{t(`ernst.${g.ernst}`)}</TableCell>
              <TableCell data-label={t('overnemen.kolom.partij')}>{g.partijNaam}</TableCell>
              <TableCell data-label={t('overnemen.kolom.regel')}>
                {g.regelId}
                <span className="rk-toetsing__regel">{g.maatregel}</span>
              </TableCell>
              <TableCell data-label={t('overnemen.kolom.waarom')}>{inTaal(g.uitleg)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function Overnemen() {
  const { t } = useTranslation('toetsing')
  const ik = useCurrentIk()
  const client = useQueryClient()
  const navigate = useNavigate()
  const organisaties = useOpties('organisaties')
  const admin = ik.gebruiker.rollen.some((r) => r.rol === 'admin')
  const beheerd = new Set(ik.gebruiker.rollen.filter((r) => r.rol === 'beheerder' && r.organisatieId).map((r) => r.organisatieId))
  const keuzes = (organisaties.data ?? []).filter((o) => admin || beheerd.has(o.id))
  const naamVan = (id: string) => organisaties.data?.find((o) => o.id === id)?.naam ?? id
  const [eigenaarId, setEigenaarId] = useState(() => (beheerd.size === 1 ? ([...beheerd][0] ?? '') : ''))
  const [naam, setNaam] = useState('')
  const [naamAangepast, setNaamAangepast] = useState(false)
  const [fouten, setFouten] = useState<Partial<Record<Veld, string>>>({})
  const [poging, setPoging] = useState(0)
  const standaard = useQuery({
    queryKey: [...BELEID_KEY, 'standaard'],
    queryFn: ({ signal }) => get<Standaardbeleid>('vertrouwensbeleid/standaard', signal),
    staleTime: 5 * 60_000,
  })
  const voorgesteldeNaam = eigenaarId ? t('overnemen.naamVoorstel', { organisatie: naamVan(eigenaarId) }) : ''
  const effectieveNaam = naamAangepast ? naam : voorgesteldeNaam
  const beleid = {
    eigenaarId,
    naam: effectieveNaam.trim(),
    samenwerkingIds: [] as string[],
    regels: standaard.data?.regels ?? [],
  }
  const sleutel = JSON.stringify([beleid.eigenaarId, beleid.naam])

  const veldFouten = (e: unknown) => {
    if (!(e instanceof ApiProblem) || e.status !== 400) return
    const uit: Partial<Record<Veld, string>> = {}
    for (const p of e.body.invalidParams ?? []) {
      const veld = p.name.replace(/^body\.?/, '').replace(/^beleid\./, '')
      if (veld === 'eigenaarId' || veld === 'naam') uit[veld] = uit[veld] ? `${uit[veld]} ${p.reason}` : p.reason
    }
    setFouten(uit)
    setPoging((n) => n + 1)
  }

  const voorvertoning = useMutation({
    mutationKey: ['voorvertoning'],
    mutationFn: (_sleutel: string) =>
      request<VoorvertoningUitkomst>('vertrouwensbeleid/_voorvertoning', { method: 'POST', body: { beleid } }).then((r) => r.data),
    onError: veldFouten,
  })
  const opslaan = useMutation({
    mutationFn: (bevestig: boolean) =>
      request<Vertrouwensbeleid>('vertrouwensbeleid', {
        method: 'POST',
        body: { ...beleid, ...(bevestig ? { bevestigGevolgen: true } : {}) },
      }).then((r) => r.data),
    onSuccess: async (b) => {
      await Promise.all([client.invalidateQueries({ queryKey: BELEID_KEY }), client.invalidateQueries({ queryKey: ['vertrouwen'] })])
      navigate(`/vertrouwensbeleid/${b.id}`, { state: { melding: t('overnemen.opgeslagen', { naam: b.naam }) } })
    },
    onError: veldFouten,
  })
  // The preview belongs to the organisation and name it was made for; changing either asks for a new one.
  const gevolgen = voorvertoning.data && voorvertoning.variables === sleutel ? voorvertoning.data : undefined

  if (!magBeleidVastleggen(ik)) return <GeenToegang titel={t('overnemen.titel')} uitleg={t('overnemen.geenRecht')} />

  function controleer(): boolean {
    const uit: Partial<Record<Veld, string>> = {}
    if (!beleid.eigenaarId) uit.eigenaarId = t('overnemen.fout.organisatie')
    if (!beleid.naam) uit.naam = t('overnemen.fout.naam')
    setFouten(uit)
    if (Object.keys(uit).length > 0) {
      setPoging((n) => n + 1)
      return false
    }
    return true
  }

  function bekijk(e: FormEvent) {
    e.preventDefault()
    opslaan.reset()
    if (controleer()) voorvertoning.mutate(sleutel)
  }

  const labels: Record<Veld, string> = { eigenaarId: t('overnemen.organisatie'), naam: t('overnemen.naam') }
  const meldingen: Foutmelding[] = (['eigenaarId', 'naam'] as const).flatMap((v) =>
    fouten[v] ? [{ doel: domId(v), label: labels[v], melding: fouten[v] }] : [],
  )
  const zonderVeld = (e: unknown) => (e instanceof ApiProblem && e.status === 400 && meldingen.length > 0 ? undefined : e)

  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/vertrouwensbeleid">{t('beleid.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('overnemen.titel')} />
      <Paragraph>{t('overnemen.intro')}</Paragraph>
      <ErrorSummary fouten={meldingen} poging={poging} />
      <ErrorAlert error={organisaties.error ?? standaard.error} />
      {standaard.isPending && <Loading />}
      <form className="rk-form rk-toetsing__formulier" onSubmit={bekijk} noValidate>
        <div id={domId('eigenaarId')}>
          <FormFieldSelect
            label={labels.eigenaarId}
            description={t('overnemen.organisatieHulp')}
            name="eigenaarId"
            value={eigenaarId}
            required
            invalid={Boolean(fouten.eigenaarId)}
            errorMessage={fouten.eigenaarId}
            onChange={(e) => setEigenaarId((e.target as HTMLSelectElement).value)}
          >
            <SelectOption value="">{t('toets.veld.kies')}</SelectOption>
            {keuzes.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.naam}
              </SelectOption>
            ))}
          </FormFieldSelect>
        </div>
        <div id={domId('naam')}>
          <FormFieldTextInput
            label={labels.naam}
            name="naam"
            value={effectieveNaam}
            required
            autoComplete="off"
            maxLength={200}
            invalid={Boolean(fouten.naam)}
            errorMessage={fouten.naam}
            onChange={(e) => {
              setNaamAangepast(true)
              setNaam((e.target as HTMLInputElement).value)
            }}
          />
        </div>
        {standaard.data && (
          <Paragraph>
            {t('overnemen.regels', { count: standaard.data.regels.length })}{' '}
            <AppLink to="/vertrouwensbeleid/standaard">{t('overnemen.regelsLezen')}</AppLink>
          </Paragraph>
        )}
        <div>
          <Button type="submit" appearance="secondary-action-button" disabled={voorvertoning.isPending || !standaard.data}>
            {voorvertoning.isPending ? t('overnemen.bezig') : t('overnemen.bekijken')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={zonderVeld(voorvertoning.error)} />
      <Melding
        soort="info"
        tekst={
          gevolgen
            ? t('overnemen.uitkomst', {
                openen: t('overnemen.openen', { count: gevolgen.aantalOpenen }),
                sluiten: t('overnemen.sluiten', { count: gevolgen.aantalSluiten }),
              })
            : undefined
        }
      />
      {gevolgen && (
        <section aria-labelledby="overnemen-gevolgen-kop" className="rk-toetsing__sectie">
          <Heading level={2} appearanceLevel={3} id="overnemen-gevolgen-kop">
            {t('overnemen.gevolgenKop')}
          </Heading>
          <Paragraph>{t('overnemen.gevolgenUitleg')}</Paragraph>
          <Gevolgen kop={t('overnemen.openen', { count: gevolgen.aantalOpenen })} lijst={gevolgen.openen} totaal={gevolgen.aantalOpenen} />
          <Gevolgen
            kop={t('overnemen.sluiten', { count: gevolgen.aantalSluiten })}
            lijst={gevolgen.sluiten}
            totaal={gevolgen.aantalSluiten}
          />
          {gevolgen.bevestigingNodig && (
            <Alert type="warning">
              <Paragraph>{t('overnemen.veel', { count: gevolgen.aantalOpenen, drempel: gevolgen.drempel })}</Paragraph>
            </Alert>
          )}
          <ErrorAlert error={zonderVeld(opslaan.error)} />
          <div className="rk-toetsing__knoppen">
            <Button
              appearance="primary-action-button"
              disabled={opslaan.isPending}
              onClick={() => {
                if (controleer()) opslaan.mutate(gevolgen.bevestigingNodig)
              }}
            >
              {opslaan.isPending ? t('overnemen.opslaanBezig') : t('overnemen.opslaan')}
            </Button>
          </div>
        </section>
      )}
    </>
  )
}
