import { randomUUID } from 'node:crypto'
import type {
  ApplicatieInvoer,
  GastheerschapInvoer,
  KoppelingInvoer,
  OrganisatieInvoer,
  SamenwerkingInvoer,
} from '../../src/schemas/registry.js'
import { call } from './server.js'

// Factories make valid inputs with unique names; tests override what they test.

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`

export const buildOrganisatie = (o: Partial<OrganisatieInvoer> = {}): OrganisatieInvoer => ({
  type: 'leverancier',
  naam: unique('Leverancier'),
  ...o,
})

export const buildSamenwerking = (o: Partial<SamenwerkingInvoer> & Pick<SamenwerkingInvoer, 'leden'>): SamenwerkingInvoer => ({
  naam: unique('Samenwerking'),
  vorm: 'Convenant',
  ...o,
})

export const buildGastheerschap = (
  o: Partial<GastheerschapInvoer> & Pick<GastheerschapInvoer, 'gastheerId' | 'afnemerIds'>,
): GastheerschapInvoer => ({
  taak: unique('Taak'),
  startdatum: '2024-01-01',
  ...o,
})

export const buildApplicatie = (o: Partial<ApplicatieInvoer> = {}): ApplicatieInvoer => ({
  naam: unique('Applicatie'),
  hosting: 'SaaS',
  status: 'in productie',
  inGebruikBij: [],
  ...o,
})

export const buildKoppeling = (o: Partial<KoppelingInvoer> = {}): KoppelingInvoer => ({
  naam: unique('Koppeling'),
  type: 'api',
  richting: 'A→B',
  status: 'in gebruik',
  gegevenscategorieen: ['adressen'],
  persoonsgegevens: false,
  beschikbaarheid: 'midden',
  integriteit: 'midden',
  vertrouwelijkheid: 'laag',
  ...o,
})

type Created = { id: string; revisie: number } & Record<string, unknown>

/** Creates through the API and fails loudly if that does not work. */
export async function create(base: string, path: string, input: unknown): Promise<Created> {
  const res = await call<Created>(base, 'POST', `/${path}`, input)
  if (res.status !== 201) throw new Error(`create ${path} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** A small connected landscape: two municipalities, a host task, two applications and a link. */
export async function createLandscape(base: string) {
  const gastheer = await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: unique('Gastheer') }))
  const afnemer = await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: unique('Afnemer') }))
  const leverancier = await create(base, 'organisaties', buildOrganisatie())
  const samenwerking = await create(
    base,
    'samenwerkingen',
    buildSamenwerking({ leden: [{ organisatieId: gastheer.id }, { organisatieId: afnemer.id }] }),
  )
  const gastheerschap = await create(
    base,
    'gastheerschappen',
    buildGastheerschap({ gastheerId: gastheer.id, afnemerIds: [afnemer.id], samenwerkingId: samenwerking.id }),
  )
  const bron = await create(base, 'applicaties', buildApplicatie({ leverancierId: leverancier.id, inGebruikBij: [gastheer.id] }))
  const doel = await create(base, 'applicaties', buildApplicatie({ inGebruikBij: [afnemer.id] }))
  const koppeling = await create(
    base,
    'koppelingen',
    buildKoppeling({ bronApplicatieId: bron.id, doelApplicatieId: doel.id, eigenaarId: gastheer.id, gastheerschapId: gastheerschap.id }),
  )
  return { gastheer, afnemer, leverancier, samenwerking, gastheerschap, bron, doel, koppeling }
}
