/**
 * Numbers purchase orders and writes them. A PO gets a row_version when it is created and a new
 * one when it is received, like SQL Server's rowversion, so row_version and modified_at rise
 * together even though received orders are written before the still-open ones.
 */
import type { Product } from './catalog.ts';
import { type CsvWriter, money } from './csv-writer.ts';
import { isoDay } from './dates.ts';

export interface PurchaseOrderLine {
  pair: number;
  product: Product;
  qty: number;
  /** Supplier price per unit on the order date, cents. */
  unitCost: number;
  received: number;
  id?: number;
  rowVersion?: number;
}

export interface PurchaseOrder {
  id: number;
  number: string;
  supplierId: number;
  storeId: number;
  orderDay: number;
  expectedDay: number;
  receiveDay: number;
  rowVersion: number;
  lines: PurchaseOrderLine[];
}

// Orders are placed in the afternoon review; deliveries are booked in the morning.
const ORDERED_AT = '16:00:00';
const RECEIVED_AT = '09:00:00';

export class PurchaseOrderWriter {
  private nextId = 1;
  private nextLineId = 1;
  private headerVersion = 0;
  private lineVersion = 0;

  constructor(
    private readonly headers: CsvWriter,
    private readonly lines: CsvWriter,
  ) {}

  create(
    supplierId: number,
    storeId: number,
    orderDay: number,
    expectedDay: number,
    receiveDay: number,
    lines: PurchaseOrderLine[],
  ): PurchaseOrder {
    const id = this.nextId++;
    for (const line of lines) {
      line.id = this.nextLineId++;
      line.rowVersion = ++this.lineVersion;
    }
    const number = `PO${String(id).padStart(7, '0')}`;
    return {
      id,
      number,
      supplierId,
      storeId,
      orderDay,
      expectedDay,
      receiveDay,
      rowVersion: ++this.headerVersion,
      lines,
    };
  }

  received(po: PurchaseOrder, day: number): void {
    po.rowVersion = ++this.headerVersion;
    for (const line of po.lines) line.rowVersion = ++this.lineVersion;
    this.write(po, day, `${isoDay(day)} ${RECEIVED_AT}`);
  }

  open(po: PurchaseOrder): void {
    this.write(po, null, `${isoDay(po.orderDay)} ${ORDERED_AT}`);
  }

  private write(po: PurchaseOrder, receivedDay: number | null, stamp: string): void {
    let total = 0;
    for (const line of po.lines) total += line.qty * line.unitCost;
    const received = receivedDay === null ? '' : isoDay(receivedDay);
    const status = receivedDay === null ? 'open' : 'received';
    this.headers.line(
      `${po.id},${po.number},${po.supplierId},${po.storeId},${isoDay(po.orderDay)},${isoDay(po.expectedDay)},${received},${status},${po.lines.length},${money(total)},${stamp},${po.rowVersion}`,
    );
    po.lines.forEach((line, i) => {
      const got = receivedDay === null ? '' : String(line.received);
      this.lines.line(
        `${line.id},${po.id},${i + 1},${line.product.id},${line.qty},${got},${money(line.unitCost)},${money(line.qty * line.unitCost)},${stamp},${line.rowVersion}`,
      );
    });
  }
}
