// The HTTP transport the app service gets in Electron. The preference "Use js node HTTP client"
// picks the stack per request: Node's (checked) or Chromium's through net.fetch (unchecked).
import { createHttpTransport, type HttpTransport } from '../src-main/sync/clients/http';
import { createNetAdapter } from './net-adapter';

export function createPreferredTransport(useNodeHttpClient: () => boolean): HttpTransport {
  const node = createHttpTransport();
  const chromium = createHttpTransport({ adapter: createNetAdapter() });
  return { request: (request) => (useNodeHttpClient() ? node : chromium).request(request) };
}
