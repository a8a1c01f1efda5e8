/**
 * Test assertions in the @std/assert style (JSR is unreachable), as thin names over
 * Node's built-in `node:assert/strict`, which Deno ships.
 */
import nodeAssert from "node:assert/strict";

export function assert(value: unknown, message?: string): asserts value {
  nodeAssert.ok(value, message);
}

export function assertEquals<T>(
  actual: unknown,
  expected: T,
  message?: string,
): asserts actual is T {
  nodeAssert.deepStrictEqual(actual, expected, message);
}

export function assertNotEquals(actual: unknown, expected: unknown, message?: string): void {
  nodeAssert.notDeepStrictEqual(actual, expected, message);
}

export function assertMatch(actual: string, pattern: RegExp, message?: string): void {
  nodeAssert.match(actual, pattern, message);
}

export function assertStringIncludes(actual: string, expected: string, message?: string): void {
  nodeAssert.ok(
    actual.includes(expected),
    message ??
      `expected ${JSON.stringify(actual.slice(0, 500))} to include ${JSON.stringify(expected)}`,
  );
}

export function assertInstanceOf<T>(
  value: unknown,
  type: abstract new (...args: never[]) => T,
  message?: string,
): asserts value is T {
  nodeAssert.ok(value instanceof type, message ?? `expected an instance of ${type.name}`);
}

/** Assert that `fn` throws (or rejects); returns the error for further checks. */
export async function assertRejects(fn: () => unknown, message?: string): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new nodeAssert.AssertionError({ message: message ?? "expected the call to throw" });
}

export function assertThrows(fn: () => unknown, message?: string): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new nodeAssert.AssertionError({ message: message ?? "expected the call to throw" });
}
