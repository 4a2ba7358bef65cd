import { type IncomingMessage, Server } from 'node:http';
import { socketHeader, stampFor } from './client-address';

/**
 * Stamps every request this process's HTTP servers receive with the
 * connection's address (see `client-address.ts`), before any listener,
 * Next.js's included, sees it. `next start` builds its server before
 * `register()` runs and keeps it to itself, so the hook is `emit` on the
 * server's prototype: looked up on every event, it covers that server too.
 * A client's own copy of the header is overwritten, never trusted.
 */
export function stampRequests(): void {
  const key = Symbol.for('502-troubleshooter.requests-stamped');
  const proto = Server.prototype as Server & Record<symbol, boolean>;
  if (proto[key]) return;
  proto[key] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
      const req = args[0] as IncomingMessage;
      req.headers[socketHeader] = stampFor(req.socket?.remoteAddress);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
