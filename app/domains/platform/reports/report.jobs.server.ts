// `generate_report`: builds one requested export (generate-report.server.ts). A failure is retried;
// after the last attempt (or at once for a failure no retry can fix) the export is marked failed
// with the reason, which /admin/exports shows.
import { z } from "zod";
import { prisma } from "~/infra/db.server";
import { defineJob, type JobDefinition } from "../jobs/define";
import { PermanentJobError } from "../jobs/errors";
import { generateReport } from "./generate-report.server";

function errorText(error: unknown) {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

export const generateReportJob = defineJob({
  name: "generate_report",
  queue: "reports",
  description: "Builds a requested CSV export, stores it as an expiring private download and e-mails the requester.",
  payload: z.object({ exportId: z.string().min(1) }),
  attempts: 3,
  backoffMs: 60_000,
  handler: async ({ exportId }, { attempt, maxAttempts, signal }) => {
    try {
      return await generateReport({ exportId, signal });
    } catch (error) {
      const last = error instanceof PermanentJobError || attempt >= maxAttempts;
      await prisma.reportExport.updateMany({
        where: { id: exportId, status: { in: ["queued", "running"] } },
        data: last
          ? { status: "failed", error: errorText(error), completedAt: new Date() }
          : { status: "queued", error: errorText(error) },
      });
      throw error;
    }
  },
});

export const reportJobs: JobDefinition[] = [generateReportJob];
