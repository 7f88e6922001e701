/**
 * Every security group and every rule, in one place, each with the path of the data flow it
 * serves. Nothing allows all outbound traffic; the load balancer's 443 is the only inbound rule
 * open to the internet. (The customer's earlier projects opened 0.0.0.0/0 on the database port to
 * get a connection working; here each client has its own group and the database admits groups.)
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledge } from './cdk-nag.ts';

export const PORTS = { https: 443, web: 3000, postgres: 5432, redshift: 5439, sqlServer: 1433 } as const;

export interface SecurityGroupsProps {
  vpc: ec2.IVpc;
  erpCidr?: string | undefined;
}

export class SecurityGroups extends Construct {
  readonly alb: ec2.SecurityGroup;
  readonly web: ec2.SecurityGroup;
  readonly bot: ec2.SecurityGroup;
  readonly glue: ec2.SecurityGroup;
  readonly redshift: ec2.SecurityGroup;
  readonly ledger: ec2.SecurityGroup;
  readonly rotation: ec2.SecurityGroup;
  readonly endpoints: ec2.SecurityGroup;
  readonly bi: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityGroupsProps) {
    super(scope, id);
    const group = (name: string, description: string) =>
      new ec2.SecurityGroup(this, name, { vpc: props.vpc, description, allowAllOutbound: false });
    const tcp = ec2.Port.tcp;
    this.alb = group('Alb', 'Public HTTPS load balancer in front of the web app');
    this.web = group('Web', 'Web app tasks (shoebox serve)');
    this.bot = group('Bot', 'Slack app tasks (Socket Mode: dials out, accepts nothing)');
    this.glue = group('Glue', 'Glue jobs running in the VPC through the Glue connection');
    this.redshift = group('Redshift', 'Redshift Serverless workgroup');
    this.ledger = group('Ledger', 'RDS Postgres holding the finance ledger');
    this.rotation = group('Rotation', 'Secrets Manager rotation functions for the ledger credentials');
    this.endpoints = group('Endpoints', 'Interface endpoints: Secrets Manager and the Redshift Data API');
    this.bi = group(
      'Bi',
      'Attach a BI tool (or a Client VPN) here to reach Redshift without making it public',
    );

    // Users reach the app only through HTTPS on the load balancer; there is no port 80 and no SSH.
    this.alb.addIngressRule(ec2.Peer.anyIpv4(), tcp(PORTS.https), 'Users: HTTPS to the load balancer');
    acknowledge(this.alb, [
      {
        id: 'AwsSolutions::AwsSolutions-EC23',
        reason:
          'The load balancer is the public entry: HTTPS (443) from anywhere and nothing else; every other group admits groups only.',
      },
    ]);
    this.alb.addEgressRule(this.web, tcp(PORTS.web), 'Load balancer forwards to the web tasks');
    this.web.addIngressRule(this.alb, tcp(PORTS.web), 'Only the load balancer reaches the web tasks');

    // The app and the Slack app call AWS APIs (Secrets Manager and Redshift Data API through the
    // interface endpoints, S3 through the gateway endpoint) and, through the NAT gateway, the
    // Slack and OpenAI-compatible APIs, whose addresses are not fixed: HTTPS out, nothing else.
    for (const [client, who] of [
      [this.web, 'Web app'],
      [this.bot, 'Slack app'],
    ] as const) {
      client.addEgressRule(
        ec2.Peer.anyIpv4(),
        tcp(PORTS.https),
        `${who}: AWS, Slack and OpenAI APIs over HTTPS`,
      );
      client.addEgressRule(this.ledger, tcp(PORTS.postgres), `${who}: records and reads ledger entries`);
      this.ledger.addIngressRule(client, tcp(PORTS.postgres), `${who} uses the ledger`);
      this.endpoints.addIngressRule(
        client,
        tcp(PORTS.https),
        `${who} reads its secrets and queries the warehouse`,
      );
    }

    // Glue connections require the job's group to admit itself on every port (the job's own
    // driver and workers talk to each other); AWS refuses the connection otherwise.
    this.glue.addIngressRule(this.glue, ec2.Port.allTcp(), 'Glue: required self-reference');
    this.glue.addEgressRule(this.glue, ec2.Port.allTcp(), 'Glue: required self-reference');
    this.glue.addEgressRule(ec2.Peer.anyIpv4(), tcp(PORTS.https), 'Glue: S3 staging, Glue, Data API, logs');
    this.glue.addEgressRule(this.redshift, tcp(PORTS.redshift), 'Glue: loads the warehouse (wire protocol)');
    this.glue.addEgressRule(this.ledger, tcp(PORTS.postgres), 'Glue: extracts the ledger for the warehouse');
    this.endpoints.addIngressRule(
      this.glue,
      tcp(PORTS.https),
      'Glue reads secrets and runs Data API statements',
    );
    this.redshift.addIngressRule(this.glue, tcp(PORTS.redshift), 'Glue loads and transforms the warehouse');
    this.ledger.addIngressRule(this.glue, tcp(PORTS.postgres), 'Glue extracts the ledger');
    if (props.erpCidr) {
      this.glue.addEgressRule(ec2.Peer.ipv4(props.erpCidr), tcp(PORTS.sqlServer), 'Glue: extracts the ERP');
    }

    // The lesson of the seeds' BI tool: Redshift stays private; a BI tool joins this group instead.
    this.bi.addEgressRule(this.redshift, tcp(PORTS.redshift), 'BI tool: queries the warehouse');
    this.redshift.addIngressRule(this.bi, tcp(PORTS.redshift), 'BI tool in the bi group queries curated');
    // COPY and UNLOAD with enhanced VPC routing: the data subnets have no internet route, so 443
    // out reaches S3 only through the gateway endpoint.
    this.redshift.addEgressRule(
      ec2.Peer.anyIpv4(),
      tcp(PORTS.https),
      'Redshift: COPY from the S3 staging prefix',
    );

    // Rotation functions change the ledger passwords and talk to Secrets Manager via its endpoint.
    this.rotation.addEgressRule(this.ledger, tcp(PORTS.postgres), 'Rotation: changes the ledger passwords');
    this.rotation.addEgressRule(this.endpoints, tcp(PORTS.https), 'Rotation: reads and writes the secrets');
    this.ledger.addIngressRule(this.rotation, tcp(PORTS.postgres), 'Rotation functions change passwords');
    this.endpoints.addIngressRule(this.rotation, tcp(PORTS.https), 'Rotation functions update the secrets');
  }
}
