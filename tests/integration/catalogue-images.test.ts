// Product images and digital files through the admin routes (real multipart requests) and the
// public media route: type decided by content, size and pixel limits, EXIF removed and the photo
// turned upright, renditions never upscaled, long-lived cache headers, 404 for unknown; the digital
// file private (no public URL serves it).
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { cleanFileName, uploadDigitalAsset } from "~/domains/commerce/catalogue/digital-assets.server";
import { processProductImage, renditionWidthsFor, sniffImageFormat } from "~/domains/commerce/catalogue/image-pipeline.server";
import { prisma } from "~/infra/db.server";
import * as editProduct from "~/routes/admin+/shop.products.$productId";
import * as file from "~/routes/admin+/shop.products.$productId_.file";
import * as images from "~/routes/admin+/shop.products.$productId_.images";
import * as media from "~/routes/media+/products.$imageId.$file";
import { createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { BASE, csrfPair, formRequest, getRequest, sessionCookie } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ roles: ["commercial", "user"] })).id;
});

async function photo(
  width: number,
  height: number,
  format: "jpeg" | "png" | "gif" | "webp" | "avif" = "jpeg",
  orientation?: number,
) {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).toFormat(format);
  if (orientation) image = image.withMetadata({ orientation, exif: { IFD0: { Copyright: "Secret Camera Owner" } } });
  return image.toBuffer();
}

async function multipart(
  path: string,
  parts: Record<string, string | { bytes: Buffer; name: string; type: string }>,
  userId = adminId,
) {
  const form = new FormData();
  const pair = await csrfPair();
  form.set("csrf", pair.token);
  for (const [key, value] of Object.entries(parts)) {
    if (typeof value === "string") form.set(key, value);
    else form.set(key, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.name);
  }
  const session = await sessionCookie(userId);
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: { Cookie: `${pair.cookie}; ${session.cookie}` } });
}

