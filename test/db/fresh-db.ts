/** Gives each test its own empty database (fake-indexeddb), deleted again afterwards. */
import { afterEach, beforeEach } from 'vitest';
import { MissionDb } from '../../src/db/database';

let counter = 0;

export function useFreshDb(prefix: string): () => MissionDb {
  let db: MissionDb | undefined;
  beforeEach(async () => {
    db = new MissionDb(`${prefix}-${++counter}`);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => {
    if (!db) throw new Error('the database exists only inside a test');
    return db;
  };
}
