import type { Histogram, JsHistogram } from 'hdr-histogram-js';

/**
 * A histogram's recorded buckets as (lowest value, count) pairs: plain numbers that go to another
 * thread. Recorded again with the same settings, each lands in its own bucket, so every
 * percentile is the same. The library's own encoding (encodeIntoCompressedBase64) compresses,
 * and its decoder sets the maximum to the top of the highest bucket, not the value recorded.
 */
export function histogramBuckets(histogram: Histogram): Float64Array {
  const h = histogram as JsHistogram;
  const pairs: number[] = [];
  for (let i = 0; i < h.countsArrayLength; i += 1) {
    const count = h.getCountAtIndex(i);
    if (count > 0) pairs.push(h.valueFromIndex(i), count);
  }
  return Float64Array.from(pairs);
}

/** Records another part's buckets (`histogramBuckets`) into `histogram`. */
export function recordBuckets(histogram: Histogram, buckets: Float64Array): void {
  for (let i = 0; i < buckets.length; i += 2) histogram.recordValueWithCount(buckets[i]!, buckets[i + 1]!);
}
