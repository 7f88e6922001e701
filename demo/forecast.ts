/**
 * Expected units each SKU will sell from a stocking location over a window, read from the demand
 * model. Daily volumes are summed exactly; the SKU mix, which drifts slowly, is read once a week.
 */
import type { DemandModel } from './demand.ts';
import type { Store } from './locations.ts';

const BLOCK_DAYS = 7;

/**
 * Fills `out[k]` with expected units of product k sold from `sellers` between `from` and
 * `endOf[k]` (each SKU's window ends when its supplier's next delivery could arrive; counted in
 * whole weeks).
 */
export function forecastUnits(
  model: DemandModel,
  sellers: readonly Store[],
  from: number,
  endOf: Int32Array,
  scratch: Float64Array,
  out: Float64Array,
): void {
  out.fill(0);
  let last = from;
  for (const end of endOf) last = Math.max(last, end);
  for (let start = from; start <= last; start += BLOCK_DAYS) {
    for (const seller of sellers) {
      let lines = 0;
      for (let d = start; d < start + BLOCK_DAYS; d++) lines += model.expectedLines(seller, d);
      if (lines <= 0) continue;
      const total = model.weights(seller, start + (BLOCK_DAYS >> 1), scratch, false);
      if (total <= 0) continue;
      const factor = (lines * model.meanQty(seller)) / total;
      const skus = model.assortments.skus(seller.id);
      for (let i = 0; i < skus.length; i++) {
        const k = skus[i] ?? 0;
        if (start <= (endOf[k] ?? 0)) out[k] = (out[k] ?? 0) + (scratch[i] ?? 0) * factor;
      }
    }
  }
}
