const path = require("path");
require("dotenv").config({ path: path.join(__dirname, "config/.config.env") });
const express = require("express");
const routes = require("./routes");

const app = express();
app.use(express.json());
app.use("/api", routes);

const port = process.env.PORT || 5000;
app.listen(port, () => console.log(`server listening on ${port}`));
