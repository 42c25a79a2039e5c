import { describe, expect, it } from "vitest";
import { imageSources } from "./images";
import { decimalAmount } from "~/domains/commerce/orders/money-text";
import { productJsonLd, serializeJsonLd } from "./json-ld";

describe("decimalAmount", () => {
  it("writes exact decimal strings for the currency", () => {
    expect(decimalAmount(1999, "USD")).toBe("19.99");
    expect(decimalAmount(5, "EUR")).toBe("0.05");
    expect(decimalAmount(1235, "JPY")).toBe("1235");
    expect(decimalAmount(123456789012, "USD")).toBe("1234567890.12");
  });
});

describe("productJsonLd", () => {
  const base = {
    url: "https://shop.test/shop/mug",
    title: "Mug",
    description: "A mug.",
    imageUrls: ["https://shop.test/media/products/i1/1024.webp"],
    currency: "USD",
    rating: null,
  };

  it("describes one offer per variant with price, currency and availability", () => {
    const ld = productJsonLd({
      ...base,
      variants: [
        { sku: "MUG-S", title: "Small", price: 1200, inStock: true, url: "https://shop.test/shop/mug?variant=a" },
        { sku: "MUG-L", title: "Large", price: 1500, inStock: false, url: "https://shop.test/shop/mug?variant=b" },
      ],
    });
    expect(ld).toMatchObject({ "@type": "Product", name: "Mug", image: base.imageUrls });
    expect(ld.offers).toEqual([
      expect.objectContaining({ price: "12.00", priceCurrency: "USD", availability: "https://schema.org/InStock", sku: "MUG-S" }),
      expect.objectContaining({ price: "15.00", availability: "https://schema.org/OutOfStock", sku: "MUG-L" }),
    ]);
    expect(ld.aggregateRating).toBeUndefined();
  });

  it("adds the rating once there are approved reviews", () => {
    const ld = productJsonLd({
      ...base,
      variants: [{ sku: "A", title: "", price: 100, inStock: true, url: base.url }],
      rating: { average: 4.333, count: 3 },
    });
    expect(ld.offers).toMatchObject({ "@type": "Offer", price: "1.00", name: "Mug" });
    expect(ld.aggregateRating).toMatchObject({ ratingValue: "4.3", reviewCount: 3 });
  });

  it("cannot be broken out of its script element", () => {
    expect(serializeJsonLd({ name: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});

describe("imageSources", () => {
  it("lists every rendition width and picks the closest one at least as wide", () => {
    expect(imageSources({ id: "img", widths: [640, 160, 320] }, 300)).toEqual({
      src: "/media/products/img/320.webp",
      srcSet: "/media/products/img/160.webp 160w, /media/products/img/320.webp 320w, /media/products/img/640.webp 640w",
    });
    expect(imageSources({ id: "img", widths: [160] }, 1024)?.src).toBe("/media/products/img/160.webp");
    expect(imageSources({ id: "img", widths: [] }, 1024)).toBeNull();
  });
});
