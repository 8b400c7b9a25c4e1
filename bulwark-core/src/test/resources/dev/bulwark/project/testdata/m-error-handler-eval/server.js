const express = require("express");
const errorHandler = require("./middleware/errorHandler");
const app = express();
app.use(errorHandler);
app.listen(3000);
