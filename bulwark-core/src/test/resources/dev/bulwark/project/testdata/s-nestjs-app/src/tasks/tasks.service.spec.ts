import { TasksService } from "./tasks.service";

describe("TasksService", () => {
  it("creates a task", () => {
    const s = new TasksService();
    expect(s.create({ title: "a" }).title).toBe("a");
  });
});
