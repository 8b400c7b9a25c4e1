const fs = require("fs");
const path = require("path");
const from = path.join(__dirname, "..", "assets");
const to = path.join(__dirname, "..", "public");
fs.mkdirSync(to, { recursive: true });
for (const f of fs.existsSync(from) ? fs.readdirSync(from) : []) {
  fs.copyFileSync(path.join(from, f), path.join(to, f));
}
