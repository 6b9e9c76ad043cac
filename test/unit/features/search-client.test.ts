import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MissionDb } from '../../../src/db/database';
import { createOrganisation, saveOrganisation } from '../../../src/db/knowledge-writes';
import { AppError } from '../../../src/domain/errors';
import { SearchClient, type SearchWorkerLike } from '../../../src/features/search/search-client';
import { QuietScheduler, serveSearch } from '../../../src/features/search/search-host';
import type { SearchReply, SearchRequest } from '../../../src/features/search/search-protocol';
import { SEARCH_META_KEY, SearchService } from '../../../src/features/search/search-service';
import { useFreshDb } from '../../db/fresh-db';

const freshDb = useFreshDb('search-client');
let db: MissionDb;

/**
 * A worker in the same thread: messages are cloned and delivered on a later task, as between a
 * window and a real worker, and answered by the worker's own host code over its own SearchService.
 */
class InThreadWorker implements SearchWorkerLike {
  onmessage: ((event: MessageEvent<SearchReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: SearchRequest[] = [];
  terminated = false;
  readonly service: SearchService;
  private readonly serve: (request: SearchRequest) => void;

  constructor(database: MissionDb, whenIdle: (work: () => void) => void = () => undefined) {
    this.service = new SearchService(database, { whenIdle });
    this.serve = serveSearch(this.service, (reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<SearchReply>);
      }, 0);
    });
  }

  postMessage(message: SearchRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.serve(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** What a worker does when its script throws at the top level. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function titles(groups: readonly { kind: string; hits: readonly { title: string }[] }[], kind = 'organisations') {
  return groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.title) ?? [];
}

async function savedIndex(): Promise<unknown> {
  return (await db.meta.get(SEARCH_META_KEY))?.value;
}

beforeEach(async () => {
  db = freshDb();
  await createOrganisation(db, { name: 'Société Générale', kind: 'company', countryCode: 'FR', city: 'Paris' });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the search client and its worker', () => {
  it('answers queries through the worker, not in the window', async () => {
    const worker = new InThreadWorker(db);
    const inWindow = vi.fn(() => new SearchService(db));
    const client = new SearchClient(() => worker, inWindow);
    expect(titles(await client.search('societe generale'))).toEqual(['Société Générale']);
    expect(worker.received.map((request) => request.type)).toEqual(['search']);
    expect(inWindow).not.toHaveBeenCalled();
    expect(client.origin).toBe('rebuilt');
  });

  it('warming builds nothing for a registry never searched', async () => {
    const worker = new InThreadWorker(db);
    const client = new SearchClient(
      () => worker,
      () => new SearchService(db),
    );
    await client.warm();
    expect(client.origin).toBeNull();
    expect(await savedIndex()).toBeUndefined();
  });

  it('a restarted app reopens the index the worker saved, without a rebuild, and finds a write made after', async () => {
    const idle: (() => void)[] = [];
    const first = new SearchClient(
      () => new InThreadWorker(db, (work) => idle.push(work)),
      () => new SearchService(db),
    );
    expect(titles(await first.search('generale'))).toEqual(['Société Générale']);
    for (const work of idle.splice(0)) work();
    await vi.waitFor(async () => expect(await savedIndex()).toMatchObject({ index: expect.any(Uint8Array) }));

    const restartedWorker = new InThreadWorker(db);
    const restarted = new SearchClient(
      () => restartedWorker,
      () => new SearchService(db),
    );
    await restarted.warm();
    expect(restarted.origin).toBe('saved');
    const { result } = await createOrganisation(db, { name: 'Ecolab', kind: 'company', countryCode: 'US' });
    expect(titles(await restarted.search('ecolab'))).toEqual(['Ecolab']);
    await saveOrganisation(db, result.id, { name: 'Ecolab Europe' });
    expect(titles(await restarted.search('ecolab'))).toEqual(['Ecolab Europe']);
    expect(titles(await restarted.search('societe'))).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('saved');
  });

  it('when the worker breaks, the window answers the query in flight and the ones after', async () => {
    const worker = new InThreadWorker(db);
    // This worker never answers: it breaks instead.
    worker.postMessage = (message) => {
      worker.received.push(message);
    };
    const client = new SearchClient(
      () => worker,
      () => new SearchService(db),
    );
    const answer = client.search('societe');
    worker.crash('Uncaught SyntaxError');
    expect(titles(await answer)).toEqual(['Société Générale']);
    expect(worker.terminated).toBe(true);
    expect(titles(await client.search('generale'))).toEqual(['Société Générale']);
    expect(worker.received).toHaveLength(1);
  });

  it('searches in the window where no worker can be started', async () => {
    const client = new SearchClient(
      () => null,
      () => new SearchService(db),
    );
    expect(titles(await client.search('societe'))).toEqual(['Société Générale']);
  });

  it('a failure in the worker rejects with a typed error: storage failures keep their name', async () => {
    const replies: SearchReply[] = [
      { type: 'failed', id: 1, name: 'DatabaseClosedError', message: 'closed by an upgrade' },
      { type: 'failed', id: 2, name: 'TypeError', message: 'x is undefined' },
    ];
    const fake: SearchWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage: (request) => {
        const reply = replies.find((candidate) => candidate.id === request.id);
        if (reply) setTimeout(() => fake.onmessage?.({ data: reply } as MessageEvent<SearchReply>), 0);
      },
    };
    const client = new SearchClient(
      () => fake,
      () => new SearchService(db),
    );
    await expect(client.search('a')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    const generic = await client.search('b').catch((error: unknown) => error);
    expect(generic).toBeInstanceOf(AppError);
    expect(generic).toMatchObject({ key: 'errors.searchFailed' });
  });
});

describe('the worker waits for quiet before saving', () => {
  it('runs idle work only once no request has come for the quiet time', () => {
    vi.useFakeTimers();
    const quiet = new QuietScheduler(2000);
    const work = vi.fn();
    quiet.whenIdle(work);
    vi.advanceTimersByTime(1500);
    quiet.touch();
    vi.advanceTimersByTime(1500);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(work).toHaveBeenCalledTimes(1);
    quiet.touch();
    vi.advanceTimersByTime(5000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
