// benign: a base64 alphabet indexed by computed positions, and two short literal lookups
var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function enc(b) {
  var out = '';
  for (var i = 0; i < b.length; i += 3) {
    out += chars[b[i] >> 2] + chars[((b[i] & 3) << 4) | (b[i + 1] >> 4)];
  }
  return out + chars[0] + chars[1];
}
