// Reference for the size benchmark: openapi-fetch and aws4fetch alone (the two runtime dependencies of
// @iot-jobs/client), one signed call, no validation, retries, typed errors nor paginator: the floor of any client
// built on them.
import type { paths } from "@iot-jobs/spec";
import { AwsClient } from "aws4fetch";
import createClient from "openapi-fetch";

const aws = new AwsClient({
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  service: "iot",
  region: "us-east-1",
  retries: 0,
});
const client = createClient<paths>({
  baseUrl: "https://iot.us-east-1.amazonaws.com",
  fetch: (request) => aws.fetch(request),
});

export async function main(jobId: string): Promise<number> {
  const { data, error } = await client.GET("/jobs/{jobId}/things", {
    params: { path: { jobId }, query: { maxResults: 10 } },
  });
  if (error) throw new Error(JSON.stringify(error));
  return data.executionSummaries?.length ?? 0;
}
