-- Report exports (private, expiring CSV downloads) and broadcasts (batched sending).

CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'ready', 'failed', 'expired');
CREATE TYPE "BroadcastStatus" AS ENUM ('queued', 'sending', 'completed', 'cancelled');
CREATE TYPE "BroadcastRecipientStatus" AS ENUM ('pending', 'sent', 'skipped', 'failed');

CREATE TABLE "ReportExport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "requestedById" TEXT,
    "fileName" TEXT,
    "contentType" TEXT NOT NULL DEFAULT 'text/csv; charset=utf-8',
    "content" BYTEA,
    "byteSize" INTEGER,
    "rowCount" INTEGER,
    "error" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ReportExport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReportExport_requestedById_createdAt_idx" ON "ReportExport"("requestedById", "createdAt");
CREATE INDEX "ReportExport_status_expiresAt_idx" ON "ReportExport"("status", "expiresAt");

CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "category" "EmailCategory" NOT NULL DEFAULT 'marketing',
    "batchSize" INTEGER NOT NULL DEFAULT 50,
    "ratePerMinute" INTEGER NOT NULL DEFAULT 600,
    "status" "BroadcastStatus" NOT NULL DEFAULT 'queued',
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Broadcast_createdAt_idx" ON "Broadcast"("createdAt");

CREATE TABLE "BroadcastRecipient" (
    "id" TEXT NOT NULL,
    "broadcastId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" "BroadcastRecipientStatus" NOT NULL DEFAULT 'pending',
    "emailMessageId" TEXT,
    "error" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    CONSTRAINT "BroadcastRecipient_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BroadcastRecipient_emailMessageId_key" ON "BroadcastRecipient"("emailMessageId");
CREATE UNIQUE INDEX "BroadcastRecipient_broadcastId_email_key" ON "BroadcastRecipient"("broadcastId", "email");
CREATE INDEX "BroadcastRecipient_broadcastId_status_idx" ON "BroadcastRecipient"("broadcastId", "status");

ALTER TABLE "ReportExport" ADD CONSTRAINT "ReportExport_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BroadcastRecipient" ADD CONSTRAINT "BroadcastRecipient_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BroadcastRecipient" ADD CONSTRAINT "BroadcastRecipient_emailMessageId_fkey" FOREIGN KEY ("emailMessageId") REFERENCES "EmailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
