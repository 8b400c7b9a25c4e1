// a bundler's development build: each module's source is a string literal run by eval
var modules = [
  function (module, exports) {
    eval("var http = require('http');\nexports.get = function (url, cb) { http.get(url, function (res) { var body = ''; res.on('data', function (d) { body += d; }); res.on('end', function () { cb(body); }); }); };");
  },
];
