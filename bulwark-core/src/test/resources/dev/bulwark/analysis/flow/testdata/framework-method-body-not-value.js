// A framework binds its methods to one global object. A method body that loads the app's own
// .env config is code bound to F, not a value of F, so everything later read from F is not a secret.
var F = global.framework = {};
F.connections = {};

global.INSTALL = F.install = function(type, name) {
  setTimeout(function() {
    F.$configure_env('@' + name + '/.env');
  }, 100);
};

F.lookup = function(req, url) {
  return F.routes[url];
};

F.$websocket = function(req, path) {
  var route = F.lookup(req, path);
  var connection = new WebSocket(path, route.controller);
  F.connections[path] = connection;
};
