/**
 * What the extractor and its child processes say to each other over stdin and stdout:
 * length-prefixed frames. The parent sends one frame of PDF bytes per job; the child
 * answers with one frame of JSON (a `ChildMessage`). A magic prefix on every frame means
 * stray output on the child's stdout is caught as a broken protocol, not misread as data.
 */
import type { ExtractionFailure, ExtractionResult } from "./extraction_types.ts";

export type ChildMessage =
  /** Sent once, after the child has loaded pdf.js: it can take jobs now. */
  | { type: "ready" }
  | {
    type: "done";
    result: ExtractionResult;
    /** Whether maxPages or maxTextChars cut the text short. */
    truncated: boolean;
    /** The child's resident memory as it answers, in KiB (see `JobAnswer`). */
    rssKiB?: number;
  }
  | {
    type: "failed";
    reason: ExtractionFailure;
    /** For the user. */
    message: string;
    /** For the logs: what pdf.js said. */
    detail?: string;
    rssKiB?: number;
  };

/**
 * The answer to a job. The child adds its own resident memory, so that the parent can
 * decide whether to retire it without reading /proc between two jobs — a reading that
 * waits for the parent's event loop, which is busy with the previous document's database
 * work, and would leave the child idle meanwhile.
 */
export type JobAnswer = Extract<ChildMessage, { type: "done" | "failed" }>;

const MAGIC = [0x44, 0x56, 0x58, 0x01]; // "DVX" + version 1
export const FRAME_HEADER_BYTES = 8;

/** The protocol was broken: a bad prefix, an oversized frame or a stream cut mid-frame. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrameError";
  }
}

/** The 8-byte header that goes before a payload of `length` bytes. */
export function frameHeader(length: number): Uint8Array {
  const header = new Uint8Array(FRAME_HEADER_BYTES);
  header.set(MAGIC);
  new DataView(header.buffer).setUint32(4, length);
  return header;
}

/** A frame holding `message` as JSON. */
export function encodeMessage(message: ChildMessage): Uint8Array {
  const payload = new TextEncoder().encode(JSON.stringify(message));
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  frame.set(frameHeader(payload.length));
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

export function decodeMessage(payload: Uint8Array): ChildMessage {
  const message = JSON.parse(new TextDecoder().decode(payload));
  if (typeof message?.type !== "string") throw new FrameError("a message without a type");
  return message as ChildMessage;
}

export interface FrameReader {
  /** The next frame's payload, or null at the end of the stream. Throws FrameError. */
  next(): Promise<Uint8Array | null>;
  /** Stop reading (releases the stream). */
  cancel(): Promise<void>;
}

/** Read frames from `stream`, refusing any larger than `maxBytes`. */
export function createFrameReader(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): FrameReader {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let buffered = 0;

  /** Buffer at least `bytes` bytes; false when the stream ends first. */
  async function fill(bytes: number): Promise<boolean> {
    while (buffered < bytes) {
      const { value, done } = await reader.read();
      if (done) return false;
      chunks.push(value);
      buffered += value.length;
    }
    return true;
  }

  /** Remove the first `bytes` buffered bytes and return them as one array. */
  function take(bytes: number): Uint8Array {
    const out = new Uint8Array(bytes);
    let offset = 0;
    while (offset < bytes) {
      const chunk = chunks[0];
      const wanted = bytes - offset;
      if (chunk.length <= wanted) {
        out.set(chunk, offset);
        offset += chunk.length;
        chunks.shift();
      } else {
        out.set(chunk.subarray(0, wanted), offset);
        chunks[0] = chunk.subarray(wanted);
        offset += wanted;
      }
    }
    buffered -= bytes;
    return out;
  }

  return {
    async next() {
      if (!(await fill(FRAME_HEADER_BYTES))) {
        if (buffered > 0) throw new FrameError("the stream ended inside a frame header");
        return null;
      }
      const header = take(FRAME_HEADER_BYTES);
      if (MAGIC.some((byte, i) => header[i] !== byte)) {
        throw new FrameError("a frame did not start with the protocol's prefix");
      }
      const length = new DataView(header.buffer).getUint32(4);
      if (length > maxBytes) {
        throw new FrameError(`a frame of ${length} bytes is over the limit of ${maxBytes}`);
      }
      if (!(await fill(length))) throw new FrameError("the stream ended inside a frame");
      return take(length);
    },
    async cancel() {
      await reader.cancel().catch(() => {});
    },
  };
}
