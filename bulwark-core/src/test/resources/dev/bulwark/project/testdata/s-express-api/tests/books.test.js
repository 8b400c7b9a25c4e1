const request = require("supertest");
const app = require("../src/app");

describe("GET /api/unknown", () => {
  it("answers 404", async () => {
    const res = await request(app).get("/api/unknown");
    expect(res.status).toBe(404);
  });
});
