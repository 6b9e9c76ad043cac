import { EXPORT_FILE_TYPES, fileNameFor, MAX_FILE_BYTES, type FileFilter } from '../shared/ipc-contract';
import type { Host } from './host';
import { AppError } from '../domain/errors';

/** Browser side effects, injectable so the host can be tested without a browser. */
export interface WebHostDeps {
  readonly document: Document;
  readonly createObjectURL: (blob: Blob) => string;
  readonly revokeObjectURL: (url: string) => void;
  readonly version: string;
  readonly userAgent: string;
}

function acceptOf(filters: FileFilter[] | undefined): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** The browser host: saving is a download, opening a file is a file input. */
export function createWebHost(deps: WebHostDeps): Host {
  return {
    kind: 'web',
    appInfo: async () => ({
      name: 'Mission Dossier',
      version: deps.version,
      platform: deps.userAgent,
      dataLocation: null,
    }),
    saveFile: async ({ suggestedName, data, kind }) => {
      // As in the desktop app, the kind decides the extension and type, not the page's name.
      const name = fileNameFor(kind, suggestedName);
      const url = deps.createObjectURL(new Blob([data as BlobPart], { type: EXPORT_FILE_TYPES[kind].mimeType }));
      const link = deps.document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      deps.document.body.append(link);
      link.click();
      link.remove();
      // Revoke after the click has been handled, or some browsers cancel the download.
      setTimeout(() => deps.revokeObjectURL(url), 1000);
      return { status: 'saved', location: name };
    },
    openFile: (filters) =>
      new Promise((resolve, reject) => {
        const input = deps.document.createElement('input');
        input.type = 'file';
        input.accept = acceptOf(filters);
        input.addEventListener('cancel', () => resolve({ status: 'cancelled' }));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return resolve({ status: 'cancelled' });
          if (file.size > MAX_FILE_BYTES)
            return reject(new AppError('errors.fileTooLarge', `${file.name} is larger than allowed`));
          file.arrayBuffer().then(
            (buffer) => resolve({ status: 'opened', name: file.name, data: new Uint8Array(buffer) }),
            (error: unknown) =>
              reject(new AppError('errors.unexpected', `could not read ${file.name}: ${String(error)}`)),
          );
        });
        input.click();
      }),
    pickFolder: null,
    // WebDAV runs from the page and a folder through the File System Access API (src/features/sync).
    vault: null,
  };
}
