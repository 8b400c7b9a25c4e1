import 'webpack-dev-server';
import path from 'path';
import fs from 'fs';
import webpack from 'webpack';
import { merge } from 'webpack-merge';
import { execSync, spawn } from 'child_process';
import baseConfig from './webpack.config.base';

const port = process.env.PORT || 1212;
const manifest = path.resolve(__dirname, '../dll/renderer.json');
const skipDLLs = module.parent?.filename.includes('webpack.config.renderer.dev.dll');

if (!skipDLLs && !(fs.existsSync(path.resolve(__dirname, '../dll')) && fs.existsSync(manifest))) {
  console.log('The DLL files are missing. Sit back while we build them for you with "npm run build-dll"');
  execSync('npm run postinstall');
}

const configuration: webpack.Configuration = {
  devtool: 'inline-source-map',
  mode: 'development',
  target: ['web', 'electron-renderer'],
  entry: [`webpack-dev-server/client?http://localhost:${port}/dist`, 'webpack/hot/only-dev-server', path.join(__dirname, '../../src/renderer/index.tsx')],
  devServer: {
    port,
    hot: true,
    headers: { 'Access-Control-Allow-Origin': '*' },
    setupMiddlewares(middlewares) {
      console.log('Starting preload.js builder...');
      const preloadProcess = spawn('npm', ['run', 'start:preload'], { shell: true, stdio: 'inherit' })
        .on('close', (code: number) => process.exit(code!))
        .on('error', (spawnError) => console.error(spawnError));
      console.log('Starting Main Process...');
      let args = ['run', 'start:main'];
      if (process.env.MAIN_ARGS) {
        args = args.concat(['--', ...process.env.MAIN_ARGS.matchAll(/"[^"]+"|[^\s"]+/g)].flat());
      }
      spawn('npm', args, { shell: true, stdio: 'inherit' })
        .on('close', (code: number) => {
          preloadProcess.kill();
          process.exit(code!);
        })
        .on('error', (spawnError) => console.error(spawnError));
      return middlewares;
    },
  },
};

export default merge(baseConfig, configuration);
