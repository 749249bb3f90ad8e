import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// bench/RESULTS.md holds one section per benchmark, each between markers, so every
// benchmark rewrites its own figures and leaves the others' alone.

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')
const HEADER = '# Benchmark results\n\nEach section is rewritten by its own benchmark; the command is in the section.\n'

export async function writeResultsSection(name: string, markdown: string): Promise<void> {
  const begin = `<!-- begin:${name} -->`
  const end = `<!-- end:${name} -->`
  const block = `${begin}\n${markdown.trim()}\n${end}`
  const current = await fs.readFile(RESULTS_FILE, 'utf8').catch(() => HEADER)
  const from = current.indexOf(begin)
  const to = current.indexOf(end)
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`
  await fs.writeFile(RESULTS_FILE, next)
}

export function machineDescription(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU'
  return `${model} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 20).toLocaleString('en')} MiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`
}
