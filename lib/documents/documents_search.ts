/**
 * The document list and search (SPEC §4.5): `GET /api/documents`.
 *
 * Everything is chosen on `document_search`, a narrow projection of documents kept by
 * triggers (see the 0004 migration); only the rows of the page are then read from
 * `documents`.
 *
 * - Full text: the query is read with `websearch_to_tsquery` (quotes for phrases, `or`,
 *   `-word`) once per stemming language and the distinct readings are OR'ed, so
 *   "invoices" finds an English document's "invoice" and "Rechnungen" a German one's
 *   "Rechnung". Each document's vector was built in its own language.
 * - Typo tolerance: when the words are rare (fewer than `FUZZY_WHEN_FEWER` matches),
 *   titles and file names also match by trigram similarity (pg_trgm's `<<%`, which
 *   PGlite ships as well), so "invioce" finds "Invoice 2024".
 * - Relevance: the newest `RANKED_MATCHES` matches are ordered by `ts_rank_cd` over their
 *   heading fields and first page (`search_head`); older matches follow, newest first.
 *   Ranking reads one small vector per ranked document: bounding their number keeps a
 *   word found in 30,000 documents as fast as a rare one. A phrase ranks the newest
 *   `RANKED_PHRASE_MATCHES`: each of its matches is found by reading a document's whole
 *   vector (the index knows words, not their order), and a phrase match is already a
 *   strong sign of relevance.
 * - Snippets: `ts_headline` over a window around the first match, returned as segments
 *   `{ text, match }`: no HTML leaves the server; the page escapes it like any text.
 * - Pages: keyset cursors (opaque base64url JSON) on the sort keys and the id: a page
 *   costs the same at row 50 and at row 50,000, and rows added meanwhile do not shift it.
 * - Facets: counts of types, categories and tags over the whole result, one statement
 *   over each match's `facet_keys` (migrations 0010 and 0011), started as soon as the
 *   words are read so that it runs beside the page's statements.
 */
import { createHash } from "node:crypto";
import { type Expression, type RawBuilder, sql, type SqlBool } from "kysely";
import type { Deps } from "../app/deps.ts";
import { documentsAppSettings } from "../apps/apps_access.ts";
import { fromBase64Url, toBase64Url } from "../app/encryption.ts";
import { createCategoriesRepo } from "../categories/categories_repo.ts";
import { categoryPaths } from "../categories/categories_service.ts";
import { createFoldersRepo } from "../folders/folders_repo.ts";
import { BadRequestError } from "../shared/errors.ts";
import { isSharedWith } from "../sharing/sharing_repo.ts";
import { DOCUMENT_COLUMNS, type DocumentRow } from "./documents_repo.ts";
import type { ListDocumentsQuery } from "./documents_schemas.ts";
import { documentsView, type PublicDocument } from "./documents_view.ts";

/** Stemming languages a query is read in; `simple` (no stemming) matches words as written. */
const QUERY_CONFIGS = [
  "simple",
  "english",
  "german",
  "french",
  "spanish",
  "italian",
  "dutch",
  "portuguese",
  "swedish",
  "danish",
  "norwegian",
  "finnish",
] as const;

/** Matches ranked by relevance: the newest this many (see the module comment). */
export const RANKED_MATCHES = 200;
/** …and of a query with a phrase in it. */
export const RANKED_PHRASE_MATCHES = 100;
/** Queries shorter than this do not match titles by similarity (too many false friends). */
const FUZZY_MIN_LENGTH = 4;
/** Titles and file names are matched by similarity when the words have fewer matches. */
const FUZZY_WHEN_FEWER = 100;
/** At most this many documents are found by title similarity alone. */
const FUZZY_LIMIT = 200;

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export type ListedDocument = PublicDocument & { snippet: SnippetSegment[] | null };

