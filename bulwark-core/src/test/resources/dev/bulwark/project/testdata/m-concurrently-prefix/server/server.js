const express = require("express");
const { protect } = require("./middleware/authMiddleware");
const app = express();
app.get("/api/items", protect, (req, res) => res.json([]));
app.listen(5001);
