import { type Kysely, sql } from "kysely";

/**
 * Facet keys (issue #4, search at scale): every label of a document as one uuid array on
 * `document_search` — its categories, its tags, and its type as the uuid of
 * md5('type:' || slug) ('' for none) — so that the facet counts of a search are one
 * unnest of uuids, hashed as they are, instead of casting every id to text (which cost
 * most of the time at 38,000 matches). Generated from the columns it combines, so it can
 * never disagree with them; kept in the row (storage main) like the arrays it is made of.
 *
 * A generated column may not be written, so the trigger that fills `document_search`
 * now names the columns it copies instead of inserting the whole row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement: the table is rewritten once, after the storage is set (set later, the
  // rewrite would already have moved every array out of line: toast_tuple_target is 128).
  await sql`
    alter table document_search add column facet_keys uuid[] generated always as (
      category_ids || tag_ids || array[md5('type:' || coalesce(document_type, ''))::uuid]
    ) stored, alter column facet_keys set storage main
  `.execute(db);
  await syncFunction(db, { plainFacetKeys: false });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table document_search drop column facet_keys`.execute(db);
}

/** The columns of `document_search` that `docuvault_search_row` fills (but the keys). */
const COLUMNS = [
  "document_id",
  "user_id",
  "created_at",
  "status",
  "document_type",
  "document_date",
  "size_bytes",
  "folder_id",
  "title_key",
  "has_suggestion",
  "category_ids",
  "tag_ids",
  "search",
  "search_head",
];

/**
 * docuvault_sync_search of 0004, inserting the named columns only. From 0011 on, the
 * facet keys are a plain column: copied too, and rebuilt when the type changes.
 */
export async function syncFunction(
  db: Kysely<unknown>,
  options: { plainFacetKeys: boolean },
): Promise<void> {
  const columns = options.plainFacetKeys
    ? [...COLUMNS.filter((c) => c !== "category_ids" && c !== "tag_ids"), "facet_keys"]
    : COLUMNS;
  const list = sql.raw(columns.join(", "));
  const facetKeys = options.plainFacetKeys
    ? {
      conflict: sql`, facet_keys = excluded.facet_keys`,
      update: sql`, facet_keys = case when new.document_type is distinct from old.document_type
          then docuvault_facet_keys(new.id, new.document_type) else facet_keys end`,
    }
    : { conflict: sql``, update: sql`` };
  await sql`
    create or replace function docuvault_sync_search() returns trigger language plpgsql as $$
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
        insert into document_search (${list}) select ${list} from docuvault_search_row(new)
        on conflict (document_id) do update set
          status = excluded.status, document_type = excluded.document_type,
          document_date = excluded.document_date, size_bytes = excluded.size_bytes,
          folder_id = excluded.folder_id, title_key = excluded.title_key,
          has_suggestion = excluded.has_suggestion, search = excluded.search,
          search_head = excluded.search_head${facetKeys.conflict};
      else
        update document_search set
          status = new.status, document_type = new.document_type,
          document_date = new.document_date, size_bytes = new.size_bytes,
          folder_id = new.folder_id, title_key = lower(coalesce(new.title, new.filename)),
          has_suggestion = new.ai_suggestion is not null${facetKeys.update}
        where document_id = new.id;
      end if;
      return null;
    end
    $$
  `.execute(db);
}
