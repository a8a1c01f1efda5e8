import { useEffect, useState } from "preact/hooks";
import { api } from "../lib/app/client/api.ts";
import { onDocumentsChanged } from "../lib/app/client/events.ts";
import { formatBytes, quotaLevel } from "../lib/shared/format.ts";

export interface QuotaBarProps {
  used: number;
  limit: number;
}

/**
 * Storage used of the quota: amber from 80 %, red from 95 %. Server-rendered with the
 * figures of the page; refreshed when documents are uploaded or deleted.
 */
export default function QuotaBar({ used, limit }: QuotaBarProps) {
  const [quota, setQuota] = useState({ used, limit });
  useEffect(() =>
    onDocumentsChanged((change) => {
      if (change.reason !== "uploaded" && change.reason !== "deleted") return;
      api<{ used_bytes: number; limit_bytes: number }>("/api/users/me/quota")
        .then((q) => setQuota({ used: q.used_bytes, limit: q.limit_bytes }))
        .catch(() => {}); // The figure stays as it was; the next change tries again.
    }), []);
  const { percent, level } = quotaLevel(quota.used, quota.limit);
  const text = `${formatBytes(quota.used)} of ${formatBytes(quota.limit)} used`;
  return (
    <div class={`quota quota--${level}`} data-level={level}>
      <div class="quota__label">
        <span>Storage</span>
        <span class="quota__figure">{Math.round(percent)} %</span>
      </div>
      <progress class="quota__bar" max={100} value={percent} aria-label={`Storage: ${text}`}>
        {Math.round(percent)} %
      </progress>
      <p class="quota__text">
        {text}
        {level === "danger" ? " — almost full" : level === "warning" ? " — getting full" : ""}
      </p>
    </div>
  );
}
