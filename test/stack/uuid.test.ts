import { describe, expect, it } from "vitest";
import { isoMinutes } from "../../src/infra/content";
import { savedSearchName } from "../../src/infra/savedSearches";
import { dnsNamespace, urlNamespace, uuidV5 } from "../../src/infra/uuid";

describe("uuidV5", () => {
  it("must match the RFC 9562 (RFC 4122 successor) test vector for www.example.com in the DNS namespace", () => {
    expect(uuidV5("www.example.com", dnsNamespace)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("must match Python's uuid.uuid5(NAMESPACE_DNS, 'python.org')", () => {
    expect(uuidV5("python.org", dnsNamespace)).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("must set version 5 and the RFC 4122 variant", () => {
    const id = uuidV5("anything", urlNamespace);
    expect(id[14]).toBe("5");
    expect("89ab").toContain(id[19]);
  });

  it("must reject a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow(/namespace must be a UUID/);
  });
});

describe("names and durations", () => {
  it("must write alert windows as ISO 8601 durations", () => {
    expect([5, 60, 90, 120, 1440, 2880].map(isoMinutes)).toEqual(["PT5M", "PT1H", "PT90M", "PT2H", "P1D", "P2D"]);
  });

  it("must derive a saved search id only from a valid function name", () => {
    expect(savedSearchName("acs-recording-insights-dev", "ACSRecordings")).toBe(
      "acs-recording-insights-dev-acsrecordings",
    );
    expect(() => savedSearchName("acs-recording-insights-dev", "ACS Recordings; drop")).toThrow(
      /not a valid KQL function name/,
    );
  });
});
