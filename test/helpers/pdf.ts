import { inflateSync } from 'node:zlib'

// Reading back what pdfkit wrote, without a PDF library: inflate the content streams
// and join the strings of each text-showing operator (Tj, TJ). pdfkit draws the
// built-in fonts in WinAnsi, as hex strings split where it kerns; one TJ is one line.
// A no-break space (Intl puts one after the euro sign) reads as a space, as a reader sees it.

const WINANSI: Record<number, string> = { 128: '€', 133: '…', 145: '‘', 146: '’', 147: '“', 148: '”', 150: '–', 151: '—', 160: ' ' }

function decodeer(bytes: number[]): string {
  return bytes.map((b) => WINANSI[b] ?? String.fromCharCode(b)).join('')
}

function hex(s: string): number[] {
  const h = s.replace(/\s+/g, '')
  const out: number[] = []
  for (let i = 0; i < h.length; i += 2) out.push(Number.parseInt(h.slice(i, i + 2).padEnd(2, '0'), 16))
  return out
}

function letterlijk(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string
    if (c !== '\\') {
      out.push(c.charCodeAt(0))
      continue
    }
    const n = s[++i] ?? ''
    const oct = /^[0-7]{1,3}/.exec(s.slice(i))
    if (oct) {
      out.push(Number.parseInt(oct[0], 8))
      i += oct[0].length - 1
    } else out.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0))
  }
  return out
}

/** The content streams of a PDF, inflated where they are compressed. */
export function pdfStromen(pdf: Buffer): string[] {
  const tekst = pdf.toString('latin1')
  const out: string[] = []
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g
  for (let m = re.exec(tekst); m; m = re.exec(tekst)) {
    const start = m.index + m[0].length
    const eind = tekst.indexOf('endstream', start)
    const ruw = pdf.subarray(start, eind)
    try {
      out.push((m[1] ?? '').includes('FlateDecode') ? inflateSync(ruw).toString('latin1') : ruw.toString('latin1'))
    } catch {
      // Not a stream we can read (an image, a font): skip.
    }
  }
  return out
}

/** All text drawn, one line per text operator, in drawing order. */
export function pdfTekst(pdf: Buffer): string {
  const regels: string[] = []
  for (const stroom of pdfStromen(pdf)) {
    const re = /\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g
    for (let m = re.exec(stroom); m; m = re.exec(stroom)) {
      if (m[1] !== undefined) {
        const delen = m[1].match(/<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)/g) ?? []
        regels.push(delen.map((d) => decodeer(d.startsWith('<') ? hex(d.slice(1, -1)) : letterlijk(d.slice(1, -1)))).join(''))
      } else if (m[2] !== undefined) regels.push(decodeer(hex(m[2])))
      else regels.push(decodeer(letterlijk(m[3] ?? '')))
    }
  }
  return regels.join('\n')
}
