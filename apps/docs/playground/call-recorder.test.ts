import { expect, test, vi } from "vitest";
import { CallRecorder, type Fetch } from "./call-recorder.js";

/** A clock that moves 10 ms each time it is read. */
const ticking = () => {
  let t = 1000;
  return () => (t += 10);
};

test("records each attempt as sent: method, URL, headers (lower case, sorted), status and error type", async () => {
  const send: Fetch = async () =>
    new Response("{}", {
      status: 400,
      headers: { "x-amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/" },
    });
  const onChange = vi.fn();
  const recorder = new CallRecorder<string>(onChange, send, ticking());
  const init = { method: "GET", headers: { "X-Amz-Date": "20261129T080000Z", Authorization: "AWS4-HMAC-SHA256 x" } };
  await recorder.fetch(new URL("http://site.test/api/jobs/fw-1/things?maxResults=5"), init);
  expect(recorder.current?.attempts).toEqual([
    {
      method: "GET",
      url: "http://site.test/api/jobs/fw-1/things?maxResults=5",
      headers: [
        ["authorization", "AWS4-HMAC-SHA256 x"],
        ["x-amz-date", "20261129T080000Z"],
      ],
      sentAtMs: 10,
      endedAtMs: 20,
      response: { status: 400, errorType: "ThrottlingException" },
    },
  ]);
  expect(recorder.open).toBe(true);
  expect(onChange).toHaveBeenCalledTimes(2); // sent, answered
});

test("a call's attempts share one log until it is closed; the next request opens a new one", async () => {
  const recorder = new CallRecorder<string>(
    () => {},
    async () => new Response("{}"),
    ticking(),
  );
  await recorder.fetch("http://site.test/a", {});
  await recorder.fetch("http://site.test/a", {});
  recorder.close("page 1");
  const first = recorder.current;
  expect(first).toMatchObject({ outcome: "page 1" });
  expect(first?.attempts.map((a) => [a.sentAtMs, a.endedAtMs])).toEqual([
    [10, 20],
    [30, 40],
  ]);
  await recorder.fetch("http://site.test/b", {});
  expect(recorder.current).not.toBe(first);
  expect(recorder.current?.attempts.map((a) => [a.url, a.sentAtMs])).toEqual([["http://site.test/b", 10]]);
});

test("a transport failure is recorded and passed on to the client", async () => {
  const recorder = new CallRecorder<string>(
    () => {},
    () => Promise.reject(new TypeError("Failed to fetch")),
  );
  await expect(recorder.fetch("http://site.test/a", {})).rejects.toThrow("Failed to fetch");
  expect(recorder.current?.attempts[0]).toMatchObject({ failure: "TypeError: Failed to fetch" });
  expect(recorder.current?.attempts[0]?.response).toBeUndefined();
});

test("a call that sent nothing gets an empty log with its outcome; an aborted request is not recorded", async () => {
  const send = vi.fn<Fetch>(async () => new Response("{}"));
  const recorder = new CallRecorder<string>(() => {}, send);
  recorder.close("ParamValidationError");
  expect(recorder.current).toEqual({ attempts: [], outcome: "ParamValidationError" });
  const aborted = AbortSignal.abort();
  await recorder.fetch("http://site.test/a", { signal: aborted });
  expect(send).toHaveBeenCalledOnce();
  expect(recorder.current).toEqual({ attempts: [], outcome: "ParamValidationError" });
  recorder.clear();
  expect(recorder.current).toBeUndefined();
});
