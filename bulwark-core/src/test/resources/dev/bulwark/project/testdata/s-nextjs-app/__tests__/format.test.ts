import { currency } from "../src/lib/format";

test("formats dollars", () => {
  expect(currency(12)).toBe("$12.00");
});
