// Runs one section in this (fresh) process and prints its result as the last line of stdout, so that sections
// never share a heap, a JIT or an event loop. Usage: node --expose-gc section.mjs <name> '<options JSON>' [--quick]
// A SIGTERM (the orchestrator's time cap) exits through process.exit, which kills this section's servers.
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: "boolean", default: false } },
});
const [name = "", options = "{}"] = positionals;
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) process.once(signal, () => process.exit(143));

const section = await import(`./sections/${name}.mjs`);
const result = await section.measure({ ...(values.quick ? section.quick : {}), ...JSON.parse(options) });
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);
