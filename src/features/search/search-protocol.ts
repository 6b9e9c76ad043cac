/**
 * The messages between the window and the search worker. The worker owns the search index: it
 * reads the saved index, follows the change log, answers queries and saves the index, all off the
 * window's thread; the window sends a query and gets the grouped results back.
 */
import type { SearchGroup } from '../../search/search-index';
import type { IndexOrigin } from './search-service';

export type SearchRequest =
  /** Reopens the saved index, if there is one, without a query: sent early, so the first query is quick. */
  | { readonly type: 'warm'; readonly id: number }
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly limit: number };

export type SearchReply =
  | {
      readonly type: 'result';
      readonly id: number;
      readonly groups: readonly SearchGroup[];
      readonly origin: IndexOrigin | null;
      /** Milliseconds per step of opening the index, once it is open (see SearchService.openTimings). */
      readonly timings: Readonly<Record<string, number>> | null;
    }
  /** `name` is the error's name (a Dexie or IndexedDB one says local storage failed). */
  | { readonly type: 'failed'; readonly id: number; readonly name: string; readonly message: string };
