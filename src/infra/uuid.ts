import { createHash } from "node:crypto";

// Name-based UUIDs (RFC 4122 §4.3, version 5): the same stack and key always give the same workbook resource name.

/** The RFC 4122 URL namespace, used to derive this project's own namespace. */
export const urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
export const dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidV5(name: string, namespace: string): string {
  if (!uuidPattern.test(namespace))
    throw new Error(`uuidV5: namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(Buffer.from(name, "utf8"))
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This project's namespace: v5 of the project URL in the URL namespace. */
export const projectNamespace = uuidV5("https://github.com/acs-recording-insights", urlNamespace);

/** The workbook's ARM resource name: stable per project, stack and workbook key, distinct across stacks. */
export function workbookResourceName(project: string, stack: string, workbookKey: string): string {
  return uuidV5(`${project}/${stack}/${workbookKey}`, projectNamespace);
}
