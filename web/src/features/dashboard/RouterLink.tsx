import type { ComponentProps } from 'react'
import { Link } from 'react-router'

/** A client-side link with the NL Design System link style (`nl-link`). */
export function RouterLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={className ? `nl-link ${className}` : 'nl-link'} {...props} />
}
