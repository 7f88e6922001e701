/** The scheme of a connection URL ('duckdb:', 'postgres:' ...), lower case, for dispatch and messages. */
export function schemeOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:/i.exec(url);
  return match ? match[0].toLowerCase() : url.slice(0, 20);
}

/** The path after `scheme:`; empty means "the default under SHOEBOX_HOME". */
export function pathAfterScheme(url: string, scheme: string): string {
  return url.slice(scheme.length).replace(/^\/\/(?=\/)/, '');
}
