/** Rendering books in tests as the CLI does; the readers are in pdf-read.ts and exported here too. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { BuildContext } from '../../src/book/build-book';
import { BookOptions, type BookInput } from '../../src/book/book-input';
import { readDossierFile } from '../../src/domain/dossier-read';
import { nodeBookJob, SAMPLE_FILE } from '../../scripts/book';

const dir = mkdtempSync(join(tmpdir(), 'book-test-'));
let count = 0;

export function sampleInput(): BookInput {
  return readDossierFile(JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')));
}

export const FIXED_ISSUE: BuildContext = { issue: { version: 1, issuedAt: '2027-03-01T09:00:00.000Z' } };

/** Renders a book as the CLI does to a temporary file; returns its path. */
export async function renderToFile(
  input: BookInput,
  options: Partial<BookOptions>,
  context: BuildContext = FIXED_ISSUE,
): Promise<string> {
  const { bytes } = await nodeBookJob({ input, options: BookOptions.parse(options), context });
  const path = join(dir, `book-${++count}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

export * from './pdf-read';
