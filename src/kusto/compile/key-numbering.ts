// Dense numbers for join keys: equal values (as Map keys compare them, SameValueZero) get one number 0, 1, 2, ... in
// order of first sight, and tuples of numbers get numbers of their own. Whole numbers in int32 range go to an
// open-addressing table over typed arrays (one cache line per look-up, where a Map with a million keys takes several);
// any other value goes to a Map.

const EMPTY = -1;

/** Slots for `count` entries at most half full, a power of two. */
function capacityFor(count: number): number {
  let c = 16;
  while (c < count * 2) c *= 2;
  return c;
}

/** Fibonacci hashing: the top `bits` bits of the 32-bit product. */
function slotOf(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

/** Numbers for single values. `add` numbers a value first seen; `find` only looks up (-1 when never added). */
export class ValueNumbering {
  /** Number of distinct values added so far; the next new value gets this number. */
  size = 0;
  private bits = 4;
  /** Slot s holds an int32 value at 2s and its number at 2s + 1 (EMPTY when free): one cache line per probe. */
  private slots = new Int32Array(16 * 2).fill(EMPTY);
  private intCount = 0;
  private readonly others = new Map<unknown, number>();

  add(v: unknown): number {
    // -0 | 0 is 0, so -0 and 0 share a number as they share a Map key.
    if (typeof v === "number" && (v | 0) === v) {
      const k = v | 0;
      const s = this.slotFor(k);
      const slots = this.slots;
      if (slots[s * 2 + 1] !== EMPTY) return slots[s * 2 + 1];
      const id = this.size++;
      slots[s * 2] = k;
      slots[s * 2 + 1] = id;
      if (++this.intCount * 2 > slots.length / 2) this.grow();
      return id;
    }
    let id = this.others.get(v);
    if (id === undefined) {
      id = this.size++;
      this.others.set(v, id);
    }
    return id;
  }

  find(v: unknown): number {
    if (typeof v === "number" && (v | 0) === v) return this.slots[this.slotFor(v | 0) * 2 + 1];
    return this.others.get(v) ?? EMPTY;
  }

  /** The slot holding int32 `k`, or the free slot where it would go. */
  private slotFor(k: number): number {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let s = slotOf(k, this.bits);
    while (slots[s * 2 + 1] !== EMPTY && slots[s * 2] !== k) s = (s + 1) & mask;
    return s;
  }

  private grow(): void {
    const old = this.slots;
    const size = capacityFor(this.intCount);
    this.bits = Math.log2(size);
    const slots = new Int32Array(size * 2).fill(EMPTY);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === EMPTY) continue;
      let s = slotOf(old[at], this.bits);
      while (slots[s * 2 + 1] !== EMPTY) s = (s + 1) & mask;
      slots[s * 2] = old[at];
      slots[s * 2 + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}

/** Numbers for pairs of non-negative numbers (a key's number so far, the next key's number). */
export class PairNumbering {
  size = 0;
  private bits = 4;
  /** Slot s holds a at 3s, b at 3s + 1 and the pair's number at 3s + 2 (EMPTY when free): one cache line per probe. */
  private slots = new Int32Array(16 * 3).fill(EMPTY);

  add(a: number, b: number): number {
    const s = this.slotFor(a, b);
    const slots = this.slots;
    if (slots[s * 3 + 2] !== EMPTY) return slots[s * 3 + 2];
    const id = this.size++;
    slots[s * 3] = a;
    slots[s * 3 + 1] = b;
    slots[s * 3 + 2] = id;
    if (this.size * 2 > slots.length / 3) this.grow();
    return id;
  }

  find(a: number, b: number): number {
    return this.slots[this.slotFor(a, b) * 3 + 2];
  }

  /** The slot holding the pair (a, b), or the free slot where it would go. */
  private slotFor(a: number, b: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let s = slotOf(a ^ Math.imul(b, 0x85ebca77), this.bits);
    while (slots[s * 3 + 2] !== EMPTY && (slots[s * 3] !== a || slots[s * 3 + 1] !== b)) s = (s + 1) & mask;
    return s;
  }

  private grow(): void {
    const old = this.slots;
    const size = capacityFor(this.size);
    this.bits = Math.log2(size);
    const slots = new Int32Array(size * 3).fill(EMPTY);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === EMPTY) continue;
      let s = slotOf(old[at] ^ Math.imul(old[at + 1], 0x85ebca77), this.bits);
      while (slots[s * 3 + 2] !== EMPTY) s = (s + 1) & mask;
      slots[s * 3] = old[at];
      slots[s * 3 + 1] = old[at + 1];
      slots[s * 3 + 2] = old[at + 2];
    }
    this.slots = slots;
  }
}
