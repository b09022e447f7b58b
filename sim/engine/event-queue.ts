/**
 * A priority queue of timed events: a binary heap on typed arrays, ordered by time, then by an
 * order key the caller gives (an applicant's, or 0 for the run's own events), then by a push
 * sequence number: events at equal times come out by key, and those of one key in the order
 * they were pushed. So which of two applicants acts first at one instant does not depend on
 * which of them was scheduled first (a run over several cores could not know that), and a run
 * is reproducible whatever the heap's internal layout.
 *
 * The heap holds only (time, slot); payload, sequence number and state live in slots, so a sift
 * moves two numbers and reads a sequence number only on a tie. (A 4-ary heap measured no faster
 * here at 100k pending.)
 *
 * An event's id names its slot and the slot's generation, so `cancel` is O(1) and exact: the
 * payload is dropped and the id dies at once; the heap entry stays, marked cancelled, until it
 * reaches the top (or a compaction sweeps it), and only then is the slot reused. A fired or
 * cancelled id never cancels a later event, short of one slot being reused 2^29 times between.
 */

/** Slots per generation: at most this many events in the heap at once (16.7 million). */
const SLOT_SPACE = 2 ** 24;
/** Generations wrap here, keeping every id below 2^53 (an exact double). */
const GENERATIONS = 2 ** 29;

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/** An event's handle, for `cancel`. */
export type EventId = number;

export class EventQueue<T> {
  // The heap: entry i is (times[i], slotOf[i]); cancelled entries included until swept.
  private times: Float64Array;
  private slotOf: Uint32Array;
  private heapSize = 0;

  // The slots.
  private payloads: (T | undefined)[] = [];
  private slotKey: Float64Array;
  private slotSeq: Float64Array;
  private slotGen: Uint32Array;
  private slotState: Uint8Array;
  private freeSlots: Uint32Array;
  private freeCount = 0;
  private slotCount = 0;

