/**
 * What the ledger needs from the ERP simulation, summarised per day (and per location where
 * accounts are split by channel or cost centre). Small enough to keep in memory at any scale:
 * the ledger is written from these after the ERP tables, and agrees with them to the cent.
 */

export interface Receipt {
  day: number;
  poNumber: string;
  supplierId: number;
  storeId: number;
  /** What the supplier invoices: received units x PO unit cost, cents. */
  invoiceCents: number;
  /** What the units are worth at standard cost on the receipt day, cents. */
  standardCents: number;
}

export class DailyFacts {
  /** Per day x location, cents (index (day - firstDay) * locations + storeId). */
  readonly gross: Float64Array;
  readonly discount: Float64Array;
  readonly cogs: Float64Array;
  /** Refunds per day x location where the goods were sold, cents. */
  readonly refunds: Float64Array;
  /** Standard cost of returned units put back in stock, per day (company-wide), cents. */
  readonly restockedCost: Float64Array;
  /** Net sales to each wholesale account per day: day -> customer -> cents. */
  readonly wholesale = new Map<number, Map<number, number>>();
  readonly receipts: Receipt[] = [];
  /** Change in stock value when standard costs change, per day, cents. */
  readonly revaluations = new Map<number, number>();
  /** Stock value at standard cost when the history starts, cents. */
  openingStockCents = 0;

  constructor(
    readonly firstDay: number,
    readonly days: number,
    readonly locations: number,
  ) {
    const size = days * locations;
    this.gross = new Float64Array(size);
    this.discount = new Float64Array(size);
    this.cogs = new Float64Array(size);
    this.refunds = new Float64Array(size);
    this.restockedCost = new Float64Array(days);
  }

  index(day: number, storeId: number): number {
    return (day - this.firstDay) * this.locations + storeId;
  }

  addSale(day: number, storeId: number, grossCents: number, discountCents: number, cogsCents: number): void {
    const i = this.index(day, storeId);
    this.gross[i] = (this.gross[i] ?? 0) + grossCents;
    this.discount[i] = (this.discount[i] ?? 0) + discountCents;
    this.cogs[i] = (this.cogs[i] ?? 0) + cogsCents;
  }

  addWholesale(day: number, customerId: number, netCents: number): void {
    const byCustomer = this.wholesale.get(day) ?? new Map<number, number>();
    this.wholesale.set(day, byCustomer);
    byCustomer.set(customerId, (byCustomer.get(customerId) ?? 0) + netCents);
  }

  addReturn(day: number, soldAtStoreId: number, refundCents: number, restockedCostCents: number): void {
    const i = this.index(day, soldAtStoreId);
    this.refunds[i] = (this.refunds[i] ?? 0) + refundCents;
    const d = day - this.firstDay;
    this.restockedCost[d] = (this.restockedCost[d] ?? 0) + restockedCostCents;
  }
}
