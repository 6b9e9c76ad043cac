/**
 * The window's side of the search: one worker for the whole app holds the index (see
 * search-worker.ts); a query is a message to it. Where no worker can be started, or the worker
 * fails, the same SearchService runs in the window instead, so search keeps working, only less
 * smoothly.
 */
import { AppError } from '../../domain/errors';
import type { SearchGroup } from '../../search/search-index';
import type { SearchReply, SearchRequest } from './search-protocol';
import type { IndexOrigin, SearchService } from './search-service';

/** What the client needs of a Worker; a test hands in a fake. */
export interface SearchWorkerLike {
  postMessage(message: SearchRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SearchReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Performance marks around the first request of the page and its answer, measured as
 * SEARCH_OPEN_MEASURE: starting the worker, reading and reopening the saved index (or building
 * it), following the log and answering. The benchmark reads it.
 */
export const SEARCH_OPEN_START_MARK = 'search-open-start';
export const SEARCH_OPEN_MEASURE = 'search-open';
/**
 * Set once the worker has the index open: its `detail` says how ({ origin: 'saved' | 'rebuilt',
 * timings: milliseconds per step }).
 */
export const SEARCH_OPENED_MARK = 'search-index-opened';

interface Pending {
  readonly request: SearchRequest;
  readonly resolve: (groups: readonly SearchGroup[]) => void;
  readonly reject: (error: Error) => void;
}

/** Dexie and IndexedDB failures keep their name, so the message says local storage failed. */
function failure(reply: { name: string; message: string }): Error {
  if (reply.name === 'Error' || reply.name === 'TypeError' || reply.name === 'AppError') {
    return new AppError('errors.searchFailed', reply.message);
  }
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

export class SearchClient {
  private worker: SearchWorkerLike | null | undefined;
  private local: SearchService | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private openedFrom: IndexOrigin | null = null;
  private asked = false;

  /**
   * `start` makes the worker (null where there is none); `inWindow` makes the service used
   * instead when there is no worker or it failed.
   */
  constructor(
    private readonly start: () => SearchWorkerLike | null,
    private readonly inWindow: () => SearchService,
  ) {}

  /** Grouped results for the query, from an index that has followed every change written so far. */
  search(query: string, limitPerKind = 5): Promise<readonly SearchGroup[]> {
    return this.send({ type: 'search', id: this.nextId++, query, limit: limitPerKind });
  }

  /** Opens the index now (reopens the saved one, or builds it), so the first query answers quickly. */
  async warm(): Promise<void> {
    await this.send({ type: 'warm', id: this.nextId++ });
  }

  /** Whether the index was reopened or rebuilt; null until it was opened. */
  get origin(): IndexOrigin | null {
    return this.local ? this.local.origin : this.openedFrom;
  }

  private send(request: SearchRequest): Promise<readonly SearchGroup[]> {
    const first = !this.asked;
    this.asked = true;
    if (first) performance.mark(SEARCH_OPEN_START_MARK);
    const worker = this.ensure();
    const answer = worker
      ? new Promise<readonly SearchGroup[]>((resolve, reject) => {
          this.pending.set(request.id, { request, resolve, reject });
          worker.postMessage(request);
        })
      : this.runInWindow(request);
    if (first) {
      void answer.then(
        () => performance.measure(SEARCH_OPEN_MEASURE, SEARCH_OPEN_START_MARK),
        () => undefined,
      );
    }
    return answer;
  }

  private runInWindow(request: SearchRequest): Promise<readonly SearchGroup[]> {
    this.local ??= this.inWindow();
    return request.type === 'warm' ? this.local.warm().then(() => []) : this.local.search(request.query, request.limit);
  }

  private ensure(): SearchWorkerLike | null {
    if (this.worker !== undefined) return this.worker;
    let worker: SearchWorkerLike | null = null;
    try {
      worker = this.start();
    } catch (error) {
      console.warn('search worker not started; searching in the window', error);
    }
    if (worker) {
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fallBack(event.message);
      };
    }
    this.worker = worker;
    return worker;
  }

  private receive(reply: SearchReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.type === 'result') {
      if (this.openedFrom === null && reply.origin !== null) {
        performance.mark(SEARCH_OPENED_MARK, { detail: { origin: reply.origin, timings: reply.timings } });
      }
      this.openedFrom = reply.origin;
      pending.resolve(reply.groups);
    } else pending.reject(failure(reply));
  }

  /** The worker broke (a script that does not load, an uncaught error): the window takes over, queries in flight too. */
  private fallBack(message: string): void {
    console.warn('search worker failed; searching in the window', message);
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of waiting) this.runInWindow(request).then(resolve, reject);
  }
}
