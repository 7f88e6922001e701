/**
 * The VPC every other stack lives in: public subnets for the load balancer and the NAT gateway
 * only, private subnets for the app and the Glue jobs, isolated subnets for Redshift and RDS.
 * S3 goes through a gateway endpoint (free); Secrets Manager and the Redshift Data API through
 * interface endpoints, so secrets and queries never cross the internet.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { SecurityGroups } from './security-groups.ts';

export interface NetworkStackProps extends StackProps {
  /** Three zones: a Redshift Serverless workgroup needs subnets in three of them. */
  availabilityZones: string[];
  /** CIDR of the ERP's SQL Server (on premises over VPN, or another VPC); omit when there is none yet. */
  erpCidr?: string;
}

export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;
  readonly groups: SecurityGroups;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      availabilityZones: props.availabilityZones,
      // One NAT gateway: the app needs the Slack and OpenAI APIs; a second one is for production
      // that cannot lose outbound traffic when one zone fails (about 33 USD a month more).
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: { s3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      // Rejected flows only: enough to diagnose a missing security group rule, cheap to keep.
      flowLogs: { rejected: { trafficType: ec2.FlowLogTrafficType.REJECT } },
    });
    this.groups = new SecurityGroups(this, 'Groups', { vpc: this.vpc, erpCidr: props.erpCidr });
    const endpointSubnets = { subnetGroupName: 'app' };
    for (const [name, service] of [
      ['SecretsManager', ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER],
      ['RedshiftData', ec2.InterfaceVpcEndpointAwsService.REDSHIFT_DATA],
    ] as const) {
      this.vpc.addInterfaceEndpoint(`${name}Endpoint`, {
        service,
        subnets: endpointSubnets,
        // Not `open`: only the groups granted in security-groups.ts may reach the endpoints.
        open: false,
        securityGroups: [this.groups.endpoints],
        privateDnsEnabled: true,
      });
    }
  }
}
