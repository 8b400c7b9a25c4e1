const Book = require("../models/Book");
exports.list = async (req, res) => res.json(await Book.find().limit(50));
exports.get = async (req, res) => {
  const book = await Book.findById(req.params.id);
  return book ? res.json(book) : res.status(404).json({ message: "Not found" });
};
exports.create = async (req, res) => res.status(201).json(await Book.create(req.body));
exports.remove = async (req, res) => {
  await Book.findByIdAndDelete(req.params.id);
  res.status(204).end();
};