export interface Facets {
  total: number;
  types: { slug: string | null; label: string; count: number }[];
  categories: { id: string; name: string; path: string; count: number }[];
  tags: { id: string; name: string; count: number }[];
}

export interface DocumentList {
  documents: ListedDocument[];
  next_cursor: string | null;
  facets?: Facets;
}

type Sort = "relevance" | "date" | "uploaded" | "title" | "size";

interface SortKey {
  expr: RawBuilder<unknown>;
  /** The key as text in a cursor, and back. */
  toText: RawBuilder<unknown>;
  fromText: (text: string) => RawBuilder<unknown>;
}

/** Timestamps in cursors: UTC, microseconds, fixed width (text order = time order). */
const utcText = (expr: RawBuilder<unknown>) =>
  sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const fromUtcText = (text: string) => sql`(cast(${text} as timestamp) at time zone 'UTC')`;

/** The sort key of each order (on `document_search d`); the id breaks ties. */
const SORT_KEYS: Record<Exclude<Sort, "relevance">, SortKey> = {
  uploaded: {
    expr: sql`d.created_at`,
    toText: utcText(sql`d.created_at`),
    fromText: fromUtcText,
  },
  date: {
    expr: sql`coalesce(d.document_date, '0001-01-01'::date)`,
    toText: sql`coalesce(d.document_date, '0001-01-01'::date)::text`,
    fromText: (text) => sql`cast(${text} as date)`,
  },
  title: { expr: sql`d.title_key`, toText: sql`d.title_key`, fromText: (text) => sql`${text}` },
  size: {
    expr: sql`d.size_bytes`,
    toText: sql`d.size_bytes::text`,
    fromText: (text) => sql`cast(${text} as bigint)`,
  },
};

interface Cursor {
  /** A fingerprint of the query the cursor belongs to. */
  f: string;
  /** The last row's sort keys (as text) and id. */
  k: string[];
  id: string;
}

/** Control characters that mark matches in ts_headline's output (removed from the text first). */
const START = "\u0001";
const STOP = "\u0002";

/**
 * Words of a websearch query that should appear in the text: no operators, no negated
 * words. Used for the snippet window and the typo-tolerant title match.
 */
export function queryWords(q: string): string[] {
  const words: string[] = [];
  for (const token of q.match(/-?"[^"]*"?|\S+/g) ?? []) {
    if (token.startsWith("-")) continue;
    for (const word of token.replace(/"/g, " ").split(/[^\p{L}\p{N}]+/u)) {
      if (word && word.toLowerCase() !== "or") words.push(word.toLowerCase());
    }
  }
  return words;
}

/**
 * The tsquery without phrase conditions (`a <-> b` becomes `a & b`): the GIN index
 * answers it exactly, while a phrase needs every candidate's whole vector re-read.
 */
export function withoutPhrases(tsquery: string): string {
  // Lexemes are quoted ('…', with '' for a quote): only replace outside them.
  return tsquery.replace(
    /'(?:[^']|'')*'|<(?:-|\d+)>/g,
    (part) => (part.startsWith("'") ? part : "&"),
  );
}

async function fingerprint(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return toBase64Url(new Uint8Array(digest).slice(0, 9));
}

function badCursor(): never {
  throw new BadRequestError(
    "documents.bad_cursor",
    "This page link does not belong to this search. Start again from the first page.",
  );
}

function decodeCursor(text: string, expected: string, keys: number): Cursor {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  } catch {
    badCursor();
  }
  if (
    !cursor || cursor.f !== expected || !Array.isArray(cursor.k) || cursor.k.length !== keys ||
    cursor.k.some((k) => typeof k !== "string") || typeof cursor.id !== "string" ||
    !/^[0-9a-f-]{36}$/i.test(cursor.id)
  ) badCursor();
  return cursor;
}

function encodeCursor(cursor: Cursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(cursor)));
}

