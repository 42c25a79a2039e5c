import { useNavigation } from "@remix-run/react";
import { cn } from "~/utils/cn";

type Variant = "primary" | "secondary" | "danger" | "link";

const variants: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:opacity-60",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 disabled:opacity-60",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
  link: "text-brand-700 underline hover:text-brand-800",
};

export function Button({
  variant = "primary",
  className,
  ...props
}: { variant?: Variant } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      className={cn(
        variant !== "link" && "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}

/**
 * A submit button that shows a pending label while its form is submitting (with JavaScript);
 * without JavaScript it is an ordinary submit button.
 */
export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  ...props
}: { pendingLabel?: React.ReactNode } & React.ComponentProps<typeof Button>) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" && (name === undefined || navigation.formData?.get(String(name)) === String(value ?? ""));
  return (
    <Button name={name} value={value} aria-disabled={pending || undefined} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
