import { Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { leesDecimaalInvoer, type UiTaal } from '../../../../src/domain/getallen'
import { currentLanguage } from '../../i18n'
import {
  type ComponentConcept,
  ENKELE_SOORTEN,
  type EnkelConcept,
  type Fouten,
  leegEnkel,
  leegeVersie,
  REGEL_SOORTEN,
  type RegelConcept,
  type VersieConcept,
} from './concept'
import { GetalInvoer, Groep, type Keuze, KeuzeInvoer, Label, TekstInvoer } from './Velden'
import { decimaalTekst } from './Weergave'

// The editor of a key's versions: per version the first year it applies and its rule —
// one of the simple kinds, or a mix of them with a share each. Percentages and shares
// show their running total, so 50 + 40 is noticed before saving; the API still judges.

/** Exact sum of decimal texts as typed; undefined while one cannot be read. */
export function somVan(waarden: string[], taal: UiTaal = 'nl'): string | undefined {
  let schaal = 0
  const gelezen: { teller: bigint; schaal: number }[] = []
  for (const w of waarden) {
    const r = leesDecimaalInvoer(w, taal)
    if (!r.ok) return undefined
    const [heel = '0', breuk = ''] = r.waarde.split('.')
    gelezen.push({ teller: BigInt(heel + breuk), schaal: breuk.length })
    schaal = Math.max(schaal, breuk.length)
  }
  const totaal = gelezen.reduce((s, g) => s + g.teller * 10n ** BigInt(schaal - g.schaal), 0n)
  const tekst = totaal.toString().padStart(schaal + 1, '0')
  return schaal ? `${tekst.slice(0, -schaal)}.${tekst.slice(-schaal)}`.replace(/\.?0+$/, '') : tekst
}

function Som({ waarden }: { waarden: string[] }) {
  const { t } = useTranslation('kosten')
  const taal = currentLanguage()
  const som = somVan(waarden, taal)
  if (som === undefined || waarden.length === 0) return null
  const goed = som === '100'
  return (
    <Paragraph className={goed ? 'rk-som' : 'rk-som rk-som--fout'} aria-live="polite">
      {goed ? t('som', { som: decimaalTekst(som, taal) }) : t('somNiet100', { som: decimaalTekst(som, taal) })}
    </Paragraph>
  )
}

interface Context {
  fouten: Fouten
  organisaties: Keuze[]
  deelnemers?: string[]
  maatstaven: string[]
}

function Percentages({
  pad,
  regel,
  ctx,
  onChange,
}: {
  pad: string
  regel: EnkelConcept
  ctx: Context
  onChange: (r: EnkelConcept) => void
}) {
  const { t } = useTranslation('kosten')
  const toevoegen = useRef<HTMLButtonElement>(null)
  const rijen = regel.percentages
  const zet = (i: number, w: Partial<(typeof rijen)[number]>) =>
    onChange({ ...regel, percentages: rijen.map((r, j) => (j === i ? { ...r, ...w } : r)) })
  const ontbrekend = (ctx.deelnemers ?? []).filter((d) => !rijen.some((r) => r.deelnemerId === d))
  return (
    <Groep pad={`${pad}.percentages`} legend={t('veld.percentages')} fout={ctx.fouten[`${pad}.percentages`]}>
      <div className="rk-rijen">
        {rijen.map((r, i) => {
          const rij = t('percentageRij', { nummer: i + 1 })
          const p = `${pad}.percentages[${i}]`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <div key={i} className="rk-rij" id={`veld-${p.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`}>
              <KeuzeInvoer
                pad={`${p}.deelnemerId`}
                label={<Label tekst={`${t('veld.deelnemerId')} (${rij.toLowerCase()})`} verplicht />}
                waarde={r.deelnemerId}
                keuzes={ctx.organisaties}
                verplicht
                fout={ctx.fouten[`${p}.deelnemerId`] ?? ctx.fouten[p]}
                onChange={(w) => zet(i, { deelnemerId: w })}
              />
              <GetalInvoer
                pad={`${p}.percentage`}
                soort="decimaal"
                label={<Label tekst={`${t('veld.percentage')} (${rij.toLowerCase()})`} verplicht />}
                waarde={r.percentage}
                verplicht
                fout={ctx.fouten[`${p}.percentage`]}
                onChange={(w) => zet(i, { percentage: w })}
              />
              <Button
                appearance="subtle-button"
                onClick={() => {
                  onChange({ ...regel, percentages: rijen.filter((_, j) => j !== i) })
                  toevoegen.current?.focus()
                }}
              >
                {t('verwijderRij', { rij })}
              </Button>
            </div>
          )
        })}
      </div>
      <Som waarden={rijen.map((r) => r.percentage)} />
      <div className="rk-acties">
        <Button
          ref={toevoegen}
          appearance="secondary-action-button"
          onClick={() => onChange({ ...regel, percentages: [...rijen, { deelnemerId: '', percentage: '' }] })}
        >
          {t('toevoegen.percentage')}
        </Button>
        {ontbrekend.length > 0 && (
          <Button
            appearance="secondary-action-button"
            onClick={() => onChange({ ...regel, percentages: [...rijen, ...ontbrekend.map((d) => ({ deelnemerId: d, percentage: '' }))] })}
          >
            {t('toevoegen.alleDeelnemers')}
          </Button>
        )}
      </div>
    </Groep>
  )
}

