import {
  Alert,
  Button,
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldErrorMessage,
  FormFieldSelect,
  FormFieldTextarea,
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
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../src/domain/vocabulary'
import { ApiProblem, get, query, request } from '../../api/client'
import type { Applicatie, Lijst } from '../../api/types'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useWaardeLabel } from '../../i18n/waarden'
import { useOpties } from '../registry/api'
import { beleidPad, inTaal, TOETSING_KEY, type Uitbestedingstoets as Toets } from './api'
import { Melding } from './Melding'
import { Verwijzing } from './Verwijzing'
import { bewijsEis } from './woorden'
import './toetsing.css'

// The uitbestedingstoets: "organisation X moves applicatie(s) Y to party P". Before a
// contract is signed it says which koppelingen and gastheerschappen P would reach, which
// grants P would need, which rules of the applying policies P fails today (with the BIO
// control and why) and what evidence would fix them. Read-only: nothing is stored.

type Veld = 'organisatieId' | 'applicatieIds' | 'netwerkzones' | 'partijId'
const VELDEN: readonly Veld[] = ['organisatieId', 'applicatieIds', 'netwerkzones', 'partijId']

/** The netwerkzones typed one per line, without empty lines or repeats. */
const zonesVan = (tekst: string): string[] => [
  ...new Set(
    tekst
      .split('\n')
      .map((r) => r.trim())
      .filter((r) => r.length > 0),
  ),
]
const domId = (veld: Veld) => `toets-${veld}`

/** The API's field path (`applicatieIds[2]`) to this form's field. */
const veldVan = (pad: string): Veld | undefined => VELDEN.find((v) => pad === v || pad.startsWith(`${v}[`))

