import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import type { Deps } from "../app/deps.ts";
import { PayloadTooLargeError } from "../shared/errors.ts";
import { getSetting } from "../settings/settings_service.ts";
import { createQuotasRepo, type Quota } from "./quotas_repo.ts";
import { formatBytes } from "../shared/format.ts";

export async function getQuota(deps: Deps, userId: string): Promise<Quota> {
  return await createQuotasRepo(deps.db).ensure(
    userId,
    await getSetting(deps, "default_quota_bytes"),
  );
}

export class QuotaExceededError extends PayloadTooLargeError {
  constructor(quota: Quota, rejected: number) {
    super(
      "quota.exceeded",
      `This file does not fit in your storage: ${formatBytes(quota.used_bytes)} of ` +
        `${formatBytes(quota.limit_bytes)} are used, and it needs ${formatBytes(rejected)}.`,
      {
        details: {
          used_bytes: quota.used_bytes,
          limit_bytes: quota.limit_bytes,
          rejected_bytes: rejected,
        },
      },
    );
  }
}

/**
 * Charge `bytes` to the user's quota atomically, inside `db` (a transaction when given).
 * Throws QuotaExceededError (413, with the figures) when they do not fit.
 */
export async function chargeQuota(
  deps: Deps,
  { userId, bytes, db = deps.db }: { userId: string; bytes: number; db?: Kysely<Database> },
): Promise<Quota> {
  const repo = createQuotasRepo(db);
  // Through `db`: on PGlite a query on deps.db would wait for this very transaction.
  await repo.ensure(userId, await getSetting({ db }, "default_quota_bytes"));
  const charged = await repo.charge(userId, bytes);
  if (charged) return charged;
  const current = await repo.ensure(userId, 0);
  throw new QuotaExceededError(current, bytes);
}
