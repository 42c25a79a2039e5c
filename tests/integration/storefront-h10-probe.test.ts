import { beforeEach, describe, expect, it } from "vitest";
import { loader } from "~/routes/_public+/shop._index";
import { loader as productLoader } from "~/routes/_public+/shop.$slug";
import { action as cartActionRoute } from "~/routes/_public+/cart";
import { createProduct } from "../factories/commerce";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call, catalogueChanged, statusOf } from "./storefront-helpers";

beforeEach(async () => { await resetDatabase(); await catalogueChanged(); });

describe("probe", () => {
  it("nul in q", async () => {
    await createProduct({ title: "Blue mug" });
    await catalogueChanged();
    for (const q of ["%00", "a%00b", "%27%22%5C", "!!!", "-", "or", "%F0%9F%98%80"]) {
      const r = await call(loader, await getRequest(`/shop?q=${q}`));
      console.log(q, statusOf(r));
    }
    const r2 = await call(productLoader, await getRequest(`/shop/a%00b`), { slug: "a\u0000b" });
    console.log("slug nul", statusOf(r2));
  });
});
