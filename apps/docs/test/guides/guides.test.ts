// The guides' code is real: every TypeScript snippet type-checks against the published types of
// @iot-jobs/client and @iot-jobs/mocks, each guide's `ts` blocks run in order against the mocks and print
// what their comments promise. The boto3, aws CLI and control API snippets are run by standalone.test.ts,
// and the links between guides are followed by the browser test.
import type { SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { readGuides } from "../../scripts/lib/guides.mjs";
import { guidesDir } from "../../scripts/lib/paths.mjs";
import { codeBlocks, instrumentLogs, promisedLogs } from "./code-blocks.js";
import { runModule, SnippetFiles } from "./snippet-files.js";

const guides = readGuides(guidesDir).map((guide) => {
  const blocks = codeBlocks(guide.body);
  const name = guide.file.replace(/\.md$/, "");
  return {
    ...guide,
    name,
    blocks,
    runnable: blocks
      .filter((b) => b.lang === "ts")
      .map((b) => b.code)
      .join("\n"),
  };
});
const files = new SnippetFiles();
afterAll(() => files.remove());

test("the guides have TypeScript to check and to run", () => {
  expect(guides.map((g) => g.title)).toEqual([
    "Getting started with the client",
    "Paging through a large job",
    "Handling errors and retries",
    "Mocking in your tests",
  ]);
  for (const guide of guides) expect(guide.runnable, guide.file).not.toBe("");
});

test("every TypeScript snippet type-checks against the published packages", () => {
  for (const guide of guides) {
    files.write(`${guide.name}.ts`, guide.runnable);
    const extras = guide.blocks.filter((block) => block.lang === "typescript");
    for (const [index, block] of extras.entries()) files.write(`${guide.name}.extra-${index}.ts`, block.code);
  }
  expect(files.typecheck()).toBe("");
});

describe.each(guides)("$file", (guide) => {
  // A guide about the mocks sets up its own; the others run against one seeded like their text says.
  const ownsMock = guide.runnable.includes("setupIotJobsServer(");
  let server: SetupServer | undefined;

  beforeAll(async () => {
    if (ownsMock) return;
    const { fleet, job, setupIotJobsServer, TEST_CREDENTIALS } = await import("@iot-jobs/mocks/node");
    const setup = setupIotJobsServer();
    setup.mock.store.createJob(
      job("firmware-42", { fleet: fleet(600, { statuses: { SUCCEEDED: 7, IN_PROGRESS: 2, FAILED: 1 } }) }),
    );
    server = setup.server;
    setup.server.listen({ onUnhandledRequest: "error" });
    // The guides create clients from the environment, as a user's process would.
    vi.stubEnv("AWS_ACCESS_KEY_ID", TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", TEST_CREDENTIALS.secretAccessKey);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    server?.close();
  });

  test("runs against the mocks and prints what its comments promise", async () => {
    const promised = promisedLogs(guide.runnable);
    expect(promised.length, "a runnable guide promises at least one output").toBeGreaterThan(0);
    const logged = await runModule(files.write(`${guide.name}.run.ts`, instrumentLogs(guide.runnable)));
    expect(logged).toEqual(promised);
  });
});
