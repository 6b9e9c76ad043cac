#!/usr/bin/env node
/**
 * Security lint for the Electron side: runs Doyensec's electronegativity over electron/ and fails
 * when a HIGH or MEDIUM finding is not explained in docs/security.md.
 *
 * What is scanned, and why: the TypeScript sources in electron/ (main and preload). The bundled
 * electronegativity parses TypeScript with a current @babel/parser, which reads our syntax
 * (`satisfies`, `import type`); so the sources give a real scan with file names a developer can
 * act on, and the built out/ JS would only repeat the same findings. Two guards keep it honest:
 * any file the scanner fails to parse fails this script (a partial scan is no scan), and a canary
 * file with a deliberately insecure window must produce findings (a blind scanner fails too).
 *
 * Offline: electronegativity tries to fetch translations (the warning is harmless). The
 * AVAILABLE_SECURITY_FIXES global check is switched off: it downloads Electron's release list and
 * only judges a package.json, which is not in electron/; Electron upgrades are tracked with npm.
 *
 * Exit codes: 0 all explained, 1 unexplained findings, 2 the scan itself could not be trusted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = 'electron';
const DOC = 'docs/security.md';
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity');
/** @type {(options: object) => Promise<{ errors: Array<{file: string, message: string, tolerable: boolean}>, issues: Array<Issue> }>} */
const run = electronegativity.default ?? electronegativity;
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;

/**
 * @typedef {{ id: string, file: string, location: { line: number, column: number },
 *   severity: { name: string }, confidence: { name: string }, manualReview: boolean,
 *   description: string, sample?: string }} Issue
 */

/** @param {string} input */
async function scan(input) {
  return run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
  });
}

/** Fails unless the scanner parses modern TypeScript and flags an insecure window in it. */
async function canary() {
  const dir = mkdtempSync(join(tmpdir(), 'eng-canary-'));
  try {
    writeFileSync(
      join(dir, 'canary.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        "import type { WebPreferences } from 'electron';",
        'const flags = { zoom: 1 } as const satisfies Record<string, number>;',
        'export function open(url: string): BrowserWindow {',
        '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        '  void window.loadURL(url);',
        '  return window;',
        '}',
        'export type Prefs = WebPreferences & typeof flags;',
        '',
      ].join('\n'),
    );
    const result = await scan(dir);
    const found = new Set(result.issues.map((issue) => issue.id));
    const expected = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'];
    if (result.errors.some((error) => !error.tolerable) || !expected.every((id) => found.has(id))) {
      console.error('electronegativity did not flag the insecure canary window: its parser cannot read our code.');
      console.error(JSON.stringify(result.errors, null, 2));
      process.exit(2);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The explained findings: rows of the table in docs/security.md whose first cell is a check id in
 * backticks, second cell the file in backticks (or "(global)"), and last cell the reason.
 * @returns {Map<string, string>} "CHECK_ID electron/main/x.ts" → reason
 */
function explainedFindings() {
  const explained = new Map();
  for (const line of readFileSync(join(ROOT, DOC), 'utf8').split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const id = /^`([A-Z0-9_]+)`$/.exec(cells[0] ?? '')?.[1];
    const where = cells[1] === '(global)' ? 'N/A' : /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    const reason = cells.at(-1) ?? '';
    // A row without a real reason explains nothing.
    if (id !== undefined && where !== undefined && cells.length >= 3 && reason.length >= 30) {
      explained.set(`${id} ${where}`, reason);
    }
  }
  return explained;
}

/** @param {Issue} issue */
function keyOf(issue) {
  return `${issue.id} ${issue.file === 'N/A' ? 'N/A' : `${SCANNED}/${issue.file.split('\\').join('/')}`}`;
}

await canary();
const result = await scan(join(ROOT, SCANNED));

const unparsed = result.errors.filter((error) => !error.tolerable);
for (const error of result.errors)
  console.warn(`parser ${error.tolerable ? 'warning' : 'ERROR'}: ${error.file}: ${error.message}`);
if (unparsed.length > 0) {
  console.error(`electronegativity could not parse ${unparsed.length} file(s); the scan is incomplete.`);
  process.exit(2);
}

const explained = explainedFindings();
const used = new Set();
const unexplained = [];
console.log(
  `\nelectronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''} over ${SCANNED}/: ${result.issues.length} finding(s)`,
);
for (const issue of result.issues) {
  const key = keyOf(issue);
  const blocking = BLOCKING.has(issue.severity.name);
  const reason = explained.get(key);
  if (reason !== undefined) used.add(key);
  const verdict = reason !== undefined ? 'explained' : blocking ? 'UNEXPLAINED' : 'info';
  const where = issue.file === 'N/A' ? '(global)' : `${SCANNED}/${issue.file}:${issue.location.line}`;
  console.log(
    `  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(34)} ${where.padEnd(34)} ${verdict}`,
  );
  if (blocking && reason === undefined) unexplained.push({ issue, key });
}

for (const key of explained.keys()) {
  if (!used.has(key))
    console.warn(`note: ${DOC} explains "${key}", which electronegativity no longer reports; remove the row.`);
}

if (unexplained.length > 0) {
  console.error(`\n${unexplained.length} HIGH/MEDIUM finding(s) not explained in ${DOC}:`);
  for (const { issue, key } of unexplained) {
    console.error(`  ${key}: ${issue.description}${issue.sample ? `\n      ${issue.sample.trim()}` : ''}`);
  }
  console.error(`Fix them, or add a row | \`CHECK_ID\` | \`file\` | ... | reason | to the findings table in ${DOC}.`);
  process.exit(1);
}
console.log(`\nAll HIGH and MEDIUM findings are explained in ${DOC}.`);
