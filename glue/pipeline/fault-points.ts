/**
 * Named points where the crash test kills the pipeline. SHOEBOX_FAULT_POINT=<name> (or
 * <name>#<n> for the n-th time the point is reached) makes the process SIGKILL itself there,
 * exactly like a power cut: no finally blocks, no cleanup. The variable is read here only, once;
 * unset (always, outside tests) every point is a no-op. The names are listed in docs/warehouse.md.
 */
export const FAULT_POINTS = [
  'extract:after-batch',
  'stage:after-part',
  'stage:after-manifest',
  'load:after-table',
  'merge:before-commit',
  'merge:after-commit',
  'transform:after-table',
  'transform:after-all',
  'reconcile:after-table',
  'record:before-success',
  'record:after-success',
  'cleanup:after-delete',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

const wanted = parse(process.env.SHOEBOX_FAULT_POINT);
let hits = 0;

export function faultPoint(name: FaultPoint): void {
  if (wanted === undefined || wanted.name !== name) return;
  hits++;
  if (hits === wanted.hit) process.kill(process.pid, 'SIGKILL');
}

function parse(value: string | undefined): { name: string; hit: number } | undefined {
  if (!value) return undefined;
  const [name = '', hit = '1'] = value.split('#');
  return { name, hit: Number(hit) };
}
