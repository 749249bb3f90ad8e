import os from 'node:os'
import type { Actor } from '../services/registry-service.js'

export function cliActor(naam?: string): Actor {
  let user = 'onbekend'
  try {
    user = os.userInfo().username
  } catch {}
  return { naam: naam ?? `cli:${user}`, herkomst: `cli@${os.hostname()}` }
}
