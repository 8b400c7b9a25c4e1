const router = require("express").Router();
const auth = require("../middleware/auth");
const ctrl = require("../controllers/book.controller");
router.get("/", ctrl.list);
router.get("/:id", ctrl.get);
router.post("/", auth, ctrl.create);
router.delete("/:id", auth, ctrl.remove);
module.exports = router;
