document.querySelector("#app").textContent = "Listings";
