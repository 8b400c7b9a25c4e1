console.log("quiz app");
