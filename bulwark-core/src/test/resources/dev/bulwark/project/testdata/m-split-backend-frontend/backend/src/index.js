const express = require("express");
const listings = require("./listings");
const app = express();
app.get("/api/listings", listings.all);
app.listen(4000);