/** Split ts_headline output into plain and matched segments. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [index, part] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (part) segments.push({ text: part, match: index % 2 === 1 });
  }
  return segments;
}

interface TextSearch {
  /** The tsquery (as text), or "" when the query has no searchable words. */
  tsq: string;
  /** `tsq` without phrase conditions (the same when it has none). */
  relaxed: string;
  /** Documents found by title or file name similarity (typo tolerance). */
  similarIds: string[];
  /** The words for the similarity bonus in the ranking, when similarity was tried. */
  fuzzy: string | null;
  /**
   * Whether the words are known to match fewer than `FUZZY_WHEN_FEWER` of the user's
   * documents (null: not counted). Rare words are found through the GIN index at once.
   */
  rare: boolean | null;
}

/** The query as one tsquery (text), or "" when it has no searchable words. */
async function buildTsQuery(deps: Deps, q: string): Promise<string> {
  const { rows } = await sql<{ tsq: string }>`
    select websearch_to_tsquery(config::regconfig, ${q})::text as tsq
    from unnest(array[${sql.join(QUERY_CONFIGS)}]::text[]) as config
  `.execute(deps.db);
  // Most languages read most words the same way: each distinct reading once.
  const readings = [...new Set(rows.map((r) => r.tsq).filter(Boolean))];
  return readings.length === 1 ? readings[0] : readings.map((r) => `(${r})`).join(" | ");
}

