import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'

/**
 * A live region that is on the page from the start, so a screen reader announces what
 * is put into it later (a region that appears together with its text is often missed).
 */
export function Melding({ tekst, soort = 'ok' }: { tekst?: string; soort?: 'ok' | 'info' }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="rk-toetsing__melding">
      {tekst && (
        // role="none": the Alert's own status role would nest a second live region in this one.
        <Alert type={soort} role="none">
          <Paragraph>{tekst}</Paragraph>
        </Alert>
      )}
    </div>
  )
}
