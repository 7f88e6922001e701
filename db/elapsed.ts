/** Milliseconds since `start` (a performance.now() reading), rounded for results and logs. */
export function elapsedSince(start: number): number {
  return Math.round(performance.now() - start);
}
