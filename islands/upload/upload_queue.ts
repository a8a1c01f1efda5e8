/**
 * The upload queue's state and scheduling, apart from the UI: at most three files go
 * through check → hash → upload-url → PUT → confirm at a time; confirmed documents are
 * then watched (with back-off) until processing settles. Items are plain objects mutated
 * in place; the island re-renders on `onChange`.
 */
import { api, ApiError } from "../../lib/app/client/api.ts";
import { announceDocumentsChanged } from "../../lib/app/client/events.ts";
import { pollDelay } from "../../lib/app/client/poll.ts";
import {
  apiFailure,
  checkFile,
  type DocumentState,
  putFile,
  sha256Of,
  UploadError,
  type UploadTicket,
} from "./upload_flow.ts";

export type Phase =
  | "queued"
  | "preparing"
  | "uploading"
  | "confirming"
  | "processing"
  | "ready"
  | "failed"
  | "cancelled";

export interface UploadItem {
  key: number;
  file: File;
  phase: Phase;
  /** Bytes the signed URL has received. */
  sent: number;
  /** Why it failed (a sentence), when it did. */
  message: string;
  retryable: boolean;
  documentId?: string;
  duplicateOf?: string | null;
  /** Bumped by every start, cancel and removal: an older run that wakes up stops. */
  run: number;
  controller?: AbortController;
  /** The bytes are stored and only the confirmation failed (network): retry just that. */
  confirmOnRetry?: boolean;
}

/** How many files are checked, hashed, sent and confirmed at once. */
export const PARALLEL_UPLOADS = 3;

const ACTIVE: ReadonlySet<Phase> = new Set(["preparing", "uploading", "confirming"]);
const SETTLED: ReadonlySet<Phase> = new Set(["ready", "failed", "cancelled"]);

export const isActive = (item: UploadItem) => ACTIVE.has(item.phase);
/** Still needs this page open (closing it would lose the upload). */
export const isPending = (item: UploadItem) => item.phase === "queued" || isActive(item);
export const canCancel = (item: UploadItem) =>
  item.phase === "queued" || item.phase === "preparing" || item.phase === "uploading";
export const isSettled = (item: UploadItem) => SETTLED.has(item.phase);

