// Node agents that give up on a connection (TCP, and TLS for https) that is not up within a limit.
// axios's own `timeout` waits for the response, which for `initialise` may legitimately take long.
import http from 'node:http';
import https from 'node:https';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

function guardConnect<S extends Duplex | null | undefined>(socket: S, connectTimeoutMs: number): S {
  if (!(socket instanceof Socket) || !socket.connecting) return socket;
  const connected = socket instanceof TLSSocket ? 'secureConnect' : 'connect';
  const timer = setTimeout(() => {
    const error = new Error(`connect timed out after ${connectTimeoutMs} ms`) as NodeJS.ErrnoException;
    error.code = 'ETIMEDOUT';
    socket.destroy(error);
  }, connectTimeoutMs);
  const clear = (): void => clearTimeout(timer);
  socket.once(connected, clear);
  socket.once('close', clear);
  return socket;
}

class HttpAgent extends http.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    super({ keepAlive: true });
  }

  override createConnection(...args: Parameters<http.Agent['createConnection']>): Duplex | null | undefined {
    return guardConnect(super.createConnection(...args), this.connectTimeoutMs);
  }
}

class HttpsAgent extends https.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    super({ keepAlive: true });
  }

  override createConnection(...args: Parameters<https.Agent['createConnection']>): Duplex | null | undefined {
    return guardConnect(super.createConnection(...args), this.connectTimeoutMs);
  }
}

export function connectTimeoutAgents(connectTimeoutMs: number): {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
} {
  return { httpAgent: new HttpAgent(connectTimeoutMs), httpsAgent: new HttpsAgent(connectTimeoutMs) };
}