/** The query read as full text: what every later step needs, before any counting. */
async function readQuery(deps: Deps, q: string): Promise<TextSearch> {
  const tsq = await buildTsQuery(deps, q);
  const words = queryWords(q).join(" ");
  // Plain words only: quotes and operators say the user wants exactly those.
  const fuzzy = /["-]|\bor\b/i.test(q) || words.length < FUZZY_MIN_LENGTH ? null : words;
  return { tsq, relaxed: withoutPhrases(tsq), similarIds: [], fuzzy, rare: null };
}

/**
 * Whether the words are rare and, if so, the documents whose title or file name is
 * similar to them (typo tolerance). `fuzzy` stays set only when some were found.
 */
async function withSimilarTitles(
  deps: Deps,
  userId: string,
  search: TextSearch,
): Promise<TextSearch> {
  const { tsq, relaxed, fuzzy } = search;
  if (!fuzzy) return search;
  // Counted through the GIN index: a walk along another index would read the vector of
  // every row it passes.
  const rare = !tsq || await withTextIndex(deps, async (db) => {
    const { rows } = await sql<{ found: number }>`
      select count(*)::int as found from (
        select 1 from document_search d
        where d.user_id = ${userId} and d.search @@ ${relaxed}::tsquery
        limit ${FUZZY_WHEN_FEWER}
      ) as found
    `.execute(db);
    return rows[0].found < FUZZY_WHEN_FEWER;
  });
  if (!rare) return { ...search, fuzzy: null, rare };
  const { rows } = await sql<{ id: string }>`
    select doc.id from documents doc
    where doc.user_id = ${userId} and doc.status <> 'pending'
      and (${fuzzy} <<% lower(doc.title) or ${fuzzy} <<% lower(doc.filename))
    limit ${FUZZY_LIMIT}
  `.execute(deps.db);
  const similarIds = rows.map((r) => r.id);
  return { ...search, similarIds, fuzzy: similarIds.length ? fuzzy : null, rare };
}

/**
 * The text condition on `document_search d`: the full-text match (index-exact, without
 * phrases) or one of the similar titles. `exact` adds the phrase check where it differs.
 */
function textMatch(search: TextSearch, exact: boolean): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (search.tsq) {
    parts.push(
      exact && search.relaxed !== search.tsq
        ? sql<
          SqlBool
        >`(d.search @@ ${search.relaxed}::tsquery and d.search @@ ${search.tsq}::tsquery)`
        : sql<SqlBool>`d.search @@ ${search.relaxed}::tsquery`,
    );
  }
  if (search.similarIds.length) {
    parts.push(sql<SqlBool>`d.document_id in (${sql.join(search.similarIds)})`);
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Relevance: the heading fields and the first page, plus title similarity for typos. */
function rankExpression(search: TextSearch): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (search.tsq) parts.push(sql`ts_rank_cd(d.search_head, ${search.tsq}::tsquery, 32)`);
  if (search.fuzzy) parts.push(sql`0.1 * strict_word_similarity(${search.fuzzy}, d.title_key)`);
  return parts.length ? sql.join(parts, sql` + `) : sql`0`;
}

/** Run statements in a transaction with these planner settings (one round trip to set). */
async function withSettings<T>(
  deps: Deps,
  settings: Record<string, string>,
  run: (db: Deps["db"]) => Promise<T>,
): Promise<T> {
  return await deps.db.transaction().execute(async (trx) => {
    const each = Object.entries(settings).map(([name, value]) =>
      sql`set_config(${name}, ${value}, true)`
    );
    await sql`select ${sql.join(each)}`.execute(trx);
    return await run(trx);
  });
}

/**
 * Planner settings for a statement that matches full text through the GIN index only. The
 * planner does not charge for reading the large, out-of-line vector of each row a
 * sequential or ordered index scan tests, and would test thousands: seconds instead of
 * milliseconds.
 */
const TEXT_INDEX_ONLY = { enable_seqscan: "off", enable_indexscan: "off" };

async function withTextIndex<T>(deps: Deps, run: (db: Deps["db"]) => Promise<T>): Promise<T> {
  return await withSettings(deps, TEXT_INDEX_ONLY, run);
}

/** Rows a walk along an order's index tests against the words (see `firstMatches`). */
const WALK_ROWS = 2_000;
/** …against a phrase, rarer than its words, which the GIN index alone cannot check. */
const WALK_ROWS_PHRASE = 10_000;

/**
 * The first `limit` rows in `order` that pass `filters` and match the words, as a
 * subquery over `document_search` (alias `d`) for `wrap` to select from. Words found in
 * many documents are found by walking the order's index and testing each row's vector:
 * a word in a third of the documents needs a few hundred rows. When the first
 * `WALK_ROWS` rows hold fewer than `limit` matches, the words are rare, and the GIN index
 * finds their documents, which are then sorted — for a phrase, the documents with all
 * its words, of which the phrase is then checked in order until enough are found.
 */
async function firstMatches<R>(
  deps: Deps,
  options: {
    filters: Expression<SqlBool>[];
    search: TextSearch;
    order: RawBuilder<unknown>;
    limit: number;
  },
  wrap: (matches: RawBuilder<unknown>) => RawBuilder<R>,
): Promise<R[]> {
  const { order, search, limit } = options;
  const filters = sql.join(options.filters, sql` and `);
  const words = textMatch(search, false);
  const phrase = search.tsq && search.relaxed !== search.tsq
    ? sql<SqlBool>`d.search @@ ${search.tsq}::tsquery`
    : null;
  // Rare words (fewer matches than a walk would need to pass) go to the index at once.
  if (!search.rare) {
    const walked = await wrap(sql`
      select * from (
        select * from document_search d where ${filters}
        order by ${order} limit ${phrase ? WALK_ROWS_PHRASE : WALK_ROWS}
      ) as d where ${phrase ?? words} order by ${order} limit ${limit}
    `).execute(deps.db);
    if (walked.rows.length >= limit) return walked.rows;
  }
  const { rows } = await withTextIndex(deps, (db) =>
    wrap(
      phrase
        ? sql`
          select * from (
            select * from document_search d where ${filters} and ${words}
            order by ${order} offset 0
          ) as d where ${phrase} limit ${limit}
        `
        : sql`
          select * from document_search d where ${filters} and ${words}
          order by ${order} limit ${limit}
        `,
    ).execute(db));
  return rows;
}

/** Everything that narrows the result but the words, on `document_search d`. */
async function filtersOf(
  deps: Deps,
  userId: string,
  query: ListDocumentsQuery,
): Promise<Expression<SqlBool>[]> {
  // Shared with me: other people's documents, reached directly or through a group.
  const where: Expression<SqlBool>[] = [
    query.view === "shared"
      ? isSharedWith(sql`d.document_id`, userId)
      : sql<SqlBool>`d.user_id = ${userId}`,
  ];
  if (query.status?.length) where.push(sql`d.status in (${sql.join(query.status)})`);
  if (query.type?.length) where.push(sql`d.document_type in (${sql.join(query.type)})`);
  if (query.category?.length) {
    // A category includes its sub-categories.
    const ids = await createCategoriesRepo(deps.db).withDescendants(userId, query.category);
    where.push(ids.length ? sql`d.facet_keys && array[${sql.join(ids)}]::uuid[]` : sql`false`);
  }
  const tags = [...new Set(query.tag ?? [])];
  // Several tags: documents with all of them.
  if (tags.length) where.push(sql`d.facet_keys @> array[${sql.join(tags)}]::uuid[]`);
  if (query.folder) {
    const ids = await createFoldersRepo(deps.db).withDescendants(userId, query.folder);
    where.push(ids.length ? sql`d.folder_id in (${sql.join(ids)})` : sql`false`);
  }
  if (query.from) where.push(sql`d.document_date >= ${query.from}::date`);
  if (query.to) where.push(sql`d.document_date <= ${query.to}::date`);
  if (query.uploaded_from) {
    where.push(sql`d.created_at >= (${query.uploaded_from}::date)::timestamp at time zone 'UTC'`);
  }
  if (query.uploaded_to) {
    where.push(
      sql`d.created_at < ((${query.uploaded_to}::date + 1)::timestamp at time zone 'UTC')`,
    );
  }
  if (query.view === "recent") {
    // Documents uploaded this many days ago or less are "recent" (an app setting).
    const { recent_days } = await documentsAppSettings(deps);
    const since = new Date(deps.clock.now().getTime() - recent_days * 86_400_000);
    where.push(sql`d.created_at >= ${since.toISOString()}::timestamptz`);
  }
  if (query.view === "review") where.push(sql`d.has_suggestion`);
  if (query.view === "failed") where.push(sql`d.status = 'error'`);
  if (query.view === "processing") where.push(sql`d.status in ('uploaded', 'processing', 'error')`);
  return where;
}

interface PageRow {
  id: string;
  keys: string[];
}

/** A page in a sort order other than relevance: keyset over the order's index. */
async function sortedPage(
  deps: Deps,
  filters: Expression<SqlBool>[],
  search: TextSearch | null,
  options: {
    key: SortKey;
    order: "asc" | "desc";
    after: Cursor | null;
    limit: number;
  },
): Promise<PageRow[]> {
  const { key, order, after, limit } = options;
  const direction = sql.raw(order);
  const conditions = [...filters];
  if (after) {
    const op = sql.raw(order === "asc" ? ">" : "<");
    conditions.push(
      sql`(${key.expr}, d.document_id) ${op} (${key.fromText(after.k[0])}, ${after.id}::uuid)`,
    );
  }
  const orderBy = sql`${key.expr} ${direction}, d.document_id ${direction}`;
  const select = (matches: RawBuilder<unknown>) =>
    sql<{ id: string; key: string }>`
      select d.document_id as id, ${key.toText} as key from (${matches}) as d order by ${orderBy}
    `;
  const rows = search
    ? await firstMatches(deps, { filters: conditions, search, order: orderBy, limit }, select)
    : (await sql<{ id: string; key: string }>`
      select d.document_id as id, ${key.toText} as key from document_search d
      where ${sql.join(conditions, sql` and `)} order by ${orderBy} limit ${limit}
    `.execute(deps.db)).rows;
  return rows.map((row) => ({ id: row.id, keys: [row.key] }));
}

/**
 * A page by relevance. The newest `RANKED_MATCHES` matches are ranked (keys: rank, then
 * upload time); the rest follow by upload time (rank -1). Ordering the ranked few is done
 * here, on exact keys: ranks are float8 printed round-trip, times are fixed-width UTC.
 */
async function relevancePage(
  deps: Deps,
  filters: Expression<SqlBool>[],
  search: TextSearch,
  options: { after: Cursor | null; limit: number },
): Promise<PageRow[]> {
  const newestFirst = sql`d.created_at desc, d.document_id desc`;
  const rankedCount = search.tsq && search.relaxed !== search.tsq
    ? RANKED_PHRASE_MATCHES
    : RANKED_MATCHES;
  const ranked = await firstMatches(
    deps,
    { filters, search, order: newestFirst, limit: rankedCount },
    (matches) =>
      sql<{ id: string; created: string; rank: string }>`
        select d.document_id as id, ${utcText(sql`d.created_at`)} as created,
          (${rankExpression(search)})::float8::text as rank
        from (${matches}) as d
      `,
  );

  // Descending on every key: negative when `a` comes first. Ranks compare as numbers.
  const compare = (a: (number | string)[], b: (number | string)[]) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return a[i] > b[i] ? -1 : 1;
    }
    return 0;
  };
  const key = (row: { id: string; created: string; rank: string }) => [
    Number(row.rank),
    row.created,
    row.id,
  ];
  const afterKey = options.after
    ? [Number(options.after.k[0]), options.after.k[1], options.after.id]
    : null;
  const page: PageRow[] = ranked
    .sort((a, b) => compare(key(a), key(b)))
    .filter((row) => !afterKey || compare(key(row), afterKey) > 0)
    .slice(0, options.limit)
    .map((row) => ({ id: row.id, keys: [row.rank, row.created] }));
  if (page.length === options.limit || ranked.length < rankedCount) return page;

  // Past the ranked ones: older matches, newest first.
  const oldest = ranked.reduce((
    a,
    b,
  ) => (compare([b.created, b.id], [a.created, a.id]) > 0 ? b : a));

  const before = options.after && Number(options.after.k[0]) === -1
    ? { created: options.after.k[1], id: options.after.id }
    : { created: oldest.created, id: oldest.id };
  const rows = await firstMatches(
    deps,
    {
      filters: [
        ...filters,
        sql<SqlBool>`(d.created_at, d.document_id) < (${
          fromUtcText(before.created)
        }, ${before.id}::uuid)`,
      ],
      search,
      order: newestFirst,
      limit: options.limit - page.length,
    },
    (matches) =>
      sql<{ id: string; created: string }>`
        select d.document_id as id, ${utcText(sql`d.created_at`)} as created
        from (${matches}) as d order by ${newestFirst}
      `,
  );
  return [...page, ...rows.map((row) => ({ id: row.id, keys: ["-1", row.created] }))];
}

