import {
  Button,
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldErrorMessage,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  Paragraph,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { KOPPELING_RICHTINGEN, LANDELIJKE_VOORZIENINGEN } from '../../../../src/domain/vocabulary'
import { GetalVeld } from '../../components/getal-veld'
import { useWaardeLabel } from '../../i18n/waarden'
import { useOpties } from './api'
import { type Concept, type Eindpunt, getalSoort, leegeRij, type Rij, type ToegangObject } from './concept'
import { domId, type Fouten, foutOnder, foutVoor } from './fouten'
import { EigenschappenLijst } from './Gegevens'
import type { Soort } from './soorten'
import { eindpuntVelden, geldt, labelSleutel, TOEGANG_OBJECT_SOORTEN, type Veld } from './velden'

// One form field per kind of schema field. Every control has a visible label, and an
// API message appears right above it (FormField links it with aria-describedby).

type Wijzig = (waarde: unknown) => void

const waardeVan = (e: { target: unknown }) => (e.target as HTMLInputElement).value

function Label({ tekst, verplicht }: { tekst: string; verplicht?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {tekst}
      {verplicht && <span className="rk-verplicht"> {t('verplicht')}</span>}
    </>
  )
}

function RefSelect({
  doel,
  label,
  verplicht,
  waarde,
  fout,
  onChange,
}: {
  doel: Soort
  label: ReactNode
  verplicht?: boolean
  waarde: string
  fout?: string
  onChange: (v: string) => void
}) {
  const { t } = useTranslation('registry')
  const opties = useOpties(doel)
  const lijst = opties.data ?? []
  // The current reference stays selectable even when the caller cannot see it.
  const onbekend = waarde && !lijst.some((o) => o.id === waarde)
  return (
    <FormFieldSelect
      label={label}
      value={waarde}
      required={verplicht}
      invalid={Boolean(fout)}
      errorMessage={fout}
      onChange={(e) => onChange(waardeVan(e))}
    >
      <SelectOption value="">{opties.isPending ? t('common:lijst.laden') : verplicht ? t('kies') : t('geen')}</SelectOption>
      {onbekend && <SelectOption value={waarde}>{waarde}</SelectOption>}
      {lijst.map((o) => (
        <SelectOption key={o.id} value={o.id}>
          {o.naam}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

function Enkel({ veld, label, waarde, fout, onChange }: { veld: Veld; label: ReactNode; waarde: string; fout?: string; onChange: Wijzig }) {
  const { t } = useTranslation('registry')
  const waardeLabel = useWaardeLabel()
  const gemeen = {
    label,
    invalid: Boolean(fout),
    errorMessage: fout,
    value: waarde,
    onChange: (e: { target: unknown }) => onChange(waardeVan(e)),
  }
  switch (veld.soort) {
    case 'meertekst':
      return <FormFieldTextarea {...gemeen} rows={3} />
    case 'keuze':
      return (
        <FormFieldSelect {...gemeen} required={veld.verplicht}>
          <SelectOption value="">{veld.verplicht ? t('kies') : t('geen')}</SelectOption>
          {veld.waarden.map((w) => (
            <SelectOption key={w} value={w}>
              {waardeLabel(w, veld.waarden)}
            </SelectOption>
          ))}
        </FormFieldSelect>
      )
    case 'datum':
      return <FormFieldTextInput {...gemeen} type="date" required={veld.verplicht} />
    case 'getal':
      return (
        <GetalVeld
          soort={getalSoort(veld)}
          label={label}
          invalid={Boolean(fout)}
          errorMessage={fout}
          value={waarde}
          required={veld.verplicht}
          onChange={onChange}
        />
      )
    case 'ref':
      return <RefSelect doel={veld.doel} label={label} verplicht={veld.verplicht} waarde={waarde} fout={fout} onChange={onChange} />
    case 'tekst':
      return (
        <FormFieldTextInput
          {...gemeen}
          type={veld.invoer === 'url' ? 'url' : 'text'}
          required={veld.verplicht}
          maxLength={veld.max}
          autoComplete="off"
        />
      )
    default:
      return null
  }
}

/** A fieldset whose message is linked to the group. */
function Groep({
  id,
  legend,
  fout,
  className,
  children,
}: {
  id: string
  legend: ReactNode
  fout?: string
  className?: string
  children: ReactNode
}) {
  const foutId = useId()
  return (
    <div id={id} className={className}>
      <Fieldset legend={legend} invalid={Boolean(fout)} aria-describedby={fout ? foutId : undefined}>
        {fout && <FormFieldErrorMessage id={foutId}>{fout}</FormFieldErrorMessage>}
        {children}
      </Fieldset>
    </div>
  )
}

function Refs({
  veld,
  waarde,
  fout,
  onChange,
}: {
  veld: Extract<Veld, { soort: 'refs' }>
  waarde: string[]
  fout?: string
  onChange: Wijzig
}) {
  const { t } = useTranslation('registry')
  const opties = useOpties(veld.doel)
  // "In gebruik bij" offers the organisations that can use an applicatie: no suppliers.
  const lijst = (opties.data ?? []).filter((o) => !veld.zonderLeveranciers || o.type !== 'leverancier' || waarde.includes(o.id))
  const gekozen = new Set(waarde)
  const onbekend = waarde.filter((id) => !lijst.some((o) => o.id === id)).map((id) => ({ id, naam: id }))
  return (
    <Groep id={domId(veld.naam)} legend={<Label tekst={t(labelSleutel(veld))} verplicht={veld.verplicht} />} fout={fout}>
      {opties.isPending && <p>{t('common:lijst.laden')}</p>}
      <div className="rk-keuzelijst">
        {[...onbekend, ...lijst].map((o) => (
          <label key={o.id}>
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={gekozen.has(o.id)}
              onChange={(e) => {
                const aan = (e.target as HTMLInputElement).checked
                onChange(aan ? [...waarde, o.id] : waarde.filter((id) => id !== o.id))
              }}
            />
            {o.naam}
          </label>
        ))}
      </div>
    </Groep>
  )
}

function Rijen({
  veld,
  waarde,
  fouten,
  onChange,
}: {
  veld: Extract<Veld, { soort: 'rijen' }>
  waarde: Rij[]
  fouten: Fouten
  onChange: Wijzig
}) {
  const { t } = useTranslation('registry')
  const toevoegen = useRef<HTMLButtonElement>(null)
  const rijFocus = useRef<number | null>(null)
  return (
    <Groep id={domId(veld.naam)} legend={t(labelSleutel(veld))} fout={foutVoor(fouten, veld.naam)}>
      <div className="rk-rijen">
        {waarde.map((rij, i) => {
          const rijLabel = t(`rij.${veld.rij}`, { nummer: i + 1 })
          const rijFout = foutVoor(fouten, `${veld.naam}[${i}]`)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <div key={i} id={domId(veld.naam, i)}>
              <Fieldset legend={rijLabel} className="rk-rij">
                {rijFout && <FormFieldErrorMessage>{rijFout}</FormFieldErrorMessage>}
                {veld.velden.map((sub) => (
                  <div
                    key={sub.naam}
                    id={domId(veld.naam, i, sub.naam)}
                    ref={(el) => {
                      if (el && rijFocus.current === i && sub === veld.velden[0]) {
                        rijFocus.current = null
                        el.querySelector<HTMLElement>('input, select')?.focus()
                      }
                    }}
                  >
                    <Enkel
                      veld={sub}
                      label={
                        <Label
                          tekst={`${t(labelSleutel(sub))} (${rijLabel.toLowerCase()})`}
                          verplicht={'verplicht' in sub && sub.verplicht}
                        />
                      }
                      waarde={rij[sub.naam] ?? ''}
                      fout={foutVoor(fouten, `${veld.naam}[${i}].${sub.naam}`)}
                      onChange={(w) => onChange(waarde.map((r, j) => (j === i ? { ...r, [sub.naam]: String(w) } : r)))}
                    />
                  </div>
                ))}
                <Button
                  appearance="subtle-button"
                  onClick={() => {
                    onChange(waarde.filter((_, j) => j !== i))
                    toevoegen.current?.focus()
                  }}
                >
                  {t('rijVerwijderen', { rij: rijLabel })}
                </Button>
              </Fieldset>
            </div>
          )
        })}
      </div>
      <Button
        ref={toevoegen}
        appearance="secondary-action-button"
        onClick={() => {
          rijFocus.current = waarde.length
          onChange([...waarde, leegeRij(veld.velden)])
        }}
      >
        {t(`toevoegen.${veld.rij}`)}
      </Button>
    </Groep>
  )
}

function Teksten({
  veld,
  waarde,
  fouten,
  onChange,
}: {
  veld: Extract<Veld, { soort: 'teksten' }>
  waarde: string[]
  fouten: Fouten
  onChange: Wijzig
}) {
  const { t } = useTranslation('registry')
  const toevoegen = useRef<HTMLButtonElement>(null)
  const rijFocus = useRef<number | null>(null)
  return (
    <Groep id={domId(veld.naam)} legend={t(labelSleutel(veld))} fout={foutVoor(fouten, veld.naam)}>
      <div className="rk-rijen">
        {waarde.map((tekst, i) => {
          const label = t(`rij.${veld.rij}`, { nummer: i + 1 })
          return (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              key={i}
              id={domId(veld.naam, i)}
              className="rk-rij"
              ref={(el) => {
                if (el && rijFocus.current === i) {
                  rijFocus.current = null
                  el.querySelector('input')?.focus()
                }
              }}
            >
              <FormFieldTextInput
                label={label}
                value={tekst}
                invalid={Boolean(fouten[`${veld.naam}[${i}]`])}
                errorMessage={fouten[`${veld.naam}[${i}]`]}
                onChange={(e) => onChange(waarde.map((w, j) => (j === i ? waardeVan(e) : w)))}
              />
              <Button
                appearance="subtle-button"
                onClick={() => {
                  onChange(waarde.filter((_, j) => j !== i))
                  toevoegen.current?.focus()
                }}
              >
                {t('rijVerwijderen', { rij: label })}
              </Button>
            </div>
          )
        })}
      </div>
      <Button
        ref={toevoegen}
        appearance="secondary-action-button"
        onClick={() => {
          rijFocus.current = waarde.length
          onChange([...waarde, ''])
        }}
      >
        {t(`toevoegen.${veld.rij}`)}
      </Button>
    </Groep>
  )
}

/** Bron or doel: an applicatie from the registry, or a national facility typed by name. */
function EindpuntVeld({ kant, waarde, fouten, onChange }: { kant: 'bron' | 'doel'; waarde: Eindpunt; fouten: Fouten; onChange: Wijzig }) {
  const { t } = useTranslation('registry')
  const n = eindpuntVelden(kant)
  const naam = useId()
  const fout = foutVoor(fouten, n.app, n.voorziening)
  return (
    <Groep id={domId(kant)} className="rk-eindpunt" legend={<Label tekst={t(`veld.${kant}`)} verplicht />}>
      <div className="rk-eindpunt-keuze">
        {(['applicatie', 'voorziening'] as const).map((keuze) => (
          <label key={keuze}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={naam}
              checked={waarde.keuze === keuze}
              onChange={() => onChange({ ...waarde, keuze })}
            />
            {t(`eindpunt.${keuze}`)}
          </label>
        ))}
      </div>
      {waarde.keuze === 'applicatie' ? (
        <RefSelect
          doel="applicaties"
          label={t(`veld.${n.app}`)}
          verplicht
          waarde={waarde.app}
          fout={fout}
          onChange={(app) => onChange({ ...waarde, app })}
        />
      ) : (
        <>
          <FormFieldSelect
            label={t(`veld.${n.voorziening}`)}
            description={t('eindpunt.voorbeeld')}
            value={waarde.voorziening}
            required
            invalid={Boolean(fout)}
            errorMessage={fout}
            onChange={(e) => onChange({ ...waarde, voorziening: waardeVan(e) })}
          >
            <SelectOption value="">{t('kies')}</SelectOption>
            {/* An old free-text value stays visible until a person picks one from the list. */}
            {waarde.voorziening && !(LANDELIJKE_VOORZIENINGEN as readonly string[]).includes(waarde.voorziening) && (
              <SelectOption value={waarde.voorziening}>{waarde.voorziening}</SelectOption>
            )}
            {LANDELIJKE_VOORZIENINGEN.map((v) => (
              <SelectOption key={v} value={v}>
                {v}
              </SelectOption>
            ))}
          </FormFieldSelect>
          {waarde.voorziening === 'overig' && (
            <div id={domId(n.overig)}>
              <FormFieldTextInput
                label={<Label tekst={t(`veld.${n.overig}`)} verplicht />}
                value={waarde.overig}
                required
                invalid={Boolean(fouten[n.overig])}
                errorMessage={fouten[n.overig]}
                maxLength={200}
                onChange={(e) => onChange({ ...waarde, overig: waardeVan(e) })}
              />
            </div>
          )}
        </>
      )}
    </Groep>
  )
}

/** What a toegang opens: an applicatie or koppeling from the registry, or a netwerkzone named here with its owner. */
function ToegangObjectVeld({ veld, waarde, fouten, onChange }: { veld: Veld; waarde: ToegangObject; fouten: Fouten; onChange: Wijzig }) {
  const { t } = useTranslation('registry')
  const groep = useId()
  const pad = (sub: string) => `${veld.naam}.${sub}`
  return (
    <Groep
      id={domId(veld.naam)}
      className="rk-eindpunt"
      legend={<Label tekst={t(labelSleutel(veld))} verplicht />}
      fout={foutVoor(fouten, veld.naam, pad('soort'))}
    >
      <div className="rk-eindpunt-keuze">
        {TOEGANG_OBJECT_SOORTEN.map((soort) => (
          <label key={soort}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={groep}
              checked={waarde.soort === soort}
              // An applicatie's id means nothing as a koppeling: a new kind starts without one.
              onChange={() => onChange({ ...waarde, soort, id: '' })}
            />
            {t(`toegangObject.${soort}`)}
          </label>
        ))}
      </div>
      {waarde.soort === 'netwerkzone' ? (
        <>
          <div id={domId(veld.naam, 'naam')}>
            <FormFieldTextInput
              label={<Label tekst={t('toegangObject.naam')} verplicht />}
              description={t('toegangObject.naamVoorbeeld')}
              value={waarde.naam}
              required
              maxLength={200}
              autoComplete="off"
              invalid={Boolean(foutVoor(fouten, pad('naam')))}
              errorMessage={foutVoor(fouten, pad('naam'))}
              onChange={(e) => onChange({ ...waarde, naam: waardeVan(e) })}
            />
          </div>
          <div id={domId(veld.naam, 'eigenaarId')}>
            <RefSelect
              doel="organisaties"
              label={<Label tekst={t('toegangObject.eigenaarId')} verplicht />}
              verplicht
              waarde={waarde.eigenaarId}
              fout={foutVoor(fouten, pad('eigenaarId'))}
              onChange={(eigenaarId) => onChange({ ...waarde, eigenaarId })}
            />
          </div>
        </>
      ) : (
        <div id={domId(veld.naam, 'id')}>
          <RefSelect
            doel={waarde.soort === 'koppeling' ? 'koppelingen' : 'applicaties'}
            label={<Label tekst={t(`toegangObject.${waarde.soort}Kiezen`)} verplicht />}
            verplicht
            waarde={waarde.id}
            fout={foutVoor(fouten, pad('id'))}
            onChange={(id) => onChange({ ...waarde, id })}
          />
        </div>
      )}
    </Groep>
  )
}

/** The name of one end of the koppeling being edited, for the direction's options. */
function useEindNaam(e: Eindpunt | undefined, standaard: string): string {
  const opties = useOpties(e?.keuze === 'applicatie' && e.app ? 'applicaties' : undefined)
  if (!e) return standaard
  if (e.keuze === 'applicatie') return opties.data?.find((o) => o.id === e.app)?.naam ?? standaard
  if (e.voorziening === 'overig') return e.overig.trim() || standaard
  return e.voorziening || standaard
}

/** "Richting": each option names the applicaties, so a person need not guess which end is A. */
function RichtingVeld({
  veld,
  concept,
  waarde,
  fout,
  onChange,
}: {
  veld: Veld
  concept: Concept
  waarde: string
  fout?: string
  onChange: Wijzig
}) {
  const { t } = useTranslation('registry')
  const bron = useEindNaam(concept.bron as Eindpunt | undefined, t('richting.bron'))
  const doel = useEindNaam(concept.doel as Eindpunt | undefined, t('richting.doel'))
  return (
    <div id={domId(veld.naam)}>
      <FormFieldSelect
        label={<Label tekst={t('richting.veld')} verplicht />}
        description={t('richting.uitleg', { bron, doel })}
        value={waarde}
        required
        invalid={Boolean(fout)}
        errorMessage={fout}
        onChange={(e) => onChange(waardeVan(e))}
      >
        <SelectOption value="">{t('kies')}</SelectOption>
        {KOPPELING_RICHTINGEN.map((r) => (
          <SelectOption key={r} value={r}>
            {t(`richting.${r}`, { bron, doel })}
          </SelectOption>
        ))}
      </FormFieldSelect>
    </div>
  )
}

export function Invoerveld({
  veld,
  waarde,
  fouten,
  onChange,
  concept,
}: {
  veld: Veld
  waarde: unknown
  fouten: Fouten
  onChange: Wijzig
  /** The whole form, for fields whose label depends on another field. */
  concept?: Concept
}) {
  const { t } = useTranslation('registry')
  if (veld.naam === 'richting' && concept?.bron !== undefined)
    return (
      <RichtingVeld veld={veld} concept={concept} waarde={String(waarde ?? '')} fout={foutVoor(fouten, veld.naam)} onChange={onChange} />
    )
  // A field that does not apply now (the exit plan's location without an exit plan) is not asked.
  if (!geldt(veld, concept)) return null
  const verplichtAls = veld.soort === 'tekst' && veld.verplichtAls
  const verplicht = ('verplicht' in veld && veld.verplicht) || (verplichtAls && concept?.[verplichtAls.veld] === verplichtAls.waarde)
  switch (veld.soort) {
    case 'refs':
      return <Refs veld={veld} waarde={waarde as string[]} fout={foutOnder(fouten, veld.naam)} onChange={onChange} />
    case 'rijen':
      return <Rijen veld={veld} waarde={waarde as Rij[]} fouten={fouten} onChange={onChange} />
    case 'teksten':
      return <Teksten veld={veld} waarde={waarde as string[]} fouten={fouten} onChange={onChange} />
    case 'eindpunt':
      return <EindpuntVeld kant={veld.kant} waarde={waarde as Eindpunt} fouten={fouten} onChange={onChange} />
    case 'toegangobject':
      return <ToegangObjectVeld veld={veld} waarde={waarde as ToegangObject} fouten={fouten} onChange={onChange} />
    case 'eigenschappen': {
      // Not typed by anyone: shown, and saved back unchanged.
      const lijst = waarde as { naam: string; waarde: string }[]
      if (lijst.length === 0) return null
      return (
        <Groep id={domId(veld.naam)} legend={t(labelSleutel(veld))} fout={foutVoor(fouten, veld.naam)}>
          <Paragraph>{t('eigenschappenUitleg')}</Paragraph>
          <EigenschappenLijst eigenschappen={lijst} />
        </Groep>
      )
    }
    case 'janee': {
      const fout = foutVoor(fouten, veld.naam)
      return (
        <div id={domId(veld.naam)}>
          <FormFieldCheckboxOption
            label={t(labelSleutel(veld))}
            checked={waarde === true}
            invalid={Boolean(fout)}
            errorMessage={fout}
            onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
          />
        </div>
      )
    }
    default:
      return (
        <div id={domId(veld.naam)}>
          <Enkel
            veld={veld}
            label={<Label tekst={t(labelSleutel(veld))} verplicht={Boolean(verplicht)} />}
            waarde={String(waarde ?? '')}
            fout={foutVoor(fouten, veld.naam)}
            onChange={onChange}
          />
        </div>
      )
  }
}
