/**
 * The briefing book in Node: `npm run book -- <dossier-file> --out <file.pdf> [options]`.
 * Same builder as the app's worker; pdfmake's Node build renders it. Bad input ends with one line
 * naming the problem and a non-zero exit, never a stack trace. Also exports the Node renderer
 * for the book tests and the benchmark.
 */
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDossierFile } from '../src/domain/dossier-read';
import { AppError } from '../src/domain/errors';
import { BookOptions, type BookInput } from '../src/book/book-input';
import { runBookJob, type BookJob, type BookResult } from '../src/book/book-job';
import { mergeLineInlines, type LineLike } from '../src/book/merge-inlines';
import { parseFontsOnce, type CreateFont } from '../src/book/pdfmake-hooks';
import { createBookRenderer, type PdfMakeLike } from '../src/book/render';

const ROOT = resolve(import.meta.dirname, '..');
export const FONT_DIR = join(ROOT, 'resources', 'fonts');
export const SAMPLE_FILE = join(ROOT, 'resources', 'sample-mission.json');

const require = createRequire(import.meta.url);

interface FontkitModule {
  create: CreateFont;
}

/**
 * Fonts parsed once per process (`parseFontsOnce`): pdfkit re-parses a font for every document,
 * losing fontkit's glyph and layout caches.
 */
function keepParsedFonts(): void {
  const path = require.resolve('fontkit');
  const fontkit = require(path) as FontkitModule;
  const cached = require.cache[path];
  if (!cached) throw new Error('fontkit is not in the module cache');
  const open = parseFontsOnce();
  const create: CreateFont = (buffer, postscriptName) => fontkit.create(buffer, postscriptName);
  // fontkit's exports are read-only getters: pdfkit, required after this, gets a copy instead.
  cached.exports = { ...fontkit, create: (buffer: Uint8Array, name?: string) => open(create, buffer, name) };
}

let mergeLines = true;

/** Whether this process's books join equally styled words; off only to compare (tests, benchmark). */
export function setLineMerge(on: boolean): void {
  mergeLines = on;
}

/** pdfmake's Node build: its Renderer is a module of its own, so the merge wraps its renderLine (pdfmake-hooks.ts). */
function mergeLinesWhenRendered(): void {
  type RenderLine = (this: unknown, line: LineLike, x: number, y: number) => void;
  const { default: Renderer } = require('pdfmake/js/Renderer') as {
    default?: { prototype: { renderLine?: RenderLine } };
  };
  const renderLine = Renderer?.prototype.renderLine;
  if (!Renderer || typeof renderLine !== 'function') {
    throw new Error('pdfmake/js/Renderer has no renderLine (pdfmake changed?): update src/book/merge-inlines.ts');
  }
  Renderer.prototype.renderLine = function (line, x, y) {
    renderLine.call(this, mergeLines ? mergeLineInlines(line) : line, x, y);
  };
}

let nodeRenderer: ReturnType<typeof createBookRenderer> | undefined;

/** The renderer of this process (fonts from resources/fonts, kept across books). */
export function nodeBookRenderer(): ReturnType<typeof createBookRenderer> {
  if (!nodeRenderer) {
    keepParsedFonts();
    mergeLinesWhenRendered();
    const pdfmake = require('pdfmake') as PdfMakeLike & { setLocalAccessPolicy(cb: (path: string) => boolean): void };
    pdfmake.setLocalAccessPolicy(() => false);
    nodeRenderer = createBookRenderer(pdfmake, (file) => readFile(join(FONT_DIR, file)));
  }
  return nodeRenderer;
}

/** One book in this process, as the app's worker makes it (pages, contents, summary). */
export function nodeBookJob(job: BookJob): Promise<BookResult> {
  return runBookJob(job, nodeBookRenderer());
}

export class CliError extends Error {}

const USAGE =
  'usage: npm run book -- <dossier-file> | --sample  --out <file.pdf> [--lang nl|en] ' +
  '[--audience administrator|team|personal] [--member <person id>] [--paper A4|A5] [--deterministic]';

/** A dossier file from disk as the book's input, every failure as one line. */
export async function readDossierInput(path: string): Promise<{ input: BookInput; exportedAt: string }> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    const dossier = readDossierFile(json);
    return { input: dossier, exportedAt: dossier.exportedAt };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.key === 'errors.dossierTooNew') {
      throw new CliError(`${path} was written by a newer Mission Dossier (${error.message}): update the app`);
    }
    if (error.key === 'errors.notADossier')
      throw new CliError(`${path} is not a mission dossier file (${error.message})`);
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    throw new CliError(
      `${path} is not a valid dossier: ${first ? `${first.path}: ${first.message}` : error.message}${more}`,
    );
  }
}

export async function runCli(argv: string[]): Promise<string> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        sample: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'nl' },
        audience: { type: 'string', default: 'administrator' },
        member: { type: 'string', default: '' },
        paper: { type: 'string', default: 'A4' },
        deterministic: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  const source = values.sample ? SAMPLE_FILE : positionals[0];
  if (!source || positionals.length > (values.sample ? 0 : 1)) throw new CliError(USAGE);
  if (!values.out) throw new CliError(`--out <file.pdf> is required\n${USAGE}`);
  const options = BookOptions.safeParse({
    language: values.lang,
    audience: values.audience,
    memberPersonId: values.member,
    paper: values.paper,
  });
  if (!options.success) {
    const issue = options.error.issues[0];
    throw new CliError(`bad option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}\n${USAGE}`);
  }
  const { input, exportedAt } = await readDossierInput(source);
  // Before seconds of rendering: the output's folder must exist and be writable.
  try {
    await access(dirname(resolve(values.out)), constants.W_OK);
  } catch (error) {
    throw new CliError(`cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (
    options.data.audience === 'personal' &&
    !input.delegation.some((m) => m.personId === options.data.memberPersonId)
  ) {
    throw new CliError(`--member ${options.data.memberPersonId} is not in the delegation of this dossier`);
  }
  // Deterministic: the file's own export time stands in for "now", so the same file gives the same bytes.
  const issuedAt = values.deterministic ? exportedAt : new Date().toISOString();
  const { bytes } = await nodeBookJob({ input, options: options.data, context: { issue: { version: 1, issuedAt } } });
  try {
    await writeFile(values.out, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return `wrote ${values.out} (${Math.round(bytes.byteLength / 1024)} kB)`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runCli(process.argv.slice(2)).then(
    (line) => process.stdout.write(`${line}\n`),
    (error: unknown) => {
      const message = error instanceof CliError ? error.message : `unexpected failure: ${String(error)}`;
      process.stderr.write(`book: ${message}\n`);
      process.exitCode = error instanceof CliError ? 2 : 1;
    },
  );
}
