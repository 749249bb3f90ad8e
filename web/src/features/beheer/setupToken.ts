// The setup link printed at start-up carries its token in the fragment (#token=…), which
// browsers never send to a server or put in a Referer. Read it once, then drop it from
// the address bar so it does not linger in history or a screenshot.

export function neemTokenUitFragment(): string {
  const hash = window.location.hash.replace(/^#/, '')
  const token = new URLSearchParams(hash).get('token') ?? ''
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
  return token
}
