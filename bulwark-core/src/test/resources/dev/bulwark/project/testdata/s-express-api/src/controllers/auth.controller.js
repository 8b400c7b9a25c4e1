const jwt = require("jsonwebtoken");
const User = require("../models/User");

const sign = (id) => jwt.sign({ id }, process.env.JWT_SECRET, { expiresIn: process.env.JWT_EXPIRES_IN });

exports.register = async (req, res, next) => {
  try {
    const user = await User.create(req.body);
    res.status(201).json({ token: sign(user._id) });
  } catch (err) {
    next(err);
  }
};

exports.login = async (req, res, next) => {
  try {
    const user = await User.findOne({ email: req.body.email });
    if (!user || !(await user.matches(req.body.password))) {
      return res.status(401).json({ message: "Invalid credentials" });
    }
    res.json({ token: sign(user._id) });
  } catch (err) {
    next(err);
  }
};
