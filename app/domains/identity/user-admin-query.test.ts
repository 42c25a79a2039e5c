import { describe, expect, it } from "vitest";
import { ariaSortFor, parseUserListQuery, sortLinkSearch, userListSearch } from "./user-admin-query";

const parse = (search: string) => parseUserListQuery(new URLSearchParams(search));

describe("parseUserListQuery", () => {
  it("has sensible defaults", () => {
    expect(parse("")).toEqual({ q: "", role: "", status: "", sort: "created", dir: "desc", page: 1 });
  });

  it("reads every filter", () => {
    expect(parse("q=%20Ann%20&role=blogger&status=deactivated&sort=email&dir=desc&page=3")).toEqual({
      q: "Ann",
      role: "blogger",
      status: "deactivated",
      sort: "email",
      dir: "desc",
      page: 3,
    });
  });

  it("ignores malformed values instead of failing", () => {
    expect(parse("status=gone&sort=password&dir=sideways&page=-4&role=Robert');DROP")).toEqual({
      q: "",
      role: "",
      status: "",
      sort: "created",
      dir: "desc",
      page: 1,
    });
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=0").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=99999999999").page).toBe(1);
    expect(parse(`q=${"x".repeat(500)}`).q).toHaveLength(100);
  });

  it("defaults the direction by column", () => {
    expect(parse("sort=name").dir).toBe("asc");
    expect(parse("sort=lastLogin").dir).toBe("desc");
  });
});

describe("sort links", () => {
  it("flips the direction of the current column and resets the page", () => {
    const query = parse("q=ann&sort=name&page=4");
    expect(sortLinkSearch(query, "name")).toBe("?q=ann&sort=name&dir=desc");
    expect(sortLinkSearch(query, "email")).toBe("?q=ann&sort=email");
    expect(sortLinkSearch(query, "created")).toBe("?q=ann");
  });

  it("states aria-sort for each column", () => {
    const query = parse("sort=email&dir=desc");
    expect(ariaSortFor(query, "email")).toBe("descending");
    expect(ariaSortFor(query, "name")).toBe("none");
    expect(ariaSortFor(parse("sort=name"), "name")).toBe("ascending");
  });

  it("keeps filters in page links", () => {
    expect(userListSearch(parse("status=active&role=admin"), { page: 2 })).toBe("?role=admin&status=active&page=2");
  });
});
