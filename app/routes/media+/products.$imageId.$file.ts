// GET /media/products/<imageId>/<width>.webp — a product image rendition. Public and immutable (an
// image's renditions never change; a replaced image gets a new id), so browsers and CDNs keep it a year.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readRendition } from "~/domains/commerce/catalogue/images.server";

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^(\d{1,5})\.webp$/.exec(params.file ?? "");
  const imageId = params.imageId ?? "";
  if (!match || !/^[a-z0-9]{1,40}$/i.test(imageId)) return notFound();
  const rendition = await readRendition(imageId, Number(match[1]));
  if (!rendition) return notFound();
  return new Response(rendition.data, {
    status: 200,
    headers: {
      "Content-Type": rendition.contentType,
      "Content-Length": String(rendition.byteSize),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