/**
 * The sort a query gets: relevance by default when there are words (and only then),
 * else newest uploads; titles A–Z and everything else descending unless `order` says.
 */
export function effectiveSort(
  query: Pick<ListDocumentsQuery, "q" | "sort" | "order">,
): { sort: Sort; order: "asc" | "desc" } {
  const q = query.q?.trim() || undefined;
  const sort: Sort = query.sort === "relevance" && !q
    ? "uploaded"
    : query.sort ?? (q ? "relevance" : "uploaded");
  const order = sort === "relevance" ? "desc" : query.order ?? (sort === "title" ? "asc" : "desc");
  return { sort, order };
}

/**
 * The query with the Documents app's default order (an app setting) when it names none
 * and has no words to rank by.
 */
export async function withDefaultSort<Q extends Pick<ListDocumentsQuery, "q" | "sort">>(
  deps: Deps,
  query: Q,
): Promise<Q> {
  if (query.sort || query.q?.trim()) return query;
  return { ...query, sort: (await documentsAppSettings(deps)).default_sort };
}

/** List or search the user's documents. */
export async function listDocuments(
  deps: Deps,
  userId: string,
  query: ListDocumentsQuery,
): Promise<DocumentList> {
  query = await withDefaultSort(deps, query);
  const q = query.q?.trim() || undefined;
  const { sort, order } = effectiveSort(query);
  const { cursor: _cursor, limit: _limit, facets: _facets, ...identity } = query;
  const print = await fingerprint({ ...identity, sort, order });
  const after = query.cursor
    ? decodeCursor(query.cursor, print, sort === "relevance" ? 2 : 1)
    : null;

  const [read, filters] = await Promise.all([
    q ? readQuery(deps, q) : null,
    filtersOf(deps, userId, query),
  ]);
  // Facets need the conditions only: counted while the page is found, from the start.
  const countFacets = (search: TextSearch | null) => {
    const where = search ? [...filters, textMatch(search, true)] : filters;
    const facets = facetsOf(deps, userId, where, search !== null);
    facets.catch(() => {}); // awaited below
    return facets;
  };
  let facets = query.facets ? countFacets(read) : undefined;
  const search = read && await withSimilarTitles(deps, userId, read);
  // Rare words that also found similar titles: the facets count those documents too.
  if (facets && search?.similarIds.length) facets = countFacets(search);
  // One more than asked: whether there is a next page.
  const limit = query.limit + 1;
  const rows = sort === "relevance" && search
    ? await relevancePage(deps, filters, search, { after, limit })
    : await sortedPage(deps, filters, search, {
      key: SORT_KEYS[sort as Exclude<Sort, "relevance">],
      order,
      after,
      limit,
    });

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor = rows.length > query.limit && last
    ? encodeCursor({ f: print, k: last.keys, id: last.id })
    : null;

  const documents = await pageDocuments(deps, userId, page.map((row) => row.id), search);
  return { documents, next_cursor, ...(facets ? { facets: await facets } : {}) };
}

