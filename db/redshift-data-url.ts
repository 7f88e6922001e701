/**
 * `redshift-data://WORKGROUP_OR_CLUSTER/DATABASE[?options]` → the Data API's target fields.
 * Serverless by default (WorkgroupName); `cluster=1` targets a provisioned cluster
 * (ClusterIdentifier) with `dbUser=NAME` (temporary credentials) or `secretArn=ARN`.
 * `region=` and `endpoint=` override the client's region and endpoint.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';

export interface RedshiftDataTarget {
  Database: string;
  WorkgroupName?: string;
  ClusterIdentifier?: string;
  DbUser?: string;
  SecretArn?: string;
}

export interface RedshiftDataUrl {
  target: RedshiftDataTarget;
  region?: string;
  endpoint?: string;
}

const FORM = 'redshift-data://WORKGROUP/DATABASE or redshift-data://CLUSTER/DATABASE?cluster=1&dbUser=USER';

export function parseRedshiftDataUrl(url: string): RedshiftDataUrl {
  const match = /^redshift-data:\/\/([^/?#]+)\/([^/?#]+)\/?(?:\?([^#]*))?$/i.exec(url);
  if (!match)
    throw new CodedError(ErrorCode.ConfigInvalid, `WAREHOUSE_URL "${url}" is not of the form ${FORM}.`);
  const [, host, database, query = ''] = match as unknown as [string, string, string, string?];
  const options = new URLSearchParams(query);
  const flag = options.get('cluster');
  const cluster = flag !== null && flag !== '0' && flag.toLowerCase() !== 'false';
  const target: RedshiftDataTarget = { Database: decodeURIComponent(database) };
  const name = decodeURIComponent(host);
  if (cluster) target.ClusterIdentifier = name;
  else target.WorkgroupName = name;
  const dbUser = options.get('dbUser');
  const secretArn = options.get('secretArn');
  if (dbUser) target.DbUser = dbUser;
  if (secretArn) target.SecretArn = secretArn;
  if (cluster && !dbUser && !secretArn) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `WAREHOUSE_URL targets a provisioned cluster: add dbUser=USER or secretArn=ARN (${FORM}).`,
    );
  }
  return {
    target,
    region: options.get('region') ?? undefined,
    endpoint: options.get('endpoint') ?? undefined,
  };
}
