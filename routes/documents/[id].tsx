import { AppFrame } from "../../components/documents/AppFrame.tsx";
import { loadLabels } from "../../components/documents/workspace_data.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { uuidParam } from "../../lib/auth/auth_http.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { documentText, getDocument } from "../../lib/documents/documents_service.ts";
import type { PublicDocument } from "../../lib/documents/documents_view.ts";
import { withParam } from "../../lib/documents/documents_url.ts";
import { getQuota } from "../../lib/quotas/quotas_service.ts";
import type { Quota } from "../../lib/quotas/quotas_repo.ts";
import { formatBytes, formatDate } from "../../lib/shared/format.ts";

/** How much extracted text the page shows; the rest is one click away. */
const TEXT_SHOWN = 20_000;

const STATUS_TEXT: Record<string, string> = {
  pending: "Uploading",
  uploaded: "Waiting to be processed",
  processing: "Processing",
  ready: "Ready",
  error: "Failed",
};

interface DocumentPageProps {
  doc: PublicDocument;
  text: string | null;
  typeLabel: string | null;
  folder: string | null;
  quota: Quota;
}

/** A document, readable without JavaScript (issue #5 point 8); the workspace opens it in place. */
function DocumentPage({ doc, text, typeLabel, folder, quota }: DocumentPageProps) {
  const facts: [string, string][] = [
    ["Type", typeLabel ?? "—"],
    ["Document date", formatDate(doc.document_date) || "—"],
    ["Issuer", doc.issuer ?? "—"],
    ["Folder", folder ?? "—"],
    ["File", `${doc.filename} · ${formatBytes(doc.size_bytes)}`],
    ["Pages", doc.page_count?.toString() ?? "—"],
    ["Uploaded", formatDate(doc.created_at)],
    ["Status", STATUS_TEXT[doc.status] ?? doc.status],
  ];
  return (
    <AppFrame quota={quota}>
      <main id="main" class="ws-main doc-page" tabIndex={-1}>
        <p class="doc-page__back">
          <a href="/documents">← All documents</a>
        </p>
        <header class="doc-page__header">
          <h1>{doc.display_title}</h1>
          <div class="doc-page__actions">
            <a class="button" href={`/api/documents/${doc.id}/download?inline=1`}>View PDF</a>
            <a class="button button--primary" href={`/api/documents/${doc.id}/download`}>
              Download
            </a>
            <a class="button" href={`/documents?open=${doc.id}`}>Edit</a>
          </div>
        </header>
        {doc.status === "error" && doc.error_message && (
          <p class="alert alert--error">{doc.error_message}</p>
        )}
        {doc.duplicate_of && (
          <p class="alert alert--warning">
            This file is a copy of <a href={`/documents/${doc.duplicate_of}`}>another document</a>.
          </p>
        )}
        {doc.summary && <p class="lead">{doc.summary}</p>}
        <dl class="facts">
          {facts.map(([term, value]) => (
            <div key={term} class="facts__item">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {(doc.categories.length > 0 || doc.tags.length > 0) && (
          <ul class="doc-row__labels doc-page__labels" role="list" aria-label="Categories and tags">
            {doc.categories.map((c) => (
              <li key={c.id}>
                <a class="label label--category" href={withParam("", "category", c.id)}>{c.path}</a>
              </li>
            ))}
            {doc.tags.map((t) => (
              <li key={t.id}>
                <a class="label label--tag" href={withParam("", "tag", t.id)}>#{t.name}</a>
              </li>
            ))}
          </ul>
        )}
        <section class="card doc-page__text" aria-labelledby="text-heading">
          <h2 id="text-heading">Text</h2>
          {text
            ? (
              <>
                <pre class="text-view">{text.slice(0, TEXT_SHOWN)}</pre>
                {text.length > TEXT_SHOWN && (
                  <p class="muted">
                    The first {TEXT_SHOWN.toLocaleString("en")} of{" "}
                    {text.length.toLocaleString("en")} characters.{" "}
                    <a href={`/api/documents/${doc.id}/text`}>All of the text</a>
                  </p>
                )}
              </>
            )
            : (
              <p class="muted">
                {doc.status === "ready"
                  ? "This document has no text layer (a scan). It can be viewed, not searched."
                  : "The text appears here once the document is processed."}
              </p>
            )}
        </section>
      </main>
    </AppFrame>
  );
}

export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    const { deps } = c.var;
    const id = uuidParam(c, "id");
    const doc = await getDocument(deps, user.id, id);
    const [text, labels, quota] = await Promise.all([
      documentText(deps, user.id, id),
      loadLabels(deps, user.id),
      getQuota(deps, user.id),
    ]);
    return renderPage(
      c,
      <DocumentPage
        doc={doc}
        text={text.text}
        typeLabel={labels.types.find((t) => t.slug === doc.document_type)?.label ?? null}
        folder={labels.folders.find((f) => f.id === doc.folder_id)?.path ?? null}
        quota={quota}
      />,
      { title: doc.display_title },
    );
  },
});