export interface QueueOptions {
  maxBytes: number;
  /** Something changed: render. */
  onChange: () => void;
  /** Only the bytes sent changed (often): render when convenient. */
  onProgress: () => void;
  /** Say this to screen-reader users (a polite live region). */
  announce: (text: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forget a pending upload at once rather than waiting for the server's sweep. */
function discard(documentId: string | undefined) {
  if (documentId) {
    api(`/api/documents/${documentId}`, { method: "DELETE" }).catch(() => {});
  }
}

export function createUploadQueue(options: QueueOptions) {
  const items: UploadItem[] = [];
  let nextKey = 1;

  function set(item: UploadItem, phase: Phase, message = "") {
    item.phase = phase;
    item.message = message;
    if (!ACTIVE.has(phase)) pump();
    options.onChange();
  }

  function pump() {
    let running = items.filter(isActive).length;
    for (const item of items) {
      if (running >= PARALLEL_UPLOADS) break;
      if (item.phase === "queued") {
        running++;
        item.phase = "preparing";
        upload(item);
      }
    }
  }

  function fail(item: UploadItem, error: UploadError) {
    item.retryable = error.retryable;
    set(item, "failed", error.message);
    options.announce(`${item.file.name}: ${error.message}`);
  }

  async function upload(item: UploadItem) {
    const run = ++item.run;
    const stale = () => item.run !== run;
    const controller = item.controller = new AbortController();
    const { signal } = controller;
    const { file } = item;
    let confirmed = false;
    try {
      if (!item.confirmOnRetry) {
        item.sent = 0;
        set(item, "preparing");
        const refused = await checkFile(file, options.maxBytes);
        if (refused) throw refused;
        const sha256 = await sha256Of(file).catch(() => undefined);
        if (stale()) return;
        const ticket = await api<UploadTicket>("/api/documents/upload-url", {
          body: { filename: file.name, size: file.size, content_type: "application/pdf", sha256 },
          signal,
        });
        if (stale()) return discard(ticket.document_id);
        item.documentId = ticket.document_id;
        item.duplicateOf = ticket.duplicate_of;
        set(item, "uploading");
        await putFile(ticket, file, (sent) => {
          item.sent = sent;
          options.onProgress();
        }, signal);
        if (stale()) return;
        item.confirmOnRetry = true;
      }
      set(item, "confirming");
      const id = item.documentId!;
      let document: DocumentState;
      try {
        document = await api<DocumentState>(`/api/documents/${id}/confirm`, {
          method: "POST",
          signal,
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === "documents.already_confirmed") {
          // An earlier confirmation got through; its answer was lost on the way back.
          document = await api<DocumentState>(`/api/documents/${id}`, { signal });
        } else {
          // Refused (the server deleted the upload) or gone: a retry starts over.
          if (error.status !== 0 && error.status < 500) item.confirmOnRetry = false;
          throw error;
        }
      }
      if (stale()) return;
      confirmed = true;
      item.confirmOnRetry = false;
      item.duplicateOf ||= document.duplicate_of;
      announceDocumentsChanged({ ids: [id], reason: "uploaded" });
      set(item, "processing");
      options.announce(`${file.name} uploaded; processing.`);
      await watch(item, document, stale);
    } catch (error) {
      if (stale()) return;
      if (!confirmed && !item.confirmOnRetry) {
        discard(item.documentId);
        item.documentId = undefined;
      }
      fail(item, error instanceof UploadError ? error : apiFailure(error));
    }
  }

  /** Poll the document until its processing settles: 1 s, ×1.5, at most 10 s apart. */
  async function watch(item: UploadItem, document: DocumentState, stale: () => boolean) {
    const id = document.id;
    for (let attempt = 0; document.status === "uploaded" || document.status === "processing";) {
      await sleep(pollDelay(attempt++));
      if (stale()) return;
      try {
        document = await api<DocumentState>(`/api/documents/${id}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          throw new UploadError("This document was deleted.", false);
        }
        // Offline for a moment, or the server restarting: keep asking, more slowly.
        continue;
      }
      if (stale()) return;
      item.duplicateOf ||= document.duplicate_of;
    }
    announceDocumentsChanged({ ids: [id], reason: "processed" });
    if (document.status === "ready") {
      set(item, "ready");
      options.announce(
        `${item.file.name} is ready.${item.duplicateOf ? " It was already in your vault." : ""}`,
      );
    } else {
      throw new UploadError(
        `Failed: ${document.error_message ?? "the document could not be processed."}`,
        false,
      );
    }
  }

  return {
    items: items as readonly UploadItem[],

    /** Queue these files; returns the key of the first one (0 when there were none). */
    add(files: Iterable<File>): number {
      const first = nextKey;
      let count = 0;
      let name = "";
      for (const file of files) {
        items.push({
          key: nextKey++,
          file,
          phase: "queued",
          sent: 0,
          message: "",
          retryable: false,
          run: 0,
        });
        count++;
        name = file.name;
      }
      if (!count) return 0;
      options.announce(
        count === 1 ? `${name} added to the uploads.` : `${count} files added to the uploads.`,
      );
      pump();
      options.onChange();
      return first;
    },

    cancel(item: UploadItem) {
      if (!canCancel(item)) return;
      item.run++;
      item.controller?.abort();
      discard(item.documentId);
      item.documentId = undefined;
      item.confirmOnRetry = false;
      item.retryable = true;
      set(item, "cancelled");
      options.announce(`Upload of ${item.file.name} cancelled.`);
    },

    retry(item: UploadItem) {
      if (!item.retryable || !(item.phase === "failed" || item.phase === "cancelled")) return;
      item.retryable = false;
      set(item, "queued");
    },

    /** Remove settled items (all of them, or just `only`). */
    clear(only?: UploadItem) {
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (!isSettled(item) || (only && item !== only)) continue;
        items.splice(i, 1);
        item.run++;
        // Stored but never confirmed: remove it now rather than at the hourly sweep.
        if (item.confirmOnRetry) discard(item.documentId);
      }
      options.onChange();
    },
  };
}

export type UploadQueueStore = ReturnType<typeof createUploadQueue>;
