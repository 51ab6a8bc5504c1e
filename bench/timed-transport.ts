// The engine's own HTTP transport, timed: how long each run spends inside requests to each route
// (retries included), i.e. waiting for the central, against the time it spends on its own work.
import {
  createHttpTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../src-main/sync/clients/http';

export interface RouteTime {
  requests: number;
  ms: number;
}

export class TimedTransport implements HttpTransport {
  private readonly inner = createHttpTransport();
  private times = new Map<string, RouteTime>();
  /** Also told of every request's time (the step accounting of the run under way). */
  listener: ((ms: number) => void) | undefined;

  async request(request: HttpRequest): Promise<HttpResponse> {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const started = performance.now();
    try {
      return await this.inner.request(request);
    } finally {
      const time = this.times.get(key) ?? { requests: 0, ms: 0 };
      time.requests += 1;
      const ms = performance.now() - started;
      time.ms += ms;
      this.times.set(key, time);
      this.listener?.(ms);
    }
  }

  /** The times since the last call, per route. */
  take(): Record<string, RouteTime> {
    const taken = Object.fromEntries(this.times);
    this.times = new Map();
    return taken;
  }
}