function Uitkomst({ r, naamVan }: { r: Toets; naamVan: (id: string) => string }) {
  const { t } = useTranslation('toetsing')
  const partij = naamVan(r.vraag.partijId)
  const koppelingNamen = new Map(
    r.benodigdeToegangen.flatMap((b) => (b.object.soort === 'koppeling' ? [[b.object.id, b.naam] as const] : [])),
  )
  return (
    <>
      {r.waarschuwingen.length > 0 && (
        <Alert type="warning">
          <Heading level={3} appearanceLevel={5}>
            {t('toets.uitkomst.waarschuwingen')}
          </Heading>
          <UnorderedList>
            {r.waarschuwingen.map((w) => (
              <UnorderedListItem key={w.nl}>{inTaal(w)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}

      <Heading level={3} appearanceLevel={4}>
        {t('toets.uitkomst.koppelingen', { partij, count: r.koppelingIds.length })}
      </Heading>
      {r.koppelingIds.length === 0 ? (
        <Paragraph>{t('toets.uitkomst.geenKoppelingen')}</Paragraph>
      ) : (
        <UnorderedList>
          {r.koppelingIds.map((id) => (
            <UnorderedListItem key={id}>
              {koppelingNamen.has(id) ? (
                <AppLink to={`/koppelingen/${id}`}>{koppelingNamen.get(id)}</AppLink>
              ) : (
                <Verwijzing soort="koppelingen" id={id} />
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      <Heading level={3} appearanceLevel={4}>
        {t('toets.uitkomst.gastheerschappen', { count: r.gastheerschapIds.length })}
      </Heading>
      {r.gastheerschapIds.length === 0 ? (
        <Paragraph>{t('toets.uitkomst.geenGastheerschappen')}</Paragraph>
      ) : (
        <UnorderedList>
          {r.gastheerschapIds.map((id) => (
            <UnorderedListItem key={id}>
              <Verwijzing soort="gastheerschappen" id={id} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      <div className="rk-table-wrap rk-toetsing__stapel">
        <Table>
          <TableCaption>{t('toets.uitkomst.toegangen', { partij, count: r.benodigdeToegangen.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('toets.uitkomst.kolom.tot')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('toets.uitkomst.kolom.verleendDoor')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('toets.uitkomst.kolom.waarom')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.benodigdeToegangen.map((b) => (
              <TableRow key={`${b.object.soort}-${b.object.soort === 'netwerkzone' ? b.object.naam : b.object.id}`}>
                <TableCell data-label={t('toets.uitkomst.kolom.tot')}>
                  {t(`toets.uitkomst.soort.${b.object.soort}`)}{' '}
                  {b.object.soort === 'netwerkzone' ? (
                    b.naam
                  ) : (
                    <AppLink to={`/${b.object.soort === 'applicatie' ? 'applicaties' : 'koppelingen'}/${b.object.id}`}>{b.naam}</AppLink>
                  )}
                </TableCell>
                <TableCell data-label={t('toets.uitkomst.kolom.verleendDoor')}>{naamVan(b.verleendDoorId)}</TableCell>
                <TableCell data-label={t('toets.uitkomst.kolom.waarom')}>{inTaal(b.reden)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <Heading level={3} appearanceLevel={4}>
        {t('toets.uitkomst.regels', { partij, count: r.bevindingen.length })}
      </Heading>
      {r.bevindingen.length === 0 ? (
        <Paragraph>{t('toets.uitkomst.geenRegels', { partij })}</Paragraph>
      ) : (
        <ul className="rk-toetsing__bevindingen">
          {r.bevindingen.map((f) => (
            <li key={f.sleutel} className="rk-toetsing__bevinding">
              <Heading level={4} appearanceLevel={5}>
                {t('toets.uitkomst.regel', { regel: f.regelId, maatregel: f.maatregel })}
              </Heading>
              <dl className="rk-toetsing__gegevens">
                <dt>{t('toets.uitkomst.ernst')}</dt>
                <dd>{t(`ernst.${f.ernst}`)}</dd>
                <dt>{t('toets.uitkomst.maatregel')}</dt>
                <dd>
                  {f.maatregel} (<AppLink to={`${beleidPad(f.beleidId)}#regel-${f.regelId}`}>{t('toets.uitkomst.naarRegel')}</AppLink>)
                </dd>
                <dt>{t('toets.uitkomst.waarom')}</dt>
                <dd>{inTaal(f.uitleg)}</dd>
                <dt>{t('toets.uitkomst.herstel')}</dt>
                <dd>{inTaal(f.herstel)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}

      {r.benodigdBewijs.length > 0 && (
        <>
          <Heading level={3} appearanceLevel={4}>
            {t('toets.uitkomst.bewijs', { partij })}
          </Heading>
          <UnorderedList>
            {r.benodigdBewijs.map((eis) => (
              <UnorderedListItem key={JSON.stringify(eis)}>{bewijsEis(t, eis, naamVan)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}

      {r.voorwaarden.length > 0 && (
        <>
          <Heading level={3} appearanceLevel={4}>
            {t('toets.uitkomst.voorwaarden')}
          </Heading>
          <UnorderedList>
            {r.voorwaarden.map((v) => (
              <UnorderedListItem key={v.nl}>{inTaal(v)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  )
}

function ApplicatieKeuze({
  organisatieId,
  organisatieNaam,
  gekozen,
  fout,
  onChange,
}: {
  organisatieId: string
  organisatieNaam: string
  gekozen: ReadonlySet<string>
  fout?: string
  onChange: (ids: Set<string>) => void
}) {
  const { t } = useTranslation('toetsing')
  const foutId = useId()
  const apps = useQuery({
    queryKey: [...TOETSING_KEY, 'applicaties', organisatieId],
    queryFn: ({ signal }) =>
      get<Lijst<Applicatie>>(
        `applicaties${query({ inGebruikBij: organisatieId, sorteer: 'naam', paginaGrootte: LIMITS.paginaGrootteMax })}`,
        signal,
      ),
    enabled: Boolean(organisatieId),
    staleTime: 60_000,
  })
  return (
    <div id={domId('applicatieIds')}>
      <Fieldset legend={t('toets.veld.applicaties')} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        {!organisatieId ? (
          <Paragraph>{t('toets.veld.eerstOrganisatie')}</Paragraph>
        ) : apps.isPending ? (
          <Loading />
        ) : apps.error ? (
          <ErrorAlert error={apps.error} />
        ) : apps.data.resultaten.length === 0 ? (
          <Paragraph>{t('toets.veld.geenApplicaties', { organisatie: organisatieNaam })}</Paragraph>
        ) : (
          <>
            <Paragraph className="rk-toetsing__hulp">{t('toets.veld.applicatiesHulp', { organisatie: organisatieNaam })}</Paragraph>
            {apps.data.resultaten.map((a) => (
              <FormFieldCheckboxOption
                key={a.id}
                label={a.naam}
                name="applicatieIds"
                value={a.id}
                checked={gekozen.has(a.id)}
                invalid={Boolean(fout)}
                onChange={(e) => {
                  const volgende = new Set(gekozen)
                  if ((e.target as HTMLInputElement).checked) volgende.add(a.id)
                  else volgende.delete(a.id)
                  onChange(volgende)
                }}
              />
            ))}
          </>
        )}
      </Fieldset>
    </div>
  )
}

export default function Uitbestedingstoets() {
  const { t } = useTranslation('toetsing')
  const ik = useCurrentIk()
  const waardeLabel = useWaardeLabel()
  const organisaties = useOpties('organisaties')
  const namen = new Map((organisaties.data ?? []).map((o) => [o.id, o.naam]))
  const naamVan = (id: string) => namen.get(id) ?? id
  const eigen = ik.gebruiker.rollen.find((r) => r.organisatieId)?.organisatieId ?? ''
  const [organisatieId, setOrganisatieId] = useState(eigen)
  const [applicatieIds, setApplicatieIds] = useState<Set<string>>(new Set())
  const [netwerkzones, setNetwerkzones] = useState('')
  const [partijId, setPartijId] = useState('')
  const [fouten, setFouten] = useState<Partial<Record<Veld, string>>>({})
  const [poging, setPoging] = useState(0)

  const toets = useMutation({
    mutationFn: (body: { organisatieId: string; applicatieIds: string[]; netwerkzones: string[]; partijId: string }) =>
      request<Toets>('uitbestedingstoets', { method: 'POST', body }).then((r) => r.data),
    onError: (e) => {
      if (e instanceof ApiProblem && e.status === 400) {
        const uit: Partial<Record<Veld, string>> = {}
        for (const p of e.body.invalidParams ?? []) {
          const veld = veldVan(p.name.replace(/^body\.?/, ''))
          if (veld) uit[veld] = uit[veld] ? `${uit[veld]} ${p.reason}` : p.reason
        }
        setFouten(uit)
      }
      setPoging((n) => n + 1)
    },
  })

  function submit(e: FormEvent) {
    e.preventDefault()
    const uit: Partial<Record<Veld, string>> = {}
    if (!organisatieId) uit.organisatieId = t('toets.fout.organisatie')
    if (applicatieIds.size === 0 && zonesVan(netwerkzones).length === 0) uit.applicatieIds = t('toets.fout.applicaties')
    if (!partijId) uit.partijId = t('toets.fout.partij')
    else if (partijId === organisatieId) uit.partijId = t('toets.fout.zelfde')
    setFouten(uit)
    if (Object.keys(uit).length > 0) {
      toets.reset()
      setPoging((n) => n + 1)
      return
    }
    toets.mutate({ organisatieId, applicatieIds: [...applicatieIds], netwerkzones: zonesVan(netwerkzones), partijId })
  }

  const labels: Record<Veld, string> = {
    organisatieId: t('toets.veld.organisatie'),
    applicatieIds: t('toets.veld.applicaties'),
    netwerkzones: t('toets.veld.netwerkzones'),
    partijId: t('toets.veld.partij'),
  }
  const meldingen: Foutmelding[] = VELDEN.flatMap((v) => (fouten[v] ? [{ doel: domId(v), label: labels[v], melding: fouten[v] }] : []))
  // A 400 whose every message sits at a field is shown there (and in the summary); anything else as an alert.
  const andereFout = toets.error instanceof ApiProblem && toets.error.status === 400 && meldingen.length > 0 ? undefined : toets.error
  const opties = organisaties.data ?? []

  return (
    <>
      <PageHeading titel={t('toets.titel')} />
      <Paragraph>{t('toets.intro')}</Paragraph>
      <ErrorSummary fouten={meldingen} poging={poging} />
      <ErrorAlert error={organisaties.error} />
      <form className="rk-form rk-toetsing__formulier" onSubmit={submit} noValidate>
        <div id={domId('organisatieId')}>
          <FormFieldSelect
            label={labels.organisatieId}
            description={t('toets.veld.organisatieHulp')}
            name="organisatieId"
            value={organisatieId}
            required
            invalid={Boolean(fouten.organisatieId)}
            errorMessage={fouten.organisatieId}
            onChange={(e) => {
              setOrganisatieId((e.target as HTMLSelectElement).value)
              setApplicatieIds(new Set())
            }}
          >
            <SelectOption value="">{t('toets.veld.kies')}</SelectOption>
            {opties.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.naam}
              </SelectOption>
            ))}
          </FormFieldSelect>
        </div>
        <ApplicatieKeuze
          key={organisatieId}
          organisatieId={organisatieId}
          organisatieNaam={naamVan(organisatieId)}
          gekozen={applicatieIds}
          fout={fouten.applicatieIds}
          onChange={setApplicatieIds}
        />
        <div id={domId('netwerkzones')}>
          <FormFieldTextarea
            label={labels.netwerkzones}
            description={t('toets.veld.netwerkzonesHulp', { organisatie: naamVan(organisatieId) })}
            name="netwerkzones"
            rows={3}
            value={netwerkzones}
            invalid={Boolean(fouten.netwerkzones)}
            errorMessage={fouten.netwerkzones}
            onChange={(e) => setNetwerkzones((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div id={domId('partijId')}>
          <FormFieldSelect
            label={labels.partijId}
            description={t('toets.veld.partijHulp')}
            name="partijId"
            value={partijId}
            required
            invalid={Boolean(fouten.partijId)}
            errorMessage={fouten.partijId}
            onChange={(e) => setPartijId((e.target as HTMLSelectElement).value)}
          >
            <SelectOption value="">{t('toets.veld.kies')}</SelectOption>
            {opties
              .filter((o) => o.id !== organisatieId)
              .map((o) => (
                <SelectOption key={o.id} value={o.id}>
                  {o.type ? t('toets.veld.partijOptie', { naam: o.naam, type: waardeLabel(o.type) }) : o.naam}
                </SelectOption>
              ))}
          </FormFieldSelect>
        </div>
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={toets.isPending}>
            {toets.isPending ? t('toets.bezig') : t('toets.knop')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={andereFout} />
      <div className="rk-toetsing__sectie">
        {toets.data && (
          <Heading level={2} appearanceLevel={3}>
            {t('toets.uitkomst.kop')}
          </Heading>
        )}
        <Melding soort="info" tekst={toets.data ? inTaal(toets.data.samenvatting) : undefined} />
        {toets.data && <Uitkomst r={toets.data} naamVan={naamVan} />}
      </div>
    </>
  )
}
