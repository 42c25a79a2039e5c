// Shared bits of the storefront tests: call a route's loader/action like Remix does and read what
// `data()` put in the answer (payload, status, headers); start each test with an empty cache.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CATALOGUE_TAG } from "~/domains/commerce/cache-tags";
import { getCache } from "~/infra/cache.server";
import { context, settle } from "../setup/requests";

export type Answer<T> = { payload: T; status: number; headers: Headers };

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;

export type Called<T> = { response: Response; answer?: undefined } | { answer: Answer<T>; response?: undefined };

/** The status either way: a thrown/returned Response's, or the one `data()` was given. */
export function statusOf(called: Called<unknown>): number {
  return called.response ? called.response.status : called.answer!.status;
}

export function locationOf(called: Called<unknown>): string | null {
  return called.response?.headers.get("Location") ?? null;
}

export async function call<T = Record<string, unknown>>(
  fn: Fn,
  request: Request,
  params: Record<string, string> = {},
): Promise<Called<T>> {
  const result = await settle(() => fn({ request, params, context: context() }));
  if (result instanceof Response) return { response: result };
  const wrapped = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (wrapped && wrapped.type === "DataWithResponseInit") {
    return {
      answer: {
        payload: wrapped.data as T,
        status: wrapped.init?.status ?? 200,
        headers: new Headers(wrapped.init?.headers),
      },
    };
  }
  return { answer: { payload: result as T, status: 200, headers: new Headers() } };
}

/** The answer of a call that must not have thrown/returned a Response. */
export async function answerOf<T = Record<string, unknown>>(fn: Fn, request: Request, params: Record<string, string> = {}) {
  const result = await call<T>(fn, request, params);
  if (result.response) throw new Error(`expected data, got a ${result.response.status} response`);
  return result.answer!;
}

/** What the catalogue module does after every write (factories write rows directly). */
export async function catalogueChanged() {
  await getCache().invalidateTags([CATALOGUE_TAG]);
}
