import { useTranslation } from 'react-i18next'
import { useWaardeLabel } from '../../i18n/waarden'
import { useObject, useOpties } from '../registry/api'
import { useDeelnemers, useMaatstafnamen, useSleutels } from './api'
import { type Concept, type Fouten, gekozen, type HoortBijConcept, type VersieConcept } from './concept'
import { HoortBijVeld } from './HoortBijVeld'
import { VersiesEditor } from './RegelEditor'
import type { KostenObject, Veld } from './soorten'
import { GetalInvoer, type Keuze, KeuzeInvoer, Label, MeertekstInvoer, TekstInvoer } from './Velden'

// One field of a cost form, by its kind (soorten.ts): the input that fits it, with the
// choices it offers (participants, keys that fit what the post belongs to, measures).

function useOrganisatieKeuzes(deelnemers?: string[]): { keuzes: Keuze[]; laden: boolean } {
  const organisaties = useOpties('organisaties')
  // Until the participants are known, only who can make a post: no suppliers (issue 20, item 15).
  const alle = (organisaties.data ?? [])
    .filter((o) => deelnemers || (o as { type?: string }).type !== 'leverancier')
    .map((o) => ({ waarde: o.id, label: o.naam }))
  const set = deelnemers ? new Set(deelnemers.map((d) => d.toLowerCase())) : undefined
  return { keuzes: set ? alle.filter((k) => set.has(k.waarde.toLowerCase())) : alle, laden: organisaties.isPending }
}

export function Veldinvoer({
  veld,
  concept,
  fouten,
  onChange,
}: {
  veld: Veld
  concept: Concept
  fouten: Fouten
  onChange: (naam: string, w: unknown) => void
}) {
  const { t } = useTranslation('kosten')
  const waardeLabel = useWaardeLabel()
  const hoortBij = gekozen(concept.hoortBij as HoortBijConcept | undefined)
  const deelnemers = useDeelnemers(hoortBij)
  const orgs = useOrganisatieKeuzes(veld.soort === 'deelnemer' || veld.soort === 'versies' ? deelnemers : undefined)
  const registryDoel = veld.soort === 'ref' && veld.doel !== 'verdeelsleutels' ? veld.doel : undefined
  const opties = useOpties(registryDoel)
  const sleutels = useSleutels(veld.soort === 'sleutel')
  const gastheerschap = useObject('gastheerschappen', veld.soort === 'sleutel' ? hoortBij.gastheerschapId : undefined)
  const maatstaven = useMaatstafnamen(veld.soort === 'versies' || (veld.soort === 'tekst' && Boolean(veld.lijst)))
  const waarde = String(concept[veld.naam] ?? '')
  const fout = fouten[veld.naam]
  const label = <Label tekst={t(`veld.${veld.naam}`)} verplicht={'verplicht' in veld && veld.verplicht} />
  const hint = 'hint' in veld && veld.hint ? t(`hint.${veld.hint}`) : undefined
  const zet = (w: unknown) => onChange(veld.naam, w)
  switch (veld.soort) {
    case 'hoortBij':
      return <HoortBijVeld veld={veld} waarde={concept.hoortBij as HoortBijConcept} fouten={fouten} onChange={zet} />
    case 'versies':
      return (
        <VersiesEditor
          versies={concept.versies as VersieConcept[]}
          ctx={{ fouten, organisaties: orgs.keuzes, deelnemers, maatstaven: maatstaven.data ?? [] }}
          onChange={zet}
        />
      )
    case 'meertekst':
      return <MeertekstInvoer pad={veld.naam} label={label} waarde={waarde} fout={fout} onChange={zet} />
    case 'bedrag':
    case 'getal':
      return (
        <GetalInvoer
          pad={veld.naam}
          soort={veld.soort === 'bedrag' ? 'bedrag' : 'decimaal'}
          label={label}
          waarde={waarde}
          hint={hint ?? (veld.soort === 'bedrag' ? t('hint.bedrag') : undefined)}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'keuze':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={veld.waarden.map((w) => ({ waarde: w, label: veld.labels ? t(`${veld.labels}.${w}`) : waardeLabel(w, veld.waarden) }))}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'ref':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={(opties.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={opties.isPending}
          verplicht={veld.verplicht}
          fout={fout}
          onChange={zet}
        />
      )
    case 'deelnemer':
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={orgs.keuzes}
          laden={orgs.laden}
          hint={hint}
          fout={fout}
          onChange={zet}
        />
      )
    case 'sleutel': {
      const samenwerkingVanGastheerschap = gastheerschap.data?.data.samenwerkingId
      const past = (s: KostenObject) =>
        (!s.samenwerkingId && !s.gastheerschapId) ||
        (hoortBij.samenwerkingId && s.samenwerkingId === hoortBij.samenwerkingId) ||
        (hoortBij.gastheerschapId &&
          (s.gastheerschapId === hoortBij.gastheerschapId ||
            (samenwerkingVanGastheerschap && s.samenwerkingId === samenwerkingVanGastheerschap)))
      const alle = sleutels.data ?? []
      const passend = hoortBij.samenwerkingId || hoortBij.gastheerschapId ? alle.filter(past) : alle
      return (
        <KeuzeInvoer
          pad={veld.naam}
          label={label}
          waarde={waarde}
          keuzes={passend.map((s) => ({ waarde: s.id, label: String(s.naam) }))}
          laden={sleutels.isPending}
          verplicht={veld.verplicht}
          hint={hint}
          fout={fout}
          onChange={zet}
        />
      )
    }
    default:
      return (
        <>
          {veld.soort === 'tekst' && veld.lijst && (
            <datalist id={`kosten-${veld.lijst}`}>
              {(maatstaven.data ?? []).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          )}
          <TekstInvoer
            pad={veld.naam}
            label={label}
            waarde={waarde}
            hint={hint}
            verplicht={'verplicht' in veld && veld.verplicht}
            invoer={veld.soort === 'jaar' ? 'numeric' : undefined}
            lijst={veld.soort === 'tekst' && veld.lijst ? `kosten-${veld.lijst}` : undefined}
            fout={fout}
            onChange={zet}
          />
        </>
      )
  }
}
