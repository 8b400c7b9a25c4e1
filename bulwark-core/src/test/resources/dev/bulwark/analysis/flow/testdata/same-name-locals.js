// Two unrelated functions reuse the local name `url`: the browser table's value in one does not
// reach the request of the other.
function browserTable() {
  const url = { phantom: '2', chrome: '7', keystore: 'none' };
  return url;
}

async function download(url, opts) {
  return fetch(url, opts);
}

function makeUrl(base) {
  let url = base + '/status';
  return download(url, {});
}
