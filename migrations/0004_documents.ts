import { type Kysely, sql } from "kysely";

/** The document types of SPEC §3 (the labels of corpus/MANIFEST.tsv). */
export const SEEDED_DOCUMENT_TYPES: [slug: string, label: string][] = [
  ["invoice", "Invoice"],
  ["receipt", "Receipt"],
  ["bank_statement", "Bank statement"],
  ["contract", "Contract"],
  ["payslip", "Payslip"],
  ["tax_document", "Tax document"],
  ["insurance_policy", "Insurance policy"],
  ["utility_bill", "Utility bill"],
  ["letter", "Letter"],
  ["form", "Form"],
  ["manual", "Manual"],
  ["scientific_paper", "Scientific paper"],
  ["cv_resume", "CV / résumé"],
  ["court_document", "Court document"],
  ["meeting_minutes", "Meeting minutes"],
  ["financial_report", "Financial report"],
  ["other", "Other"],
];

/**
 * Documents and how they are organised (SPEC §3, §4.3–§4.5): types, folders, categories
 * (system and personal, trees), tags, per-user quotas, the documents themselves with a
 * full-text search vector kept by a trigger, and the confirmed labels the built-in
 * classifier learns from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  // The text-search configuration for a document's language; 'simple' (no stemming)
  // for languages PostgreSQL has no stemmer for, or when the language is unknown.
  await sql`
    create function docuvault_ts_config(language text) returns regconfig
    language sql immutable parallel safe as $$
      select case language
        when 'en' then 'english' when 'de' then 'german' when 'fr' then 'french'
        when 'es' then 'spanish' when 'nl' then 'dutch' when 'it' then 'italian'
        when 'pt' then 'portuguese' when 'sv' then 'swedish' when 'da' then 'danish'
        when 'no' then 'norwegian' when 'fi' then 'finnish'
        else 'simple' end::regconfig
    $$
  `.execute(db);

  await sql`
    create table document_types (
      slug text primary key check (slug ~ '^[a-z][a-z0-9_]{1,48}$'),
      label text not null check (length(label) between 1 and 100),
      is_system boolean not null default false,
      sort_order integer not null default 100,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  for (const [index, [slug, label]] of SEEDED_DOCUMENT_TYPES.entries()) {
    await sql`
      insert into document_types (slug, label, is_system, sort_order)
      values (${slug}, ${label}, true, ${index})
    `.execute(db);
  }

  await sql`
    create table folders (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      parent_id uuid references folders (id) on delete cascade,
      name text not null check (length(name) between 1 and 128),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique nulls not distinct (user_id, parent_id, name)
    )
  `.execute(db);
  await sql`create index folders_parent_idx on folders (parent_id)`.execute(db);

  // user_id null = a system category, visible to everyone, managed by admins.
  await sql`
    create table categories (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users (id) on delete cascade,
      parent_id uuid references categories (id) on delete cascade,
      name text not null check (length(name) between 1 and 128),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique nulls not distinct (user_id, parent_id, name)
    )
  `.execute(db);
  await sql`create index categories_user_idx on categories (user_id)`.execute(db);
  await sql`create index categories_parent_idx on categories (parent_id)`.execute(db);

  await sql`
    create table tags (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      name text not null check (length(name) between 1 and 64),
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index tags_user_name_idx on tags (user_id, lower(name))`.execute(db);

  await sql`
    create table quotas (
      user_id uuid primary key references users (id) on delete cascade,
      limit_bytes bigint not null check (limit_bytes >= 0),
      used_bytes bigint not null default 0 check (used_bytes >= 0),
      updated_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table documents (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      folder_id uuid references folders (id) on delete set null,
      filename text not null check (octet_length(filename) between 1 and 255),
      content_type text not null default 'application/pdf',
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text,
      client_sha256 text,
      object_key text not null unique,
      storage_backend text not null,
      status text not null check (status in ('pending', 'uploaded', 'processing', 'ready', 'error')),
      error_message text,
      title text check (length(title) <= 300),
      document_type text references document_types (slug) on update cascade on delete set null,
      document_date date,
      issuer text check (length(issuer) <= 300),
      summary text,
      amount numeric(16, 2),
      currency text check (currency ~ '^[A-Z]{3}$'),
      extracted_text text,
      language text,
      page_count integer,
      has_text_layer boolean,
      pdf_metadata jsonb,
      ai_suggestion jsonb,
      classified_by text check (classified_by in ('llm', 'builtin', 'user')),
      duplicate_of uuid references documents (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      confirmed_at timestamptz,
      processed_at timestamptz,
      upload_expires_at timestamptz
    )
  `.execute(db);

  await sql`create index documents_user_status_idx on documents (user_id, status)`.execute(db);
  await sql`create index documents_folder_idx on documents (folder_id)`.execute(db);
  await sql`create index documents_user_sha_idx on documents (user_id, sha256)`.execute(db);
  await sql`create index documents_title_trgm_idx on documents using gin (lower(title) gin_trgm_ops)`
    .execute(db);
  await sql`
    create index documents_filename_trgm_idx on documents using gin (lower(filename) gin_trgm_ops)
  `.execute(db);
  await sql`
    create index documents_pending_idx on documents (upload_expires_at) where status = 'pending'
  `.execute(db);

  await sql`
    create table document_categories (
      document_id uuid not null references documents (id) on delete cascade,
      category_id uuid not null references categories (id) on delete cascade,
      primary key (document_id, category_id)
    )
  `.execute(db);
  await sql`create index document_categories_category_idx on document_categories (category_id)`
    .execute(db);

  await sql`
    create table document_tags (
      document_id uuid not null references documents (id) on delete cascade,
      tag_id uuid not null references tags (id) on delete cascade,
      primary key (document_id, tag_id)
    )
  `.execute(db);
  await sql`create index document_tags_tag_idx on document_tags (tag_id)`.execute(db);

  await searchProjection(db);

  // What a user confirmed about a document (type, categories, tags): the built-in
  // classifier learns from these. The text is read from the document itself.
  await sql`
    create table classifier_examples (
      document_id uuid primary key references documents (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      document_type text,
      categories jsonb not null default '[]'::jsonb,
      tags jsonb not null default '[]'::jsonb,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index classifier_examples_user_idx on classifier_examples (user_id, updated_at desc)`
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The triggers first (with their functions), then the row function that names both
  // tables' row types, then the tables.
  for (const fn of ["docuvault_sync_search()", "docuvault_sync_labels()"]) {
    await sql`drop function if exists ${sql.raw(fn)} cascade`.execute(db);
  }
  await sql`drop function if exists docuvault_search_row(documents)`.execute(db);
  for (
    const table of [
      "classifier_examples",
      "document_search",
      "document_tags",
      "document_categories",
      "documents",
      "quotas",
      "tags",
      "categories",
      "folders",
      "document_types",
    ]
  ) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function docuvault_ts_config(text)`.execute(db);
  await sql`drop extension if exists pg_trgm`.execute(db);
}

/**
 * `document_search`: what search, filters and facets read, one narrow row per document
 * that is not a pending upload, kept by triggers. The documents table is wide (file
 * names, keys, metadata, suggestions); a word found in 30,000 documents means visiting
 * 30,000 rows, and on this table they sit on a third of the pages. The text vectors are
 * always stored out of line (toast_tuple_target), so the rows stay narrow.
 *
 * - `search`: title and file name weigh most (A), then the issuer (B), then the text (C),
 *   each stemmed in the document's language; the first 500,000 characters of the text
 *   (tsvector holds at most 1 MB).
 * - `search_head`: the same heading fields and only the first 3,000 characters: ranking
 *   reads this small vector, not the whole document's.
 * - `category_ids`, `tag_ids`: the assignments, so that facets and filters need no joins.
 */