describe("image pipeline", () => {
  it("renders only widths the image has, as WebP, upright and without EXIF", async () => {
    // 700 × 400 stored sideways (EXIF orientation 6 = rotate 90°): upright it is 400 wide.
    const result = await processProductImage(await photo(700, 400, "jpeg", 6));
    expect([result.width, result.height]).toEqual([400, 700]);
    expect(result.renditions.map((r) => r.width)).toEqual([160, 320]);
    for (const rendition of result.renditions) {
      const meta = await sharp(rendition.data).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.height).toBeGreaterThan(meta.width!);
    }
    expect(renditionWidthsFor(100)).toEqual([100]);
    expect(renditionWidthsFor(5000)).toEqual([160, 320, 640, 1024, 1600]);
  });

  it("accepts PNG, GIF, WebP and AVIF by content and refuses anything else", async () => {
    for (const format of ["png", "gif", "webp", "avif"] as const) {
      expect((await processProductImage(await photo(200, 100, format))).format).toBe(format);
    }
    await expect(processProductImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).rejects.toMatchObject({
      code: "image_type",
    });
    const tiff = await sharp({ create: { width: 10, height: 10, channels: 3, background: "white" } })
      .tiff()
      .toBuffer();
    await expect(processProductImage(tiff)).rejects.toMatchObject({ code: "image_type" });
  });

  it("looks at the first bytes before any decoder runs: only the five formats get through", async () => {
    for (const format of ["jpeg", "png", "gif", "webp", "avif"] as const) {
      expect(sniffImageFormat(await photo(20, 10, format))).toBe(format);
    }
    expect(sniffImageFormat(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/>"))).toBeNull();
    expect(sniffImageFormat(Buffer.from("%PDF-1.7\n"))).toBeNull();
    expect(sniffImageFormat(Buffer.from("<!doctype html><img src=x onerror=alert(1)>"))).toBeNull();
    // HTML with an image's name and a JPEG after it is still HTML.
    const disguised = Buffer.concat([Buffer.from("<html>"), await photo(20, 10, "jpeg")]);
    expect(sniffImageFormat(disguised)).toBeNull();
    await expect(processProductImage(disguised)).rejects.toMatchObject({ code: "image_type" });
  });

  it("refuses an image over the pixel limit before decoding it", async () => {
    // A decompression bomb: a tiny PNG whose header claims 50,000 × 50,000 pixels.
    const huge = await photo(1, 1, "png");
    huge.writeUInt32BE(50_000, 16);
    huge.writeUInt32BE(50_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    await expect(processProductImage(huge)).rejects.toMatchObject({ code: "image_pixels" });
  });
});

describe("image upload route and media route", () => {
  it("stores the image with alt text and serves its renditions with immutable caching", async () => {
    const product = await createProduct();
    const path = `/admin/shop/products/${product.id}/images`;
    const bytes = await photo(900, 600, "png");
    const result = await run(
      images.action,
      await multipart(path, { intent: "upload", alt: "A red square", file: { bytes, name: "square.txt", type: "text/plain" } }),
      { productId: product.id },
    );
    expect(statusOf(result)).toBe(302);
    const image = await prisma.productImage.findFirstOrThrow({
      where: { productId: product.id },
      include: { renditions: { orderBy: { width: "asc" } } },
    });
    expect(image).toMatchObject({ alt: "A red square", width: 900, height: 600 });
    expect(image.renditions.map((r) => r.width)).toEqual([160, 320, 640]);
    expect(await prisma.auditLog.count({ where: { action: "product.image.add", entityId: product.id } })).toBe(1);

    const served = (await media.loader({
      request: await getRequest(`/media/products/${image.id}/320.webp`),
      params: { imageId: image.id, file: "320.webp" },
      context: {} as never,
    })) as Response;
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(320);

    for (const params of [
      { imageId: image.id, file: "1024.webp" },
      { imageId: "unknown", file: "320.webp" },
      { imageId: image.id, file: "320.png" },
    ]) {
      const missing = (await media.loader({ request: await getRequest("/media/x"), params, context: {} as never })) as Response;
      expect(missing.status).toBe(404);
    }
  });

  it("refuses a non-image, a missing alt text, and a customer — storing nothing", async () => {
    const product = await createProduct();
    const path = `/admin/shop/products/${product.id}/images`;
    const notImage = await run(
      images.action,
      await multipart(path, {
        intent: "upload",
        alt: "x",
        file: { bytes: Buffer.from("GIF89a but not really"), name: "a.gif", type: "image/gif" },
      }),
      { productId: product.id },
    );
    expect(statusOf(notImage)).toBe(422);
    expect(payloadOf<Reply>(notImage).result.error.file?.[0]).toMatch(/not a JPEG, PNG, WebP, AVIF or GIF/);
    const noAlt = await run(
      images.action,
      await multipart(path, {
        intent: "upload",
        alt: "  ",
        file: { bytes: await photo(50, 50), name: "a.jpg", type: "image/jpeg" },
      }),
      { productId: product.id },
    );
    expect(statusOf(noAlt)).toBe(400);
    expect(payloadOf<Reply>(noAlt).result.error.alt?.[0]).toMatch(/Describe the image/);
    const customer = (await createUser({ roles: ["user"] })).id;
    const forbidden = await run(
      images.action,
      await multipart(
        path,
        { intent: "upload", alt: "x", file: { bytes: await photo(50, 50), name: "a.jpg", type: "image/jpeg" } },
        customer,
      ),
      { productId: product.id },
    );
    expect(statusOf(forbidden)).toBe(403);
    expect(await prisma.productImage.count()).toBe(0);
  });

  it("refuses an image over 10 MB with a message and stores nothing", async () => {
    const product = await createProduct();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    const result = await run(
      images.action,
      await multipart(`/admin/shop/products/${product.id}/images`, {
        intent: "upload",
        alt: "x",
        file: { bytes: big, name: "big.jpg", type: "image/jpeg" },
      }),
      { productId: product.id },
    );
    expect(statusOf(result)).toBe(413);
    expect(payloadOf<Reply>(result).result.error.file?.[0]).toMatch(/larger than 10 MB/);
    expect(await prisma.productImage.count()).toBe(0);
  });

  it("orders images and links a variant to one", async () => {
    const product = await createProduct({
      optionNames: ["Size"],
      variants: [
        { price: 100, optionValues: ["S"] },
        { price: 100, optionValues: ["M"] },
      ],
    });
    const path = `/admin/shop/products/${product.id}/images`;
    for (const alt of ["first", "second"]) {
      await run(
        images.action,
        await multipart(path, {
          intent: "upload",
          alt,
          file: { bytes: await photo(200, 200), name: "a.jpg", type: "image/jpeg" },
        }),
        { productId: product.id },
      );
    }
    const second = await prisma.productImage.findFirstOrThrow({ where: { alt: "second" } });
    await run(images.action, await multipart(path, { intent: "up", imageId: second.id }), { productId: product.id });
    const order = await prisma.productImage.findMany({ where: { productId: product.id }, orderBy: { position: "asc" } });
    expect(order.map((i) => i.alt)).toEqual(["second", "first"]);
    await run(
      images.action,
      await multipart(path, { intent: "variant-image", variantId: product.variants[1]!.id, imageId: second.id }),
      { productId: product.id },
    );
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: product.variants[1]!.id } })).imageId).toBe(second.id);

    // Saving the product form (which knows nothing of images) keeps the variant's image.
    const [small, medium] = product.variants;
    const saved = await run(
      editProduct.action,
      await formRequest(
        `/admin/shop/products/${product.id}`,
        {
          intent: "save",
          title: "Renamed",
          slug: product.slug,
          status: "active",
          kind: "physical",
          optionNames: "Size",
          "variants[0].id": small!.id,
          "variants[0].sku": small!.sku,
          "variants[0].options": "S",
          "variants[0].price": "1.00",
          "variants[1].id": medium!.id,
          "variants[1].sku": medium!.sku,
          "variants[1].options": "M",
          "variants[1].price": "1.00",
        },
        { userId: adminId },
      ),
      { productId: product.id },
    );
    expect(statusOf(saved)).toBe(302);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: medium!.id } })).imageId).toBe(second.id);
  });
});