  private nextSeq = 0;
  private live = 0;
  private lastTime = Number.NaN;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.times = new Float64Array(n);
    this.slotOf = new Uint32Array(n);
    this.slotKey = new Float64Array(n);
    this.slotSeq = new Float64Array(n);
    this.slotGen = new Uint32Array(n);
    this.slotState = new Uint8Array(n);
    this.freeSlots = new Uint32Array(n);
  }

  /** Events pending (cancelled ones excluded). */
  get size(): number { return this.live; }

  /** The time of the event `pop` last returned (NaN before the first). */
  get poppedTime(): number { return this.lastTime; }

  /** Queues `payload` at `time`, after the events of a lower `key` at that time; returns its id. */
  push(time: number, payload: T, key = 0): EventId {
    if (Number.isNaN(time)) throw new RangeError('event time is NaN');
    const slot = this.takeSlot();
    this.payloads[slot] = payload;
    this.slotKey[slot] = key;
    this.slotSeq[slot] = this.nextSeq++;
    this.slotState[slot] = PENDING;
    if (this.heapSize === this.times.length) this.growHeap();
    this.siftUp(this.heapSize++, time, slot);
    this.live += 1;
    return this.slotGen[slot]! * SLOT_SPACE + slot;
  }

  /** The earliest pending time, or Infinity when nothing is pending. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.heapSize > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest event's payload (its time is `poppedTime`); undefined when empty. */
  pop(): T | undefined {
    this.dropCancelledTop();
    if (this.heapSize === 0) return undefined;
    const slot = this.slotOf[0]!;
    this.lastTime = this.times[0]!;
    this.removeTop();
    const payload = this.payloads[slot];
    this.freeSlot(slot);
    this.live -= 1;
    return payload;
  }

  /** Cancels a pending event; false if it already fired, was cancelled, or never existed. */
  cancel(id: EventId): boolean {
    if (!Number.isInteger(id) || id < 0) return false;
    const slot = id % SLOT_SPACE;
    const gen = (id - slot) / SLOT_SPACE;
    if (slot >= this.slotCount || this.slotGen[slot] !== gen || this.slotState[slot] !== PENDING) return false;
    this.payloads[slot] = undefined; // let the callback and what it holds be collected now
    this.slotState[slot] = CANCELLED;
    this.slotGen[slot] = (gen + 1) % GENERATIONS; // the id dies now, not when the entry is swept
    this.live -= 1;
    // Cancelled entries cost memory and pop time; sweep once they outnumber the live ones.
    if (this.heapSize > 64 && this.heapSize > 2 * this.live) this.compact();
    return true;
  }

  /** Forgets every pending event. */
  clear(): void {
    while (this.heapSize > 0) this.freeSlot(this.slotOf[--this.heapSize]!);
    this.live = 0;
  }

  private takeSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotCount === SLOT_SPACE) throw new RangeError(`more than ${SLOT_SPACE} events pending`);
    if (this.slotCount === this.slotSeq.length) this.growSlots();
    return this.slotCount++;
  }

  /** Returns a slot whose heap entry is gone to the free list, killing its id if still alive. */
  private freeSlot(slot: number): void {
    if (this.slotState[slot] === PENDING) this.slotGen[slot] = (this.slotGen[slot]! + 1) % GENERATIONS;
    this.payloads[slot] = undefined;
    this.slotState[slot] = FREE;
    this.freeSlots[this.freeCount++] = slot;
  }

  private dropCancelledTop(): void {
    while (this.heapSize > 0 && this.slotState[this.slotOf[0]!] === CANCELLED) {
      const slot = this.slotOf[0]!;
      this.removeTop();
      this.freeSlot(slot);
    }
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) this.siftDown(0, this.times[last]!, this.slotOf[last]!);
  }

  /** Places (time, slot) at the hole `i` or above it. */
  private siftUp(i: number, time: number, slot: number): void {
    const { times, slotOf } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && this.before(slotOf[parent]!, slot))) break;
      times[i] = pt;
      slotOf[i] = slotOf[parent]!;
      i = parent;
    }
    times[i] = time;
    slotOf[i] = slot;
  }

  /**
   * Places (time, slot) at the hole `i` or below it. Keys and sequence numbers are read only on
   * a tie: reading the moved entry's up front would cost a cache miss on every pop.
   */
  private siftDown(i: number, time: number, slot: number): void {
    const { times, slotOf } = this;
    const n = this.heapSize;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && this.before(slotOf[right]!, slotOf[child]!))) { child = right; ct = rt; }
      }
      if (time < ct || (time === ct && this.before(slot, slotOf[child]!))) break;
      times[i] = ct;
      slotOf[i] = slotOf[child]!;
      i = child;
    }
    times[i] = time;
    slotOf[i] = slot;
  }

  /** At equal times: whether slot `a`'s event comes before slot `b`'s (by key, then push order). */
  private before(a: number, b: number): boolean {
    const { slotKey, slotSeq } = this;
    return slotKey[a]! < slotKey[b]! || (slotKey[a] === slotKey[b] && slotSeq[a]! < slotSeq[b]!);
  }

  /** Sweeps every cancelled entry and re-heapifies bottom-up (O(n)). */
  private compact(): void {
    const { times, slotOf, slotState } = this;
    let n = 0;
    for (let i = 0; i < this.heapSize; i += 1) {
      const slot = slotOf[i]!;
      if (slotState[slot] === CANCELLED) { this.freeSlot(slot); continue; }
      times[n] = times[i]!;
      slotOf[n] = slot;
      n += 1;
    }
    this.heapSize = n;
    for (let i = (n >> 1) - 1; i >= 0; i -= 1) this.siftDown(i, times[i]!, slotOf[i]!);
  }

  private growHeap(): void {
    const n = this.times.length * 2;
    this.times = grow(this.times, new Float64Array(n));
    this.slotOf = grow(this.slotOf, new Uint32Array(n));
  }

  private growSlots(): void {
    const n = Math.min(this.slotSeq.length * 2, SLOT_SPACE);
    this.slotKey = grow(this.slotKey, new Float64Array(n));
    this.slotSeq = grow(this.slotSeq, new Float64Array(n));
    this.slotGen = grow(this.slotGen, new Uint32Array(n));
    this.slotState = grow(this.slotState, new Uint8Array(n));
    this.freeSlots = grow(this.freeSlots, new Uint32Array(n));
  }
}

function grow<A extends Float64Array | Uint32Array | Uint8Array>(from: A, to: A): A {
  to.set(from);
  return to;
}
