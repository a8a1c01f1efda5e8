/**
 * Polling while something is processing, backing off: 1 s, then ×1.5, at most 10 s
 * apart. One schedule for every island that watches a document settle.
 */

/** Wait before the n-th check (0-based). */
export function pollDelay(attempt: number): number {
  return Math.min(10_000, 1000 * 1.5 ** attempt);
}

/**
 * Run `tick` on the back-off schedule for as long as it answers true (a failing tick
 * counts as "keep going"). `stopped()` tells a tick in flight that it is no longer
 * wanted. Returns the function that stops polling (for a useEffect cleanup).
 */
export function pollWithBackoff(tick: (stopped: () => boolean) => Promise<boolean>): () => void {
  let attempt = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const isStopped = () => stopped;
  const run = async () => {
    const again = await tick(isStopped).catch(() => true);
    if (!stopped && again) timer = setTimeout(run, pollDelay(attempt++));
  };
  timer = setTimeout(run, pollDelay(attempt++));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
