/** The cdk-nag findings of the service stack that are accepted, each with its reason. */
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { acknowledge } from './cdk-nag.ts';

export function acknowledgeServiceFindings(parts: {
  tasks: ecs.TaskDefinition[];
  secrets: secretsmanager.ISecret[];
}): void {
  for (const task of parts.tasks) {
    acknowledge(task, [
      {
        id: 'AwsSolutions::AwsSolutions-ECS2',
        reason:
          'The environment holds settings only (URLs, region, paths); every secret is injected from Secrets Manager by ECS.',
      },
    ]);
    acknowledge(task.obtainExecutionRole(), [
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken has no resource to scope to; the image pull and secret reads are scoped by CDK.',
      },
    ]);
  }
  for (const secret of parts.secrets) {
    acknowledge(secret, [
      {
        id: 'AwsSolutions::AwsSolutions-SMG4',
        reason:
          'Slack tokens and API keys are issued by Slack and OpenAI, not generated here; rotate them there and put the new value (docs/deploy-aws.md).',
      },
    ]);
  }
}
