/**
 * Search at scale (issue #4): synthetic documents (see synthetic_documents.ts) seeded on
 * PostgreSQL (100,000) and on PGlite (20,000) for one user — the worst case: every query
 * runs over the whole collection — then p50/p95 of ten representative queries and of the
 * plain list (50 rows, following cursors), through `listDocuments`, the function behind
 * `GET /api/documents` (SQL, snippets, facets and the JSON of the answer; not HTTP).
 * Each figure also as a ratio to fetching one document by id in the same run, which
 * says how much a search costs on this machine regardless of its speed.
 */
import { sql } from "kysely";
import { say } from "../lib/app/cli.ts";
import { openDatabase } from "../lib/app/db.ts";
import type { Deps } from "../lib/app/deps.ts";
import { silentLogger } from "../lib/app/logger.ts";
import { migrateToLatest } from "../lib/app/migrator.ts";
import { findPostgres, startPostgres } from "../lib/app/test_services.ts";
import { createCategoriesRepo } from "../lib/categories/categories_repo.ts";
import { listDocumentsSchema } from "../lib/documents/documents_schemas.ts";
import { listDocuments } from "../lib/documents/documents_search.ts";
import { getDocument } from "../lib/documents/documents_service.ts";
import { seedDocuments } from "../lib/documents/documents_testing.ts";
import { systemClock } from "../lib/shared/clock.ts";
import { createTagsRepo } from "../lib/tags/tags_repo.ts";
import { type BenchReport, formatMs, median, percentile, registerCleanup } from "./_util.ts";
import { syntheticDocuments } from "./synthetic_documents.ts";

export interface SearchBenchOptions {
  postgresDocuments: number;
  pgliteDocuments: number;
  /** Timed runs of each query (after two warm-up runs). */
  repeats: number;
}

interface Scenario {
  name: string;
  query: Record<string, string>;
}

function scenarios(categoryId: string, tagId: string): Scenario[] {
  return [
    { name: "rare word", query: { q: "zephyrine" } },
    { name: "common word (>10% of documents)", query: { q: "invoice" } },
    { name: "phrase", query: { q: '"payment terms"' } },
    { name: "multi-word websearch", query: { q: "contract renewal -draft" } },
    { name: "German, stemmed", query: { q: "rechnung" } },
    { name: "typo in a title word", query: { q: "insurence" } },
    {
      name: "with filters (type, date range)",
      query: { q: "insurance", type: "insurance_policy", from: "2023-01-01" },
    },
    { name: "sorted by document date", query: { q: "invoice", sort: "date" } },
    { name: "with facets", query: { q: "payment", facets: "1" } },
    { name: "category + tag filter", query: { q: "statement", category: categoryId, tag: tagId } },
  ];
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/**
 * Seed `count` synthetic documents with categories and tags for one user: `userId`, or a
 * new one (that cannot sign in).
 */
export async function seedSearchDocuments(
  deps: Pick<Deps, "db">,
  count: number,
  userId?: string,
): Promise<{ userId: string; categoryId: string; tagId: string }> {
  const { db } = deps;
  const user = userId ? { id: userId } : await db.insertInto("users").values({
    email: "bench@example.com",
    password_hash: "x",
    full_name: "Bench",
  }).returning("id").executeTakeFirstOrThrow();
  const categories = createCategoriesRepo(db);
  const categoryIds: string[] = [];
  for (const top of ["Finance", "Home", "Work", "Health", "Car", "Travel"]) {
    const parent = await categories.create({ userId: user.id, parentId: null, name: top });
    categoryIds.push(parent.id);
    for (const sub of ["2023", "2024", "2025", "Taxes", "Insurance"]) {
      categoryIds.push(
        (await categories.create({ userId: user.id, parentId: parent.id, name: sub })).id,
      );
    }
  }
  const tags = createTagsRepo(db);
  const tagIds: string[] = [];
  for (let i = 0; i < 60; i++) tagIds.push((await tags.findOrCreate(user.id, `tag-${i}`)).id);
  const next = syntheticDocuments({ userId: user.id, categoryIds, tagIds });
  const started = performance.now();
  const batch = 500;
  for (let done = 0; done < count; done += batch) {
    const docs = Array.from({ length: Math.min(batch, count - done) }, (_, i) => next(done + i));
    await seedDocuments(db, docs, batch);
    if ((done / batch) % 20 === 0) {
      const rate = (done + docs.length) / ((performance.now() - started) / 1000);
      say(`    seeded ${done + docs.length} of ${count} (${Math.round(rate)} documents/s)`);
    }
  }
  await sql`vacuum analyze`.execute(db);
  return { userId: user.id, categoryId: categoryIds[0], tagId: tagIds[0] };
}

interface EngineResult {
  engine: string;
  documents: number;
  rows: string[][];
  overallP95: number;
  listP95: number;
  baselineP50: number;
}

async function measureEngine(
  engine: string,
  deps: Deps,
  count: number,
  repeats: number,
): Promise<EngineResult> {
  say(`  ${engine}: seeding ${count.toLocaleString("en")} documents…`);
  const { userId, categoryId, tagId } = await seedSearchDocuments(deps, count);
  const run = async (query: Record<string, string>) => {
    const parsed = listDocumentsSchema.parse(query);
    const result = await listDocuments(deps, userId, parsed);
    JSON.stringify(result);
    return result;
  };

  // The baseline: one document by id, through the same view code.
  const someId =
    (await deps.db.selectFrom("documents").select("id").limit(1).executeTakeFirstOrThrow()).id;
  const baseline: number[] = [];
  for (let i = 0; i < repeats + 5; i++) {
    const [ms] = await time(() => getDocument(deps, userId, someId));
    if (i >= 5) baseline.push(ms);
  }
  const baselineP50 = median(baseline);

  const rows: string[][] = [];
  const all: number[] = [];
  for (const scenario of scenarios(categoryId, tagId)) {
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < repeats + 2; i++) {
      const [ms, result] = await time(() => run(scenario.query));
      if (i >= 2) samples.push(ms);
      found = result.documents.length;
    }
    all.push(...samples);
    rows.push([
      engine,
      scenario.name,
      `${found}${found === 50 ? "+" : ""}`,
      formatMs(median(samples)),
      formatMs(percentile(samples, 95)),
      `${(median(samples) / baselineP50).toFixed(1)}×`,
    ]);
  }

  // The list: first page, then 20 pages deep by cursor, newest first.
  const list: number[] = [];
  for (let round = 0; round < Math.max(2, Math.ceil(repeats / 10)); round++) {
    let cursor: string | undefined;
    for (let page = 0; page < 21; page++) {
      const [ms, result] = await time(() => run(cursor ? { cursor } : {}));
      if (round > 0 || page > 1) list.push(ms);
      cursor = result.next_cursor ?? undefined;
    }
  }
  rows.push([
    engine,
    "list page (50 rows, cursor, no q)",
    "50",
    formatMs(median(list)),
    formatMs(percentile(list, 95)),
    `${(median(list) / baselineP50).toFixed(1)}×`,
  ]);
  rows.push([
    engine,
    "baseline: one document by id",
    "1",
    formatMs(baselineP50),
    formatMs(percentile(baseline, 95)),
    "1.0×",
  ]);
  return {
    engine,
    documents: count,
    rows,
    overallP95: percentile(all, 95),
    listP95: percentile(list, 95),
    baselineP50,
  };
}

