import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { get } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { formatBedrag } from '../../i18n/format'
import { type CorrectieVoorstel, DECLARATIES_KEY, type Declaratie } from './api'

// On a definitive declaratie whose kostenposten changed since: that a correction is due,
// per post what was declared and what is due now (GET /declaraties/{id}/correctievoorstel),
// and who makes it. The kostenpost page says the same from the post's side.

export function CorrectieNodig({ d }: { d: Declaratie }) {
  const { t } = useTranslation('declaraties')
  const kan = d.soort === 'declaratie' && d.status !== 'concept'
  const q = useQuery({
    queryKey: [...DECLARATIES_KEY, 'correctievoorstel', d.id, d.revisie],
    queryFn: ({ signal }) => get<CorrectieVoorstel>(`declaraties/${d.id}/correctievoorstel`, signal),
    enabled: kan,
  })
  const v = q.data
  if (!kan || !v?.nodig) return null
  const zelf = d.toegestaneActies?.includes('corrigeren')
  return (
    <Alert type="warning">
      <Heading level={2} appearanceLevel={4}>
        {t('correctieNodig.kop')}
      </Heading>
      <Paragraph>{t('correctieNodig.tekst', { verschil: formatBedrag(v.verschil) })}</Paragraph>
      <ul className="rk-decl__correcties">
        {v.regels.map((r) => (
          <li key={r.kostenpostId}>
            <AppLink to={`/kostenposten/${r.kostenpostId}`}>{r.omschrijving}</AppLink> ({r.periode}):{' '}
            {t('correctieNodig.regel', {
              gedeclareerd: formatBedrag(r.eerderGedeclareerd),
              nu: formatBedrag(r.nieuwBedrag),
              verschil: formatBedrag(r.verschil),
            })}
          </li>
        ))}
      </ul>
      <Paragraph>{zelf ? t('correctieNodig.zelf') : t('correctieNodig.afzender', { afzender: d.vanNaam })}</Paragraph>
    </Alert>
  )
}
