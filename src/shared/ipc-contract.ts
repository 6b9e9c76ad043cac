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
  'errors.vaultAuth',
  'errors.vaultWrite',
  'errors.vaultUnreachable',
  'errors.vaultDamaged',
  'errors.vaultPermission',
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

/*
 * The sync vault, kept in main (docs/sync.md, "What the app calls"). The page names a vault only by
 * the opaque id main gave it; it never sends or receives a folder path or a WebDAV password after
 * connecting. Paths are vault-relative and must have the shape of docs/sync.md "Layout".
 */

/** 128 random bits in hex: the page's only handle on a connected vault. */
export const VaultId = z.string().regex(/^[0-9a-f]{32}$/, { message: 'not a vault id' });
export type VaultId = z.infer<typeof VaultId>;

/** At most 64 MiB per vault file (change files and snapshot parts are far smaller). */
export const MAX_VAULT_FILE_BYTES = 64 * 1024 * 1024;
/** At most this many names in one folder listing. */
export const MAX_VAULT_LISTING = 1_000_000;

/** The folders of a vault: its root and the two below it. */
export const VAULT_FOLDERS = ['', 'changes', 'snapshots'] as const;
export const VaultFolder = z.enum(VAULT_FOLDERS);

const DEVICE_SEQ = String.raw`[0-9a-f]{16}-\d{10}`;
const HASH = String.raw`[0-9a-f]{16}`;
const FINAL_PATHS = [
  '^vault\\.json$',
  `^changes/${DEVICE_SEQ}-${HASH}\\.mdc$`,
  `^snapshots/${DEVICE_SEQ}-${HASH}\\.mds$`,
  `^snapshots/${DEVICE_SEQ}-\\d{4}-${HASH}\\.mdp$`,
].map((source) => new RegExp(source));
/** A write in progress: the final name, a dot, 12 random hex digits and `.tmp` (src/sync/transport.ts). */
const TEMP_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/** True for a vault file the app writes: vault.json, a change file, a snapshot manifest or part. */
export function isVaultFilePath(path: string): boolean {
  return FINAL_PATHS.some((pattern) => pattern.test(path));
}

/** True for a vault file or its temporary name; nothing else (no `..`, no absolute path, no `\`). */
export function isVaultFileOrTempPath(path: string): boolean {
  return isVaultFilePath(path) || (TEMP_SUFFIX.test(path) && isVaultFilePath(path.replace(TEMP_SUFFIX, '')));
}

export const VaultFilePath = z.string().max(200).refine(isVaultFilePath, { message: 'not a vault file path' });
const VaultRenamePath = z.string().max(200).refine(isVaultFileOrTempPath, { message: 'not a vault file path' });

const VaultBytes = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_VAULT_FILE_BYTES, {
  message: 'vault file too large',
});

/** Plain http only to this machine (a local server or tunnel), as in the web build's CSP. */
function isVaultUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '' || url.search !== '') return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const VaultConnectRequest = z.discriminatedUnion('kind', [
  // Main shows the folder picker itself: the page cannot name a folder.
  z.strictObject({ kind: z.literal('folder') }),
  z.strictObject({
    kind: z.literal('webdav'),
    url: z.string().max(2048).refine(isVaultUrl, { message: 'not an https vault address' }),
    username: z.string().min(1).max(256),
    password: z.string().min(1).max(1024),
  }),
]);
export type VaultConnectRequest = z.input<typeof VaultConnectRequest>;

export const VaultConnectResult = z.discriminatedUnion('status', [
  /** `name`: what the screen shows (the folder's own name, or the server's host), never a path. */
  z.object({ status: z.literal('connected'), vaultId: VaultId, name: z.string().max(255) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type VaultConnectResult = z.infer<typeof VaultConnectResult>;

export const VaultRef = z.strictObject({ vaultId: VaultId });
export const VaultListRequest = z.strictObject({ vaultId: VaultId, folder: VaultFolder });
export const VaultReadRequest = z.strictObject({ vaultId: VaultId, path: VaultFilePath });
export const VaultWriteNewRequest = z.strictObject({ vaultId: VaultId, path: VaultFilePath, bytes: VaultBytes });
export const VaultRenameRequest = z.strictObject({ vaultId: VaultId, from: VaultRenamePath, to: VaultFilePath });
export const VaultEnsureFolderRequest = z.strictObject({ vaultId: VaultId, folder: VaultFolder });

const WriteOutcome = z.enum(['written', 'exists']);

export const VaultRememberResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('remembered') }),
  /** The OS offers no encryption (no keychain): nothing was written; the user enters it again next time. */
  z.object({ status: z.literal('unavailable') }),
]);
export type VaultRememberResult = z.infer<typeof VaultRememberResult>;

export const VaultRestoreResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('restored'), name: z.string().max(255) }),
  /** Not remembered on this device, or no longer readable (another user account, a new keychain). */
  z.object({ status: z.literal('unknown') }),
]);
export type VaultRestoreResult = z.infer<typeof VaultRestoreResult>;

export const ipcContract = {
  appInfo: { request: z.undefined(), response: AppInfo },
  saveFile: { request: SaveFileRequest, response: SaveFileResult },
  openFile: { request: OpenFileRequest, response: OpenFileResult },
  pickFolder: { request: z.undefined(), response: PickFolderResult },
  vaultConnect: { request: VaultConnectRequest, response: VaultConnectResult },
  vaultList: {
    request: VaultListRequest,
    response: z.array(z.string().min(1).max(255)).max(MAX_VAULT_LISTING),
  },
  vaultRead: { request: VaultReadRequest, response: VaultBytes.optional() },
  vaultWriteNew: { request: VaultWriteNewRequest, response: WriteOutcome },
  vaultRename: { request: VaultRenameRequest, response: WriteOutcome },
  vaultEnsureFolder: { request: VaultEnsureFolderRequest, response: z.undefined() },
  vaultForget: { request: VaultRef, response: z.undefined() },
  vaultRemember: { request: VaultRef, response: VaultRememberResult },
  vaultRestore: { request: VaultRef, response: VaultRestoreResult },
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
