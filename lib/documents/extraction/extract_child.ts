/**
 * The extraction child process, started by extractor.ts with no permissions beyond what
 * loading the code needs: reads one frame of PDF bytes at a time from stdin, answers each
 * with one frame of JSON on stdout (child_protocol.ts), and exits when stdin closes.
 *
 * Usage: deno run extract_child.ts --max-pages=N --max-text-chars=N
 */
import { getResolvedPDFJS } from "unpdf";
import { createFrameReader, encodeMessage } from "./child_protocol.ts";
import { extractPdfText, type TextLimits } from "./pdf_text.ts";

/** Larger inputs are refused by the parent before they get here. */
const MAX_INPUT_BYTES = 0xffff_ffff;
const encoder = new TextEncoder();

function writeStderr(...args: unknown[]): void {
  const line = args.map((arg) => typeof arg === "string" ? arg : Deno.inspect(arg)).join(" ");
  Deno.stderr.writeSync(encoder.encode(line + "\n"));
}

/** `--name=value` as a positive integer, or exit: the parent always passes both. */
function readLimit(name: string): number {
  const arg = Deno.args.find((a) => a.startsWith(`--${name}=`));
  const value = Number(arg?.slice(name.length + 3));
  if (!Number.isSafeInteger(value) || value <= 0) {
    writeStderr(`extract_child: --${name} must be a positive integer`);
    Deno.exit(2);
  }
  return value;
}

// stdout carries frames only. pdf.js reports through console.log and console.info, so
// everything a library prints goes to stderr, where the parent keeps it for its logs.
for (const method of ["log", "info", "debug", "dir", "table", "trace", "warn", "error"]) {
  Object.assign(console, { [method]: writeStderr });
}
// A promise pdf.js forgets to handle must not end the process between jobs.
globalThis.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  writeStderr("unhandled rejection:", event.reason);
});

const limits: TextLimits = {
  maxPages: readLimit("max-pages"),
  maxTextChars: readLimit("max-text-chars"),
};
await getResolvedPDFJS();

const stdout = Deno.stdout.writable.getWriter();
await stdout.write(encodeMessage({ type: "ready" }));
const frames = createFrameReader(Deno.stdin.readable, MAX_INPUT_BYTES);
while (true) {
  const pdf = await frames.next();
  if (pdf === null) break;
  const answer = await extractPdfText(pdf, limits);
  const rssKiB = Math.round(Deno.memoryUsage().rss / 1024);
  await stdout.write(encodeMessage({ ...answer, rssKiB }));
}
Deno.exit(0);
