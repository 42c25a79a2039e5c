import { describe, expect, it } from "vitest";
import { fieldsParamSchema, pickFields } from "./fields";

const schema = fieldsParamSchema(["id", "email", "name", "status"]);

describe("sparse fields", () => {
  it("reads a comma-separated list, trimming and de-duplicating", () => {
    expect(schema.parse("email, name,email")).toEqual(["email", "name"]);
  });

  it("refuses unknown and empty names, naming them and the allowed ones", () => {
    const result = schema.safeParse("email,password");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('Unknown field "password"; use id, email, name, status.');
    expect(schema.safeParse("email,").error?.issues[0].message).toContain("(empty)");
    expect(schema.safeParse("").success).toBe(false);
  });

  it("keeps only the asked-for properties plus id, in the representation's order", () => {
    const user = { id: "u1", email: "a@example.com", name: "A", status: "active" };
    expect(pickFields(user, ["status", "email"])).toEqual({ id: "u1", email: "a@example.com", status: "active" });
    expect(Object.keys(pickFields(user, ["status", "email"]))).toEqual(["id", "email", "status"]);
    expect(pickFields(user, undefined)).toBe(user);
  });
});
