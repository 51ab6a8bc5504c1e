// Server-sent events of browser mode: every statusChanged and preferencesChanged of the service as
// one SSE message (`event: <name>` + `data: <json>`), and a comment every 15 s so proxies and
// browsers keep the stream open.
import type { ServerResponse } from 'node:http';
import type { EventName } from '../contract/operations';
import type { AppService } from './app-service';

export const PING_INTERVAL_MS = 15_000;
const EVENT_NAMES: readonly EventName[] = ['statusChanged', 'preferencesChanged'];

export function streamEvents(service: AppService, response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribes = EVENT_NAMES.map((event) =>
    service.on(event, (payload) => response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  const ping = setInterval(() => response.write(': ping\n\n'), PING_INTERVAL_MS);
  response.once('close', () => {
    clearInterval(ping);
    for (const unsubscribe of unsubscribes) unsubscribe();
  });
}
