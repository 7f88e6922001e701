/** Throttled progress reporting: at the start, at the end, and about every 1% in between. */

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
}

export type ProgressListener = (p: ProgressEvent) => void;

export class ProgressReporter {
  private stage = '';
  private lastDone = -1;
  private total = 0;

  constructor(private readonly listener: ProgressListener | undefined) {}

  start(stage: string, total: number): void {
    this.stage = stage;
    this.total = total;
    this.lastDone = -1;
    this.report(0);
  }

  report(done: number): void {
    if (!this.listener) return;
    const step = Math.max(1, Math.ceil(this.total / 100));
    if (done !== 0 && done !== this.total && done - this.lastDone < step) return;
    if (done === this.lastDone) return;
    this.lastDone = done;
    this.listener({ stage: this.stage, done, total: this.total });
  }

  finish(): void {
    this.report(this.total);
  }
}
