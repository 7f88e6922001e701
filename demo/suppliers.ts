/** The makers Cordova buys from. Fixed, so the price-rise story can name its supplier. */

export interface Supplier {
  id: number;
  name: string;
  country: string;
  leadTimeDays: number;
  paymentTermsDays: number;
  email: string;
  /** Words for the bank statement line of a payment. */
  bankName: string;
}

export const suppliers: readonly Supplier[] = [
  {
    id: 1,
    name: 'Curtidos Ubrique S.L.',
    country: 'Spain',
    leadTimeDays: 35,
    paymentTermsDays: 45,
    email: 'pedidos@curtidos-ubrique.example',
    bankName: 'CURTIDOS UBRIQUE',
  },
  {
    id: 2,
    name: 'Marche Calzature S.r.l.',
    country: 'Italy',
    leadTimeDays: 42,
    paymentTermsDays: 60,
    email: 'ordini@marche-calzature.example',
    bankName: 'MARCHE CALZATURE',
  },
  {
    id: 3,
    name: 'Porto Calcado Lda',
    country: 'Portugal',
    leadTimeDays: 30,
    paymentTermsDays: 45,
    email: 'encomendas@portocalcado.example',
    bankName: 'PORTO CALCADO',
  },
  {
    id: 4,
    name: 'Leon Leather Works',
    country: 'Mexico',
    leadTimeDays: 21,
    paymentTermsDays: 30,
    email: 'orders@leonleather.example',
    bankName: 'LEON LEATHER WORKS',
  },
  {
    id: 5,
    name: 'Agra Leathercraft Pvt Ltd',
    country: 'India',
    leadTimeDays: 49,
    paymentTermsDays: 60,
    email: 'export@agraleathercraft.example',
    bankName: 'AGRA LEATHERCRAFT',
  },
  {
    id: 6,
    name: 'Carolina Footwear Co.',
    country: 'United States',
    leadTimeDays: 10,
    paymentTermsDays: 30,
    email: 'orders@carolinafootwear.example',
    bankName: 'CAROLINA FOOTWEAR',
  },
  {
    id: 7,
    name: 'Medaille Leather Care',
    country: 'France',
    leadTimeDays: 25,
    paymentTermsDays: 30,
    email: 'commandes@medaille-care.example',
    bankName: 'MEDAILLE LEATHER CARE',
  },
];

/** The supplier whose prices rise 12% (story 2). */
export const PRICE_RISE_SUPPLIER_ID = 4;
export const PRICE_RISE_PCT = 12;

export function supplierById(id: number): Supplier {
  const supplier = suppliers[id - 1];
  if (!supplier) throw new Error(`no supplier ${id}`);
  return supplier;
}
