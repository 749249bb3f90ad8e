import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/client'
import { ErrorAlert } from './page'

/**
 * What went wrong with a submitted form. For invalid input (400) a summary of every
 * field error at once, with the field's label, and focus moved here so keyboard and
 * screen-reader users learn about it; the messages also stand next to the fields.
 * Anything else as a plain error alert.
 */
export function FormFouten({ error, labelVoor }: { error: unknown; labelVoor: (veld: string) => string | undefined }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (error) ref.current?.focus()
  }, [error])
  if (!error) return null
  const params = error instanceof ApiProblem && error.status === 400 ? (error.body.invalidParams ?? []) : []
  return (
    <div ref={ref} tabIndex={-1} className="rk-form-fouten">
      {params.length > 0 ? (
        <Alert type="error" role="alert">
          <Heading level={2} appearanceLevel={4}>
            {t('fout.titel')}
          </Heading>
          <Paragraph>{t('fout.formulier', { count: params.length })}</Paragraph>
          <UnorderedList>
            {params.map((p) => {
              const veld = p.name.replace(/^body\.?/, '')
              const label = labelVoor(veld)
              return <UnorderedListItem key={`${p.name}-${p.reason}`}>{label ? `${label}: ${p.reason}` : p.reason}</UnorderedListItem>
            })}
          </UnorderedList>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
    </div>
  )
}
