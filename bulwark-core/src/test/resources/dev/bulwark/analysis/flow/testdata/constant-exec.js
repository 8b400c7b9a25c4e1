const { execSync } = require('child_process');
execSync('git rev-parse HEAD');
