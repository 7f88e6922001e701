/**
 * Progress on long work: a redrawn bar on a terminal, plain lines otherwise (CI logs, pipes),
 * where a line is written when a stage starts, at each quarter, and when it ends.
 */

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
}

export interface ProgressReporter {
  update(event: ProgressEvent): void;
  /** Ends the current bar line (if any) so the next output starts clean. */
  finish(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream | { isTTY?: boolean; columns?: number; write(text: string): boolean };
}

const BAR_WIDTH = 24;

export function createProgress(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}

function percent(event: ProgressEvent): number {
  return event.total > 0 ? Math.min(100, Math.floor((event.done / event.total) * 100)) : 100;
}

function terminalProgress(stream: { columns?: number; write(text: string): boolean }): ProgressReporter {
  let lastDrawn = '';
  let open = false;
  return {
    update(event) {
      const pct = percent(event);
      const filled = Math.round((pct / 100) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      const line = `${bar} ${String(pct).padStart(3)}%  ${event.stage} ${event.done.toLocaleString('en-US')}/${event.total.toLocaleString('en-US')}`;
      const width = (stream.columns ?? 100) - 1;
      const clipped = line.length > width ? line.slice(0, width) : line;
      if (clipped === lastDrawn) return;
      lastDrawn = clipped;
      open = true;
      stream.write(`\r\x1b[2K${clipped}`);
    },
    finish() {
      if (open) stream.write('\n');
      open = false;
      lastDrawn = '';
    },
  };
}

function plainProgress(stream: { write(text: string): boolean }): ProgressReporter {
  let stage = '';
  let lastQuarter = -1;
  return {
    update(event) {
      const quarter = Math.floor(percent(event) / 25);
      if (event.stage === stage && quarter === lastQuarter) return;
      if (event.stage !== stage) lastQuarter = -1;
      stage = event.stage;
      lastQuarter = quarter;
      stream.write(`${event.stage}: ${percent(event)}% (${event.done}/${event.total})\n`);
    },
    finish() {
      stage = '';
      lastQuarter = -1;
    },
  };
}
