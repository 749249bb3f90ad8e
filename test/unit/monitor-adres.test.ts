import { describe, expect, it } from 'vitest'
import { parseIp } from '../../src/monitor/ip.js'
import { adresToegestaan } from '../../src/monitor/veilig-adres.js'

// The address policy of the probes: metadata, link-local and other non-destinations never;
// loopback and private ranges only when the configuration allows them; every spelling of an
// address (IPv4-mapped, NAT64, 6to4, zone ids) judged as the address it reaches.

const STRENG = { loopbackToegestaan: false, priveToegestaan: false }
const RUIM = { loopbackToegestaan: true, priveToegestaan: true }

const reden = (ip: string, opties = RUIM) => {
  const o = adresToegestaan(ip, opties)
  return o.ok ? undefined : o.reden
}

describe('adresToegestaan', () => {
  it('allows public addresses in both configurations', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '145.21.0.1', '2a00:1450:4001::200e', '2606:4700::1111', '::ffff:8.8.8.8'])
      for (const o of [STRENG, RUIM]) expect(adresToegestaan(ip, o), ip).toEqual({ ok: true })
  })

  it('never allows cloud metadata endpoints, also when private and loopback ranges are allowed, and says so', () => {
    for (const ip of [
      '169.254.169.254',
      '169.254.170.2',
      '169.254.170.23',
      '169.254.42.42',
      '169.254.0.23',
      '100.100.100.200',
      '168.63.129.16',
      '192.0.0.192',
      'fd00:ec2::254',
      'fd00:ec2::23',
      'FD00:EC2:0:0:0:0:0:254',
      'fd20:ce::254',
      'fd00:42::42',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a9fe:a9fe',
      '2002:a9fe:a9fe::1',
    ]) {
      const r = reden(ip)
      expect(r, ip).toBeDefined()
      expect(r?.nl, ip).toContain('metadata')
      expect(r?.en, ip).toContain('metadata')
    }
  })

  it('never allows link-local, unspecified, multicast, broadcast and reserved addresses', () => {
    const gevallen: [string, string][] = [
      ['169.254.1.1', 'link-local'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['febf:ffff::1', 'link-local'],
      ['0.0.0.0', 'niet-gespecificeerd'],
      ['0.1.2.3', 'niet-gespecificeerd'],
      ['::', 'niet-gespecificeerd'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.250', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'gereserveerd'],
      ['192.0.2.10', 'gereserveerd'],
      ['198.18.0.1', 'gereserveerd'],
      ['2001:db8::1', 'gereserveerd'],
      ['2001:0:4136:e378::1', 'gereserveerd'],
      ['::127.0.0.1', 'gereserveerd'],
      ['fec0::1', 'gereserveerd'],
    ]
    for (const [ip, woord] of gevallen) expect(reden(ip)?.nl, ip).toContain(woord)
  })

  it('allows loopback only when the configuration does, in every spelling', () => {
    for (const ip of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '[::1]',
      '64:ff9b::7f00:1',
    ]) {
      expect(adresToegestaan(ip, { loopbackToegestaan: true, priveToegestaan: false }), ip).toEqual({ ok: true })
      const r = reden(ip, { loopbackToegestaan: false, priveToegestaan: true })
      expect(r?.nl, ip).toContain('loopback')
      expect(r?.en, ip).toContain('configuration does not allow')
    }
  })

  it('allows private ranges only when the configuration does', () => {
    for (const ip of [
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '100.127.255.255',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:10.1.2.3',
    ]) {
      expect(adresToegestaan(ip, { loopbackToegestaan: false, priveToegestaan: true }), ip).toEqual({ ok: true })
      expect(reden(ip, { loopbackToegestaan: true, priveToegestaan: false })?.nl, ip).toContain('privé')
    }
    // Just outside the private ranges.
    for (const ip of ['172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '11.0.0.1', '192.169.0.1'])
      expect(adresToegestaan(ip, STRENG), ip).toEqual({ ok: true })
  })

  it('refuses what is not an IP address, including odd IPv4 spellings', () => {
    for (const ip of [
      '',
      'localhost',
      '127.1',
      '0x7f.0.0.1',
      '2130706433',
      '256.0.0.1',
      '1.2.3.4.5',
      '1::2::3',
      'fe80::g',
      '010.0.0.1',
      '::ffff:010.0.0.1',
    ])
      expect(reden(ip)?.nl, ip).toContain('geen geldig IP-adres')
  })
})

describe('parseIp', () => {
  it('reads the common spellings to the same bytes', () => {
    expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('::ffff:7f00:1'))
    expect(parseIp('fd00:ec2::254')).toEqual(parseIp('fd00:0ec2:0000:0000:0000:0000:0000:0254'))
    expect(parseIp('1:2:3:4:5:6:7:8')?.length).toBe(16)
    expect(parseIp('1:2:3:4:5:6:7')).toBeUndefined()
    expect(parseIp('1:2:3:4:5:6:7:8:9')).toBeUndefined()
  })
})
