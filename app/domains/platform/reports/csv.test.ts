import { describe, expect, it } from "vitest";
import { CSV_BOM, createCsvWriter, csvField, csvRecord, guardFormula } from "./csv";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("csvField", () => {
  it("leaves plain text alone and writes empty for null and undefined", () => {
    expect(csvField("Ann Archer")).toBe("Ann Archer");
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes fields holding a comma, a quote or a line break, doubling the quotes (RFC 4180)", () => {
    expect(csvField("Archer, Ann")).toBe('"Archer, Ann"');
    expect(csvField('Ann "The Ace" Archer')).toBe('"Ann ""The Ace"" Archer"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("writes dates as ISO 8601 in UTC, numbers and booleans as themselves", () => {
    expect(csvField(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe("2026-01-02T03:04:05.006Z");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
  });

  it("makes text that a spreadsheet would run as a formula inert with a leading quote", () => {
    for (const attack of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(guardFormula(attack)).toBe(`'${attack}`);
    }
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csvField("\rcmd")).toBe(`"'\rcmd"`);
    // only the first character matters
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("user@example.com")).toBe("user@example.com");
  });
});

describe("createCsvWriter", () => {
  it("starts with a UTF-8 BOM and the header, ends every record with CRLF, counts records", () => {
    const writer = createCsvWriter(["Name", "E-mail"]);
    writer.write([["Zoë Ñúñez", "zoe@example.com"]]);
    writer.write([]);
    writer.write([
      ["Archer, Ann", "ann@example.com"],
      ["=cmd", null],
    ]);
    const { content, byteSize, rowCount } = writer.finish();
    expect([...content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(byteSize).toBe(content.byteLength);
    expect(rowCount).toBe(3);
    expect(decode(content)).toBe(
      `${CSV_BOM}Name,E-mail\r\nZoë Ñúñez,zoe@example.com\r\n"Archer, Ann",ann@example.com\r\n'=cmd,\r\n`,
    );
  });

  it("produces only the header for no rows", () => {
    const { content, rowCount } = createCsvWriter(["A"]).finish();
    expect(decode(content)).toBe(`${CSV_BOM}A\r\n`);
    expect(rowCount).toBe(0);
  });

  it("joins values of one record with commas", () => {
    expect(csvRecord(["a", 1, null, "b"])).toBe("a,1,,b\r\n");
  });
});
