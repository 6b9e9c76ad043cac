/**
 * The one typed IPC contract between renderer and main. Main parses every request with these
 * schemas (arguments arrive as `unknown`); the preload object is checked against RendererApi.
 */
import { z } from 'zod';
import type { IpcMethod } from './ipc-channels';

/** A plain file name: no folders, no drive letters, no control characters. */
export const SafeFileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) =>
      !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20) && name !== '.' && name !== '..',
    {
      message: 'file name must not contain path separators or reserved characters',
    },
  );

export const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof FileFilter>;

/** At most 200 MiB per file crosses the bridge. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const FileData = z.union([
  z.string().max(MAX_FILE_BYTES),
  z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, {
    message: 'file too large',
  }),
]);

/**
 * Errors that cross the bridge: Electron passes only an error's message to the renderer, so the
 * message is one of these keys of the i18n catalogs, and nothing else (no paths, no stacks).
 */
export const IPC_ERROR_KEYS = [
  'errors.untrustedSender',
  'errors.invalidInput',
  'errors.fileTooLarge',
  'errors.fileReadFailed',
  'errors.fileWriteFailed',
  'errors.unexpected',
] as const;
export type IpcErrorKey = (typeof IPC_ERROR_KEYS)[number];

/** The key inside a rejected invoke's message ("Error invoking remote method …: Error: errors.x"). */
export function ipcErrorKeyIn(message: string): IpcErrorKey {
  const found = /errors\.\w+/.exec(message)?.[0];
  return (IPC_ERROR_KEYS as readonly string[]).includes(found ?? '') ? (found as IpcErrorKey) : 'errors.unexpected';
}

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where the app keeps its data (Electron's userData folder); null in a browser. */
  dataLocation: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * What the app exports. The page names only the kind: main takes the extension and the save
 * dialog's filter from this table, so a page cannot offer a file type of its own choosing.
 */
export const EXPORT_KINDS = ['pdf', 'ics', 'csv', 'dossier'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

export interface ExportFileType {
  readonly extension: string;
  readonly mimeType: string;
  /** The name of the save dialog's filter (shown as is in every UI language). */
  readonly filterName: string;
}

export const EXPORT_FILE_TYPES: Record<ExportKind, ExportFileType> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf', filterName: 'PDF' },
  ics: { extension: 'ics', mimeType: 'text/calendar', filterName: 'iCalendar' },
  csv: { extension: 'csv', mimeType: 'text/csv', filterName: 'CSV' },
  dossier: { extension: 'json', mimeType: 'application/json', filterName: 'Mission Dossier' },
};

/** The suggested name with the kind's extension: a wrong or missing one is replaced or added. */
export function fileNameFor(kind: ExportKind, suggestedName: string): string {
  const { extension } = EXPORT_FILE_TYPES[kind];
  if (suggestedName.toLowerCase().endsWith(`.${extension}`)) return suggestedName;
  const dot = suggestedName.lastIndexOf('.');
  // Only a short tail with a letter counts as an extension: "Missie 2027.03" keeps its dot.
  const tail = suggestedName.slice(dot + 1);
  const stem = dot > 0 && /^(?=.*[a-z])[a-z0-9]{1,5}$/i.test(tail) ? suggestedName.slice(0, dot) : suggestedName;
  return `${stem}.${extension}`;
}

// Strict: a request that also carries filters or a type of its own is refused, not trimmed.
export const SaveFileRequest = z.strictObject({
  suggestedName: SafeFileName,
  data: FileData,
  kind: ExportKind,
});
export type SaveFileRequest = z.input<typeof SaveFileRequest>;

export const SaveFileResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), location: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SaveFileResult = z.infer<typeof SaveFileResult>;

export const OpenFileRequest = z.object({
  filters: z.array(FileFilter).max(10).default([]),
});
export type OpenFileRequest = z.input<typeof OpenFileRequest>;

export const OpenFileResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), data: z.instanceof(Uint8Array) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpenFileResult = z.infer<typeof OpenFileResult>;

export const PickFolderResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('picked'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type PickFolderResult = z.infer<typeof PickFolderResult>;

export const ipcContract = {
  appInfo: { request: z.undefined(), response: AppInfo },
  saveFile: { request: SaveFileRequest, response: SaveFileResult },
  openFile: { request: OpenFileRequest, response: OpenFileResult },
  pickFolder: { request: z.undefined(), response: PickFolderResult },
} as const satisfies Record<IpcMethod, { request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<IpcContract[M]['response']>;

/** What the preload exposes as `window.api`: one method per contract entry. */
export type RendererApi = {
  [M in IpcMethod]: undefined extends IpcRequest<M>
    ? (request?: IpcRequest<M>) => Promise<IpcResponse<M>>
    : (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};
