module.exports = function leftPad(s, n, c) {
  return String(c || " ").repeat(Math.max(0, n - String(s).length)) + s;
};
