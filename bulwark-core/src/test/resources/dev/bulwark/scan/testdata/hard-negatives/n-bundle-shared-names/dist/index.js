'use strict';
// Built output: modules concatenated into one file, reusing short local names.
const fs = require('fs');

// --- module: browser support table
function featureTable() {
  const url = {
    'transform-arrow-functions': { chrome: '47', phantom: '2', electron: '0.36' },
    'transform-classes': { chrome: '46', phantom: '2', edge: '13' },
  };
  return url;
}

// --- module: config loader
function loadConfig(file) {
  const data = fs.readFileSync(file, 'utf8');
  return JSON.parse(data);
}

// --- module: http helper
async function get(url, opts) {
  const res = await fetch(url, opts);
  return res.text();
}

async function check(base) {
  const data = await get(base + '/health', {});
  return data.length > 0;
}

module.exports = { featureTable, loadConfig, get, check };
