/** A one-line description of the machine a benchmark ran on, for BENCHMARKS.md. */
import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus.length} × ${model}, ${memoryGiB} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}
