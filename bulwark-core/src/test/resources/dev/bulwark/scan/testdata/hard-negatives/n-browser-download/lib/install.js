'use strict';
// Downloads the headless browser build this version is tested against into the user's cache,
// unless PAGE_SNAPSHOT_SKIP_DOWNLOAD is set or a browser path is configured.
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { spawnSync } = require('child_process');

const REVISION = '1262506';
if (process.env.PAGE_SNAPSHOT_SKIP_DOWNLOAD || process.env.PAGE_SNAPSHOT_EXECUTABLE_PATH) {
  process.exit(0);
}
const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'page-snapshot', REVISION);
const platform = { linux: 'linux64', darwin: 'mac-x64', win32: 'win64' }[os.platform()];
const host = process.env.PAGE_SNAPSHOT_DOWNLOAD_HOST || 'https://storage.example-cdn.dev/browser-builds';
const url = `${host}/${platform}/${REVISION}/browser-${platform}.zip`;
const zipPath = path.join(cacheDir, 'browser.zip');

fs.mkdirSync(cacheDir, { recursive: true });
const file = fs.createWriteStream(zipPath);
https.get(url, (res) => {
  if (res.statusCode !== 200) {
    console.error(`page-snapshot: could not download the browser (HTTP ${res.statusCode}); set PAGE_SNAPSHOT_EXECUTABLE_PATH`);
    process.exit(0);
  }
  res.pipe(file);
  file.on('finish', () => {
    file.close();
    const unzip = os.platform() === 'win32'
      ? spawnSync('powershell', ['-NoProfile', '-Command', `Expand-Archive -Path '${zipPath}' -DestinationPath '${cacheDir}' -Force`])
      : spawnSync('unzip', ['-q', '-o', zipPath, '-d', cacheDir]);
    if (unzip.status !== 0) {
      console.error('page-snapshot: could not unpack the browser');
      return;
    }
    fs.unlinkSync(zipPath);
    const exe = path.join(cacheDir, `browser-${platform}`, os.platform() === 'win32' ? 'browser.exe' : 'browser');
    if (os.platform() !== 'win32') {
      fs.chmodSync(exe, 0o755);
    }
    console.log(`page-snapshot: browser ${REVISION} ready in ${cacheDir}`);
  });
}).on('error', (e) => {
  console.error(`page-snapshot: download failed: ${e.message}`);
});
