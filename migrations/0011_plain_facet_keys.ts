import { type Kysely, sql } from "kysely";
import { searchRowFunction, syncLabelsFunction } from "./0004_documents.ts";
import { syncFunction, up as addGeneratedFacetKeys } from "./0010_facet_keys.ts";

/**
 * Narrower search rows (issue #4, search at scale): `document_search` keeps a document's
 * labels once, in `facet_keys` (categories, tags and md5('type:' || slug)::uuid of the
 * type), instead of also in `category_ids` and `tag_ids`. The facet count of a common
 * word visits every row it matches; without the two arrays a row is about a fifth
 * smaller and the count that much faster. Filters by category and tag read `facet_keys`
 * (category and tag ids are random uuids and the type keys md5 digests: they never
 * collide).
 *
 * `facet_keys` becomes a plain column kept by the triggers through
 * `docuvault_facet_keys(document, type)`, and the table is rewritten once so that rows
 * stored before drop the bytes of the removed arrays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function docuvault_facet_keys(doc uuid, type text) returns uuid[]
    language sql stable as $$
      select coalesce((select array_agg(category_id) from document_categories
          where document_id = doc), '{}')
        || coalesce((select array_agg(tag_id) from document_tags where document_id = doc), '{}')
        || array[md5('type:' || coalesce(type, ''))::uuid]
    $$
  `.execute(db);
  await sql`alter table document_search alter column facet_keys drop expression`.execute(db);
  // One statement, one rewrite: `using` an expression (not the column itself) makes the
  // rewrite happen, which leaves out the dropped columns' bytes. The type change resets
  // the storage to the type's own, so it is set to main again in the same statement:
  // with toast_tuple_target at 128 the rewrite would otherwise move every row's keys out
  // of line, and the facet count would read them back one toast lookup at a time
  // (measured at 100k: 36 → 150 ms).
  await sql`
    alter table document_search drop column category_ids, drop column tag_ids,
      alter column facet_keys set not null,
      alter column facet_keys type uuid[] using facet_keys || '{}'::uuid[],
      alter column facet_keys set storage main
  `.execute(db);
  await searchRowFunction(db, { plainFacetKeys: true });
  await syncFunction(db, { plainFacetKeys: true });
  await syncLabelsFunction(db, { plainFacetKeys: true });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table document_search add column category_ids uuid[] not null default '{}',
      add column tag_ids uuid[] not null default '{}'
  `.execute(db);
  await sql`
    alter table document_search alter column category_ids set storage main,
      alter column tag_ids set storage main
  `.execute(db);
  await sql`
    update document_search d set
      category_ids = coalesce((select array_agg(category_id) from document_categories c
        where c.document_id = d.document_id), '{}'),
      tag_ids = coalesce((select array_agg(tag_id) from document_tags t
        where t.document_id = d.document_id), '{}')
  `.execute(db);
  await sql`alter table document_search drop column facet_keys`.execute(db);
  await searchRowFunction(db);
  await syncLabelsFunction(db);
  // 0010 again: the generated column and its sync function.
  await addGeneratedFacetKeys(db);
  await sql`drop function docuvault_facet_keys(uuid, text)`.execute(db);
}
