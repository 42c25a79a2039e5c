// Calling the REST API's route modules the way the server does: GET/HEAD go to the loader, other
// methods to the action, with a bearer key, JSON body and extra headers.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createApiKey } from "~/domains/identity/api-keys.server";
import { DEFAULT_ROLE_GRANTS, type SystemRoleName } from "~/domains/identity/permissions";
import { createUser } from "../factories/users";
import { BASE, context } from "../setup/requests";

export type ApiRoute = {
  loader: (args: LoaderFunctionArgs) => Promise<Response>;
  action?: (args: ActionFunctionArgs) => Promise<Response>;
};

type CallOptions = {
  method?: string;
  key?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as-is. */
  body?: unknown;
  clientIp?: string;
};

export function apiRequest(path: string, { method = "GET", key, headers = {}, body }: CallOptions = {}) {
  const all = new Headers(headers);
  if (key) all.set("Authorization", `Bearer ${key}`);
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    if (!all.has("Content-Type")) all.set("Content-Type", "application/json");
  }
  return new Request(`${BASE}${path}`, { method, headers: all, body: payload });
}

/** Send a request to a route module (loader for GET/HEAD, action otherwise). */
export function callApi(route: ApiRoute, path: string, options: CallOptions = {}): Promise<Response> {
  const request = apiRequest(path, options);
  const args = { request, params: options.params ?? {}, context: context({ clientIp: options.clientIp ?? "203.0.113.7" }) };
  if (request.method === "GET" || request.method === "HEAD") return route.loader(args);
  if (!route.action) throw new Error(`route for ${path} has no action`);
  return route.action(args);
}

/** A user with `roles` and a key of theirs holding `scopes`. */
export async function keyFor({
  roles = ["admin"],
  scopes,
  email,
  name = "Key Owner",
}: {
  roles?: SystemRoleName[];
  scopes: string[];
  email?: string;
  name?: string;
}) {
  const user = await createUser({ roles, name, email: email ?? `owner-${Math.random().toString(36).slice(2, 10)}@example.com` });
  const { key, id } = await createApiKey({
    actorId: user.id,
    actorPermissions: new Set(roles.flatMap((role) => DEFAULT_ROLE_GRANTS[role])),
    owner: { id: user.id },
    name: "Test key",
    scopes,
  });
  return { user, key, keyId: id };
}
