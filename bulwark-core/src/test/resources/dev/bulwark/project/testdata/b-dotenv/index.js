require("dotenv").config();
const nodemailer = require("nodemailer");
const t = nodemailer.createTransport({ host: "localhost", port: 1025 });
t.sendMail({ from: "a@example.invalid", to: "b@example.invalid", subject: "hi", text: "hi" });
