import { ButtonLink, Link, type LinkProps } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useHref, useLinkClickHandler } from 'react-router'

/**
 * The design system's link that navigates inside the app: a real href (open in new
 * tab, copy link) and client-side navigation on a plain click.
 */
export function AppLink({ to, children, ...rest }: Omit<LinkProps, 'href' | 'onClick'> & { to: string; children: ReactNode }) {
  const href = useHref(to)
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to)
  return (
    <Link href={href} onClick={onClick} {...rest}>
      {children}
    </Link>
  )
}

/** A link that looks like a button ("Nieuw …", "Bewerken") and navigates inside the app. */
export function AppButtonLink({
  to,
  children,
  appearance = 'primary-action-button',
}: {
  to: string
  children: ReactNode
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button'
}) {
  const href = useHref(to)
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to)
  return (
    <ButtonLink href={href} onClick={onClick} appearance={appearance}>
      {children}
    </ButtonLink>
  )
}