function benchDeps(db: Deps["db"]): Deps {
  // listDocuments and getDocument use the database and the clock only.
  return { db, clock: systemClock } as unknown as Deps;
}

export async function runSearchBench(options: SearchBenchOptions): Promise<BenchReport[]> {
  const notes: string[] = [];
  const failures: string[] = [];
  const results: EngineResult[] = [];

  const postgres = await findPostgres();
  if (!postgres.ok) {
    notes.push(`PostgreSQL skipped: ${postgres.reason}`);
  } else {
    const server = await startPostgres(postgres.value.bin);
    const unregister = registerCleanup(() => server.stop());
    const handle = await openDatabase({ databaseUrl: server.url, logger: silentLogger });
    try {
      await migrateToLatest(handle.db as never, silentLogger);
      results.push(
        await measureEngine(
          "PostgreSQL",
          benchDeps(handle.db),
          options.postgresDocuments,
          options.repeats,
        ),
      );
    } finally {
      await handle.close();
      await server.stop();
      await unregister();
    }
  }

  const pglite = await openDatabase({ logger: silentLogger });
  try {
    await migrateToLatest(pglite.db as never, silentLogger);
    results.push(
      await measureEngine("PGlite", benchDeps(pglite.db), options.pgliteDocuments, options.repeats),
    );
  } finally {
    await pglite.close();
  }

  const targets: Record<string, { search: number; list?: number }> = {
    PostgreSQL: { search: 50, list: 20 },
    PGlite: { search: 150 },
  };
  for (const result of results) {
    const target = targets[result.engine];
    const scale = result.documents.toLocaleString("en");
    notes.push(
      `${result.engine}, ${scale} documents: p95 over all ten queries ${
        formatMs(result.overallP95)
      } ` +
        `(target < ${target.search} ms)` +
        (target.list
          ? `; list page p95 ${formatMs(result.listP95)} (target < ${target.list} ms)`
          : ""),
    );
    if (result.overallP95 >= target.search) {
      failures.push(
        `${result.engine} search p95 ${formatMs(result.overallP95)} ≥ ${target.search} ms`,
      );
    }
    if (target.list && result.listP95 >= target.list) {
      failures.push(`${result.engine} list p95 ${formatMs(result.listP95)} ≥ ${target.list} ms`);
    }
  }
  notes.push(
    "One user owns every document (the worst case). Times are listDocuments() in-process: " +
      "SQL, snippets, facets and serialising the answer; HTTP adds well under a millisecond. " +
      "The ratio compares each median with fetching one document by id in the same run.",
  );
  return [{
    title: "search at scale",
    columns: ["engine", "query", "rows", "p50", "p95", "vs by-id"],
    rows: results.flatMap((r) => r.rows),
    notes,
    failures,
  }];
}
