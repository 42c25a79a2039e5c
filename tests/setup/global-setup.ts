// Vitest global setup: one migrated template database; each worker clones it (worker-setup.ts).
import { prepareTemplate } from "./databases.ts";

export default async function setup() {
  await prepareTemplate();
}
