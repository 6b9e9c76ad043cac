// `npm start`: build and open the desktop app. Where Electron's binary is missing (its download
// was skipped or blocked during `npm install`), say so in one line and serve the same app to the
// browser instead, as `npm run web` does, rather than stopping.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const hasElectron = existsSync('node_modules/electron/path.txt');
if (!hasElectron) {
  console.error(
    'Electron is not installed here (see README: node node_modules/electron/install.js); serving the same app at http://127.0.0.1:5180 instead.',
  );
}
const command = hasElectron ? ['electron-vite', 'preview', ...process.argv.slice(2)] : ['npm', 'run', 'web'];
const [program, ...args] = command[0] === 'npm' ? command : ['npx', ...command];
const child = spawn(program, args, { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