describe("digital file", () => {
  it("keeps a download name that survives a Content-Disposition header and cannot disguise its extension", () => {
    expect(cleanFileName('C:\\Users\\me\\"Guide"?.pdf')).toBe("Guide.pdf");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    // 150 emoji are 300 UTF-16 units: the 200-character cut must not leave half of one behind.
    const long = cleanFileName(`${"\u{1F4D8}".repeat(150)}.epub`);
    expect(() => encodeURIComponent(long)).not.toThrow();
    expect(long.endsWith(".epub")).toBe(true);
    expect(cleanFileName("\u0000\u0007")).toBe("download");
  });

  it("stores a digital product's file privately with its checksum; a physical product has none", async () => {
    const product = await createProduct({ kind: "digital" });
    const bytes = Buffer.from("%PDF-1.7 pretend ebook");
    const result = await run(
      file.action,
      await multipart(`/admin/shop/products/${product.id}/file`, {
        intent: "upload",
        file: { bytes, name: "../../etc/Guide.pdf", type: "application/pdf" },
      }),
      { productId: product.id },
    );
    expect(statusOf(result)).toBe(302);
    const asset = await prisma.digitalAsset.findUniqueOrThrow({ where: { productId: product.id } });
    expect(asset).toMatchObject({ fileName: "Guide.pdf", contentType: "application/pdf", byteSize: bytes.byteLength });
    expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(asset.data).equals(bytes)).toBe(true);
    // The public media route knows only image renditions: the asset's id reaches nothing.
    const probe = (await media.loader({
      request: await getRequest("/media/x"),
      params: { imageId: asset.id, file: "160.webp" },
      context: {} as never,
    })) as Response;
    expect(probe.status).toBe(404);

    const physical = await createProduct({ kind: "physical" });
    const refused = await run(
      file.action,
      await multipart(`/admin/shop/products/${physical.id}/file`, {
        intent: "upload",
        file: { bytes, name: "a.pdf", type: "application/pdf" },
      }),
      { productId: physical.id },
    );
    expect(statusOf(refused)).toBe(422);
    expect(await prisma.digitalAsset.count({ where: { productId: physical.id } })).toBe(0);

    // A Buffer that is a slice of a larger one (Node's pool) stores exactly its own bytes.
    const pooled = Buffer.concat([Buffer.from("prefix-"), Buffer.from("second edition")]).subarray(7);
    await uploadDigitalAsset(
      { productId: product.id, fileName: "Guide-2.pdf", contentType: "application/pdf", bytes: pooled },
      { actorId: adminId },
    );
    const replaced = await prisma.digitalAsset.findUniqueOrThrow({ where: { productId: product.id } });
    expect(Buffer.from(replaced.data).toString()).toBe("second edition");
    expect(replaced.byteSize).toBe(pooled.byteLength);
  });
});
