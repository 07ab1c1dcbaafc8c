import { BlockList, isIP } from 'node:net';

/**
 * Which X-Forwarded-For hops to believe, from TRUST_PROXY:
 * - unset, empty, "0" or "false": none, the socket's address is the client;
 * - a hop count ("1"): that many proxies stand in front, the last one being the socket's peer;
 * - a comma list of addresses and CIDRs ("127.0.0.1,10.0.0.0/8"): any hop in it is a proxy.
 */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(v)) return { kind: 'hops', hops: Math.min(Number(v), 20) };
  const list = new BlockList();
  for (const item of v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = item.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    if (!type) throw new Error(`TRUST_PROXY: "${item}" is neither an address nor a CIDR`);
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (type === 'ipv4' ? 32 : 128)) {
        throw new Error(`TRUST_PROXY: "${item}" has a bad prefix length`);
      }
      list.addSubnet(address, bits, type);
    }
  }
  return { kind: 'list', list };
}

/** One hop as a plain address: IPv4-mapped IPv6 unwrapped, a port or brackets dropped. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return a.toLowerCase();
}

/**
 * normaliseAddress of socket peers, remembered: every request asks, and a server sees the same
 * few peers over and over (a proxy, keep-alive clients). Bounded: past 1024 it starts over.
 */
const peers = new Map<string, string>();
function normalisePeer(raw: string): string {
  let a = peers.get(raw);
  if (a === undefined) {
    if (peers.size >= 1024) peers.clear();
    peers.set(raw, (a = normaliseAddress(raw) || 'unknown'));
  }
  return a;
}

function trusted(list: BlockList, address: string): boolean {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's, unless it is a trusted proxy; then X-Forwarded-For is read
 * from the right (each proxy appends the peer it saw), skipping trusted hops, and the first hop
 * not trusted is the client. Whatever a client writes at the left of the list is never reached
 * past an untrusted hop, so rotating it changes nothing.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const socket = normalisePeer(socketAddress ?? '');
  if (trust.kind === 'none') return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header.split(',').map(normaliseAddress).filter(Boolean).slice(-50);
  // The chain as the last proxy saw it: client … proxy, then the socket's peer.
  const chain = [...hops, socket];
  if (trust.kind === 'hops') {
    // CASE: more hops trusted than the list holds: the leftmost entry is all there is.
    return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  }
  let i = chain.length - 1;
  while (i > 0 && trusted(trust.list, chain[i]!)) i--;
  return chain[i]!;
}

/** The request header the server sets from the socket (and strips from what clients send). */
export const CLIENT_ADDRESS_HEADER = 'x-midad-client-ip';

/**
 * Wraps the HTTP handler: every request reaches Next with CLIENT_ADDRESS_HEADER set from the
 * socket (through trusted proxies only), replacing any value a client sent.
 */
export function withClientAddress<
  Req extends { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  Res,
>(handler: (req: Req, res: Res) => void, trust: TrustProxy): (req: Req, res: Res) => void {
  return (req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trust,
    );
    handler(req, res);
  };
}
