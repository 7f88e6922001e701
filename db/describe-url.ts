/**
 * Connection URLs made safe for logs and `shoebox config`: the password of the user-info and
 * any query parameter that names a secret, password, token or key are replaced by '***'.
 */

const SECRET_PARAM = /([?&][^=&#]*(?:password|secret|token|key|credential)[^=&#]*=)[^&#]*/gi;

export function describeUrl(url: string): string {
  return redactUserInfo(url).replace(SECRET_PARAM, '$1***');
}

/** Passwords may hold unencoded '@' or '/': the user-info runs to the last '@' before any '?' or '#'. */
function redactUserInfo(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return url;
  const start = scheme[0].length;
  const queryAt = url.slice(start).search(/[?#]/);
  const authorityEnd = queryAt === -1 ? url.length : start + queryAt;
  const at = url.lastIndexOf('@', authorityEnd - 1);
  if (at < start) return url;
  const colon = url.indexOf(':', start);
  if (colon === -1 || colon > at) return url;
  return `${url.slice(0, colon)}:***${url.slice(at)}`;
}
