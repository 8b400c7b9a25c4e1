const test = require("node:test");
const assert = require("node:assert");
const { summarize } = require("../lib");
test("counts authors", () => {
  assert.deepStrictEqual(summarize(["a", "b", "a"]), [["a", 2], ["b", 1]]);
});
