import { assert, assertEquals, assertInstanceOf, assertRejects } from "../shared/assert.ts";
import { ForbiddenError } from "../shared/errors.ts";
import {
  contentDisposition,
  type DownloadGrant,
  type Grant,
  importSigningKey,
  SIGNED_URL_PREFIX,
  signGrant,
  type UploadGrant,
  verifyGrant,
} from "./signed_urls.ts";

const key = await importSigningKey("signed-urls-test-key-0123456789abcdef");
const NOW_MS = Date.UTC(2026, 0, 1);
const EXP = NOW_MS / 1000 + 600;

const upload: UploadGrant = {
  method: "PUT",
  key: "u1/doc/file.pdf",
  expiresAt: EXP,
  size: 1234,
  contentType: "application/pdf",
};
const download: DownloadGrant = {
  method: "GET",
  key: "u1/doc/file.pdf",
  expiresAt: EXP,
  contentType: "application/pdf",
  disposition: contentDisposition("attachment", "Rechnung März.pdf"),
};

/** What the /files route hands to verifyGrant for a signed path. */
function requestFor(path: string, method: string, nowMs = NOW_MS) {
  const url = new URL(path, "http://localhost");
  assert(url.pathname.startsWith(SIGNED_URL_PREFIX), url.pathname);
  return {
    method,
    objectKey: decodeURIComponent(url.pathname.slice(SIGNED_URL_PREFIX.length)),
    query: url.searchParams,
    nowMs,
  };
}

async function assertDenied(
  request: ReturnType<typeof requestFor>,
  what: string,
  signingKey = key,
): Promise<void> {
  const error = await assertRejects(() => verifyGrant(signingKey, request), `${what} accepted`);
  assertInstanceOf(error, ForbiddenError, `${what}: ${error}`);
  assertEquals(error.status, 403);
  assertEquals(error.code, "storage.bad_signature");
}

/** `request` with one query parameter changed (or removed when `value` is null). */
function withParam(request: ReturnType<typeof requestFor>, name: string, value: string | null) {
  const query = new URLSearchParams(request.query);
  if (value === null) query.delete(name);
  else query.set(name, value);
  return { ...request, query };
}

Deno.test("signed URLs - a signed grant verifies back to the same grant", async (t) => {
  for (const grant of [upload, download] satisfies Grant[]) {
    await t.step(`${grant.method} round trip`, async () => {
      const path = await signGrant(key, grant);
      assert(path.startsWith("/files/u1/doc/file.pdf?"), path);
      assertEquals(await verifyGrant(key, requestFor(path, grant.method)), grant);
    });
  }
  await t.step("a GET grant also allows HEAD", async () => {
    const path = await signGrant(key, download);
    assertEquals(await verifyGrant(key, requestFor(path, "HEAD")), download);
  });
  await t.step("a grant is valid until its expiry second", async () => {
    const path = await signGrant(key, upload);
    assertEquals(await verifyGrant(key, requestFor(path, "PUT", EXP * 1000)), upload);
  });
});

Deno.test("signed URLs - changing any part of a grant makes it invalid (403)", async (t) => {
  const putPath = await signGrant(key, upload);
  const getPath = await signGrant(key, download);
  const put = requestFor(putPath, "PUT");
  const get = requestFor(getPath, "GET");

  await t.step("key", async () => {
    await assertDenied({ ...put, objectKey: "u1/doc/other.pdf" }, "PUT to another key");
    await assertDenied({ ...get, objectKey: "u2/doc/file.pdf" }, "GET of another key");
    await assertDenied({ ...get, objectKey: "u1/doc/file.pd" }, "GET of a shorter key");
  });
  await t.step("exp", async () => {
    await assertDenied(withParam(put, "exp", String(EXP + 1)), "PUT exp + 1");
    await assertDenied(withParam(get, "exp", String(EXP + 86400)), "GET exp + 1 day");
    await assertDenied(withParam(get, "exp", null), "no exp");
    await assertDenied(withParam(get, "exp", "soon"), "exp not a number");
  });
  await t.step("size", async () => {
    await assertDenied(withParam(put, "size", "1235"), "size + 1");
    await assertDenied(withParam(put, "size", "1233"), "size - 1");
    await assertDenied(withParam(put, "size", "999999999"), "size huge");
    await assertDenied(withParam(put, "size", "-1"), "size negative");
    await assertDenied(withParam(put, "size", null), "no size");
  });
  await t.step("ct", async () => {
    await assertDenied(withParam(put, "ct", "text/html"), "PUT as text/html");
    await assertDenied(withParam(get, "ct", "text/html"), "GET as text/html");
    await assertDenied(withParam(get, "ct", "application/pdf; charset=utf-8"), "ct extended");
    await assertDenied(withParam(get, "ct", null), "no ct");
  });
  await t.step("disp", async () => {
    await assertDenied(
      withParam(get, "disp", download.disposition.replace("attachment", "inline")),
      "attachment turned inline",
    );
    await assertDenied(
      withParam(get, "disp", contentDisposition("attachment", "evil.html")),
      "another file name",
    );
    await assertDenied(withParam(get, "disp", null), "no disp");
  });
  await t.step("sig: every single character", async () => {
    const sig = put.query.get("sig")!;
    assertEquals(sig.length, 43);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < sig.length; i++) {
      for (const replacement of alphabet) {
        if (replacement === sig[i]) continue;
        const tampered = sig.slice(0, i) + replacement + sig.slice(i + 1);
        await assertDenied(withParam(put, "sig", tampered), `sig[${i}] = ${replacement}`);
      }
    }
  });
  await t.step("method", async () => {
    await assertDenied({ ...put, method: "GET" }, "upload URL used for GET");
    await assertDenied({ ...get, method: "PUT" }, "download URL used for PUT");
    for (const method of ["POST", "DELETE", "PATCH", "OPTIONS"]) {
      await assertDenied({ ...put, method }, `upload URL used for ${method}`);
      await assertDenied({ ...get, method }, `download URL used for ${method}`);
    }
  });
  await t.step("a URL signed with another key", async () => {
    const otherKey = await importSigningKey("another-key-entirely-0123456789abcdef");
    await assertDenied(put, "verified with another key", otherKey);
  });
});

