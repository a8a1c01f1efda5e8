/**
 * Every migration, in order. Listed statically (not read from disk) so that a compiled
 * binary carries them; `migrations_test.ts` checks this list matches the files here.
 */
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_jobs.ts";

export const migrations: Record<string, Migration> = {
  "0001_jobs": m0001,
};
