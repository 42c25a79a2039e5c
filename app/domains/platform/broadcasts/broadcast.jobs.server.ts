// Job definitions of this area (see ../jobs/define.ts); listed by ../jobs/registry.server.ts.
import type { JobDefinition } from "../jobs/define";

export const broadcastJobs: JobDefinition[] = [];
