// An axios adapter over Electron's net.fetch: requests go through Chromium's network stack, so they
// follow the system proxy settings and trust the OS certificate store (PRODUCT.md §5.4, "Use js node
// HTTP client" unchecked). axios's own fetch adapter does the work; this only hands it net.fetch.
import { AxiosHeaders, getAdapter, type AxiosAdapter } from 'axios';
import { net } from 'electron';

export function createNetAdapter(): AxiosAdapter {
  const fetchAdapter = getAdapter('fetch', {
    // Bound late: `net` may only be used once the app is ready, and tests swap it.
    env: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
  });
  return (config) => {
    const headers = AxiosHeaders.from(config.headers);
    // Chromium advertises and decodes the encodings it supports; a caller-set Accept-Encoding
    // could leave the body compressed.
    headers.delete('Accept-Encoding');
    return fetchAdapter({
      ...config,
      headers,
      // Bytes rather than a string: fetch would label a string body text/plain, and v5 sends no
      // Content-Type at all.
      data: typeof config.data === 'string' ? new TextEncoder().encode(config.data) : config.data,
      // Central servers authenticate with a header; no cookie of the session goes along.
      withCredentials: false,
    });
  };
}
