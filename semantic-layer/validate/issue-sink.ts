/** Collects issues as the checks find them, so every problem is reported at once. */
import { ValidationCode, type ValidationCodeName, type ValidationIssue } from './validation-codes.ts';

export interface Place {
  file: string;
  line: number;
}

export class IssueSink {
  readonly issues: ValidationIssue[] = [];

  add(name: ValidationCodeName, place: Place, message: string): void {
    this.issues.push({ code: ValidationCode[name], name, file: place.file, line: place.line, message });
  }
}
