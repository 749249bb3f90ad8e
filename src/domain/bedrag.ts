// Amounts typed by people ("1.234,56", "1234,56", "1234.56", "€ 1 234") to integer euro
// cents, exactly: the digits are read as text, never through binary floating point.

export type BedragFout = 'geen-bedrag' | 'geen-hele-centen' | 'negatief' | 'dubbelzinnig'

/**
 * Reads an amount in euros. With both separators the last one is the decimal mark.
 * With one kind only, a separator used more than once groups thousands, used once it
 * is the decimal mark — except before exactly three digits ("61.250", "12,345"), which
 * Dutch and English writers read differently: refused rather than guessed.
 */
export function leesEuroBedrag(tekst: string): { centen: number } | { fout: BedragFout } {
  let t = tekst.replace(/[€\s\u00a0]/g, '')
  const negatief = t.startsWith('-')
  if (negatief) t = t.slice(1)
  if (!/^[0-9.,]+$/.test(t) || !/[0-9]/.test(t)) return { fout: 'geen-bedrag' }
  const laatsteKomma = t.lastIndexOf(',')
  const laatstePunt = t.lastIndexOf('.')
  let geheel: string
  let decimalen = ''
  if (laatsteKomma >= 0 && laatstePunt >= 0) {
    const decimaalTeken = laatsteKomma > laatstePunt ? ',' : '.'
    const duizendTeken = decimaalTeken === ',' ? '.' : ','
    const i = t.lastIndexOf(decimaalTeken)
    const groepen = t.slice(0, i).split(duizendTeken)
    if (!/^\d{1,3}$/.test(groepen[0]) || !groepen.slice(1).every((g) => /^\d{3}$/.test(g))) return { fout: 'geen-bedrag' }
    geheel = groepen.join('')
    decimalen = t.slice(i + 1)
  } else if (laatsteKomma >= 0 || laatstePunt >= 0) {
    const teken = laatsteKomma >= 0 ? ',' : '.'
    const delen = t.split(teken)
    if (delen.length === 2) {
      if (delen[1].length === 3 && !/^0?$/.test(delen[0])) return { fout: 'dubbelzinnig' }
      geheel = delen[0]
      decimalen = delen[1]
    } else if (/^\d{1,3}$/.test(delen[0]) && delen.slice(1).every((d) => /^\d{3}$/.test(d))) {
      geheel = delen.join('')
    } else return { fout: 'geen-bedrag' }
  } else geheel = t
  if (!/^\d*$/.test(geheel) || !/^\d*$/.test(decimalen) || (geheel === '' && decimalen === '')) return { fout: 'geen-bedrag' }
  if (decimalen.replace(/0+$/, '').length > 2) return { fout: 'geen-hele-centen' }
  if (negatief) return { fout: 'negatief' }
  const centen = Number(geheel || '0') * 100 + Number(decimalen.padEnd(2, '0').slice(0, 2))
  return Number.isSafeInteger(centen) ? { centen } : { fout: 'geen-bedrag' }
}

/** Cents as a plain decimal euro text ("1234.56"), for files. */
export function centenAlsEuroTekst(centen: number): string {
  const teken = centen < 0 ? '-' : ''
  const a = Math.abs(centen)
  return `${teken}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}
