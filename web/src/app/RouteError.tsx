import { PageContent } from '@rijkshuisstijl-community/components-react'
import { useRouteError } from 'react-router'
import { ErrorAlert } from '../components/page'

/** Last line of defence: an error in a page shows as an alert, never a blank screen. */
export function RouteError() {
  const error = useRouteError()
  return (
    <main id="inhoud" className="rk-main">
      <PageContent>
        <ErrorAlert error={error} />
      </PageContent>
    </main>
  )
}
