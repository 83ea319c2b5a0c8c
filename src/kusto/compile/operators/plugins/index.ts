// The evaluate plugins the engine runs, by lower-cased name; each lives in its own file.
import type { Plugin } from "../evaluate";
import { bagUnpack } from "./bag-unpack";
import { ipv4Lookup, ipv6Lookup } from "./ip-lookup";
import { narrow } from "./narrow";
import { pivot } from "./pivot";

export const pluginTable: Readonly<Record<string, Plugin>> = {
  bag_unpack: bagUnpack,
  ipv4_lookup: ipv4Lookup,
  ipv6_lookup: ipv6Lookup,
  narrow,
  pivot,
};
