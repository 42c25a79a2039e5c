// Job definitions of the identity domain (see platform/jobs/define.ts); listed by the job registry.
import type { JobDefinition } from "~/domains/platform/jobs/define";

export const identityJobs: JobDefinition[] = [];
