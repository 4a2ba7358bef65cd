import { createSocket } from 'node:dgram';
import { isIPv4 } from 'node:net';

export interface DnsServer {
  /** For CHECK_DNS_SERVERS. */
  address: string;
  /** Every name asked for, in order. */
  asked: string[];
  stop(): Promise<void>;
}

const types = { A: 1, AAAA: 28 } as const;

function addressBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number));
  // Full eight-group form only, which is all the tests need.
  return Buffer.from(address.split(':').flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]));
}

/**
 * A tiny name server on a free loopback UDP port. `names` maps a name to
 * its addresses (IPv4 for A, full IPv6 for AAAA); a name that `silent`
 * matches never gets an answer; any other name does not exist.
 */
export async function startDnsServer(names: Record<string, string[]>, silent: (name: string) => boolean): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (query, from) => {
    let at = 12;
    const labels: string[] = [];
    while (query[at] !== 0 && at < query.length) {
      labels.push(query.subarray(at + 1, at + 1 + query[at]).toString('latin1'));
      at += query[at] + 1;
    }
    at++;
    const name = labels.join('.').toLowerCase();
    const type = query.readUInt16BE(at);
    const question = query.subarray(12, at + 4);
    asked.push(name);
    if (silent(name)) return;

    const known = names[name];
    const records = (known ?? []).filter((a) => (type === types.A ? isIPv4(a) : type === types.AAAA ? !isIPv4(a) : false)).map(addressBytes);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    header.writeUInt16BE(0x8180 | (known ? 0 : 3), 2); // an answer, recursion available; NXDOMAIN for unknown names
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(records.length, 6);
    const answers = records.map((rdata) => {
      const answer = Buffer.alloc(12);
      answer.writeUInt16BE(0xc00c, 0); // the name in the question
      answer.writeUInt16BE(type, 2);
      answer.writeUInt16BE(1, 4);
      answer.writeUInt32BE(60, 6);
      answer.writeUInt16BE(rdata.length, 10);
      return Buffer.concat([answer, rdata]);
    });
    socket.send(Buffer.concat([header, question, ...answers]), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    asked,
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
