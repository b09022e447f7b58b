/**
 * Several arrival processes as one stream in time order (a k-way merge over their next
 * arrivals): each province has its own window and curve, and the simulator schedules the
 * next arrival of all of them. Equal times come in the order the sources were given, so
 * the merge is deterministic.
 */
export interface Arrival<K> {
  at: number;
  /** The source it came from, e.g. a province code. */
  source: K;
  /** Its position among that source's arrivals: 0, 1, 2, … */
  seq: number;
}

export interface ArrivalSource<K> { key: K; times: Iterable<number> }

interface Head<K> { at: number; rank: number; seq: number; key: K; rest: Iterator<number> }

export function* mergeArrivals<K>(sources: readonly ArrivalSource<K>[]): Generator<Arrival<K>, void, undefined> {
  const heap: Head<K>[] = [];
  const before = (a: Head<K>, b: Head<K>) => a.at < b.at || (a.at === b.at && a.rank < b.rank);
  const push = (head: Head<K>) => {
    heap.push(head);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = () => {
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };

  sources.forEach((source, rank) => {
    const rest = source.times[Symbol.iterator]();
    const first = rest.next();
    if (!first.done) push({ at: first.value, rank, seq: 0, key: source.key, rest });
  });
  while (heap.length > 0) {
    const head = heap[0]!;
    yield { at: head.at, source: head.key, seq: head.seq };
    const next = head.rest.next();
    if (next.done) {
      const last = heap.pop()!;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      const previous = head.at;
      if (next.value < previous) throw new RangeError(`source ${String(head.key)} went back in time: ${next.value} after ${previous}`);
      head.at = next.value;
      head.seq += 1;
    }
    siftDown();
  }
}
