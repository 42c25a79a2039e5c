// Shared by the cart tests: POST /cart and GET /cart through the real route module, with the cart
// cookie carried between calls like a browser would, and the toast read back from __flash.
import type { CartView } from "~/components/cart/cart-view.server";
import { action, loader } from "~/routes/_public+/cart";
import { flashStorage } from "~/infra/cookies.server";
import { BASE, context, csrfPair, sessionCookie, settle } from "../setup/requests";

export type Answer = {
  status: number;
  location: string | null;
  data: Record<string, unknown>;
  setCookies: string[];
};

function toAnswer(result: unknown): Answer {
  if (result instanceof Response) {
    return {
      status: result.status,
      location: result.headers.get("Location"),
      data: {},
      setCookies: result.headers.getSetCookie(),
    };
  }
  const wrapped = result as { data?: Record<string, unknown>; init?: { status?: number; headers?: HeadersInit } | null };
  if (wrapped && typeof wrapped === "object" && "data" in wrapped && "init" in wrapped) {
    return {
      status: wrapped.init?.status ?? 200,
      location: null,
      data: wrapped.data ?? {},
      setCookies: new Headers(wrapped.init?.headers).getSetCookie(),
    };
  }
  return { status: 200, location: null, data: (result ?? {}) as Record<string, unknown>, setCookies: [] };
}

/** A shopper: a cart cookie that follows Set-Cookie like a browser, optionally signed in. */
export class Shopper {
  cartCookie: string | null = null;
  private session: string | null = null;

  static async signedIn(userId: string): Promise<Shopper> {
    const shopper = new Shopper();
    shopper.session = (await sessionCookie(userId)).cookie;
    return shopper;
  }

  cookies(extra: string[] = []): string {
    return [this.cartCookie, this.session, ...extra].filter(Boolean).join("; ");
  }

  remember(answer: Answer): void {
    const cart = answer.setCookies.find((c) => c.startsWith("__cart="));
    if (!cart) return;
    const pair = cart.split(";")[0]!;
    this.cartCookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cart) || pair === "__cart=" ? null : pair;
  }

  /** POST /cart. `csrf: false` sends no token (the anonymous shop page's form), with `origin` if given. */
  async post(
    fields: Record<string, string>,
    options: { csrf?: boolean; origin?: string | null; clientIp?: string } = {},
  ): Promise<Answer> {
    const body = new URLSearchParams(fields);
    const extra: string[] = [];
    if (options.csrf !== false) {
      const pair = await csrfPair();
      body.set("csrf", pair.token);
      extra.push(pair.cookie);
    }
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: this.cookies(extra),
    };
    const origin = options.origin === undefined ? (options.csrf === false ? BASE : null) : options.origin;
    if (origin) headers.Origin = origin;
    const request = new Request(`${BASE}/cart`, { method: "POST", body, headers });
    const result = await settle(
      () =>
        action({
          request,
          params: {},
          context: context(options.clientIp ? { clientIp: options.clientIp } : {}),
        }) as Promise<unknown>,
    );
    const answer = toAnswer(result);
    this.remember(answer);
    return answer;
  }

  async view() {
    const request = new Request(`${BASE}/cart`, { headers: { Cookie: this.cookies() } });
    const answer = toAnswer(await settle(() => loader({ request, params: {}, context: context() }) as Promise<unknown>));
    return answer.data.view as CartView | null;
  }
}

/** The toast a response put in the __flash cookie. */
export async function toastOf(answer: Answer): Promise<{ kind: string; message: string } | null> {
  const flash = answer.setCookies.find((c) => c.startsWith("__flash="));
  if (!flash) return null;
  const session = await flashStorage.getSession(flash.split(";")[0]);
  return (session.get("toast") as { kind: string; message: string } | undefined) ?? null;
}

/** The field error a refused form came back with. */
export function fieldError(answer: Answer, field: string): string | undefined {
  const result = answer.data.result as { error?: Record<string, string[] | null> } | undefined;
  return result?.error?.[field]?.[0];
}
