/**
 * cdk-nag 3 runs as a CDK validation plugin: synth stops on any unacknowledged finding.
 * It is CommonJS whose exports Node's ESM loader cannot detect by name, hence the require.
 */
import { createRequire } from 'node:module';
import { type App, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const nag = createRequire(import.meta.url)('cdk-nag') as typeof import('cdk-nag');

export interface Finding {
  /** A rule ("AwsSolutions-S1") or one finding of it ("AwsSolutions-IAM5[Resource::*]"). */
  id: string;
  reason: string;
}

/** Accepts findings on a construct (and what it contains), each with its reason. */
export function acknowledge(scope: IConstruct, findings: Finding[]): void {
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
}

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app, { verbose: true }));
}
