// Every vitest worker gets an in-memory IndexedDB (fake-indexeddb), reset per test file.
import 'fake-indexeddb/auto';
