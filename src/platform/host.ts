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
} from '../shared/ipc-contract';

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
}
