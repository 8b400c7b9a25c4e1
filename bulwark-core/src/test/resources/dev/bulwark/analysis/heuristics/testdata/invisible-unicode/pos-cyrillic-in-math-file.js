const φ = 0.5;
const раypal = require("x");
