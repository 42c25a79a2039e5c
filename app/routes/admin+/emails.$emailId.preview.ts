// /admin/emails/:emailId/preview — the stored HTML of one message, for the sandboxed frame of the
// detail page only. It re-checks the permission and answers with its own Content-Security-Policy
// (server/security.ts leaves this path's policy to it): nothing loads (no scripts, no remote images,
// fonts or styles; inline styles only) and only this site may frame it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getEmailMessage } from "~/domains/platform/email/email-log.server";

export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox";

function withPreviewHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  // X-Frame-Options: SAMEORIGIN and nosniff come from the site-wide headers (server/security.ts).
  headers.set("Content-Security-Policy", PREVIEW_CSP);
  headers.set("Cache-Control", "private, no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const viewer = await requirePermission(request, PERMISSIONS.readEmailAny);
    const mailboxReader = userCan(viewer, PERMISSIONS.readMailboxAny);
    const message = await getEmailMessage({ id: params.emailId ?? "", mailboxReader });
    if (!message) return withPreviewHeaders(new Response("Not found", { status: 404 }));
    if (message.bodiesHidden) return withPreviewHeaders(new Response("Content hidden", { status: 403 }));
    return withPreviewHeaders(
      new Response(message.html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } }),
    );
  } catch (thrown) {
    // Guards throw redirects and 403s: they get the same locked-down headers.
    if (thrown instanceof Response) return withPreviewHeaders(thrown);
    throw thrown;
  }
}
