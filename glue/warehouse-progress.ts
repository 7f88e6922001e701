/** Progress of a warehouse step, in the same shape as the raw loader's. */
export interface WarehouseProgress {
  stage: string;
  done: number;
  total: number;
}

export type OnWarehouseProgress = (progress: WarehouseProgress) => void;
