import { describe, expect, it } from "vitest";
import { createBusinessProfileSchema } from "./business-profile-schema";

const schema = createBusinessProfileSchema((key) => key);

describe("createBusinessProfileSchema", () => {
  it("accepts a full profile and turns empty optional fields into nothing", () => {
    expect(
      schema.parse({
        name: " Acme ",
        logoUrl: "https://cdn.acme.test/logo.png",
        postalAddress: "1 Road",
        supportEmail: "Help@Acme.test",
      }),
    ).toEqual({
      name: "Acme",
      logoUrl: "https://cdn.acme.test/logo.png",
      postalAddress: "1 Road",
      supportEmail: "help@acme.test",
    });
    expect(schema.parse({ name: "Acme", logoUrl: "", postalAddress: "  ", supportEmail: "" })).toEqual({ name: "Acme" });
  });

  it("refuses a logo that is not https (http, javascript:, data:)", () => {
    for (const logoUrl of ["http://cdn.acme.test/logo.png", "javascript:alert(1)", "data:image/png;base64,AAAA"]) {
      const result = schema.safeParse({ name: "Acme", logoUrl });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("email:settings.errors.logoUrlInvalid");
    }
  });

  it("requires a name and a valid support address", () => {
    expect(schema.safeParse({ name: "  " }).error?.issues[0].message).toBe("email:settings.errors.nameRequired");
    expect(schema.safeParse({ name: "Acme", supportEmail: "nope" }).error?.issues[0].message).toBe(
      "email:settings.errors.supportEmailInvalid",
    );
  });
});