Deno.test("signed URLs - an expired grant is refused (403)", async () => {
  const path = await signGrant(key, upload);
  await assertDenied(requestFor(path, "PUT", EXP * 1000 + 1), "1 ms after expiry");
  await assertDenied(requestFor(path, "PUT", EXP * 1000 + 86400_000), "a day later");
  const download = await signGrant(key, { ...upload, method: "GET", disposition: "inline" });
  await assertDenied(requestFor(download, "GET", EXP * 1000 + 1000), "expired download");
});

Deno.test("signed URLs - a malformed signature is refused (403)", async () => {
  const put = requestFor(await signGrant(key, upload), "PUT");
  const sig = put.query.get("sig")!;
  const malformed = [
    "",
    "abc",
    sig.slice(0, 42),
    sig + "A",
    sig + "=",
    sig.slice(0, 42) + "+",
    sig.slice(0, 42) + "/",
    sig.slice(0, 42) + "=",
    "%" + sig.slice(1),
    " " + sig.slice(1),
    "A".repeat(43),
    "-".repeat(43),
  ];
  for (const value of malformed) {
    await assertDenied(withParam(put, "sig", value), `sig ${JSON.stringify(value)}`);
  }
  await assertDenied(withParam(put, "sig", null), "no sig");
});

Deno.test("contentDisposition - builds an RFC 6266 header with an ASCII fallback", async (t) => {
  // RFC 8187 attr-char: what may appear unencoded in filename*.
  const extValue = /filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/;

  await t.step("a plain ASCII name", () => {
    assertEquals(
      contentDisposition("attachment", "report-2026.pdf"),
      `attachment; filename="report-2026.pdf"; filename*=UTF-8''report-2026.pdf`,
    );
    assertEquals(
      contentDisposition("inline", "scan.pdf"),
      `inline; filename="scan.pdf"; filename*=UTF-8''scan.pdf`,
    );
  });
  await t.step("quotes and backslashes cannot break out of the quoted fallback", () => {
    const value = contentDisposition("attachment", 'a"b\\c.pdf');
    assertEquals(value, `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
  await t.step("a non-ASCII name keeps its UTF-8 form in filename*", () => {
    const value = contentDisposition("attachment", "Rechnung März.pdf");
    assertEquals(
      value,
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
    const name = contentDisposition("inline", "請求書 2026.pdf");
    assertEquals(decodeURIComponent(extValue.exec(name)![1]), "請求書 2026.pdf");
    assert(/^[\x20-\x7e]*$/.test(name), "the header value is plain ASCII");
  });
  await t.step("line breaks and control characters never reach the header", () => {
    const value = contentDisposition("attachment", "a\r\nSet-Cookie: x=1\0.pdf");
    assert(/^[\x20-\x7e]*$/.test(value), JSON.stringify(value));
    assertStringHas(value, `filename="a__Set-Cookie: x=1_.pdf"`);
  });
  await t.step("filename* carries only RFC 8187 attr-chars, whatever the name", () => {
    for (const name of ["John's (draft) *final*.pdf", "100% sure!.pdf", "a;b,c=d.pdf"]) {
      const match = extValue.exec(contentDisposition("attachment", name));
      assert(match, `valid ext-value for ${JSON.stringify(name)}`);
      assertEquals(decodeURIComponent(match[1]), name);
    }
  });
});

function assertStringHas(actual: string, expected: string): void {
  assert(actual.includes(expected), `${JSON.stringify(actual)} lacks ${JSON.stringify(expected)}`);
}
