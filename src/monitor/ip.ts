// IP addresses as bytes, and prefix matching: the address policy compares ranges on
// bytes instead of strings, so every spelling of an address (::ffff:7f00:1,
// 0:0:0:0:0:ffff:127.0.0.1, fe80::1%eth0) lands on the same rule.

export type IpBytes = Uint8Array

/** Four bytes for IPv4, sixteen for IPv6, undefined for anything else. Zone ids (%eth0) are dropped. */
export function parseIp(tekst: string): IpBytes | undefined {
  const zonder = tekst.trim().replace(/^\[|\]$/g, '')
  const procent = zonder.indexOf('%')
  const adres = procent >= 0 ? zonder.slice(0, procent) : zonder
  return adres.includes(':') ? parseIpv6(adres) : parseIpv4(adres)
}

/** Only the dotted-quad form: resolvers return it, and odd forms (0x7f.1, 2130706433) are not addresses we accept. */
export function parseIpv4(tekst: string): IpBytes | undefined {
  const delen = tekst.split('.')
  if (delen.length !== 4) return undefined
  const bytes = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    const deel = delen[i] as string
    // No leading zeros: inet_aton reads 010 as octal 8, so such a spelling has two meanings.
    if (!/^(0|[1-9]\d{0,2})$/.test(deel)) return undefined
    const n = Number(deel)
    if (n > 255) return undefined
    bytes[i] = n
  }
  return bytes
}

export function parseIpv6(tekst: string): IpBytes | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(tekst)) return undefined
  const dubbel = tekst.indexOf('::')
  if (dubbel !== tekst.lastIndexOf('::')) return undefined
  const groepen = (s: string): number[] | undefined => {
    if (s === '') return []
    const uit: number[] = []
    const delen = s.split(':')
    for (let i = 0; i < delen.length; i++) {
      const deel = delen[i] as string
      // An embedded IPv4 address may only close the address.
      if (deel.includes('.') && i === delen.length - 1) {
        const v4 = parseIpv4(deel)
        if (!v4) return undefined
        uit.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number))
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(deel)) return undefined
        uit.push(Number.parseInt(deel, 16))
      }
    }
    return uit
  }
  let alle: number[]
  if (dubbel >= 0) {
    const kop = groepen(tekst.slice(0, dubbel))
    const staart = groepen(tekst.slice(dubbel + 2))
    if (!kop || !staart || kop.length + staart.length > 7) return undefined
    alle = [...kop, ...new Array<number>(8 - kop.length - staart.length).fill(0), ...staart]
  } else {
    const g = groepen(tekst)
    if (g?.length !== 8) return undefined
    alle = g
  }
  const bytes = new Uint8Array(16)
  alle.forEach((g, i) => {
    bytes[2 * i] = g >> 8
    bytes[2 * i + 1] = g & 0xff
  })
  return bytes
}

/** A range as `adres/lengte`, parsed once. */
export interface Prefix {
  bytes: IpBytes
  lengte: number
}

export function prefix(cidr: string): Prefix {
  const [adres, lengte] = cidr.split('/')
  const bytes = parseIp(adres ?? '')
  if (!bytes) throw new Error(`ongeldig prefix ${cidr}`)
  return { bytes, lengte: lengte === undefined ? bytes.length * 8 : Number(lengte) }
}

export function binnen(ip: IpBytes, p: Prefix): boolean {
  if (ip.length !== p.bytes.length) return false
  const heleBytes = p.lengte >> 3
  for (let i = 0; i < heleBytes; i++) if (ip[i] !== p.bytes[i]) return false
  const rest = p.lengte & 7
  if (rest === 0) return true
  const masker = (0xff << (8 - rest)) & 0xff
  return ((ip[heleBytes] as number) & masker) === ((p.bytes[heleBytes] as number) & masker)
}

export function ipTekst(ip: IpBytes): string {
  if (ip.length === 4) return Array.from(ip).join('.')
  const groepen: string[] = []
  for (let i = 0; i < 16; i += 2) groepen.push((((ip[i] as number) << 8) | (ip[i + 1] as number)).toString(16))
  return groepen
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::')
}
