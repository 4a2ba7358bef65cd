import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface CheckFixtures {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/**
 * Sites for the live check to look at, on a loopback port:
 *   /healthy          200 with a small page, Server: nginx
 *   /slow             accepts the connection, then sends nothing (the check gives up first)
 *   /hops/N           redirects N more times, then /healthy
 *   /loop             redirects to itself forever
 *   /to-private       redirects to the cloud metadata address
 *   /to-mapped-v6     redirects to the metadata address written as IPv4-mapped IPv6
 *   /to-odd-spelling  redirects to 127.0.0.2 written in hex (0x7f000002)
 *   /big              200 with a 1 MiB page
 *   /cloudflare-502   502 with Cloudflare's headers and its branded page (the server behind it answered 502)
 *   /cloudflare-plain 502 with Cloudflare's headers and its plain, unbranded page (Cloudflare itself failed)
 *   /cloudflare-no-page 502 with Cloudflare's headers and no body
 *   /cloudflare-521   521 with Cloudflare's headers and its branded page
 *   /cut-502          Nginx's 502 page, the connection dropped halfway through it
 *   /redirect-nowhere 302 without a Location
 *   /switching        101 Switching Protocols, then silence
 */
export async function startCheckFixtures(): Promise<CheckFixtures> {
  const sockets = new Set<Socket>();
  const redirect = (res: ServerResponse, location: string) => {
    res.writeHead(302, { location });
    res.end();
  };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) return redirect(res, Number(hops[1]) > 1 ? `/hops/${Number(hops[1]) - 1}` : '/healthy');
    switch (path) {
      case '/healthy':
        res.writeHead(200, { server: 'nginx/1.22.1', 'content-type': 'text/html' });
        return res.end('<!doctype html><title>Shop</title><h1>Welcome</h1>');
      case '/slow':
        return; // never answers; the socket is closed when the fixtures stop
      case '/loop':
        return redirect(res, '/loop');
      case '/to-private':
        return redirect(res, 'http://169.254.169.254/latest/meta-data/');
      case '/to-mapped-v6':
        return redirect(res, 'http://[::ffff:a9fe:a9fe]/latest/meta-data/');
      case '/to-odd-spelling':
        return redirect(res, 'http://0x7f000002/');
      case '/big':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<!doctype html><title>Big</title>${'<p>lorem ipsum</p>'.repeat(60_000)}`);
      case '/cloudflare-502':
        res.writeHead(502, { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR', 'content-type': 'text/html' });
        return res.end(
          '<title>example.com | 502: Bad gateway</title><div id="cf-wrapper"><div id="cf-error-details"><h1>Bad gateway <span>Error code 502</span></h1> Cloudflare Ray ID: 8c1f2e3d4b5a6978</div></div>',
        );
      case '/cloudflare-plain':
        res.writeHead(502, { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR', 'content-type': 'text/html' });
        return res.end(
          '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n',
        );
      case '/cloudflare-no-page':
        res.writeHead(502, { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR', 'content-length': '0' });
        return res.end();
      case '/cloudflare-521':
        res.writeHead(521, { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR', 'content-type': 'text/html' });
        return res.end(
          '<title>example.com | 521: Web server is down</title><div id="cf-wrapper"><div id="cf-error-details">Web server is down</div> Cloudflare Ray ID: 8c1f2e3d4b5a6978</div>',
        );
    }
    if (path === '/cut-502') {
      res.writeHead(502, { server: 'nginx/1.22.1', 'content-type': 'text/html', 'content-length': '5000' });
      res.write('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center>');
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    if (path === '/switching') {
      // Written by hand on the socket: Node's server would not send a 101 to a plain GET.
      req.socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      return;
    }
    if (path === '/redirect-nowhere') {
      res.writeHead(302);
      return res.end();
    }
    res.writeHead(404);
    res.end('not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Lets the app check the loopback fixtures (the operator's allow-list, used on purpose). */
export const loopbackAllowed = { CHECK_ALLOW_NETWORKS: '127.0.0.0/8', CHECK_ALLOW_PORTS: '1-65535' };
