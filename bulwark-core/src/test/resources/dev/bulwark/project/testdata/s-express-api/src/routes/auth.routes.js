const router = require("express").Router();
const { body } = require("express-validator");
const ctrl = require("../controllers/auth.controller");
router.post("/register", body("email").isEmail(), ctrl.register);
router.post("/login", ctrl.login);
module.exports = router;
