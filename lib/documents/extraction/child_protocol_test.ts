import { assertEquals, assertInstanceOf, assertMatch, assertRejects } from "../../shared/assert.ts";
import {
  createFrameReader,
  decodeMessage,
  encodeMessage,
  FrameError,
  frameHeader,
} from "./child_protocol.ts";

/** A stream that delivers `bytes` in chunks of `size`, as a pipe might. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

Deno.test("createFrameReader - reads frames split and joined across chunks", async () => {
  const pdf = new Uint8Array(10_000).map((_, i) => i % 251);
  const stream = concat(
    frameHeader(pdf.length),
    pdf,
    encodeMessage({ type: "ready" }),
    frameHeader(0),
  );
  for (const size of [1, 7, 4096, stream.length]) {
    const frames = createFrameReader(chunked(stream, size), 1_000_000);
    assertEquals(await frames.next(), pdf);
    assertEquals(decodeMessage((await frames.next())!), { type: "ready" });
    assertEquals(await frames.next(), new Uint8Array(0));
    assertEquals(await frames.next(), null);
  }
});

Deno.test("createFrameReader - rejects output that is not a frame", async () => {
  const frames = createFrameReader(chunked(new TextEncoder().encode("Warning: hi\n"), 64), 100);
  const error = await assertRejects(() => frames.next());
  assertInstanceOf(error, FrameError);
  assertMatch(error.message, /prefix/);
});

Deno.test("createFrameReader - rejects a frame over the size limit", async () => {
  const frames = createFrameReader(chunked(frameHeader(101), 64), 100);
  const error = await assertRejects(() => frames.next());
  assertInstanceOf(error, FrameError);
  assertMatch(error.message, /101 bytes/);
});

Deno.test("createFrameReader - rejects a stream cut inside a frame", async () => {
  const cutInBody = concat(frameHeader(10), new Uint8Array(5));
  const cutInHeader = frameHeader(10).slice(0, 5);
  for (const bytes of [cutInBody, cutInHeader]) {
    const frames = createFrameReader(chunked(bytes, 3), 100);
    assertInstanceOf(await assertRejects(() => frames.next()), FrameError);
  }
});

Deno.test("decodeMessage - refuses JSON that is not a message", () => {
  const payload = new TextEncoder().encode(JSON.stringify({ text: "hi" }));
  let error: unknown;
  try {
    decodeMessage(payload);
  } catch (caught) {
    error = caught;
  }
  assertInstanceOf(error, FrameError);
});
