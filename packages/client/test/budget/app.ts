// The app the size budget is measured on: one signed call, then the paginator (retries and validation included,
// as they are in every call). Bundled for the browser by test/budget/bundle-size.test.ts.
import { createIotJobsClient } from "../../src/index.js";

const client = createIotJobsClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 3,
});

export async function main(jobId: string): Promise<number> {
  const { data, error } = await client.listJobExecutionsForJob({ jobId, maxResults: 10 });
  if (error) throw error;
  let count = data.executionSummaries?.length ?? 0;
  for await (const page of client.paginateListJobExecutionsForJob({ jobId, status: "FAILED" }, { pageSize: 250 })) {
    count += page.executionSummaries?.length ?? 0;
  }
  return count;
}
