// Job definitions of the identity domain (see platform/jobs/define.ts); listed by the job registry.
//
// "We e-mailed you, if the account exists" requests (forgotten password, e-mail sign-in code) only
// write one of these jobs: the request does the same, constant work for every address, and the job
// does the per-account part (lookup, single-use token, the e-mail). Each job queues at most one
// e-mail: the message id is the job's event id, so a retry after the e-mail was queued does nothing.
import { z } from "zod";
import { defineJob, type JobDefinition } from "~/domains/platform/jobs/define";
import { sendSignInCode } from "./email-code.server";
import { sendPasswordResetLink } from "./password-reset.server";

export const passwordResetRequestJob = defineJob({
  name: "identity_password_reset_request",
  queue: "email",
  description: "Looks up the account of a forgotten-password request and, when it is active, e-mails a reset link.",
  payload: z.object({ email: z.string().min(1).max(320), ipAddress: z.string().max(100) }),
  attempts: 5,
  backoffMs: 10_000,
  handler: (payload, { eventId }) => sendPasswordResetLink({ ...payload, eventId }),
});

export const signInCodeJob = defineJob({
  name: "identity_sign_in_code",
  queue: "email",
  description: "Looks up the account of an e-mail sign-in request and, when it is active, e-mails the one-time code.",
  payload: z.object({
    email: z.string().min(1).max(320),
    code: z.string().min(1).max(64),
    magicLink: z.string().url().max(4000),
  }),
  // The code only works for ten minutes: retry quickly, then give up.
  attempts: 4,
  backoffMs: 5_000,
  secretKeys: ["code", "magicLink"],
  handler: (payload, { eventId }) => sendSignInCode({ ...payload, eventId }),
});

export const identityJobs: JobDefinition[] = [passwordResetRequestJob, signInCodeJob];
