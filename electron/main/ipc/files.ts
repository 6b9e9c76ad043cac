/** IPC `saveFile`, `openFile`, `pickFolder`: native dialogs plus the file store. */
import { basename, extname, join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { EXPORT_FILE_TYPES, fileNameFor, MAX_FILE_BYTES } from '../../../src/shared/ipc-contract';
import type { FileStore } from './file-store';
import { IpcError } from './ipc-error';
import type { IpcHandlers } from './register';

/** What the handlers need of Electron's `dialog` (bound to the focused window in index.ts). */
export interface FileDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FileHandlerDeps {
  dialogs: FileDialogs;
  files: FileStore;
  /** The user's Downloads folder, where the save dialog starts. */
  downloadsPath: () => string;
}

export type FileHandlers = Pick<IpcHandlers, 'saveFile' | 'openFile' | 'pickFolder'>;

export function createFileHandlers({ dialogs, files, downloadsPath }: FileHandlerDeps): FileHandlers {
  return {
    async saveFile({ suggestedName, data, kind }) {
      // The kind decides the file type; the page's name only supplies the stem.
      const { extension, filterName } = EXPORT_FILE_TYPES[kind];
      const choice = await dialogs.showSaveDialog({
        // suggestedName is a plain file name (the contract refuses separators), so the dialog
        // opens in Downloads and cannot be steered elsewhere by the renderer.
        defaultPath: join(downloadsPath(), fileNameFor(kind, suggestedName)),
        filters: [{ name: filterName, extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { status: 'cancelled' };
      // Some dialogs (GTK) return the typed name without the filter's extension: add it, so the
      // file opens in the right program. A name the user gave another extension is left alone.
      const path = extname(choice.filePath) === '' ? `${choice.filePath}.${extension}` : choice.filePath;
      try {
        await files.writeFileAtomic(path, data);
      } catch (error) {
        throw new IpcError('errors.fileWriteFailed', { cause: error });
      }
      return { status: 'saved', location: path };
    },

    async openFile({ filters }) {
      const choice = await dialogs.showOpenDialog({ filters, properties: ['openFile'] });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return { status: 'cancelled' };
      let data: Uint8Array<ArrayBuffer> | null;
      try {
        data = await files.readFileAtMost(path, MAX_FILE_BYTES);
      } catch (error) {
        throw new IpcError('errors.fileReadFailed', { cause: error });
      }
      if (data === null) throw new IpcError('errors.fileTooLarge');
      return { status: 'opened', name: basename(path), data };
    },

    async pickFolder() {
      const choice = await dialogs.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return { status: 'cancelled' };
      return { status: 'picked', path };
    },
  };
}
