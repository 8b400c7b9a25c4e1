// Generated loader glue around a WebAssembly module (the shape toolchains emit).
var Module = typeof Module != 'undefined' ? Module : {};

async function instantiateAsync(binaryFile, imports) {
  var response = await fetch(binaryFile, { credentials: 'same-origin' });
  var result = await WebAssembly.instantiateStreaming(response, imports);
  return result;
}

function createNamedFunction(name, body) {
  name = name.replace(/[^a-zA-Z0-9_]/g, '$');
  return new Function(
    'body',
    'return function ' + name + '() {\n' +
    '    "use strict";' +
    '    return body.apply(this, arguments);\n' +
    '};\n'
  )(body);
}

module.exports = { Module, instantiateAsync, createNamedFunction };
