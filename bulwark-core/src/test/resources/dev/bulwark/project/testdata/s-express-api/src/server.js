require("dotenv").config();
const app = require("./app");
const { connectDb } = require("./config/db");

const port = process.env.PORT || 4000;
connectDb(process.env.MONGO_URI).then(() => {
  app.listen(port, () => console.log(`API listening on ${port}`));
});
