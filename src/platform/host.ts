/**
 * What the renderer needs from the machine it runs on. Two implementations: Electron (through
 * the preload's window.api) and the browser. Features use the Host, never window.api directly.
 */
import type {
  AppInfo,
  ExportKind,
  FileFilter,
  OpenFileResult,
  PickFolderResult,
  SaveFileResult,
  VaultConnectRequest,
  VaultConnectResult,
  VaultRememberResult,
  VaultRestoreResult,
} from '../shared/ipc-contract';
import type { VaultTransport } from '../sync/transport';

export interface SaveFileOptions {
  readonly suggestedName: string;
  readonly data: Uint8Array<ArrayBuffer> | string;
  /** What is exported: the file's extension, type and the dialog's filter follow from it. */
  readonly kind: ExportKind;
}

export interface Host {
  readonly kind: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>;
  openFile(filters?: FileFilter[]): Promise<OpenFileResult>;
  /** Only the desktop app can pick a folder (for a sync vault); null where it cannot. */
  readonly pickFolder: (() => Promise<PickFolderResult>) | null;
  /** The desktop app keeps the sync vault in main (docs/sync.md, "What the app calls"); null in the browser. */
  readonly vault: HostVault | null;
}

/** A vault held by main and named by an opaque id: the page never holds its path or login. */
export interface HostVault {
  /** A folder (main shows the picker) or a WebDAV login; the password is handed over once, here. */
  connect(request: VaultConnectRequest): Promise<VaultConnectResult>;
  transport(vaultId: string): VaultTransport;
  /** Seals the vault's location and login with the OS keychain; `unavailable`: nothing was stored. */
  remember(vaultId: string): Promise<VaultRememberResult>;
  /** Reopens a remembered vault after a restart; `unknown` when it is not (or no longer) remembered. */
  restore(vaultId: string): Promise<VaultRestoreResult>;
  /** Closes the vault in main and drops what was remembered of it. */
  forget(vaultId: string): Promise<void>;
}
