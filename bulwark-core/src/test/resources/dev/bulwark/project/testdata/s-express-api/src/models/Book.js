const mongoose = require("mongoose");
module.exports = mongoose.model("Book", new mongoose.Schema({
  title: { type: String, required: true },
  author: String,
  price: Number,
}, { timestamps: true }));
