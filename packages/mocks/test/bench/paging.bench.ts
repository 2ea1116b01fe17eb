import { bench, describe } from "vitest";
import { createIotJobsMock } from "../../src/core/index.js";

// In-process cost of one page (validation, paging, token, JSON) at two job sizes: flat when paging is O(page).
// Run: pnpm --filter @iot-jobs/mocks run bench
const endpoint = "https://iot.us-east-1.amazonaws.com";
const mock = createIotJobsMock();
for (const count of [100_000, 1_000_000]) {
  mock.store.createJob({
    jobId: `job-${count}`,
    fleet: { count, statuses: { SUCCEEDED: 97, FAILED: 2, IN_PROGRESS: 1 } },
  });
}
// The token of the 3rd page: every measured page is a full 250-item page in the middle of a scan.
const middleToken = async (jobId: string, status?: string) => {
  const q = status ? `&status=${status}` : "";
  let token = "";
  for (let i = 0; i < 3; i++) {
    const r = await mock.handle(
      new Request(`${endpoint}/jobs/${jobId}/things?maxResults=250${q}${token ? `&nextToken=${token}` : ""}`),
    );
    const next = ((await r!.json()) as { nextToken?: string }).nextToken;
    if (!next) throw new Error(`${jobId} has fewer than 4 pages${q}`);
    token = encodeURIComponent(next);
  }
  return token;
};
const tokens = {
  small: await middleToken("job-100000"),
  large: await middleToken("job-1000000"),
  smallFailed: await middleToken("job-100000", "FAILED"),
  largeFailed: await middleToken("job-1000000", "FAILED"),
};
const page = async (jobId: string, token: string, status = "") => {
  const r = await mock.handle(
    new Request(`${endpoint}/jobs/${jobId}/things?maxResults=250${status}&nextToken=${token}`),
  );
  await r!.text();
};

describe("one 250-item page, unfiltered", () => {
  bench("100,000 executions", () => page("job-100000", tokens.small));
  bench("1,000,000 executions", () => page("job-1000000", tokens.large));
});
describe("one 250-item page, status=FAILED (2 %)", () => {
  bench("100,000 executions", () => page("job-100000", tokens.smallFailed, "&status=FAILED"));
  bench("1,000,000 executions", () => page("job-1000000", tokens.largeFailed, "&status=FAILED"));
});