/** The documents of a page, in page order, with their snippets. */
async function pageDocuments(
  deps: Deps,
  userId: string,
  ids: string[],
  search: TextSearch | null,
): Promise<ListedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await deps.db.selectFrom("documents").select(DOCUMENT_COLUMNS)
    .where("id", "in", ids)
    .where((eb) => eb.or([eb("user_id", "=", userId), isSharedWith(eb.ref("id"), userId)]))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ids.map((id) => byId.get(id)).filter((row): row is DocumentRow => !!row);
  const [views, snippets] = await Promise.all([
    documentsView(deps, userId, ordered),
    search?.tsq ? snippetsOf(deps, ids, search.tsq) : new Map<string, SnippetSegment[]>(),
  ]);
  return views.map((view) => ({ ...view, snippet: snippets.get(view.id) ?? null }));
}

/** Characters of text a snippet is chosen from, and how many of them precede the match. */
const SNIPPET_WINDOW = 360;
const SNIPPET_LEAD = 100;

/**
 * Snippets for one page. ts_headline parses all the text it gets, so it gets a window of
 * `SNIPPET_WINDOW` characters from a little before the first place a query word appears
 * (enough for the 30 words of a snippet), not the whole document.
 * That place is found by plain substring search for the first five letters of the
 * longest word (enough to catch most inflections) as written, capitalised and in
 * capitals: lower-casing whole documents to search them costs more.
 */
