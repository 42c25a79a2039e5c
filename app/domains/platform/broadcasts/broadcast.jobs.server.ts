// `send_campaign`: sends a broadcast in paced batches (send-campaign.server.ts). Retrying is always
// safe: a run only ever takes recipients still pending.
import { z } from "zod";
import { defineJob, type JobDefinition } from "../jobs/define";
import { sendCampaign } from "./send-campaign.server";

export const sendCampaignJob = defineJob({
  name: "send_campaign",
  queue: "campaigns",
  description: "Sends a broadcast to its recipients in batches at the configured rate; resumes where it stopped.",
  payload: z.object({ broadcastId: z.string().min(1) }),
  attempts: 10,
  backoffMs: 30_000,
  handler: async ({ broadcastId }, { eventId, signal }) => {
    const run = await sendCampaign({ broadcastId, eventId, signal });
    return { outcome: run.outcome, batches: run.batches.length };
  },
});

export const broadcastJobs: JobDefinition[] = [sendCampaignJob];
