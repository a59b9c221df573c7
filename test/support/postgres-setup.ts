import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test PostgreSQL server's superuser URL (`postgres` database). */
    postgresUrl: string;
  }
}

/** One PostgreSQL server for the whole run; the hub's tests each make their own database on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
