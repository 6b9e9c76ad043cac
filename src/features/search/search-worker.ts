/**
 * The search worker: owns the app's search index for as long as the app runs. It opens the same
 * IndexedDB database as the window (its own connection), reopens the saved index (from its file in
 * the origin-private file system, see index-file.ts) or builds it, follows the change log before
 * each query and saves the index when no query has come for a while. None of that runs on the
 * window's thread, so typing and scrolling never wait for it.
 */
import { MissionDb } from '../../db/database';
import { indexFileName, originPrivateFile } from './index-file';
import { QuietScheduler, serveSearch } from './search-host';
import type { SearchReply, SearchRequest } from './search-protocol';
import { SearchService } from './search-service';

/** No query for this long, and the index (if changed) is saved. */
const QUIET_MS = 2000;

const quiet = new QuietScheduler(QUIET_MS);
const db = new MissionDb();
const service = new SearchService(db, {
  whenIdle: quiet.whenIdle,
  file: originPrivateFile(indexFileName(db.name)),
});
const serve = serveSearch(service, (reply: SearchReply) => self.postMessage(reply));

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  quiet.touch();
  serve(event.data);
});
