// /downloads/<grantId>?key= — a paid digital item's file. The signed key proves the link came from
// the order page or e-mail; each download is counted (conditional UPDATE, so parallel clicks never
// exceed the limit). A refusal sends the customer back to the order page with the reason; an
// unknown grant or a wrong key is a plain 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { consumeDownloadGrant, downloadRefusalOrder } from "~/domains/commerce/orders/downloads.server";
import { orderPath } from "~/domains/commerce/orders/order-links.server";
import { isDomainError } from "~/domains/errors";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

const REFUSALS: Record<string, string> = {
  download_limit: "downloads.limit",
  download_expired: "downloads.expired",
  order_not_paid: "downloads.notPaid",
  file_missing: "downloads.missing",
};

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const grantId = params.grantId ?? "";
  const key = new URL(request.url).searchParams.get("key");
  // A HEAD request (link checkers, previews) must not spend a download.
  if (request.method === "HEAD") return new Response(null, { status: 405, headers: { Allow: "GET" } });
  try {
    const file = await consumeDownloadGrant({ grantId, key });
    return new Response(new Uint8Array(file.data), {
      status: 200,
      headers: {
        "Content-Type": file.contentType || "application/octet-stream",
        "Content-Length": String(file.byteSize),
        "Content-Disposition": contentDisposition(file.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message = REFUSALS[error.code];
    const order = message ? await downloadRefusalOrder(grantId) : null;
    if (!message || !order) {
      return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
    }
    const t = await i18n.getFixedT(request, "checkout");
    return redirectWithToast(request, orderPath(order), { kind: "error", message: t(message) });
  }
}
