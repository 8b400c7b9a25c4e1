// `cache[key] = value` selects where the value goes; `key` does not carry it. A property set on the
// global object is a global variable of its own name, not the global object every module reads.
const env = process.env;
const cache = {};
function remember(key) {
  cache[key] = env.HOME;
  global.SETTINGS = env;
  return key;
}
function open(key) {
  const socket = new WebSocket('wss://app.example.net/live', key);
  socket.send(global.version);
}
