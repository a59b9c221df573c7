import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Where a request comes from, as the limits count it, and whether it reached us over HTTPS. */
export interface ClientOrigin {
  address: string;
  secure: boolean;
}

/**
 * Tells who is really calling. Behind a reverse proxy every request comes from the proxy's
 * address, so ten wrong passwords would lock out every member of staff; the proxy's
 * `X-Forwarded-For` says who it is passing on. That header is believed only from the listed
 * proxies (anyone else could write it to dodge every limit), and read from the right: the
 * nearest hop that is not itself a listed proxy is the client, whatever a client wrote further
 * left (nginx's `$proxy_add_x_forwarded_for` appends to what the client sent).
 */
export class ClientAddresses {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  /** `proxies`: addresses or CIDR ranges, as the settings validated them. */
  constructor(proxies: readonly string[]) {
    for (const entry of proxies) {
      const [address = '', prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.trusted.addAddress(address, family);
      else this.trusted.addSubnet(address, Number(prefix), family);
    }
    this.any = proxies.length > 0;
  }

  /** The caller of a connection from `remote` (the socket's peer) carrying these headers. */
  origin(remote: string | undefined, headers: IncomingHttpHeaders, encrypted: boolean): ClientOrigin {
    const peer = plainAddress(remote ?? '') ?? 'unknown';
    if (!this.any || !this.isTrusted(peer)) return { address: peer, secure: encrypted };
    const hops = headerList(headers['x-forwarded-for']);
    let address = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = plainAddress(hops[i]!);
      // A hop that is no address at all was written by someone we do not trust: stop before it.
      if (hop === null) break;
      address = hop;
      if (!this.isTrusted(hop)) break;
    }
    const proto = headerList(headers['x-forwarded-proto']).at(-1)?.toLowerCase();
    return { address, secure: proto === undefined ? encrypted : proto === 'https' };
  }

  private isTrusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

function headerList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value.join(',') : value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * An address as one key for the limits: IPv4 mapped into IPv6 (`::ffff:10.0.0.5`, how a
 * dual-stack socket reports IPv4 peers) written as IPv4, brackets and ports dropped; null when
 * it is no address.
 */
export function plainAddress(raw: string): string | null {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) === 0 ? null : a.toLowerCase();
}
