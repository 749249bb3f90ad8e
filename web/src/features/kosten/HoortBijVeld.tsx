import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { useOpties } from '../registry/api'
import type { Fouten, HoortBijConcept } from './concept'
import type { Veld } from './soorten'
import { Groep, KeuzeInvoer, Keuzerondjes, Label } from './Velden'

// What a cost object belongs to: a samenwerking or a gastheerschap (for a key also
// neither), chosen with radio buttons, then the one chosen from a list.

export function HoortBijVeld({
  veld,
  waarde,
  fouten,
  onChange,
}: {
  veld: Extract<Veld, { soort: 'hoortBij' }>
  waarde: HoortBijConcept
  fouten: Fouten
  onChange: (w: HoortBijConcept) => void
}) {
  const { t } = useTranslation('kosten')
  const samenwerkingen = useOpties('samenwerkingen')
  const gastheerschappen = useOpties('gastheerschappen')
  const keuzes: HoortBijConcept['keuze'][] = veld.metGeen ? ['samenwerking', 'gastheerschap', 'geen'] : ['samenwerking', 'gastheerschap']
  // A message about the chosen one stands at its select; one about the other (both given) at the group.
  const groepFout =
    (waarde.keuze === 'samenwerking' ? fouten.gastheerschapId : waarde.keuze === 'gastheerschap' ? fouten.samenwerkingId : undefined) ||
    undefined
  return (
    <Groep pad="hoortBij" legend={<Label tekst={t('veld.hoortBij')} verplicht={!veld.metGeen} />} fout={groepFout} className="rk-eindpunt">
      {veld.metGeen && <Paragraph className="rk-uitleg">{t('hint.sleutelScope')}</Paragraph>}
      <Keuzerondjes
        waarde={waarde.keuze}
        keuzes={keuzes.map((k) => ({ waarde: k, label: t(`hoortBij.${k}`) }))}
        onChange={(k) => onChange({ ...waarde, keuze: k as HoortBijConcept['keuze'] })}
      />
      {waarde.keuze === 'samenwerking' && (
        <KeuzeInvoer
          pad="samenwerkingId"
          label={<Label tekst={t('veld.samenwerkingId')} verplicht />}
          waarde={waarde.samenwerkingId}
          keuzes={(samenwerkingen.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={samenwerkingen.isPending}
          verplicht
          fout={fouten.samenwerkingId}
          onChange={(w) => onChange({ ...waarde, samenwerkingId: w })}
        />
      )}
      {waarde.keuze === 'gastheerschap' && (
        <KeuzeInvoer
          pad="gastheerschapId"
          label={<Label tekst={t('veld.gastheerschapId')} verplicht />}
          waarde={waarde.gastheerschapId}
          keuzes={(gastheerschappen.data ?? []).map((o) => ({ waarde: o.id, label: o.naam }))}
          laden={gastheerschappen.isPending}
          verplicht
          fout={fouten.gastheerschapId}
          onChange={(w) => onChange({ ...waarde, gastheerschapId: w })}
        />
      )}
    </Groep>
  )
}
