// A local fake of the parts of Stripe's API the shop uses, as a real HTTP server, so the real SDK
// (pointed at it with STRIPE_API_BASE → host/port/protocol) is what tests exercise:
//   POST /v1/checkout/sessions (form-encoded as the SDK sends it), GET /v1/checkout/sessions/:id,
//   POST /v1/checkout/sessions/:id/expire, POST /v1/refunds, GET /v1/refunds?payment_intent=,
//   GET /v1/payment_intents/:id.
// Every API request is recorded (tests assert the exact amount asked for). Idempotency keys behave like
// Stripe's: the same key and parameters answer the first response again, other parameters are refused.
// It also plays the hosted payment page: GET /pay/:sessionId with "Pay", "Decline" and "Cancel" (plain
// forms). Pay completes the session, POSTs a checkout.session.completed webhook to the app signed with
// the SDK's `webhooks.generateTestHeaderString`, then redirects to success_url; Cancel goes to cancel_url.
// Expiring a session and creating a refund send checkout.session.expired / charge.refunded the way
// Stripe does (retried on a non-2xx answer). Tests can send any other event with `sendEvent`.
// Playwright's test workers run in other processes, so `/__fake/*` exposes the same controls over HTTP
// (`fakeStripeClient(url)`).
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type FakeStripeRequest = {
  method: string;
  path: string;
  /** Form fields exactly as the SDK sent them ("line_items[0][price_data][unit_amount]": "2350"). */
  body: Record<string, string>;
  query: Record<string, string>;
  idempotencyKey: string | null;
};

export type Delivery = { status: number; body: string };
type Obj = Record<string, unknown>;

export type FakeStripeOptions = {
  /** Where webhooks go (the app's /webhooks/stripe). Without it (and without `deliver`) events are only kept. */
  webhookUrl?: string;
  webhookSecret: string;
  /** In-process delivery instead of HTTP (integration tests call the route's action directly). */
  deliver?: (payload: string, signature: string) => Promise<Delivery>;
  /** Port to listen on (0: any free one). */
  port?: number;
};

export type FakeStripe = {
  url: string;
  port: number;
  requests: FakeStripeRequest[];
  sessions: Map<string, Obj>;
  refunds: Map<string, Obj>;
  events: Obj[];
  /** Signs `{ id, type, data: { object } }` and delivers it once; answers the app's response. */
  sendEvent: (type: string, object: Obj) => Promise<Delivery>;
  /** The signed payload and header of an event, without delivering it. */
  signEvent: (type: string, object: Obj) => { event: Obj; payload: string; signature: string };
  /** What the hosted page's Pay does; `async: true` leaves payment_status "unpaid" (a bank debit). */
  completeSession: (sessionId: string, options?: { async?: boolean }) => Promise<{ session: Obj; delivery: Delivery | null }>;
  /** A refund made in the Stripe dashboard: recorded here and announced with charge.refunded. */
  dashboardRefund: (paymentIntentId: string, amount: number) => Promise<{ refund: Obj; delivery: Delivery | null }>;
  setWebhookUrl: (url: string | undefined) => void;
  /** Resolves when every webhook sent in the background (expiry, refunds, retries) is done. */
  settled: () => Promise<void>;
  /** Forget requests, sessions, payments and events (between tests). */
  reset: () => void;
  close: () => Promise<void>;
};

const MIN_SESSION_SECONDS = 30 * 60;
const MAX_SESSION_SECONDS = 24 * 60 * 60;
const MIN_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30 };

class ApiError extends Error {
  constructor(
    public status: number,
    public body: { type: string; code?: string; param?: string; message: string },
  ) {
    super(body.message);
  }
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** `a[0][b]=1&a[0][c]=2` → `{ a: [{ b: "1", c: "2" }] }` (Stripe's form encoding). */
export function decodeForm(fields: Record<string, string>): Obj {
  const root: Obj = {};
  for (const [key, value] of Object.entries(fields)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: Obj = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Obj;
    });
  }
  return arrays(root) as Obj;
}

