const express = require("express");
const path = require("path");
const app = express();
app.use("/fonts", express.static(path.join(__dirname, "public/fonts")));
app.listen(8080);
