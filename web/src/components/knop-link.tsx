import { ButtonLink } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useHref, useLinkClickHandler } from 'react-router'

/** A link that looks like a button ("Nieuw", "Bewerken") and navigates inside the app. */
export function KnopLink({
  to,
  children,
  appearance = 'secondary-action-button',
}: {
  to: string
  children: ReactNode
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button'
}) {
  const href = useHref(to)
  const onClick = useLinkClickHandler(to)
  return (
    <ButtonLink appearance={appearance} href={href} onClick={onClick}>
      {children}
    </ButtonLink>
  )
}