function arrays(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value as Obj);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => arrays(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, arrays(v)]));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => resolve(raw));
    req.on("error", reject);
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  let webhookUrl = options.webhookUrl;
  const requests: FakeStripeRequest[] = [];
  const sessions = new Map<string, Obj>();
  const paymentIntents = new Map<string, Obj>();
  const charges = new Map<string, Obj>();
  const refunds = new Map<string, Obj>();
  const events: Obj[] = [];
  const idempotent = new Map<string, { hash: string; status: number; body: unknown }>();
  const pending = new Set<Promise<unknown>>();
  let baseUrl = "";

  function signEvent(type: string, object: Obj) {
    const event: Obj = {
      id: newId("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    };
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret });
    return { event, payload, signature };
  }

  async function deliverOnce(payload: string, signature: string): Promise<Delivery | null> {
    if (options.deliver) return options.deliver(payload, signature);
    if (!webhookUrl) return null;
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": signature,
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      },
      body: payload,
    });
    return { status: response.status, body: await response.text() };
  }

  async function sendEvent(type: string, object: Obj): Promise<Delivery> {
    const { event, payload, signature } = signEvent(type, object);
    events.push(event);
    const delivery = await deliverOnce(payload, signature);
    return delivery ?? { status: 0, body: "no webhook target" };
  }

  /** Like Stripe: a first attempt now (awaited), then retries in the background while the app answers non-2xx. */
  async function announce(type: string, object: Obj): Promise<Delivery | null> {
    if (!options.deliver && !webhookUrl) return null;
    const { event, payload, signature } = signEvent(type, object);
    events.push(event);
    const first = await deliverOnce(payload, signature).catch((error: Error) => ({ status: 0, body: error.message }));
    if (first && first.status >= 200 && first.status < 300) return first;
    const retry = (async () => {
      for (let attempt = 1; attempt <= 6; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
        const next = await deliverOnce(payload, signature).catch(() => null);
        if (next && next.status >= 200 && next.status < 300) return;
      }
    })();
    pending.add(retry);
    void retry.finally(() => pending.delete(retry));
    return first;
  }

  /** After the API answer has gone out, as Stripe does; close() waits for it. */
  function later(send: () => Promise<unknown>) {
    const task = new Promise((resolve) => setImmediate(resolve)).then(send).catch(() => undefined);
    pending.add(task);
    void task.finally(() => pending.delete(task));
  }

  function createSession(form: Record<string, string>): Obj {
    const params = decodeForm(form) as {
      mode?: string;
      success_url?: string;
      cancel_url?: string;
      line_items?: Array<{ quantity?: string; price_data?: { currency?: string; unit_amount?: string; product_data?: Obj } }>;
      expires_at?: string;
      customer_email?: string;
      client_reference_id?: string;
      metadata?: Record<string, string>;
      payment_intent_data?: { metadata?: Record<string, string>; description?: string };
      locale?: string;
    };
    const invalid = (param: string, message: string, code = "parameter_invalid") =>
      new ApiError(400, { type: "invalid_request_error", code, param, message });
    if (params.mode !== "payment") throw invalid("mode", "This fake only supports mode=payment.");
    if (!params.success_url) throw invalid("success_url", "Missing required param: success_url.", "parameter_missing");
    if (!params.line_items?.length) throw invalid("line_items", "Missing required param: line_items.", "parameter_missing");
    let currency = "";
    let amount = 0;
    for (const [index, line] of params.line_items.entries()) {
      const unit = Number(line.price_data?.unit_amount);
      const quantity = Number(line.quantity ?? "1");
      if (!line.price_data?.currency)
        throw invalid(`line_items[${index}][price_data][currency]`, "Missing currency.", "parameter_missing");
      if (!Number.isSafeInteger(unit) || unit < 0)
        throw invalid(`line_items[${index}][price_data][unit_amount]`, "Invalid integer.");
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw invalid(`line_items[${index}][quantity]`, "Invalid quantity.");
      if (!line.price_data.product_data?.name)
        throw invalid(`line_items[${index}][price_data][product_data][name]`, "Missing name.", "parameter_missing");
      currency = line.price_data.currency;
      amount += unit * quantity;
    }
    const minimum = MIN_CHARGE[currency] ?? 1;
    if (amount < minimum)
      throw invalid(
        "line_items",
        `The Checkout Session's total amount due must add up to at least ${minimum}.`,
        "amount_too_small",
      );
    const created = now();
    const expiresAt = params.expires_at ? Number(params.expires_at) : created + MAX_SESSION_SECONDS;
    if (
      !Number.isSafeInteger(expiresAt) ||
      expiresAt < created + MIN_SESSION_SECONDS - 5 ||
      expiresAt > created + MAX_SESSION_SECONDS
    ) {
      throw invalid(
        "expires_at",
        "The expires_at timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
      );
    }
    const id = newId("cs");
    const session: Obj = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      customer_email: params.customer_email ?? null,
      customer_details: params.customer_email ? { email: params.customer_email } : null,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      payment_intent: null,
      success_url: params.success_url,
      cancel_url: params.cancel_url ?? null,
      locale: params.locale ?? null,
      created,
      expires_at: expiresAt,
      livemode: false,
      url: `${baseUrl}/pay/${id}`,
      // kept for the payment intent the hosted page creates
      _paymentIntentData: params.payment_intent_data ?? {},
      _lineItems: params.line_items,
    };
    sessions.set(id, session);
    return session;
  }

  const publicView = (session: Obj) => Object.fromEntries(Object.entries(session).filter(([key]) => !key.startsWith("_")));

  function findSession(id: string): Obj {
    const session = sessions.get(id);
    if (!session)
      throw new ApiError(404, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "session",
        message: `No such checkout.session: '${id}'`,
      });
    return session;
  }

  async function completeSession(sessionId: string, opts: { async?: boolean } = {}) {
    const session = findSession(sessionId);
    if (session.status !== "open")
      throw new ApiError(400, { type: "invalid_request_error", message: `Session is ${String(session.status)}.` });
    const intentData = session._paymentIntentData as { metadata?: Record<string, string>; description?: string };
    const paymentIntent: Obj = {
      id: newId("pi"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: opts.async ? 0 : session.amount_total,
      currency: session.currency,
      status: opts.async ? "processing" : "succeeded",
      metadata: intentData.metadata ?? {},
      description: intentData.description ?? null,
      latest_charge: null,
    };
    const charge: Obj = {
      id: newId("ch"),
      object: "charge",
      amount: session.amount_total,
      amount_refunded: 0,
      refunded: false,
      currency: session.currency,
      payment_intent: paymentIntent.id,
      metadata: intentData.metadata ?? {},
      status: opts.async ? "pending" : "succeeded",
    };
    paymentIntent.latest_charge = charge.id;
    paymentIntents.set(paymentIntent.id as string, paymentIntent);
    charges.set(charge.id as string, charge);
    Object.assign(session, {
      status: "complete",
      payment_status: opts.async ? "unpaid" : "paid",
      payment_intent: paymentIntent.id,
    });
    const delivery = await announce("checkout.session.completed", publicView(session));
    return { session: publicView(session), delivery };
  }

  function createRefund(form: Record<string, string>, source: "api" | "dashboard"): Obj {
    const params = decodeForm(form) as {
      payment_intent?: string;
      amount?: string;
      metadata?: Record<string, string>;
      charge?: string;
    };
    const intent = params.payment_intent ? paymentIntents.get(params.payment_intent) : undefined;
    if (!intent) {
      throw new ApiError(404, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "payment_intent",
        message: `No such payment_intent: '${params.payment_intent ?? ""}'`,
      });
    }
    const charge = charges.get(intent.latest_charge as string) as Obj;
    const remaining = (charge.amount as number) - (charge.amount_refunded as number);
    const amount = params.amount === undefined ? remaining : Number(params.amount);
    if (remaining === 0)
      throw new ApiError(400, {
        type: "invalid_request_error",
        code: "charge_already_refunded",
        message: `Charge ${String(charge.id)} has already been refunded.`,
      });
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      throw new ApiError(400, {
        type: "invalid_request_error",
        code: "amount_too_large",
        param: "amount",
        message: `Refund amount (${String(amount)}) is greater than unrefunded amount on charge (${remaining}).`,
      });
    }
    const refund: Obj = {
      id: newId("re"),
      object: "refund",
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: intent.id,
      status: "succeeded",
      metadata: params.metadata ?? {},
      created: now(),
      _source: source,
    };
    refunds.set(refund.id as string, refund);
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return refund;
  }

  async function api(
    req: IncomingMessage,
    path: string,
    form: Record<string, string>,
    query: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer (sk|rk)_test_\w+$/.test(auth)) {
      throw new ApiError(401, { type: "invalid_request_error", message: "Invalid API Key provided." });
    }
    let match: RegExpExecArray | null;
    if (req.method === "POST" && path === "/v1/checkout/sessions") return { status: 200, body: publicView(createSession(form)) };
    if (req.method === "GET" && (match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) {
      return { status: 200, body: publicView(findSession(decodeURIComponent(match[1]))) };
    }
    if (req.method === "POST" && (match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path))) {
      const session = findSession(decodeURIComponent(match[1]));
      if (session.status !== "open") {
        throw new ApiError(400, {
          type: "invalid_request_error",
          message: `Only Checkout Sessions with a status in ["open"] can be expired.`,
        });
      }
      session.status = "expired";
      later(() => announce("checkout.session.expired", publicView(session)));
      return { status: 200, body: publicView(session) };
    }
    if (req.method === "POST" && path === "/v1/refunds") {
      const refund = createRefund(form, "api");
      const charge = charges.get(refund.charge as string) as Obj;
      later(() => announce("charge.refunded", { ...charge }));
      return { status: 200, body: publicView(refund) };
    }
    if (req.method === "GET" && path === "/v1/refunds") {
      const data = [...refunds.values()]
        .filter((r) => !query.payment_intent || r.payment_intent === query.payment_intent)
        .filter((r) => !query.charge || r.charge === query.charge)
        .reverse()
        .map(publicView);
      return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/refunds" } };
    }
    if (req.method === "GET" && (match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) {
      const intent = paymentIntents.get(decodeURIComponent(match[1]));
      if (!intent)
        throw new ApiError(404, {
          type: "invalid_request_error",
          code: "resource_missing",
          message: `No such payment_intent: '${match[1]}'`,
        });
      return { status: 200, body: intent };
    }
    throw new ApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${req.method ?? ""}: ${path}).`,
    });
  }

  function payPage(session: Obj, notice = ""): string {
    const open = session.status === "open";
    const amount = `${((session.amount_total as number) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
    const lines =
      (session._lineItems as Array<{ price_data?: { product_data?: { name?: string; description?: string } } }>) ?? [];
    const items = lines
      .map(
        (l) =>
          `<li><span data-testid="line-name">${escapeHtml(l.price_data?.product_data?.name ?? "")}</span><br><small data-testid="line-description">${escapeHtml(l.price_data?.product_data?.description ?? "")}</small></li>`,
      )
      .join("");
    const form = (action: string, label: string) =>
      `<form method="post" action="/pay/${String(session.id)}/${action}"><button type="submit">${label}</button></form>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body><main>
<h1>Fake Stripe Checkout</h1>
${notice ? `<p role="alert">${escapeHtml(notice)}</p>` : ""}
<p>Pay <strong data-testid="amount">${amount}</strong> as ${escapeHtml(String(session.customer_email ?? ""))}</p>
<ul>${items}</ul>
${open ? `${form("complete", "Pay")}${form("decline", "Decline card")}${form("cancel", "Cancel")}` : `<p>This Checkout Session is ${escapeHtml(String(session.status))}.</p>`}
</main></body></html>`;
  }

  async function hosted(req: IncomingMessage, res: ServerResponse, path: string) {
    const match = /^\/pay\/([^/]+)(?:\/(complete|decline|cancel))?$/.exec(path);
    const session = match ? sessions.get(match[1]) : undefined;
    const html = (status: number, body: string) =>
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    if (!match || !session) return html(404, "<!doctype html><title>Not found</title><h1>No such Checkout Session</h1>");
    const action = match[2];
    if (!action && req.method === "GET") return html(200, payPage(session));
    if (req.method !== "POST") return html(405, "Method not allowed");
    if (session.status !== "open") return html(410, payPage(session));
    if (action === "cancel") return res.writeHead(303, { Location: String(session.cancel_url) }).end();
    if (action === "decline") {
      const intentData = session._paymentIntentData as { metadata?: Record<string, string> };
      await announce("payment_intent.payment_failed", {
        id: newId("pi"),
        object: "payment_intent",
        amount: session.amount_total,
        currency: session.currency,
        status: "requires_payment_method",
        metadata: intentData.metadata ?? {},
        last_payment_error: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
      });
      return html(402, payPage(session, "Your card was declined."));
    }
    await completeSession(session.id as string);
    res.writeHead(303, { Location: String(session.success_url) }).end();
  }

  async function control(req: IncomingMessage, path: string, raw: string): Promise<unknown> {
    const input = raw ? (JSON.parse(raw) as Obj) : {};
    if (path === "/__fake/requests") return requests;
    if (path === "/__fake/events") return req.method === "POST" ? sendEvent(String(input.type), input.object as Obj) : events;
    if (path === "/__fake/sessions") return [...sessions.values()].map(publicView);
    if (path === "/__fake/dashboard-refund") return dashboardRefund(String(input.paymentIntentId), Number(input.amount));
    if (path === "/__fake/reset") return reset();
    throw new ApiError(404, { type: "invalid_request_error", message: "unknown control path" });
  }

  async function dashboardRefund(paymentIntentId: string, amount: number) {
    const refund = createRefund({ payment_intent: paymentIntentId, amount: String(amount) }, "dashboard");
    const charge = charges.get(refund.charge as string) as Obj;
    const delivery = await announce("charge.refunded", { ...charge });
    return { refund: publicView(refund), delivery };
  }

  function reset() {
    requests.length = 0;
    events.length = 0;
    for (const map of [sessions, paymentIntents, charges, refunds, idempotent]) map.clear();
    return { ok: true };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const raw = await readBody(req);
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { "Content-Type": "application/json", "Request-Id": newId("req") }).end(JSON.stringify(body));
      try {
        if (url.pathname.startsWith("/pay/")) return await hosted(req, res, url.pathname);
        if (url.pathname.startsWith("/__fake/")) return json(200, await control(req, url.pathname, raw));
        const form = Object.fromEntries(new URLSearchParams(raw));
        const query = Object.fromEntries(url.searchParams);
        const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
        requests.push({ method: req.method ?? "GET", path: url.pathname, body: form, query, idempotencyKey });
        const hash = createHash("sha256")
          .update(`${req.method ?? ""} ${url.pathname} ${raw}`)
          .digest("hex");
        const seen = idempotencyKey && req.method === "POST" ? idempotent.get(idempotencyKey) : undefined;
        if (seen) {
          if (seen.hash !== hash) {
            return json(400, {
              error: {
                type: "idempotency_error",
                message: "Keys for idempotent requests can only be used with the same parameters they were first used with.",
              },
            });
          }
          return json(seen.status, seen.body);
        }
        let answer: { status: number; body: unknown };
        try {
          answer = await api(req, url.pathname, form, query);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          answer = { status: error.status, body: { error: error.body } };
        }
        if (idempotencyKey && req.method === "POST") idempotent.set(idempotencyKey, { hash, ...answer });
        return json(answer.status, answer.body);
      } catch (error) {
        if (error instanceof ApiError) return json(error.status, { error: error.body });
        json(500, { error: { type: "api_error", message: (error as Error).message } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    requests,
    sessions,
    refunds,
    events,
    sendEvent,
    signEvent,
    completeSession: (id, opts) => completeSession(id, opts),
    dashboardRefund,
    setWebhookUrl: (next) => (webhookUrl = next),
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    reset: () => void reset(),
    close: async () => {
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same controls from another process (Playwright workers), over the fake's `/__fake/*` paths. */
export function fakeStripeClient(url: string) {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake stripe ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    requests: () => call<FakeStripeRequest[]>("/__fake/requests"),
    sessions: () => call<Obj[]>("/__fake/sessions"),
    events: () => call<Obj[]>("/__fake/events"),
    sendEvent: (type: string, object: Obj) => call<Delivery>("/__fake/events", { type, object }),
    dashboardRefund: (paymentIntentId: string, amount: number) =>
      call<{ refund: Obj; delivery: Delivery | null }>("/__fake/dashboard-refund", { paymentIntentId, amount }),
  };
}
