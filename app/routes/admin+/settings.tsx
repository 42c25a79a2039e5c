// /admin/settings: the business profile shown in e-mails (name, logo, postal address, support
// address). Viewing and saving both need update:settings:any; every save writes an audit row.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BusinessProfileForm } from "~/components/email/business-profile-form";
import { PageHeader, Section } from "~/components/admin/page-header";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getBusinessProfile, updateBusinessProfile } from "~/domains/platform/business-profile.server";
import { createBusinessProfileSchema } from "~/domains/platform/business-profile-schema";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { breadcrumb: "admin:nav.settings", i18n: ["admin", "email"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.updateSettingsAny);
  const [t, profile] = await Promise.all([i18n.getFixedT(request, "email"), getBusinessProfile()]);
  return { title: t("settings.title"), profile };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateSettingsAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, ["email", "common"]);
  const submission = parseWithZod(formData, { schema: createBusinessProfileSchema(t) });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const { name, logoUrl, postalAddress, supportEmail } = submission.value;
  await updateBusinessProfile({
    actorId: actor.id,
    ipAddress: context.clientIp ?? null,
    profile: { name, logoUrl: logoUrl ?? null, postalAddress: postalAddress ?? null, supportEmail: supportEmail ?? null },
  });
  return redirectWithToast(request, "/admin/settings", { kind: "success", message: t("settings.saved") });
}

export default function AdminSettings() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("email");
  return (
    <div className="space-y-6">
      <PageHeader title={t("settings.title")} lead={t("settings.lead")} />
      <Section title={t("settings.section")} id="business-profile-title">
        <BusinessProfileForm profile={profile} lastResult={actionData?.result} />
      </Section>
    </div>
  );
}
