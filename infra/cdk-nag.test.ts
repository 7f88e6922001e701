import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describe, expect, it } from 'vitest';
import { acknowledge, addNagChecks } from './cdk-nag.ts';

// CDK's own CloudFormation schema check costs ~10 s per synth and is not what this file tests
// (shoebox-stacks.test.ts keeps it on); this worker's environment only.
process.env.CDK_VALIDATION = 'false';

/** A tiny app with one group open to the internet on `port`. */
function appWithOpenGroup(port: number, reason?: string): App {
  const app = new App();
  const stack = new Stack(app, 'Probe');
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['eu-west-1a'] });
  const group = new ec2.SecurityGroup(stack, 'Open', { vpc, allowAllOutbound: false });
  group.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(port));
  if (reason) acknowledge(group, [{ id: 'AwsSolutions::AwsSolutions-EC23', reason }]);
  addNagChecks(app);
  return app;
}

describe('addNagChecks', () => {
  it('stops synth on an unacknowledged AwsSolutions error', () => {
    expect(() => appWithOpenGroup(22).synth()).toThrow(/AwsSolutions-EC23/);
  });

  it('lets an acknowledged finding through', () => {
    expect(() => appWithOpenGroup(443, 'public HTTPS entry for the test').synth()).not.toThrow();
  });
});
