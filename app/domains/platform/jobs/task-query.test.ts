import { describe, expect, it } from "vitest";
import { firstLine, parseTaskListQuery, taskListHref } from "./task-query";

describe("task list query", () => {
  it("keeps known queues and states and a well-formed job name", () => {
    expect(parseTaskListQuery(new URLSearchParams("queue=email&state=failed&name=send_email&page=3"))).toEqual({
      queue: "email",
      state: "failed",
      name: "send_email",
      page: 3,
    });
  });

  it("drops anything else instead of failing", () => {
    expect(parseTaskListQuery(new URLSearchParams("queue=nope&state=dead&name=%27%3Bdrop&page=-2"))).toEqual({
      queue: "",
      state: "",
      name: "",
      page: 1,
    });
  });

  it("links keep the filters and leave page 1 out", () => {
    expect(taskListHref({ queue: "email", state: "failed", page: 1 })).toBe("/admin/tasks/jobs?queue=email&state=failed");
    expect(taskListHref({})).toBe("/admin/tasks/jobs");
  });

  it("takes the reason line of an error with its stack", () => {
    expect(firstLine("Error: boom\n    at x (file.ts:1:1)")).toBe("Error: boom");
    expect(firstLine(null)).toBeNull();
  });
});