/** The fields of one simple rule kind. */
function EnkeleRegelVelden({
  pad,
  regel,
  ctx,
  achtervoegsel,
  onChange,
}: {
  pad: string
  regel: EnkelConcept
  ctx: Context
  achtervoegsel: string
  onChange: (r: EnkelConcept) => void
}) {
  const { t } = useTranslation('kosten')
  switch (regel.soort) {
    case 'maatstaf':
      return (
        <TekstInvoer
          pad={`${pad}.maatstaf`}
          label={<Label tekst={`${t('veld.maatstaf')}${achtervoegsel}`} verplicht />}
          waarde={regel.maatstaf}
          hint={t('hint.maatstaf')}
          verplicht
          lijst="kosten-maatstaven"
          fout={ctx.fouten[`${pad}.maatstaf`]}
          onChange={(w) => onChange({ ...regel, maatstaf: w })}
        />
      )
    case 'volledig afnemer':
      return (
        <KeuzeInvoer
          pad={`${pad}.deelnemerId`}
          label={<Label tekst={`${t('veld.deelnemerId')}${achtervoegsel}`} verplicht />}
          waarde={regel.deelnemerId}
          keuzes={ctx.organisaties}
          verplicht
          fout={ctx.fouten[`${pad}.deelnemerId`]}
          onChange={(w) => onChange({ ...regel, deelnemerId: w })}
        />
      )
    case 'vast percentage':
      return <Percentages pad={pad} regel={regel} ctx={ctx} onChange={onChange} />
    default:
      return null
  }
}

function SoortKeuze({
  pad,
  waarde,
  soorten,
  achtervoegsel,
  fout,
  onChange,
}: {
  pad: string
  waarde: string
  soorten: readonly string[]
  achtervoegsel: string
  fout?: string
  onChange: (s: string) => void
}) {
  const { t } = useTranslation('kosten')
  return (
    <KeuzeInvoer
      pad={`${pad}.soort`}
      label={<Label tekst={`${t('veld.regelSoort')}${achtervoegsel}`} verplicht />}
      waarde={waarde}
      keuzes={soorten.map((s) => ({ waarde: s, label: t(`regelSoort.${s}`) }))}
      verplicht
      fout={fout}
      onChange={onChange}
    />
  )
}

function Mix({
  pad,
  regel,
  ctx,
  versieLabel,
  onChange,
}: {
  pad: string
  regel: RegelConcept
  ctx: Context
  versieLabel: string
  onChange: (r: RegelConcept) => void
}) {
  const { t } = useTranslation('kosten')
  const toevoegen = useRef<HTMLButtonElement>(null)
  const comps = regel.componenten
  const zet = (i: number, c: ComponentConcept) => onChange({ ...regel, componenten: comps.map((x, j) => (j === i ? c : x)) })
  return (
    <Groep pad={`${pad}.componenten`} legend={t('veld.componenten')} fout={ctx.fouten[`${pad}.componenten`]}>
      <div className="rk-rijen">
        {comps.map((c, i) => {
          const naam = t('onderdeel', { nummer: i + 1 })
          const p = `${pad}.componenten[${i}]`
          const achter = ` (${versieLabel.toLowerCase()}, ${naam.toLowerCase()})`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity of their own
            <Groep key={i} pad={p} legend={naam} className="rk-onderdeel" fout={ctx.fouten[p] ?? ctx.fouten[`${p}.regel`]}>
              <div className="rk-rij">
                <GetalInvoer
                  pad={`${p}.aandeel`}
                  soort="decimaal"
                  label={<Label tekst={`${t('veld.aandeel')}${achter}`} verplicht />}
                  waarde={c.aandeel}
                  verplicht
                  fout={ctx.fouten[`${p}.aandeel`]}
                  onChange={(w) => zet(i, { ...c, aandeel: w })}
                />
                <SoortKeuze
                  pad={`${p}.regel`}
                  waarde={c.regel.soort}
                  soorten={ENKELE_SOORTEN}
                  achtervoegsel={achter}
                  fout={ctx.fouten[`${p}.regel.soort`]}
                  onChange={(s) => zet(i, { ...c, regel: { ...c.regel, soort: s } })}
                />
              </div>
              <EnkeleRegelVelden
                pad={`${p}.regel`}
                regel={c.regel}
                ctx={ctx}
                achtervoegsel={achter}
                onChange={(r) => zet(i, { ...c, regel: r })}
              />
              <Button
                appearance="subtle-button"
                onClick={() => {
                  onChange({ ...regel, componenten: comps.filter((_, j) => j !== i) })
                  toevoegen.current?.focus()
                }}
              >
                {t('verwijderRij', { rij: naam })}
              </Button>
            </Groep>
          )
        })}
      </div>
      <Som waarden={comps.map((c) => c.aandeel)} />
      <Button
        ref={toevoegen}
        appearance="secondary-action-button"
        onClick={() => onChange({ ...regel, componenten: [...comps, { aandeel: '', regel: leegEnkel() }] })}
      >
        {t('toevoegen.onderdeel')}
      </Button>
    </Groep>
  )
}

