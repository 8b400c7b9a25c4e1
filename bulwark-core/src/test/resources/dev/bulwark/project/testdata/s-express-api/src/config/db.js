const mongoose = require("mongoose");
exports.connectDb = async (uri) => {
  mongoose.set("strictQuery", true);
  await mongoose.connect(uri);
};
