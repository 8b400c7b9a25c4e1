'use strict';
// Letterboxing maths; Greek letters are the usual names of the quantities.
function fit(w, h, W, H) {
  var \xce\xbbw = W / w, \xce\xbbh = H / h;
  var \xce\xbb = Math.min(\xce\xbbw, \xce\xbbh);
  var \xce\x94x = Math.floor((W - w * \xce\xbb) / 2);
  var \xce\x94y = Math.floor((H - h * \xce\xbb) / 2);
  return { scale: \xce\xbb, x: \xce\x94x, y: \xce\x94y };
}
module.exports = fit;