async function snippetsOf(
  deps: Deps,
  ids: string[],
  tsq: string,
): Promise<Map<string, SnippetSegment[]>> {
  const wanted = tsq.replace(/!\s*'(?:[^']|'')*'/g, "");
  const lexemes = [...wanted.matchAll(/'((?:[^']|'')+)'/g)].map((m) => m[1].replace(/''/g, "'"));
  const probe = lexemes.sort((a, b) => b.length - a.length)[0]?.slice(0, 5) ?? "";
  const variants = [
    ...new Set([probe, probe.charAt(0).toUpperCase() + probe.slice(1), probe.toUpperCase()]),
  ];
  const first = sql`least(${
    sql.join(variants.map((v) => sql`nullif(strpos(d.extracted_text, ${v}), 0)`))
  })`;
  const options = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2`;
  const result = await sql<{ id: string; headline: string | null }>`
    select d.id, ts_headline(
      docuvault_ts_config(d.language),
      translate(substr(d.extracted_text, greatest(1, coalesce(${first}, 1) - ${
    sql.lit(SNIPPET_LEAD)
  }), ${sql.lit(SNIPPET_WINDOW)}), ${START + STOP}, ''),
      ${tsq}::tsquery,
      ${options}
    ) as headline
    from documents d
    where d.id in (${sql.join(ids)}) and d.extracted_text is not null
  `.execute(deps.db);
  const snippets = new Map<string, SnippetSegment[]>();
  for (const row of result.rows) {
    const text = row.headline?.replace(/\s+/g, " ").trim();
    if (text) snippets.set(row.id, snippetSegments(text));
  }
  return snippets;
}

/** A type's facet key: md5('type:' || slug) as a uuid, as migration 0010 computes it. */
function typeKey(slug: string): string {
  const hex = createHash("md5").update(`type:${slug}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${
    hex.slice(20)
  }`;
}

async function facetsOf(
  deps: Deps,
  userId: string,
  where: Expression<SqlBool>[],
  text: boolean,
): Promise<Facets> {
  // One pass: every matching document gives its facet keys (migration 0011): its
  // category and tag ids, and its type as the uuid of md5('type:' || slug).
  const settings = {
    ...(text ? TEXT_INDEX_ONLY : {}),
    // Enough memory for the hash of keys, which would otherwise spill to disk.
    work_mem: "32MB",
    // Planned for these words: a generic plan of the prepared statement guesses a few
    // hundred matches and forgoes the parallel scan that tens of thousands need.
    plan_cache_mode: "force_custom_plan",
  };
  const count = (db: Deps["db"]) =>
    withSettings({ ...deps, db }, settings, (trx) =>
      sql<{ key: string; n: number }>`
        select key::text as key, count(*)::int as n from (
          select unnest(d.facet_keys) as key
          from document_search d where ${sql.join(where, sql` and `)}
        ) as keys group by key
      `.execute(trx));
  const [{ rows }, types, categories, tags] = await Promise.all([
    count(deps.db),
    deps.db.selectFrom("document_types").select(["slug", "label"]).execute(),
    createCategoriesRepo(deps.db).listVisible(userId),
    deps.db.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId).execute(),
  ]);
  const typeLabels = new Map(types.map((t) => [t.slug, t.label]));
  const typeKeys = new Map(["", ...types.map((t) => t.slug)].map((slug) => [typeKey(slug), slug]));
  const paths = categoryPaths(categories);
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  const tagNames = new Map(tags.map((t) => [t.id, t.name]));

  const facets: Facets = { total: 0, types: [], categories: [], tags: [] };
  for (const { key, n } of rows) {
    if (categoryNames.has(key)) {
      const name = categoryNames.get(key)!;
      facets.categories.push({ id: key, name, path: paths.get(key) ?? name, count: n });
    } else if (tagNames.has(key)) {
      facets.tags.push({ id: key, name: tagNames.get(key)!, count: n });
    } else if (typeKeys.has(key)) {
      facets.total += n;
      const slug = typeKeys.get(key) || null;
      facets.types.push({ slug, label: slug ? typeLabels.get(slug) ?? slug : "No type", count: n });
    }
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  facets.types.sort(byCount);
  facets.categories.sort(byCount);
  facets.tags.sort(byCount);
  return facets;
}
