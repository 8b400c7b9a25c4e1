export default [
  { files: ["src/**/*.{ts,tsx}"], rules: { "no-unused-vars": "warn" } },
];
