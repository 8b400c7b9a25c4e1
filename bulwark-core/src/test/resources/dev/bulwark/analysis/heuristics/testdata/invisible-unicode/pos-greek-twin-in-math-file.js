const φ = 0.5;
function response(x) { return x; }
const respοnse = (x) => fetch(x);
module.exports = respοnse(φ);
