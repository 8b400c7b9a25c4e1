// relative to the map сontainer
const url = 'http://x.test/a'; // сallback
/* сallback to deselect */
function f(a) { return a / 2; } /* done сontainer */
