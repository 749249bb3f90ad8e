import http from 'node:http'

// The local target of bench/probes.ts: its own process, so the CPU of answering does not
// count for either side. Answers every request with 200 and a small JSON body, and
// counts what it served (GET /_aantal), so the parent can check that the probes arrived.

const DOEL_BODY = JSON.stringify({ status: 'UP', naam: 'regiekamer-bench-doel', versie: 1 })

let aantal = 0
const server = http.createServer((req, res) => {
  if (req.url === '/_aantal') {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ aantal }))
    return
  }
  aantal++
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(DOEL_BODY) })
  res.end(DOEL_BODY)
})
server.listen(0, '127.0.0.1', () => {
  const adres = server.address()
  if (adres === null || typeof adres === 'string') throw new Error('no port')
  process.stdout.write(`${JSON.stringify({ poort: adres.port })}\n`)
})
process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  process.exit(0)
})
