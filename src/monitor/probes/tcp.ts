// The TCP controle (e.g. an SFTP port): can a connection be opened? Closed right away.

import { connect } from 'node:net'
import { msg } from '../../domain/errors.js'
import type { ProbeOpties, TcpControle } from '../typen.js'
import { type Deadline, TijdOp } from './deadline.js'
import { classificeer } from './fouten.js'
import { oplossen } from './oplossen.js'
import { geslaagd, type Resultaat } from './resultaat.js'

function verbind(adres: string, port: number, deadline: Deadline): Promise<void> {
  return new Promise((resolve, reject) => {
    if (deadline.verlopen) return reject(new TijdOp())
    let klaar = false
    deadline.fase = 'verbinden'
    const socket = connect({ host: adres, port })
    const einde = (afronden: () => void) => {
      if (klaar) return
      klaar = true
      los()
      socket.destroy()
      afronden()
    }
    const los = deadline.bijVerlopen(() => einde(() => reject(new TijdOp())))
    socket.once('connect', () => einde(resolve))
    socket.on('error', (e) => einde(() => reject(e)))
  })
}

export async function tcpProbe(c: TcpControle, opties: ProbeOpties, deadline: Deadline): Promise<Resultaat> {
  const opgelost = await oplossen(c.host, opties, deadline)
  if (!opgelost.ok) return opgelost.resultaat
  try {
    await verbind(opgelost.adres, c.port, deadline)
  } catch (e) {
    return classificeer(e, deadline, { adres: opgelost.adres })
  }
  return geslaagd(msg(`Poort ${c.port} neemt verbindingen aan.`, `Port ${c.port} accepts connections.`), { adres: opgelost.adres })
}
