// Electron's own postinstall (a binary download) is denied in package.json's allowScripts, so that
// `npm install` never fails where Electron's servers cannot be reached. This runs that download
// instead, and where it fails it explains what still works rather than failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const installer = 'node_modules/electron/install.js';
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    'Electron binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD). `npm run web` serves the app to a browser.',
  );
  process.exit(0);
}
if (!existsSync(installer)) process.exit(0);

const result = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 10 * 60 * 1000 });
if (result.status !== 0) {
  console.warn(
    [
      '',
      'Electron could not be downloaded on this machine, so `npm start` cannot open the desktop app here.',
      'Everything else works: `npm run web` serves the same app to a browser, and `npm test` runs in full.',
      `Once online, run \`node ${installer}\` to fetch Electron.`,
      '',
    ].join('\n'),
  );
}
process.exit(0);
