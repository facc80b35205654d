// What the inventory benchmark's load looks like, shared by its child processes: the request
// bodies of the i-th adjustment and order, and the percentile of sorted latencies.

/** The value at fraction `p` (0–1) of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * The i-th adjustment: level i mod `items.length`, +1 on even passes over the items and −1 on odd
 * ones, so each level goes up and down and its stock never runs out.
 */
export function adjustmentBody(i: number, items: string[], locationId: string) {
  const pass = Math.floor(i / items.length);
  return {
    item_id: items[i % items.length],
    location_id: locationId,
    delta: pass % 2 === 0 ? 1 : -1,
    reason: 'correction',
  };
}

/** The i-th order: 3 lines of 1 unit, items 3i, 3i+1, 3i+2 (mod the count), no location. */
export function orderBody(i: number, items: string[]) {
  const first = 3 * i;
  return {
    lines: [0, 1, 2].map((line) => ({
      item_id: items[(first + line) % items.length],
      quantity: 1,
    })),
  };
}
