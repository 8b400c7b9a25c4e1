const u = 'http://a.test/' + is​Admin; const r = /\/\//;
const v = r.test(u) ? 'a' : "//" + is​Admin;
