const k = 'abc';
let r = '';
for (let i = 0; i < k.length; i++) r += String.fromCharCode(k.charCodeAt(i) ^ 3);
eval(r);
