// The evaluate plugins the engine runs, by lower-cased name; each lives in its own file.
import type { Plugin } from "../evaluate";
import { bagUnpack } from "./bag-unpack";
import { narrow } from "./narrow";
import { pivot } from "./pivot";

export const pluginTable: Readonly<Record<string, Plugin>> = {
  bag_unpack: bagUnpack,
  narrow,
  pivot,
};
