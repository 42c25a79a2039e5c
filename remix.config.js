// The one place for Remix options. Remix + Vite never reads this file by itself:
// vite.config.ts imports it and hands it to the Remix plugin (see docs/decisions/001-stack-versions.md).
import { flatRoutes } from "remix-flat-routes";

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  ignoredRouteFiles: ["**/*"],
  buildDirectory: process.env.VERSO_BUILD_DIR ?? "build",
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
  routes: async (defineRoutes) =>
    flatRoutes("routes", defineRoutes, {
      ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}"],
    }),
};
