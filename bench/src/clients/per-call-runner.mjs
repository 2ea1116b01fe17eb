// One variant of the per-call section in a process of its own: `node per-call-runner.mjs <variant> <endpoint>`.
// The parent sends { warmup } or { calls } over IPC; the runner answers with the wall time of every call (ms) and
// its own CPU time for the block. The process is the variant's alone, so its heap holds only its own garbage: no
// forced GC between blocks (a full GC shrinks the heap and makes the next block pay to grow it again).

import { variantFactories } from "../sections/per-call.mjs";
import { PAGE_SIZE } from "../servers/page.mjs";

const [name = "", endpoint = ""] = process.argv.slice(2);
const factory = variantFactories[name];
if (!factory) throw new Error(`unknown variant ${name}`);
const call = await factory(endpoint);

/** One call, checked: a variant that reads a short page is broken, not fast. */
async function check() {
  const items = await call();
  if (items !== PAGE_SIZE) throw new Error(`read ${items} items, not ${PAGE_SIZE}`);
}

// The parent is done (or gone): leave, whatever keep-alive sockets are still open.
process.on("disconnect", () => process.exit(0));

process.on("message", async (/** @type {{ warmup?: number, calls?: number }} */ message) => {
  try {
    for (let i = 0; i < (message.warmup ?? 0); i++) await check();
    const wallMs = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < (message.calls ?? 0); i++) {
      const start = performance.now();
      await check();
      wallMs.push(performance.now() - start);
    }
    const used = process.cpuUsage(cpu0);
    process.send?.({ wallMs, cpuMs: (used.user + used.system) / 1000 });
  } catch (error) {
    process.send?.({ error: String(error) });
  }
});
