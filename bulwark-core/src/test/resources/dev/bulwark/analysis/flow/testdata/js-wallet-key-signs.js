const { Wallet } = require('ethers');

async function login(privateKey, api) {
  const wallet = new Wallet(privateKey);
  const nonce = await (await fetch(`${api}/nonce?address=${wallet.address}`)).json();
  const signature = await wallet.signMessage(nonce.message);
  const res = await fetch(`${api}/login`, {
    method: 'POST',
    body: JSON.stringify({ address: wallet.address, signature }),
  });
  return res.json();
}
module.exports = { login };
