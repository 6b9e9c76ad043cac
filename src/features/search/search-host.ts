/**
 * The worker's side of the search protocol, apart from the worker's globals so tests can drive
 * it: each request is answered by the one SearchService, in the order they came.
 */
import type { SearchReply, SearchRequest } from './search-protocol';
import type { SearchService } from './search-service';

export function serveSearch(
  service: SearchService,
  post: (reply: SearchReply) => void,
): (request: SearchRequest) => void {
  let readyAt: number | null = null;
  return (request) => {
    // Milliseconds from the worker's start to its first request (loading its script, mostly).
    readyAt ??= Math.round(performance.now());
    const answer =
      request.type === 'warm' ? service.warm().then(() => []) : service.search(request.query, request.limit);
    answer.then(
      (groups) =>
        post({
          type: 'result',
          id: request.id,
          groups,
          origin: service.origin,
          timings: service.openTimings && { ready: readyAt ?? 0, ...service.openTimings },
        }),
      (error: unknown) =>
        post({
          type: 'failed',
          id: request.id,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };
}

/**
 * The worker's idle: work waits until no request has come for `quietMs`, so the save (about a
 * second for 50,000 organisations, in one piece) does not hold up a query typed meanwhile.
 */
export class QuietScheduler {
  private waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly quietMs: number) {}

  readonly whenIdle = (work: () => void): void => {
    this.waiting.push(work);
    this.restart();
  };

  /** A request came: what waits for quiet waits again. */
  touch(): void {
    if (this.waiting.length > 0) this.restart();
  }

  private restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const work = this.waiting.splice(0);
      for (const job of work) job();
    }, this.quietMs);
  }
}
