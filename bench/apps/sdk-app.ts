// The size benchmark's app with @aws-sdk/client-iot: the same work as the client's budget app
// (packages/client/test/budget/app.ts): one signed call, then the paginator, standard retries (3 attempts).
import { IoTClient, ListJobExecutionsForJobCommand, paginateListJobExecutionsForJob } from "@aws-sdk/client-iot";

const client = new IoTClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 3,
});

export async function main(jobId: string): Promise<number> {
  const first = await client.send(new ListJobExecutionsForJobCommand({ jobId, maxResults: 10 }));
  let count = first.executionSummaries?.length ?? 0;
  for await (const page of paginateListJobExecutionsForJob({ client, pageSize: 250 }, { jobId, status: "FAILED" })) {
    count += page.executionSummaries?.length ?? 0;
  }
  return count;
}
