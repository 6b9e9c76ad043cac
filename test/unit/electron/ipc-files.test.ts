import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, ipcContract } from '../../../src/shared/ipc-contract';
import type { FileStore } from '../../../electron/main/ipc/file-store';
import { createFileHandlers, type FileDialogs } from '../../../electron/main/ipc/files';

const DOWNLOADS = join('/home', 'u', 'Downloads');

function setup(answers: {
  save?: Awaited<ReturnType<FileDialogs['showSaveDialog']>>;
  open?: Awaited<ReturnType<FileDialogs['showOpenDialog']>>;
  read?: FileStore['readFileAtMost'];
  write?: FileStore['writeFileAtomic'];
}) {
  const dialogs = {
    showSaveDialog: vi.fn<FileDialogs['showSaveDialog']>(async () => answers.save ?? { canceled: true }),
    showOpenDialog: vi.fn<FileDialogs['showOpenDialog']>(async () => answers.open ?? { canceled: true, filePaths: [] }),
  };
  const files = {
    readFileAtMost: vi.fn<FileStore['readFileAtMost']>(answers.read ?? (async () => new Uint8Array())),
    writeFileAtomic: vi.fn<FileStore['writeFileAtomic']>(answers.write ?? (async () => undefined)),
  };
  const handlers = createFileHandlers({ dialogs, files, downloadsPath: () => DOWNLOADS });
  return { dialogs, files, handlers };
}

const pdfFilter = [{ name: 'PDF', extensions: ['pdf'] }];

describe('saveFile', () => {
  it('opens the save dialog in Downloads with the name and the filter of the export kind', async () => {
    const { dialogs, handlers } = setup({});
    await handlers.saveFile({ suggestedName: 'briefing.pdf', data: 'x', kind: 'pdf' });
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join(DOWNLOADS, 'briefing.pdf'),
      filters: pdfFilter,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it.each([
    ['ics', 'Agenda Taiwan.pdf', 'Agenda Taiwan.ics', { name: 'iCalendar', extensions: ['ics'] }],
    ['csv', 'contacten', 'contacten.csv', { name: 'CSV', extensions: ['csv'] }],
    ['dossier', 'Missie 2027.03', 'Missie 2027.03.json', { name: 'Mission Dossier', extensions: ['json'] }],
    ['pdf', 'briefing.exe', 'briefing.pdf', { name: 'PDF', extensions: ['pdf'] }],
  ] as const)('for kind %s turns %j into %j with its own filter', async (kind, name, expected, filter) => {
    const { dialogs, handlers } = setup({});
    await handlers.saveFile({ suggestedName: name, data: 'x', kind });
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(DOWNLOADS, expected), filters: [filter] }),
    );
  });

  it('writes atomically where the user chose and reports the location', async () => {
    const data = new Uint8Array([1, 2, 3]);
    const { files, handlers } = setup({ save: { canceled: false, filePath: '/mnt/share/briefing.pdf' } });
    const result = await handlers.saveFile({ suggestedName: 'briefing.pdf', data, kind: 'pdf' });
    expect(result).toEqual({ status: 'saved', location: '/mnt/share/briefing.pdf' });
    expect(ipcContract.saveFile.response.parse(result)).toEqual(result);
    expect(files.writeFileAtomic).toHaveBeenCalledWith('/mnt/share/briefing.pdf', data);
  });

  it('adds the extension when the dialog returns a name without one, and keeps one the user typed', async () => {
    const bare = setup({ save: { canceled: false, filePath: '/home/u/Downloads/briefing' } });
    await expect(bare.handlers.saveFile({ suggestedName: 'b.pdf', data: 'x', kind: 'pdf' })).resolves.toEqual({
      status: 'saved',
      location: '/home/u/Downloads/briefing.pdf',
    });
    expect(bare.files.writeFileAtomic).toHaveBeenCalledWith('/home/u/Downloads/briefing.pdf', 'x');
    const typed = setup({ save: { canceled: false, filePath: '/home/u/Downloads/agenda.txt' } });
    await typed.handlers.saveFile({ suggestedName: 'a.ics', data: 'x', kind: 'ics' });
    expect(typed.files.writeFileAtomic).toHaveBeenCalledWith('/home/u/Downloads/agenda.txt', 'x');
  });

  it.each([
    { canceled: true },
    { canceled: true, filePath: '' },
    { canceled: false, filePath: '' },
    { canceled: false },
  ])('reports cancelled and writes nothing for %j', async (answer) => {
    const { files, handlers } = setup({ save: answer });
    await expect(handlers.saveFile({ suggestedName: 'a.txt', data: 'x', kind: 'csv' })).resolves.toEqual({
      status: 'cancelled',
    });
    expect(files.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('turns a failed write into errors.fileWriteFailed, keeping the cause', async () => {
    const cause = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    const { handlers } = setup({
      save: { canceled: false, filePath: '/full/disk.pdf' },
      write: () => Promise.reject(cause),
    });
    await expect(handlers.saveFile({ suggestedName: 'a.pdf', data: 'x', kind: 'pdf' })).rejects.toMatchObject({
      key: 'errors.fileWriteFailed',
      cause,
    });
  });
});

describe('openFile', () => {
  it('opens one file with the filters and returns its name and bytes', async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const { dialogs, files, handlers } = setup({
      open: { canceled: false, filePaths: ['/home/u/dossier.zip'] },
      read: async () => bytes,
    });
    const result = await handlers.openFile({ filters: pdfFilter });
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith({ filters: pdfFilter, properties: ['openFile'] });
    expect(files.readFileAtMost).toHaveBeenCalledWith('/home/u/dossier.zip', MAX_FILE_BYTES);
    expect(result).toEqual({ status: 'opened', name: 'dossier.zip', data: bytes });
    expect(ipcContract.openFile.response.parse(result)).toEqual(result);
  });

  it('refuses a file over MAX_FILE_BYTES with errors.fileTooLarge', async () => {
    const { handlers } = setup({ open: { canceled: false, filePaths: ['/home/u/huge.iso'] }, read: async () => null });
    await expect(handlers.openFile({ filters: [] })).rejects.toMatchObject({ key: 'errors.fileTooLarge' });
  });

  it('turns a failed read into errors.fileReadFailed', async () => {
    const { handlers } = setup({
      open: { canceled: false, filePaths: ['/home/u/locked.pdf'] },
      read: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    });
    await expect(handlers.openFile({ filters: [] })).rejects.toMatchObject({ key: 'errors.fileReadFailed' });
  });

  it.each([
    { canceled: true, filePaths: [] },
    { canceled: true, filePaths: ['/x'] },
    { canceled: false, filePaths: [] },
  ])('reports cancelled for %j', async (answer) => {
    const { files, handlers } = setup({ open: answer });
    await expect(handlers.openFile({ filters: [] })).resolves.toEqual({ status: 'cancelled' });
    expect(files.readFileAtMost).not.toHaveBeenCalled();
  });
});

describe('pickFolder', () => {
  it('asks for a directory and returns it', async () => {
    const { dialogs, handlers } = setup({ open: { canceled: false, filePaths: ['/mnt/onedrive/vault'] } });
    await expect(handlers.pickFolder(undefined)).resolves.toEqual({ status: 'picked', path: '/mnt/onedrive/vault' });
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith({ properties: ['openDirectory', 'createDirectory'] });
  });

  it('reports cancelled', async () => {
    const { handlers } = setup({});
    await expect(handlers.pickFolder(undefined)).resolves.toEqual({ status: 'cancelled' });
  });
});
