/** One file of the upload queue: name, size, progress, status and its buttons. */
import { formatBytes } from "../../lib/shared/format.ts";
import type { Phase, UploadItem } from "./upload_queue.ts";

const ICON = { class: "icon", viewBox: "0 0 24 24", "aria-hidden": "true" as const };

export function UploadIcon() {
  return (
    <svg {...ICON}>
      <path d="M12 15V4M7.5 8.5 12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}

function StatusIcon({ phase }: { phase: Phase }) {
  const path = phase === "ready"
    ? "M8 12.5l2.8 2.8L16.5 9.5"
    : phase === "failed"
    ? "M12 7.5v5.5M12 16.5v.01"
    : phase === "cancelled"
    ? "M9 9l6 6M15 9l-6 6"
    : null;
  return (
    <span class={`upload-item__icon upload-item__icon--${phase}`}>
      {path
        ? (
          <svg {...ICON}>
            <circle cx="12" cy="12" r="9" />
            <path d={path} />
          </svg>
        )
        : (
          <svg {...ICON}>
            <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
            <path d="M14 3v5h5" />
          </svg>
        )}
    </span>
  );
}

function status(item: UploadItem): string {
  const total = formatBytes(item.file.size);
  switch (item.phase) {
    case "queued":
      return `${total} · Queued`;
    case "preparing":
      return `${total} · Checking…`;
    case "uploading": {
      const percent = Math.floor((item.sent / item.file.size) * 100);
      return `${formatBytes(item.sent)} of ${total} · ${percent} %`;
    }
    case "confirming":
      return `${total} · Verifying…`;
    case "processing":
      return `${total} · Processing…`;
    case "ready":
      return `${total} · Ready`;
    case "cancelled":
      return `${total} · Cancelled`;
    default:
      return item.message;
  }
}

function Bar({ item }: { item: UploadItem }) {
  const label = `Progress of ${item.file.name}`;
  if (item.phase === "preparing" || item.phase === "processing") {
    return <progress key="busy" class="upload-item__bar" aria-label={label} />;
  }
  return (
    <progress
      key="bytes"
      class="upload-item__bar"
      max={item.file.size}
      value={item.phase === "confirming" ? item.file.size : item.sent}
      aria-label={label}
    />
  );
}

const CLOSE = "M6 6l12 12M18 6 6 18";

export function UploadRow({ item, onCancel, onRetry, onRemove }: {
  item: UploadItem;
  onCancel?: () => void;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const { phase, key } = item;
  const name = item.file.name;
  const settled = phase === "ready" || phase === "failed" || phase === "cancelled";
  const action = onCancel
    ? ["Cancel", onCancel] as const
    : settled && item.retryable
    ? ["Retry", onRetry] as const
    : null;
  return (
    <li class={`upload-item upload-item--${phase}`} data-key={key} tabIndex={-1}>
      <StatusIcon phase={phase} />
      <div class="upload-item__text">
        <p class="upload-item__name" title={name}>{name}</p>
        <p class="upload-item__status">{status(item)}</p>
        {item.duplicateOf && (
          <p class="upload-item__note">
            Already in your vault:{" "}
            <a href={`/documents?open=${item.duplicateOf}`}>
              open the first copy
            </a>
          </p>
        )}
      </div>
      <div class="upload-item__actions">
        {action && (
          // One button for Cancel and Retry: it keeps the focus when one becomes the other.
          <button
            type="button"
            class="upload-queue__text-button"
            data-key={key}
            aria-label={`${action[0]} upload of ${name}`}
            onClick={action[1]}
          >
            {action[0]}
          </button>
        )}
        {phase === "ready" && item.documentId && (
          <a
            class="upload-queue__text-button"
            href={`/documents?open=${item.documentId}`}
            aria-label={`Open ${name}`}
          >
            Open
          </a>
        )}
        {settled && (
          <button
            type="button"
            class="upload-queue__icon-button"
            data-key={key}
            aria-label={`Remove ${name} from the list`}
            title="Remove from the list"
            onClick={onRemove}
          >
            <svg {...ICON}>
              <path d={CLOSE} />
            </svg>
          </button>
        )}
      </div>
      {!settled && <Bar item={item} />}
    </li>
  );
}
