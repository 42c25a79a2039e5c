// A QR code rendered on the server as SVG (see renderQrSvg in mfa-enrolment.server.ts). Only that
// generated markup may be passed here: it is inserted as HTML. It carries no inline styles or
// scripts, so it renders without JavaScript and under the strict CSP; it scales with its box.
export function QrCode({ svg, label, className }: { svg: string; label: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`inline-block w-48 bg-white p-2 [&_svg]:block [&_svg]:h-auto [&_svg]:w-full ${className ?? ""}`}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
