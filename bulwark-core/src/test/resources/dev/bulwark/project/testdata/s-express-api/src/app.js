const express = require("express");
const cors = require("cors");
const morgan = require("morgan");
const authRoutes = require("./routes/auth.routes");
const bookRoutes = require("./routes/book.routes");
const { errorHandler, notFound } = require("./middleware/errorHandler");

const app = express();
app.use(cors());
app.use(express.json());
app.use(morgan("dev"));
app.use("/api/auth", authRoutes);
app.use("/api/books", bookRoutes);
app.use(notFound);
app.use(errorHandler);
module.exports = app;
