// What the catalogue admin routes share on the server: the viewer's translator, the audit actor,
// required route params, and reading a multipart upload form (memory handler, size-capped) with
// its CSRF token checked.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type AppLoadContext,
} from "@remix-run/node";
import type { AuthUser } from "~/domains/identity/sessions.server";
import { csrfForbidden, requireCsrfForm } from "~/infra/csrf.server";
import { i18n } from "~/infra/i18n.server";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export async function catalogueTranslator(request: Request): Promise<Translate> {
  const t = await i18n.getFixedT(request, "catalogue");
  return (key, options) => t(key, options ?? {}) as string;
}

export function actorOf(user: AuthUser, context: AppLoadContext) {
  return { actorId: user.id, ipAddress: context.clientIp ?? null };
}

export function requiredParam(value: string | undefined): string {
  if (!value) throw new Response("Not found", { status: 404 });
  return value;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/**
 * A multipart form held in memory, each file part at most `maxFileBytes` (the server's per-path
 * body limit refuses larger requests before they arrive). `tooLarge` instead of a form when a part
 * was bigger. The CSRF token is checked like parseFormWithCsrf does.
 */
export async function parseUploadForm(
  request: Request,
  maxFileBytes: number,
): Promise<{ formData: FormData } | { tooLarge: true }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    let formData: FormData;
    try {
      formData = await request.formData();
    } catch {
      throw csrfForbidden();
    }
    await requireCsrfForm(formData, request);
    return { formData };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { tooLarge: true };
    throw csrfForbidden();
  }
  await requireCsrfForm(formData, request);
  return { formData };
}

/** The bytes and name of a file field, or null when none was chosen. */
export async function fileFrom(formData: FormData, name: string): Promise<{ bytes: Buffer; name: string; type: string } | null> {
  const value = formData.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { bytes: Buffer.from(await value.arrayBuffer()), name: value.name, type: value.type };
}
