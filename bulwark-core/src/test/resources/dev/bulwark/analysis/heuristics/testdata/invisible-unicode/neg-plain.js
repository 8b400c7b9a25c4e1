const msg = "héllo wörld — ok";
const π = 3.14;
