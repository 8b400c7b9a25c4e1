import { execSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { dependencies } from '../../release/app/package.json';

const appPath = path.join(__dirname, '../../release/app');
if (Object.keys(dependencies || {}).length > 0 && fs.existsSync(path.join(appPath, 'node_modules'))) {
  const cmd = '../../node_modules/.bin/electron-rebuild --force --types prod,dev,optional --module-dir .';
  execSync(process.platform === 'win32' ? cmd.replace(/\//g, '\\') : cmd, { cwd: appPath, stdio: 'inherit' });
}
