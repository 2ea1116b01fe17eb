// One per-call variant, `calls` checked calls in a row and nothing else: for counting instructions per call with
// callgrind, as the difference of two runs (which cancels Node's start-up and the imports), e.g.
//   valgrind --tool=callgrind node bench/src/clients/icount.mjs "@iot-jobs/client" http://127.0.0.1:PORT 550
// against `node bench/src/servers/canned-page-server.mjs` (prints its URL). Also a target for `node --cpu-prof`.
import { variantFactories } from "../sections/per-call.mjs";
import { PAGE_SIZE } from "../servers/page.mjs";

const [name = "", endpoint = "", calls = "100"] = process.argv.slice(2);
const factory = variantFactories[name];
if (!factory) throw new Error(`unknown variant ${name}`);
const call = await factory(endpoint);
for (let i = 0; i < Number(calls); i++) {
  const items = await call();
  if (items !== PAGE_SIZE) throw new Error(`read ${items} items, not ${PAGE_SIZE}`);
}
// Keep-alive sockets may stay open: leave at once.
process.exit(0);
