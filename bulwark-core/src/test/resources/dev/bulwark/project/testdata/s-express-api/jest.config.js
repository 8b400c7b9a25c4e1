module.exports = { testEnvironment: "node", testMatch: ["**/tests/**/*.test.js"] };
