// `npm start`: build and open the desktop app, or explain why it cannot open here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/electron/path.txt')) {
  console.error(
    [
      'Electron is not installed on this machine (its download was skipped or blocked during `npm install`),',
      'so the desktop app cannot open here. `npm run web` serves the same app at http://127.0.0.1:5180.',
      'To install Electron once online: node node_modules/electron/install.js',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
