import { HttpResponse } from "msw";

/**
 * A request as the operation's handler reads it: method, URL and headers, without fetch objects. MSW's handler
 * builds it from a fetch `Request`; the standalone server straight from `node:http`, which skips building a
 * `Request` and a `Response` (and MSW's own lookup) for every page it serves.
 *
 * @example
 * const plain = plainRequest(new Request("https://iot.us-east-1.amazonaws.com/jobs/fw-1/things"));
 */
export interface PlainRequest {
  readonly method: string;
  readonly url: URL;
  /** A header's value by its lower-case name, or `null` when absent. */
  header(name: string): string | null;
  /** The body's bytes (read only for methods that carry one). */
  body(): Promise<Uint8Array>;
}

/** An answer as AWS sends it: status, headers (AWS's spellings) and a JSON body. */
export interface PlainResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** For the server's log line only, never sent (see `RequestRecord.note`). */
  readonly note?: string;
}

/** What the handler answers: a response, or a connection to drop (the `drop` fault). */
export type Answer = PlainResponse | { readonly drop: true };

/**
 * The plain view of a fetch `Request`.
 *
 * @example
 * const plain = plainRequest(request);
 * plain.header("authorization");
 */
export const plainRequest = (request: Request): PlainRequest => ({
  method: request.method,
  url: new URL(request.url),
  header: (name) => request.headers.get(name),
  body: async () => new Uint8Array(await request.clone().arrayBuffer()),
});

/**
 * The fetch `Response` of an answer; a dropped connection is MSW's network error.
 *
 * @example
 * return toResponse(await answer(plainRequest(request)));
 */
export const toResponse = (answer: Answer): Response =>
  "drop" in answer
    ? HttpResponse.error()
    : new Response(answer.body, { status: answer.status, headers: answer.headers });
