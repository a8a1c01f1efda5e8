/**
 * Serve the app with a graceful shutdown that really lets requests in flight finish.
 *
 * Deno 2.9's `server.shutdown()` makes request bodies that are still arriving unreadable
 * (denoland/deno#36809: reads fail with BadResource), which would break an upload in
 * progress. So shutdown happens in two steps: first drain — new requests get 503 with
 * `Connection: close`, and we wait for the handlers already running — then call
 * `server.shutdown()`, which waits for response bodies still streaming out.
 */
import type { Logger } from "./logger.ts";

export interface ServeOptions {
  hostname: string;
  port: number;
  logger: Logger;
  onListen?: (addr: Deno.NetAddr) => void;
}

export interface GracefulServer {
  readonly addr: Deno.NetAddr;
  /** Stop taking requests, wait (up to `deadlineMs`) for those in flight, close. */
  shutdown(deadlineMs: number): Promise<void>;
}

const SHUTTING_DOWN_BODY = JSON.stringify({
  error: { code: "shutting_down", message: "The server is restarting. Please try again." },
});

export function serveGracefully(
  handler: (
    request: Request,
    info: Deno.ServeHandlerInfo<Deno.NetAddr>,
  ) => Response | Promise<Response>,
  options: ServeOptions,
): GracefulServer {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | null = null;

  const server = Deno.serve({
    hostname: options.hostname,
    port: options.port,
    onListen: (addr) => options.onListen?.(addr),
  }, async (request, info) => {
    if (draining) {
      return new Response(SHUTTING_DOWN_BODY, {
        status: 503,
        headers: { "content-type": "application/json", connection: "close", "retry-after": "5" },
      });
    }
    inFlight++;
    try {
      return await handler(request, info);
    } finally {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    }
  });

  return {
    addr: server.addr,
    async shutdown(deadlineMs) {
      draining = true;
      if (inFlight > 0) {
        options.logger.info("waiting for requests in flight", { requests: inFlight });
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (onIdle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs))),
        ]);
        clearTimeout(timer);
        if (inFlight > 0) {
          options.logger.warn("requests still running at the shutdown deadline", {
            requests: inFlight,
          });
        }
      }
      await server.shutdown();
    },
  };
}
