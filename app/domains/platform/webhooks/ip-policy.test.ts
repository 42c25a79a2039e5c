import { describe, expect, it } from "vitest";
import { classifyAddress, isIpLiteral } from "./ip-policy";

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34", "unicast"],
    ["8.8.8.8", "unicast"],
    ["2606:4700:4700::1111", "unicast"],
  ])("allows the public address %s", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ range, public: true });
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.1.1", "linkLocal"],
    ["169.254.169.254", "metadata"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.100.100.200", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["fd00:ec2::254", "metadata"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "ipv4Compatible"],
    ["::a00:1", "ipv4Compatible"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:7f00:1::1", "6to4"],
    ["[::1]", "loopback"],
  ])("refuses %s (%s)", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ range, public: false });
  });

  it("refuses what is not an address", () => {
    expect(classifyAddress("example.com")).toMatchObject({ range: "invalid", public: false });
    expect(classifyAddress("")).toMatchObject({ range: "invalid", public: false });
  });

  it("still allows a public IPv4 address written as IPv4-mapped IPv6", () => {
    expect(classifyAddress("::ffff:8.8.8.8")).toMatchObject({ range: "unicast", public: true });
  });
});

describe("isIpLiteral", () => {
  it("tells addresses from host names", () => {
    expect(isIpLiteral("127.0.0.1")).toBe(true);
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("hooks.example.com")).toBe(false);
  });
});
