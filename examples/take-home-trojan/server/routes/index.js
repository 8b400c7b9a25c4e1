const express = require("express");
const { getPortfolio, getUser } = require("../controllers/userController");

const router = express.Router();
router.get("/portfolio", getPortfolio);
router.get("/user/:id", getUser);

module.exports = router;
