// /account — the profile: who you are here, and the name, time zone and language you use.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { isDomainError } from "~/domains/errors";
import { requireUser } from "~/domains/identity/guards.server";
import { getProfile, listProfileTimeZones, updateProfile } from "~/domains/identity/profile.server";
import { localeCookie } from "~/infra/cookies.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { supportedLanguages } from "~/infra/i18n";
import { i18n } from "~/infra/i18n.server";
import { formatDateTime, isValidTimeZone } from "~/utils/dates";
import { identityT, translateResult } from "./account-forms.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const ProfileSchema = z.object({
  name: z
    .string({ required_error: "account.profile.errors.nameRequired" })
    .trim()
    .min(1, "account.profile.errors.nameRequired")
    .max(100, "account.profile.errors.nameTooLong"),
  timeZone: z
    .string({ required_error: "account.profile.errors.timeZoneInvalid" })
    .refine(isValidTimeZone, "account.profile.errors.timeZoneInvalid"),
  locale: z.enum(supportedLanguages, { errorMap: () => ({ message: "account.profile.errors.languageInvalid" }) }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, locale, t] = await Promise.all([getProfile({ userId: user.id }), i18n.getLocale(request), identityT(request)]);
  if (!profile) throw new Response("Not found", { status: 404 });
  return {
    title: `${t("account.profile.title")} · Verso`,
    profile: {
      email: profile.email,
      name: profile.name,
      timeZone: profile.timeZone,
      locale: profile.locale,
      emailVerified: profile.emailVerifiedAt !== null,
      roles: profile.roles,
      memberSinceIso: profile.createdAt.toISOString(),
      memberSince: formatDateTime(profile.createdAt, { locale, timeZone: profile.timeZone }),
    },
    timeZones: listProfileTimeZones(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const submission = parseWithZod(formData, { schema: ProfileSchema });
  if (submission.status !== "success") {
    return data({ result: translateResult(submission.reply(), t) }, { status: 400 });
  }
  try {
    await updateProfile({ userId: user.id, changes: submission.value, ipAddress: context.clientIp });
  } catch (error) {
    if (isDomainError(error, "invalid_time_zone")) {
      return data(
        {
          result: translateResult(submission.reply({ fieldErrors: { timeZone: ["account.profile.errors.timeZoneInvalid"] } }), t),
        },
        { status: 400 },
      );
    }
    if (isDomainError(error, "invalid_locale")) {
      return data(
        { result: translateResult(submission.reply({ fieldErrors: { locale: ["account.profile.errors.languageInvalid"] } }), t) },
        { status: 400 },
      );
    }
    throw error;
  }
  // The toast speaks the language just chosen, and the cookie switches the interface to it.
  const tNew = await i18n.getFixedT(submission.value.locale, "identity");
  return redirectWithToast(
    request,
    "/account",
    { kind: "success", message: tNew("account.profile.saved") },
    { headers: { "Set-Cookie": await localeCookie.serialize(submission.value.locale) } },
  );
}

export default function ProfilePage() {
  const { profile, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("identity");
  const [form, fields] = useForm<z.input<typeof ProfileSchema>>({
    id: "profile",
    lastResult: actionData?.result,
    defaultValue: { name: profile.name, timeZone: profile.timeZone, locale: profile.locale },
  });
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("account.profile.title")}</h1>
      <section aria-labelledby="account-details" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="account-details" className="text-lg font-semibold">
          {t("account.profile.detailsTitle")}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("account.profile.email")}</dt>
          <dd data-testid="profile-email">
            {profile.email}{" "}
            <span className={profile.emailVerified ? "text-emerald-800" : "text-amber-800"}>
              ({profile.emailVerified ? t("account.profile.verified") : t("account.profile.notVerified")})
            </span>
          </dd>
          <dt className="font-medium text-slate-700">{t("account.profile.roles")}</dt>
          <dd>{profile.roles.length > 0 ? profile.roles.join(", ") : t("account.profile.noRoles")}</dd>
          <dt className="font-medium text-slate-700">{t("account.profile.memberSince")}</dt>
          <dd>
            <time dateTime={profile.memberSinceIso} data-testid="member-since">
              {profile.memberSince}
            </time>{" "}
            <span className="text-sm text-slate-600">({profile.timeZone})</span>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="profile-form-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="profile-form-title" className="text-lg font-semibold">
          {t("account.profile.formTitle")}
        </h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 max-w-md space-y-4">
          <AuthenticityTokenInput />
          <InputField meta={fields.name} label={t("account.profile.name")} autoComplete="name" />
          <SelectField
            meta={fields.timeZone}
            label={t("account.profile.timeZone")}
            description={t("account.profile.timeZoneHelp")}
            options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
          />
          <SelectField
            meta={fields.locale}
            label={t("account.profile.language")}
            options={supportedLanguages.map((lng) => ({ value: lng, label: t(`common:language.${lng}`) }))}
          />
          <SubmitButton pendingLabel={t("common:actions.saving")}>{t("account.profile.save")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
