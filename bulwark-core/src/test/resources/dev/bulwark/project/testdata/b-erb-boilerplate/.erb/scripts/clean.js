import { rimrafSync } from 'rimraf';
import fs from 'fs';
import path from 'path';

const foldersToRemove = [path.join(__dirname, '../../release/app/dist'), path.join(__dirname, '../../release/build')];
foldersToRemove.forEach((folder) => {
  if (fs.existsSync(folder)) rimrafSync(folder);
});
