// SSRF guard for webhook URLs: https only, no credentials, and every address the host name
// resolves to must be public (see ip-policy.ts). Checked when an endpoint is registered and again
// before every delivery; the delivery then connects to the address checked here (pinnedLookup),
// so a second DNS answer (rebinding) cannot send it somewhere else. WEBHOOKS_ALLOW_PRIVATE_URLS
// (development only) also allows http:// and private addresses.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { DomainError } from "~/domains/errors";
import { getEnv } from "~/infra/env.server";
import { classifyAddress, isIpLiteral } from "./ip-policy";

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export type WebhookUrlErrorCode =
  "webhook.url-invalid" | "webhook.url-scheme" | "webhook.url-credentials" | "webhook.url-unresolvable" | "webhook.url-private";

export type CheckedTarget = { url: URL; hostname: string; addresses: LookupAddress[] };

type Resolver = (hostname: string) => Promise<LookupAddress[]>;

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

function refuse(code: WebhookUrlErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, details);
}

/** Parse and check a webhook URL; throws DomainError("webhook.url-…") when it may not be used. */
export async function checkWebhookUrl(
  raw: string,
  {
    allowPrivate = getEnv().WEBHOOKS_ALLOW_PRIVATE_URLS,
    resolve = resolveAll,
  }: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse("webhook.url-invalid", "Not a valid URL.");
  }
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) refuse("webhook.url-invalid", "The URL is too long.");
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    refuse("webhook.url-scheme", "Webhook URLs must use https://.");
  if (url.username || url.password) refuse("webhook.url-credentials", "Webhook URLs must not contain a user name or password.");
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: LookupAddress[];
  if (isIpLiteral(hostname)) {
    addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch {
      return refuse("webhook.url-unresolvable", `The host name ${hostname} does not resolve.`, { host: hostname });
    }
    if (addresses.length === 0)
      refuse("webhook.url-unresolvable", `The host name ${hostname} does not resolve.`, { host: hostname });
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (!verdict.public)
        refuse("webhook.url-private", `${hostname} resolves to a non-public address (${address}, ${verdict.range}).`, {
          host: hostname,
          address,
          range: verdict.range,
        });
    }
  }
  return { url, hostname, addresses };
}

/**
 * A `lookup` for http(s).request that answers with the already-checked address instead of asking
 * DNS again. Handles both call shapes (Node asks for `all` when it tries several families).
 */
export function pinnedLookup(target: LookupAddress) {
  return (
    _hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    if (options?.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
}
