/**
 * Every migration, in order. Listed statically (not read from disk) so that a compiled
 * binary carries them; `migrations_test.ts` checks this list matches the files here.
 */
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_jobs.ts";
import * as m0002 from "./0002_accounts.ts";
import * as m0003 from "./0003_auth_change_notifications.ts";
import * as m0004 from "./0004_documents.ts";
import * as m0005 from "./0005_groups.ts";
import * as m0006 from "./0006_document_shares.ts";
import * as m0007 from "./0007_themes.ts";
import * as m0008 from "./0008_apps.ts";
import * as m0009 from "./0009_audit_indexes.ts";
import * as m0010 from "./0010_facet_keys.ts";
import * as m0011 from "./0011_plain_facet_keys.ts";

export const migrations: Record<string, Migration> = {
  "0001_jobs": m0001,
  "0002_accounts": m0002,
  "0003_auth_change_notifications": m0003,
  "0004_documents": m0004,
  "0005_groups": m0005,
  "0006_document_shares": m0006,
  "0007_themes": m0007,
  "0008_apps": m0008,
  "0009_audit_indexes": m0009,
  "0010_facet_keys": m0010,
  "0011_plain_facet_keys": m0011,
};
