// Server entry: renders the document with the request's CSP nonce and language, streaming to
// browsers and waiting for everything for bots. Also exports the services the Express process
// uses outside Remix (readiness, shutdown), so the process holds a single Prisma client.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getI18nInstance, i18n } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";
import { NonceProvider } from "~/components/layout/nonce";

export { checkReadiness, closeResources } from "~/infra/health.server";
export { startOutboxProcessor } from "~/domains/platform/outbox/processor.server";
export { closeQueues } from "~/infra/queue/queues.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: new URL(request.url).pathname }, "unhandled error in loader, action or render");
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = await getI18nInstance(await i18n.getLocale(request));
  const nonce = loadContext.cspNonce;
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "error while streaming the page");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}
