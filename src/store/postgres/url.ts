/** A database URL fit to print: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/**
 * libpq falls back to the OS user name; in containers that is often unset, so a URL without a
 * user would fail with "no user name specified". Use `postgres` then.
 */
export function withDefaultUser(url: string): string {
  if (process.env.PGUSER || process.env.USER) return url;
  try {
    const u = new URL(url);
    if (u.username) return url;
    u.username = 'postgres';
    return u.toString();
  } catch {
    return url;
  }
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
