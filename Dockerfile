# syntax=docker/dockerfile:1
# One image for every Verso process: the web server (default CMD) and the worker
# (`node build/server-entry/worker.js`); `node build/server-entry/migrate.js` is the release command.

# ── deps: every dependency, dev tools included (the build needs them) ──────────────────────────
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: npm 11 rejects lockfiles that record only this platform's optional
# packages (docs/decisions/001-stack-versions.md, STACK §11). The lockfile still pins every version.
RUN npm install --no-audit --no-fund

# ── build: Prisma client + DMMF, Remix client/server bundles, the Express/worker entries ──────────
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# prisma generate works offline through scripts/prisma-generate.mjs (schema-engine stub); the
# generated client is bundled into build/, so the runtime needs neither prisma nor app/generated.
RUN node scripts/prisma-generate.mjs \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ── runtime: production dependencies and the build output only, as an unprivileged user ────────
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 CHECKPOINT_DISABLE=1
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "build/server-entry/index.js"]
