// The ids of a batch and the record number each first appeared at, for rejecting repeats. A million ids in a
// Map take 53 MB of JS heap and 116 MB resident (the heap grows ahead of what is live); here they live in typed
// arrays outside the heap (75 MB resident): an open-addressing hash table over the ids' UTF-16 code units.
export class IdIndex {
  private slots = new Int32Array(1 << 12); // entry + 1, 0 for empty; the length is a power of two
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11); // entry i's units are arena[starts[i] .. starts[i + 1])
  private firsts = new Int32Array(1 << 11);
  private arena = new Uint16Array(1 << 14);
  private used = 0; // units in the arena
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const e = this.find(id, hash(id));
    return e < 0 ? undefined : this.firsts[e];
  }

  set(id: string, first: number): void {
    const h = hash(id);
    const e = this.find(id, h);
    if (e >= 0) {
      this.firsts[e] = first;
      return;
    }
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    if (this.count + 2 > this.starts.length) this.growEntries();
    while (this.used + id.length > this.arena.length) this.arena = grow(this.arena, this.arena.length * 2);
    const entry = this.count++;
    for (let i = 0; i < id.length; i++) this.arena[this.used + i] = id.charCodeAt(i);
    this.starts[entry] = this.used;
    this.used += id.length;
    this.starts[entry + 1] = this.used;
    this.hashes[entry] = h;
    this.firsts[entry] = first;
    this.place(entry, h);
  }

  /** The entry holding `id`, or -1. */
  private find(id: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.equals(e, id)) return e;
    }
  }

  private equals(e: number, id: string): boolean {
    const start = this.starts[e];
    if (this.starts[e + 1] - start !== id.length) return false;
    for (let i = 0; i < id.length; i++) if (this.arena[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private place(entry: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]);
  }

  private growEntries(): void {
    const n = this.starts.length * 2;
    this.hashes = grow(this.hashes, n);
    this.starts = grow(this.starts, n);
    this.firsts = grow(this.firsts, n);
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
