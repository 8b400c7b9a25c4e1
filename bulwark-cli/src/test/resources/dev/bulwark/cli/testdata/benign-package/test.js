const assert = require('assert');
const slugify = require('./index');
assert.strictEqual(slugify('Hello, World!'), 'hello-world');
console.log('ok');
