/**
 * The unlocked vault of this tab and the one way to sync it: opening or creating the vault, a sync
 * under a Web Lock (two tabs share one database), the outcome into the sync store, and automatic
 * sync every few minutes while a vault is unlocked.
 */
import { db } from '../../db';
import { getHost } from '../../platform';
import { AppError } from '../../domain/errors';
import {
  ensureFolderPermission,
  FileSystemAccessTransport,
  type DirectoryHandleLike,
} from '../../platform/fs-access-transport';
import { useSyncStore, type VaultConnection } from '../../stores/sync';
import type { UnlockedVault } from '../../sync/crypto';
import { SyncEngine, type SyncOptions, type VaultDevice } from '../../sync/engine';
import type { VaultTransport } from '../../sync/transport';
import { WebDavTransport } from '../../sync/transports/webdav';
import { createVaultIn, openVault } from '../../sync/vault';

export const AUTO_SYNC_MS = 5 * 60_000;
const LOCK_NAME = 'mission-dossier-sync';

let engine: SyncEngine | null = null;
let stopAuto: (() => void) | null = null;

export interface ConnectRequest {
  readonly connection: VaultConnection;
  /** WebDAV only: the app password, kept in memory for this session and never stored. */
  readonly password?: string;
  readonly passphrase: string;
  /** Make a new vault when the location holds none yet (the user said so). */
  readonly create?: boolean;
  /** Desktop: seal the vault's location and login with the OS keychain once it is unlocked. */
  readonly remember?: boolean;
}

/** The desktop app's vault (held by main), or an error when this is the browser. */
function mainVault() {
  const vault = getHost().vault;
  if (!vault) throw new AppError('errors.vaultUnreachable', 'a desktop vault in the browser');
  return vault;
}

export async function transportFor(connection: VaultConnection, password = ''): Promise<VaultTransport> {
  if (connection.kind === 'main') {
    // After a restart main knows the id only if it remembered the vault; it reopens it then.
    const vault = mainVault();
    const restored = await vault.restore(connection.vaultId);
    if (restored.status === 'unknown') throw new AppError('errors.vaultNotRemembered', 'main does not know the vault');
    return vault.transport(connection.vaultId);
  }
  if (connection.kind === 'webdav') {
    return new WebDavTransport({ url: connection.url, username: connection.username, password });
  }
  const handle = connection.handle as DirectoryHandleLike;
  if (!(await ensureFolderPermission(handle)))
    throw new AppError('errors.vaultPermission', 'folder permission refused');
  return new FileSystemAccessTransport(handle);
}

/**
 * Unlocks the vault at the connection (or creates it, when asked). `noVault` when the location
 * holds no vault yet and `create` was not set: the screen then asks the user.
 */
export async function connectVault(request: ConnectRequest): Promise<'connected' | 'noVault'> {
  const store = useSyncStore.getState();
  store.setPhase('connecting');
  try {
    const transport = await transportFor(request.connection, request.password);
    let vault: UnlockedVault | undefined = await openVault(transport, request.passphrase);
    if (!vault && !request.create) {
      store.setPhase('locked');
      return 'noVault';
    }
    vault ??= await createVaultIn(transport, request.passphrase);
    engine = new SyncEngine(db, transport, vault);
    await store.rememberConnection(request.connection);
    if (request.connection.kind === 'main' && request.remember !== undefined) {
      const vaultId = request.connection.vaultId;
      const outcome = request.remember ? await mainVault().remember(vaultId) : { status: 'notAsked' };
      store.setRememberUnavailable(outcome.status === 'unavailable');
    }
    store.setPhase('idle');
    // Automatic sync runs while the app is open, not only while the Sync screen is shown.
    stopAuto ??= startAutoSync();
    return 'connected';
  } catch (error) {
    engine = null;
    store.setPhase('locked', { error });
    throw error;
  }
}

export function isUnlocked(): boolean {
  return engine !== null;
}

/** Locks the vault in this tab and forgets the connection on this device. */
export async function disconnectVault(): Promise<void> {
  engine = null;
  stopAuto?.();
  stopAuto = null;
  const { connection } = useSyncStore.getState();
  // Desktop: main closes the vault and drops what it remembered of it.
  if (connection?.kind === 'main') {
    await mainVault()
      .forget(connection.vaultId)
      .catch((error: unknown) => console.warn('could not forget the vault in main', error));
  }
  await useSyncStore.getState().forgetConnection();
}

/** Runs `work` unless another tab holds the sync lock (then `busy`). Without Web Locks, runs it directly. */
async function underLock<R>(work: () => Promise<R>): Promise<R | 'busy'> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? work() : 'busy'));
}

/** One sync now; the outcome lands in the sync store. `confirm` answers a pause. */
export async function syncNow(confirm?: SyncOptions['confirm']): Promise<void> {
  const current = engine;
  const store = useSyncStore.getState();
  if (!current || store.phase === 'syncing') return;
  store.setPhase('syncing');
  try {
    const result = await underLock(() =>
      current.sync({ confirm, onProgress: (progress) => useSyncStore.getState().setProgress(progress) }),
    );
    if (result === 'busy') {
      store.setPhase('busy');
    } else if (result.state === 'paused') {
      store.setPhase('paused', { pause: result });
    } else {
      store.finished({
        pulledFiles: result.pulledFiles,
        pushedFiles: result.pushedFiles,
        changedRecords: result.changedRecords,
        conflicts: result.conflicts,
        damaged: result.damaged.length,
      });
    }
  } catch (error) {
    console.warn('sync failed', error);
    store.setPhase('error', { error });
  }
}

export async function vaultDevices(): Promise<VaultDevice[]> {
  return engine ? engine.devices() : [];
}

/**
 * Syncs every AUTO_SYNC_MS while a vault is unlocked, the page is visible and the browser online;
 * and once when the connection comes back. Returns the stop function.
 */
export function startAutoSync(): () => void {
  const tick = () => {
    const visible = typeof document === 'undefined' || document.visibilityState === 'visible';
    const online = typeof navigator === 'undefined' || navigator.onLine;
    const { phase } = useSyncStore.getState();
    // A pause waits for the user; an error is retried on the next tick.
    if (engine && visible && online && phase !== 'paused') void syncNow();
  };
  const timer = setInterval(tick, AUTO_SYNC_MS);
  globalThis.addEventListener?.('online', tick);
  return () => {
    clearInterval(timer);
    globalThis.removeEventListener?.('online', tick);
  };
}
