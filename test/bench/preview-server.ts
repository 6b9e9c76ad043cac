/**
 * Starts `vite preview` for the web build (dist-web/) in its own process group, waits until it
 * answers, and stops the whole group again (npx → node → vite) when asked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface PreviewServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    // Connection refused or timed out: nothing (usable) is listening yet.
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we want.
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}

/**
 * `port` overrides the port of vite.web.config.ts (5180, strict) when given: the URL must match.
 */
export async function startPreviewServer(
  root: string,
  url: string,
  port?: number,
  timeoutMs = 60_000,
): Promise<PreviewServer> {
  if (!existsSync(resolve(root, 'dist-web', 'index.html'))) {
    throw new Error(
      'dist-web/index.html is missing: build the web app first (npm run build:web, or use npm run bench).',
    );
  }
  if (await answers(url, 1000)) {
    throw new Error(
      `${url} is already in use by another server (a stale vite preview or an e2e run?): stop it and try again.`,
    );
  }

  const args = [
    'vite',
    'preview',
    '--config',
    'vite.web.config.ts',
    ...(port === undefined ? [] : ['--port', String(port)]),
  ];
  const child = spawn('npx', args, {
    cwd: root,
    detached: true, // its own process group, so stop() reaches vite behind npx
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));

  // Last resort if the benchmark dies without reaching stop(): exit handlers must be synchronous.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', onExit);

  const stop = async (): Promise<void> => {
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) break;
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await answers(url, 1000)) return { url, stop };
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  const why = spawnError
    ? spawnError.message
    : child.exitCode !== null
      ? `exited with code ${child.exitCode}`
      : 'did not answer in time';
  throw new Error(`vite preview ${why} (${url}).\n${output.trim()}`);
}
