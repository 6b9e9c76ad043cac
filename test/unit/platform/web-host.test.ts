// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createWebHost, type WebHostDeps } from '../../../src/platform/web-host';

/** A minimal fake document: enough for the host's download link and file input. */
function fakeDocument() {
  const created: Record<string, unknown>[] = [];
  const document = {
    body: { append: vi.fn() },
    createElement: (tag: string) => {
      const listeners: Record<string, () => void> = {};
      const element: Record<string, unknown> = {
        tag,
        click: vi.fn(),
        remove: vi.fn(),
        addEventListener: (type: string, listener: () => void) => {
          listeners[type] = listener;
        },
        fire: (type: string) => listeners[type]?.(),
      };
      created.push(element);
      return element;
    },
  };
  return { document: document as unknown as Document, created };
}

function host(overrides: Partial<WebHostDeps> = {}) {
  const fake = fakeDocument();
  const deps: WebHostDeps = {
    document: fake.document,
    createObjectURL: () => 'blob:1',
    revokeObjectURL: vi.fn(),
    version: '1.2.3',
    userAgent: 'test',
    ...overrides,
  };
  return { host: createWebHost(deps), created: fake.created };
}

describe('web host', () => {
  it('reports itself as a browser with the build version and no data folder', async () => {
    const { host: web } = host();
    expect(web.kind).toBe('web');
    expect(web.pickFolder).toBeNull();
    expect(await web.appInfo()).toEqual({
      name: 'Mission Dossier',
      version: '1.2.3',
      platform: 'test',
      dataLocation: null,
    });
  });

  it('saves a file as a download with the suggested name', async () => {
    const { host: web, created } = host();
    const result = await web.saveFile({ suggestedName: 'briefing.pdf', data: new Uint8Array([1, 2]), kind: 'pdf' });
    expect(result).toEqual({ status: 'saved', location: 'briefing.pdf' });
    const link = created[0];
    expect(link).toMatchObject({ tag: 'a', href: 'blob:1', download: 'briefing.pdf' });
    expect(link?.click).toHaveBeenCalled();
  });

  it.each([
    ['pdf', 'Briefingboek Taiwan', 'Briefingboek Taiwan.pdf', 'application/pdf'],
    ['ics', 'agenda.pdf', 'agenda.ics', 'text/calendar'],
    ['csv', 'contacten.CSV', 'contacten.CSV', 'text/csv'],
    ['dossier', 'Missie Taiwan', 'Missie Taiwan.json', 'application/json'],
  ] as const)('a %s download is named %j → %j and typed %s', async (kind, name, expected, mime) => {
    const blobs: Blob[] = [];
    const { host: web, created } = host({
      createObjectURL: (blob) => {
        blobs.push(blob);
        return 'blob:2';
      },
    });
    await web.saveFile({ suggestedName: name, data: 'x', kind });
    expect(created[0]).toMatchObject({ download: expected });
    expect(blobs[0]?.type).toBe(mime);
  });

  it('opening a file that the user cancels resolves as cancelled, and refuses an oversized one', async () => {
    const { host: web, created } = host();
    const cancelled = web.openFile([{ name: 'Dossier', extensions: ['json'] }]);
    const input = created[0] as { accept: string; fire: (type: string) => void };
    expect(input.accept).toBe('.json');
    input.fire('cancel');
    await expect(cancelled).resolves.toEqual({ status: 'cancelled' });

    const { host: web2, created: created2 } = host();
    const big = web2.openFile();
    const input2 = created2[0] as { files: unknown; fire: (type: string) => void };
    input2.files = [
      { name: 'huge.json', size: 500 * 1024 * 1024, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) },
    ];
    input2.fire('change');
    await expect(big).rejects.toMatchObject({ key: 'errors.fileTooLarge' });
  });
});
