// Which addresses a webhook may be delivered to: only ordinary public unicast. Everything else
// (private, loopback, link-local incl. the cloud metadata address, unique-local, CGNAT, multicast,
// unspecified, reserved, and IPv6 forms that embed an IPv4 address) is refused. Pure; unit-tested.
import ipaddr from "ipaddr.js";

export type AddressClass = { address: string; range: string; public: boolean };

const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254"]);

function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return null;
  try {
    return ipaddr.parse(bare);
  } catch {
    return null;
  }
}

/** The address's range name (`unicast` for an ordinary public address) and whether it is allowed. */
export function classifyAddress(address: string): AddressClass {
  let parsed = parse(address);
  if (!parsed) return { address, range: "invalid", public: false };
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d is judged as the IPv4 address it stands for
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    // ::a.b.c.d (deprecated IPv4-compatible form, ::/96 apart from :: and ::1)
    else if (v6.parts.slice(0, 6).every((part) => part === 0) && v6.range() === "unicast")
      return { address, range: "ipv4Compatible", public: false };
  }
  const normalized = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normalized) || METADATA_ADDRESSES.has(parsed.toString()))
    return { address, range: "metadata", public: false };
  const range = parsed.range();
  return { address, range, public: range === "unicast" };
}

export function isIpLiteral(hostname: string): boolean {
  return parse(hostname) !== null;
}
