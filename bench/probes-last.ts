import http from 'node:http'
import { houdTempo, type LastArgumenten, leesTempoArgument, meld } from './probes-tempo.js'

// The load for blackbox_exporter's side of bench/probes.ts: asks its /probe endpoint at
// the same pace as Regiekamer probes and checks each answer says probe_success 1 (or asks
// /-/healthy, to measure what serving alone costs). Its own process, so this client's CPU
// is not counted for blackbox_exporter. Connections to the
// exporter are kept alive, which keeps the exporter's cost of serving /probe small; its
// probe of the target still opens a fresh connection every time, as Regiekamer's does.

const a = leesTempoArgument() as LastArgumenten
const verwacht = new RegExp(a.verwacht, 'm')
const agent = new http.Agent({ keepAlive: true, maxSockets: a.gelijktijdig })
const fouten = new Map<string, number>()
const tel = (reden: string) => fouten.set(reden, (fouten.get(reden) ?? 0) + 1)

const vraag = () =>
  new Promise<boolean>((resolve) => {
    const req = http.get(a.doel, { agent, timeout: 6_000 }, (res) => {
      let tekst = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => {
        tekst += d
      })
      res.on('end', () => {
        const ok = res.statusCode === 200 && verwacht.test(tekst)
        if (!ok) tel(res.statusCode === 200 ? `not ${a.verwacht}` : `status ${res.statusCode}`)
        resolve(ok)
      })
      res.on('error', () => {
        tel('response error')
        resolve(false)
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => {
      tel(e.message)
      resolve(false)
    })
  })

if (!(await vraag())) {
  meld({ fout: `first /probe failed: ${JSON.stringify(Object.fromEntries(fouten))}` })
  process.exit(1)
}
const verslag = await houdTempo(a, vraag, { begin: () => meld({ venster: 'begin' }), eind: () => meld({ venster: 'eind' }) })
agent.destroy()
meld({ resultaat: { ...verslag, fouten: Object.fromEntries(fouten) } })
