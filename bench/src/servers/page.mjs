// The canned page of the per-call benchmark: 250 executions with every member set, as AWS sends them
// (epoch-second numbers), and a nextToken. The same page as packages/client/test/bench/per-call.bench.mjs.

/** Items on the page: the largest page the operation allows. */
export const PAGE_SIZE = 250;

/**
 * The JSON body of the page.
 *
 * @example JSON.parse(pageBody()).executionSummaries.length // 250
 */
export function pageBody() {
  return JSON.stringify({
    executionSummaries: Array.from({ length: PAGE_SIZE }, (_, i) => ({
      thingArn: `arn:aws:iot:us-east-1:123456789012:thing/sensor-${String(i).padStart(5, "0")}`,
      jobExecutionSummary: {
        status: "SUCCEEDED",
        queuedAt: 1764403200.123 + i,
        startedAt: 1764403204.5 + i,
        lastUpdatedAt: 1764403261.042 + i,
        executionNumber: 1,
        retryAttempt: 0,
      },
    })),
    nextToken: "AQICAHhvbWx0Zm9ybWVyLWZpcm13YXJlLXVwZGF0ZS0yMDI2LTExOjM",
  });
}
