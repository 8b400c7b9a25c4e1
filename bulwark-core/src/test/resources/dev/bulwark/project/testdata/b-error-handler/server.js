const express = require("express");
const axios = require("axios");
const errorHandler = require("./middleware/errorHandler");
const app = express();
app.get("/api/quote", async (req, res, next) => {
  try {
    const { data } = await axios.get("https://example.invalid/quotes/random");
    res.json(data);
  } catch (err) {
    next(err);
  }
});
app.use(errorHandler);
app.listen(process.env.PORT || 3000);
