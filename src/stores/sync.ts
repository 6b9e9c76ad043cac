/**
 * The Sync screen's state: the vault connection remembered on this device (never a password or
 * passphrase: the web build has no keychain), and the running sync's phase, progress and outcome.
 */
import { z } from 'zod';
import { create } from 'zustand';
import { db } from '../db';

/** The `meta` row holding the remembered connection. */
export const CONNECTION_KEY = 'sync:connection';

/**
 * Where the vault is, without secrets. A folder is a browser directory handle (structured-cloned
 * into IndexedDB as is; the browser asks for permission again after a reload). In the desktop app
 * (`main`), the vault is held by the main process and the page keeps only its opaque id and the
 * name to show (a folder's name or the server's host); main may reopen it after a restart from
 * what it remembered through the OS keychain.
 */
export const VaultConnection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webdav'), url: z.url({ protocol: /^https?$/ }), username: z.string().min(1) }),
  z.object({ kind: z.literal('folder'), name: z.string(), handle: z.custom<object>((v) => typeof v === 'object') }),
  z.object({
    kind: z.literal('main'),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    name: z.string().max(255),
    via: z.enum(['folder', 'webdav']),
  }),
]);
export type VaultConnection = z.infer<typeof VaultConnection>;

export interface SyncProgress {
  readonly phase: 'pull' | 'push' | 'snapshot';
  readonly done: number;
  readonly total: number;
}

export interface SyncSummary {
  readonly pulledFiles: number;
  readonly pushedFiles: number;
  readonly changedRecords: number;
  readonly conflicts: number;
  readonly damaged: number;
}

export type SyncPause =
  | { readonly reason: 'massDeletion'; readonly deletions: number; readonly live: number }
  | { readonly reason: 'vaultEmpty' | 'vaultReplaced' };

export type SyncPhase = 'locked' | 'connecting' | 'idle' | 'syncing' | 'paused' | 'error' | 'busy';

interface SyncUiState {
  /** undefined while loading, null when none is remembered. */
  readonly connection: VaultConnection | null | undefined;
  readonly phase: SyncPhase;
  readonly progress: SyncProgress | null;
  readonly pause: SyncPause | null;
  readonly error: unknown;
  readonly lastSummary: SyncSummary | null;
  /** Desktop: the user asked to remember the vault, but the OS has no keychain (nothing was stored). */
  readonly rememberUnavailable: boolean;
  setRememberUnavailable(value: boolean): void;
  loadConnection(): Promise<void>;
  rememberConnection(connection: VaultConnection): Promise<void>;
  forgetConnection(): Promise<void>;
  setPhase(
    phase: SyncPhase,
    extra?: { progress?: SyncProgress | null; pause?: SyncPause | null; error?: unknown },
  ): void;
  setProgress(progress: SyncProgress): void;
  finished(summary: SyncSummary): void;
}

export const useSyncStore = create<SyncUiState>((set) => ({
  connection: undefined,
  phase: 'locked',
  progress: null,
  pause: null,
  error: null,
  lastSummary: null,
  rememberUnavailable: false,
  setRememberUnavailable(value) {
    set({ rememberUnavailable: value });
  },
  async loadConnection() {
    const row = await db.meta.get(CONNECTION_KEY);
    const parsed = VaultConnection.safeParse(row?.value);
    if (row && !parsed.success) console.warn('remembered vault connection unreadable; ignored', parsed.error.issues);
    set({ connection: parsed.success ? parsed.data : null });
  },
  async rememberConnection(connection) {
    // Parse first: a field added by mistake (a password) is stripped, not stored.
    const clean = VaultConnection.parse(connection);
    await db.meta.put({ key: CONNECTION_KEY, value: clean });
    set({ connection: clean });
  },
  async forgetConnection() {
    await db.meta.delete(CONNECTION_KEY);
    set({
      connection: null,
      phase: 'locked',
      progress: null,
      pause: null,
      error: null,
      lastSummary: null,
      rememberUnavailable: false,
    });
  },
  setPhase(phase, extra = {}) {
    set({
      phase,
      progress: extra.progress ?? null,
      pause: extra.pause ?? null,
      error: extra.error ?? null,
    });
  },
  setProgress(progress) {
    set({ progress });
  },
  finished(summary) {
    set({ phase: 'idle', progress: null, pause: null, error: null, lastSummary: summary });
  },
}));