function Versie({
  index,
  versie,
  ctx,
  onChange,
  onVerwijder,
  verwijderbaar,
}: {
  index: number
  versie: VersieConcept
  ctx: Context
  onChange: (v: VersieConcept) => void
  onVerwijder: () => void
  verwijderbaar: boolean
}) {
  const { t } = useTranslation('kosten')
  const pad = `versies[${index}]`
  const label = t('versie', { nummer: index + 1 })
  const achter = ` (${label.toLowerCase()})`
  const regel = versie.regel
  const zetRegel = (r: RegelConcept) => onChange({ ...versie, regel: r })
  return (
    <Groep pad={pad} legend={label} className="rk-versie" fout={ctx.fouten[pad]}>
      <div className="rk-rij">
        <TekstInvoer
          pad={`${pad}.geldigVanaf`}
          label={<Label tekst={`${t('veld.geldigVanaf')}${achter}`} verplicht />}
          waarde={versie.geldigVanaf}
          hint={t('hint.geldigVanaf')}
          invoer="numeric"
          verplicht
          fout={ctx.fouten[`${pad}.geldigVanaf`]}
          onChange={(w) => onChange({ ...versie, geldigVanaf: w })}
        />
        <SoortKeuze
          pad={`${pad}.regel`}
          waarde={regel.soort}
          soorten={REGEL_SOORTEN}
          achtervoegsel={achter}
          fout={ctx.fouten[`${pad}.regel.soort`]}
          onChange={(s) =>
            zetRegel({
              ...regel,
              soort: s,
              // A new mix starts as the common one: half equal shares, half by a measure.
              componenten:
                s === 'mix' && regel.componenten.length === 0
                  ? [
                      { aandeel: '50', regel: leegEnkel('gelijke delen') },
                      { aandeel: '50', regel: leegEnkel('maatstaf') },
                    ]
                  : regel.componenten,
            })
          }
        />
      </div>
      <div id={`veld-versies-${index}-regel`}>
        {ctx.fouten[`${pad}.regel`] && <p className="utrecht-form-field-error-message">{ctx.fouten[`${pad}.regel`]}</p>}
        {regel.soort === 'mix' ? (
          <Mix pad={`${pad}.regel`} regel={regel} ctx={ctx} versieLabel={label} onChange={zetRegel} />
        ) : (
          <EnkeleRegelVelden
            pad={`${pad}.regel`}
            regel={regel}
            ctx={ctx}
            achtervoegsel={achter}
            onChange={(r) => zetRegel({ ...regel, ...r })}
          />
        )}
      </div>
      {verwijderbaar && (
        <Button appearance="subtle-button" onClick={onVerwijder}>
          {t('verwijderRij', { rij: label })}
        </Button>
      )}
    </Groep>
  )
}

export function VersiesEditor({
  versies,
  ctx,
  onChange,
}: {
  versies: VersieConcept[]
  ctx: Context
  onChange: (v: VersieConcept[]) => void
}) {
  const { t } = useTranslation('kosten')
  const toevoegen = useRef<HTMLButtonElement>(null)
  return (
    <Groep pad="versies" legend={<Label tekst={t('veld.versies')} verplicht />} fout={ctx.fouten.versies}>
      <datalist id="kosten-maatstaven">
        {ctx.maatstaven.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <div className="rk-rijen">
        {versies.map((v, i) => (
          <Versie
            // biome-ignore lint/suspicious/noArrayIndexKey: versions are edited in place
            key={i}
            index={i}
            versie={v}
            ctx={ctx}
            verwijderbaar={versies.length > 1}
            onChange={(nieuw) => onChange(versies.map((x, j) => (j === i ? nieuw : x)))}
            onVerwijder={() => {
              onChange(versies.filter((_, j) => j !== i))
              toevoegen.current?.focus()
            }}
          />
        ))}
      </div>
      <Button
        ref={toevoegen}
        appearance="secondary-action-button"
        onClick={() => {
          const laatste = Math.max(new Date().getFullYear() - 1, ...versies.map((v) => Number(v.geldigVanaf) || 0))
          onChange([...versies, leegeVersie(laatste + 1)])
        }}
      >
        {t('toevoegen.versie')}
      </Button>
    </Groep>
  )
}