async function searchProjection(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_search (
      document_id uuid primary key references documents (id) on delete cascade,
      user_id uuid not null,
      created_at timestamptz not null,
      status text not null,
      document_type text,
      document_date date,
      size_bytes bigint not null,
      folder_id uuid,
      title_key text not null,
      has_suggestion boolean not null,
      category_ids uuid[] not null default '{}',
      tag_ids uuid[] not null default '{}',
      search tsvector not null,
      search_head tsvector not null
    ) with (toast_tuple_target = 128)
  `.execute(db);
  // Only the vectors go out of line: the arrays and the title key stay in the row, which
  // facets and filters read for thousands of rows (out of line, each is a TOAST lookup).
  await sql`
    alter table document_search alter column category_ids set storage main,
      alter column tag_ids set storage main, alter column title_key set storage main
  `.execute(db);
  // Search and ranking read vectors of documents in date order: lz4 decompresses them
  // several times faster than pglz. Where the server lacks lz4 (PGlite), pglz it is.
  await sql`
    do $$ begin
      alter table document_search alter column search set compression lz4,
        alter column search_head set compression lz4;
    exception when feature_not_supported or invalid_parameter_value then null;
    end $$
  `.execute(db);
  await sql`create index document_search_idx on document_search using gin (search)`.execute(db);
  // The sort orders of the document list (see documents_search.ts); undated documents
  // sort as the oldest.
  const orders = {
    created: "created_at",
    date: "coalesce(document_date, '0001-01-01'::date)",
    title: "title_key",
    size: "size_bytes",
  };
  for (const [name, key] of Object.entries(orders)) {
    await sql`
      create index ${sql.raw(`document_search_${name}_idx`)}
      on document_search (user_id, ${sql.raw(key)}, document_id)
    `.execute(db);
  }

  await searchRowFunction(db);

  // Tokenising a long text is the costly part, so the vectors are rebuilt only for a
  // settled document (ready or error) whose text fields changed, or that just settled:
  // the pipeline writes the text, then the classification, then "ready" — one rebuild,
  // not three. Other changes copy the plain columns only.
  await sql`
    create function docuvault_sync_search() returns trigger language plpgsql as $$
    begin
      if new.status = 'pending' then
        delete from document_search where document_id = new.id;
      elsif tg_op = 'INSERT' or old.status = 'pending'
        or (new.status in ('ready', 'error') and (
          old.status not in ('ready', 'error')
          or new.title is distinct from old.title or new.filename is distinct from old.filename
          or new.issuer is distinct from old.issuer or new.language is distinct from old.language
          or new.extracted_text is distinct from old.extracted_text)) then
        -- In FROM, the function runs once; (f(new)).* would run it once per column.
        insert into document_search select * from docuvault_search_row(new)
        on conflict (document_id) do update set
          status = excluded.status, document_type = excluded.document_type,
          document_date = excluded.document_date, size_bytes = excluded.size_bytes,
          folder_id = excluded.folder_id, title_key = excluded.title_key,
          has_suggestion = excluded.has_suggestion, search = excluded.search,
          search_head = excluded.search_head;
      else
        update document_search set
          status = new.status, document_type = new.document_type,
          document_date = new.document_date, size_bytes = new.size_bytes,
          folder_id = new.folder_id, title_key = lower(coalesce(new.title, new.filename)),
          has_suggestion = new.ai_suggestion is not null
        where document_id = new.id;
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger documents_sync_search after insert or update on documents
    for each row execute function docuvault_sync_search()
  `.execute(db);

  await syncLabelsFunction(db);
  for (const table of ["document_categories", "document_tags"]) {
    await sql`
      create trigger ${sql.raw(`${table}_sync_search`)} after insert or update or delete
      on ${sql.table(table)} for each row execute function docuvault_sync_labels()
    `.execute(db);
  }
}

/**
 * The row of `document_search` for a document, with its assignments as `category_ids` and
 * `tag_ids` — or, from 0011 on (`plainFacetKeys`), as `facet_keys` (see that migration).
 */
export async function searchRowFunction(
  db: Kysely<unknown>,
  options: { plainFacetKeys: boolean } = { plainFacetKeys: false },
): Promise<void> {
  const labels = options.plainFacetKeys
    ? sql`row.facet_keys := docuvault_facet_keys(d.id, d.document_type);`
    : sql`row.category_ids := coalesce(
        (select array_agg(category_id) from document_categories where document_id = d.id), '{}');
      row.tag_ids := coalesce(
        (select array_agg(tag_id) from document_tags where document_id = d.id), '{}');`;
  await sql`
    create or replace function docuvault_search_row(d documents) returns document_search
    language plpgsql stable as $$
    declare
      config regconfig := docuvault_ts_config(d.language);
      heading tsvector;
      row document_search;
    begin
      heading :=
        setweight(to_tsvector(config, coalesce(d.title, '')), 'A') ||
        setweight(to_tsvector('simple', regexp_replace(
          regexp_replace(d.filename, '\\.pdf$', '', 'i'), '[_.\\-]+', ' ', 'g')), 'A') ||
        setweight(to_tsvector(config, coalesce(d.issuer, '')), 'B');
      row.document_id := d.id;
      row.user_id := d.user_id;
      row.created_at := d.created_at;
      row.status := d.status;
      row.document_type := d.document_type;
      row.document_date := d.document_date;
      row.size_bytes := d.size_bytes;
      row.folder_id := d.folder_id;
      row.title_key := lower(coalesce(d.title, d.filename));
      row.has_suggestion := d.ai_suggestion is not null;
      ${labels}
      row.search := heading ||
        setweight(to_tsvector(config, left(coalesce(d.extracted_text, ''), 500000)), 'C');
      row.search_head := heading ||
        setweight(to_tsvector(config, left(coalesce(d.extracted_text, ''), 3000)), 'C');
      return row;
    end
    $$
  `.execute(db);
}

/**
 * Copies a document's assignments into `category_ids` and `tag_ids` — or, from 0011 on
 * (`plainFacetKeys`), rebuilds its `facet_keys`.
 */
export async function syncLabelsFunction(
  db: Kysely<unknown>,
  options: { plainFacetKeys: boolean } = { plainFacetKeys: false },
): Promise<void> {
  const update = options.plainFacetKeys
    ? sql`update document_search set facet_keys = docuvault_facet_keys(doc, document_type)
      where document_id = doc;`
    : sql`if tg_table_name = 'document_categories' then
        update document_search set category_ids = coalesce(
          (select array_agg(category_id) from document_categories where document_id = doc), '{}')
        where document_id = doc;
      else
        update document_search set tag_ids = coalesce(
          (select array_agg(tag_id) from document_tags where document_id = doc), '{}')
        where document_id = doc;
      end if;`;
  await sql`
    create or replace function docuvault_sync_labels() returns trigger language plpgsql as $$
    declare
      doc uuid := case when tg_op = 'DELETE' then old.document_id else new.document_id end;
    begin
      ${update}
      return null;
    end
    $$
  `.execute(db);
}
