/** A Secrets Manager secret `{username, password}` for a database user, in the shape the Redshift Data API and the RDS rotation functions read. */
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export function databaseUserSecret(
  scope: Construct,
  id: string,
  username: string,
  purpose: string,
): secretsmanager.Secret {
  return new secretsmanager.Secret(scope, id, {
    description: `shoebox database user ${username}: ${purpose}`,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username }),
      generateStringKey: 'password',
      passwordLength: 32,
      // Letters and digits only: the password travels in SQL (CREATE USER) and in URLs.
      excludePunctuation: true,
      requireEachIncludedType: true,
    },
  });
}
