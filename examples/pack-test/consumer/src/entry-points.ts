// Every entry point of both packages as an outside project imports them from the registry. Compiled strict under
// `node16` (then run with Node) and under `bundler`; the type checks below fail the compile if a type regresses.
import {
  createIotJobsClient,
  type IotJobsClient,
  type JobExecutionStatus,
  type ListJobExecutionsForJobError,
  type ListJobExecutionsForJobOutput,
  ThrottlingException,
} from "@iot-jobs/client";
import { createIotJobsMock, type IotJobsMock, type SeedDocument, scenarios, TEST_CREDENTIALS } from "@iot-jobs/mocks";
import type { setupIotJobsWorker } from "@iot-jobs/mocks/browser";
import { type MockServer, setupIotJobsServer, startMockServer } from "@iot-jobs/mocks/node";

/** Compile-time checks only (never called). */
export function typeChecks(client: IotJobsClient, mock: IotJobsMock, worker: typeof setupIotJobsWorker) {
  const status: JobExecutionStatus = "IN_PROGRESS";
  // @ts-expect-error not a status of the spec
  const unknown: JobExecutionStatus = "DONE";
  // @ts-expect-error maxResults is a number
  void client.listJobExecutionsForJob({ jobId: "fw-1", maxResults: "10" });
  const startedAt = (page: ListJobExecutionsForJobOutput): Date | undefined =>
    page.executionSummaries?.[0]?.jobExecutionSummary?.startedAt;
  const retryLater = (error: ListJobExecutionsForJobError) => error.name === "ThrottlingException";
  const seed: SeedDocument = { jobs: [{ jobId: "fw-1", fleet: { count: 10 } }] };
  return [status, unknown, startedAt, retryLater, seed, mock.clock.now(), worker] as const;
}

/** At run time (node16 output): the Node entry points resolve and work together; the browser one refuses Node. */
export async function main(): Promise<void> {
  const seed: SeedDocument = { jobs: [scenarios.rolloutInProgress({ jobId: "fw-1", count: 30 })] };
  const server: MockServer = await startMockServer({ port: 0, seed });
  const client = createIotJobsClient({ region: "us-east-1", endpoint: server.url, credentials: TEST_CREDENTIALS });
  const { data, error } = await client.listJobExecutionsForJob({ jobId: "fw-1", maxResults: 250 });
  await server.close();
  const browser = await import("@iot-jobs/mocks/browser").then(
    () => "resolved",
    (e: { code?: string }) => e.code,
  );
  const inProcess = setupIotJobsServer({ mock: createIotJobsMock() });
  const report = {
    listed: data?.executionSummaries?.length,
    error: error?.name,
    errorName: new ThrottlingException({ message: "slow down" }).name,
    inProcess: typeof inProcess.server.listen,
    browser,
  };
  console.log(JSON.stringify(report));
}

await main();
