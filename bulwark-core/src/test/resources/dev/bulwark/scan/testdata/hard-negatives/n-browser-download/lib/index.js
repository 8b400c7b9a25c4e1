'use strict';
const path = require('path');
const os = require('os');
exports.executablePath = () => process.env.PAGE_SNAPSHOT_EXECUTABLE_PATH
  || path.join(os.homedir(), '.cache', 'page-snapshot', '1262506', 'browser-linux64', 'browser');
