import { assert, assertEquals } from "../../shared/assert.ts";
import { createRssSampler, watchRss } from "./rss_sampler.ts";

const onLinux = Deno.build.os === "linux";

Deno.test({
  name: "createRssSampler - reads a process's resident memory, null for a missing one",
  ignore: !onLinux,
  async fn() {
    const sampler = createRssSampler();
    try {
      const [own, missing] = await Promise.all([sampler.read(Deno.pid), sampler.read(2 ** 30)]);
      const mine = Deno.memoryUsage().rss / 1024;
      assert(
        own !== null && own > mine / 2 && own < mine * 2,
        `read ${own} KiB, expected ~${mine}`,
      );
      assertEquals(missing, null);
      await sampler.close();
      assert((await sampler.read(Deno.pid))! > 0, "a read after close starts a new helper");
    } finally {
      await sampler.close();
    }
  },
});

Deno.test("watchRss - calls onExceeded once, past the limit, and stops", async () => {
  const readings = [100, 200, 300, 400];
  const exceeded: number[] = [];
  const watch = watchRss(1, {
    read: () => Promise.resolve(readings.shift() ?? 0),
    limitKiB: 250,
    onExceeded: (kib) => exceeded.push(kib),
    onUnreadable: () => {
      throw new Error("readable");
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 350));
  watch.stop();
  assertEquals(exceeded, [300]);
  assertEquals(watch.peakKiB(), 300);
  assertEquals(readings, [400], "no reading after the limit was passed");
});

Deno.test("watchRss - reports once when memory cannot be read", async () => {
  let unreadable = 0;
  const watch = watchRss(1, {
    read: () => Promise.resolve(null),
    limitKiB: 250,
    onExceeded: () => {
      throw new Error("no reading");
    },
    onUnreadable: () => unreadable++,
  });
  await new Promise((resolve) => setTimeout(resolve, 250));
  watch.stop();
  assertEquals(unreadable, 1);
  assertEquals(watch.peakKiB(), null);
});
