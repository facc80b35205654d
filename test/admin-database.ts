import pg from 'pg';

/** Runs one statement (CREATE or DROP DATABASE) on its own connection to the admin database. */
export async function adminQuery(admin: URL, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the admin database's server. */
export function databaseUrl(admin: URL, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
