import type { FastifyRequest } from 'fastify'
import { type Caller, canManageUsers } from '../../../domain/access.js'
import { forbiddenAction, msg, unauthenticated } from '../../../domain/errors.js'
import type { AuthService } from '../../../services/auth-service.js'
import type { GebruikersService } from '../../../services/gebruikers-service.js'

// What the Toegang routes (sessions, _ik, setup, API tokens, users) share.

export const tags = ['Toegang']

export interface ToegangDeps {
  auth: AuthService
  gebruikers: GebruikersService
  secureCookies: boolean
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated()
  return request.caller
}

export function requireUserAdmin(request: FastifyRequest): Caller {
  const caller = callerOf(request)
  if (!canManageUsers(caller)) {
    throw forbiddenAction(msg('Alleen een admin mag gebruikers en rollen beheren.', 'Only an admin may manage users and roles.'))
  }
  return caller
}
