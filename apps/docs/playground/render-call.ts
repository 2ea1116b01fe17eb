// The request and response panels: what the client sent, attempt by attempt, and how the call ended.
import type { Attempt, CallLog } from "./call-recorder.js";
import { fill, h } from "./dom.js";
import { authorizationLines, formatMs } from "./format.js";
import type { Outcome } from "./playground.js";

/**
 * Renders the last attempt's request line and headers, and the timeline of attempts with the backoff between.
 *
 * @example
 * renderRequest(playground.state.call);
 */
export function renderRequest(call: CallLog<Outcome> | undefined): void {
  fill("pg-request", ...requestContent(call));
}

function requestContent(call: CallLog<Outcome> | undefined) {
  const last = call?.attempts.at(-1);
  if (!call || !last) {
    const refused = call?.outcome?.kind === "error";
    return [h("p", { class: "pg-empty" }, refused ? "Nothing was sent." : "No request yet.")];
  }
  const n = call.attempts.length;
  const waiting = !call.outcome && last.endedAtMs !== undefined;
  return [
    h("p", { class: "pg-request-line" }, h("span", { class: "pg-method" }, last.method), " ", h("code", {}, last.url)),
    h(
      "table",
      { class: "pg-headers" },
      h("caption", {}, n > 1 ? `Headers of attempt ${n}, signed with SigV4` : "Headers, signed with SigV4"),
      h("tbody", {}, ...last.headers.map(([name, value]) => headerRow(name, value))),
    ),
    h(
      "ol",
      { class: "pg-attempts", id: "pg-attempts", "aria-label": "Attempts" },
      ...call.attempts.map((attempt, i) => attemptItem(attempt, i + 1, call.attempts[i - 1])),
      waiting && h("li", { class: "pg-pending" }, "Backing off before the next attempt…"),
    ),
  ];
}

function headerRow(name: string, value: string) {
  const lines = name === "authorization" ? authorizationLines(value) : [value];
  const code = h("code", {}, ...lines.flatMap((line, i) => (i ? [h("br"), line] : [line])));
  return h("tr", {}, h("th", { scope: "row" }, name), h("td", {}, code));
}

function attemptItem(attempt: Attempt, n: number, previous: Attempt | undefined) {
  // The gap is the client's backoff plus signing the retry; $metadata.totalRetryDelay has the backoff alone.
  const gap = previous?.endedAtMs !== undefined ? attempt.sentAtMs - previous.endedAtMs : undefined;
  const when = gap !== undefined ? `retried ${formatMs(gap)} later` : "sent";
  const { response, failure, endedAtMs } = attempt;
  const took = endedAtMs !== undefined ? ` in ${formatMs(endedAtMs - attempt.sentAtMs)}` : "";
  let result: HTMLElement;
  if (response) {
    const ok = response.status < 400;
    const text = `${response.status}${response.errorType ? ` ${response.errorType}` : ok ? " OK" : ""}`;
    result = h("span", { class: ok ? "pg-ok" : "pg-bad" }, text);
  } else result = h("span", { class: failure ? "pg-bad" : "pg-wait" }, failure ?? "waiting for the answer…");
  return h("li", {}, h("strong", {}, `Attempt ${n}`), " · ", when, " · ", result, took);
}

/**
 * Renders how the last call ended: the page's metadata, or the typed error with its fault, retryability and
 * metadata, as the client returned it.
 *
 * @example
 * renderResponse(playground.state.call);
 */
export function renderResponse(call: CallLog<Outcome> | undefined): void {
  fill("pg-response", ...responseContent(call));
}

function responseContent(call: CallLog<Outcome> | undefined) {
  const outcome = call?.outcome;
  if (!call) return [h("p", { class: "pg-empty" }, "No response yet.")];
  if (!outcome) return [h("p", { class: "pg-wait" }, "Waiting for the client…")];
  if (outcome.kind === "stopped") return [h("p", { class: "pg-empty" }, "Stopped.")];
  if (outcome.kind === "page") {
    const { metadata: m, count, nextToken } = outcome;
    return [
      h("p", { class: "pg-verdict pg-ok" }, `${m.httpStatusCode ?? ""} OK`),
      facts([
        ["HTTP status", m.httpStatusCode],
        ["Request id", m.requestId],
        ["Attempts", m.attempts],
        ["Total backoff", formatMs(m.totalRetryDelay)],
        ["Executions", count],
        ["nextToken", nextToken ? `${nextToken.slice(0, 24)}… (more pages)` : "none (last page)"],
      ]),
    ];
  }
  const { error: e } = outcome;
  const retryable = e.$retryable ? `yes${e.$retryable.throttling ? " (throttling)" : ""}` : "no";
  // ParamValidationError names the field, the value and the constraint.
  const extra = e as { field?: string; constraint?: string };
  return [
    h("p", { class: "pg-verdict pg-bad" }, e.name),
    h("p", { class: "pg-message" }, e.message),
    facts([
      ["name", e.name],
      ["$fault", e.$fault],
      ["$retryable", e.$fault ? retryable : undefined],
      ["code", e.code],
      ["field", extra.field],
      ["constraint", extra.constraint],
      ["HTTP status", e.$metadata?.httpStatusCode],
      ["Request id", e.$metadata?.requestId],
      ["Attempts", e.$metadata?.attempts],
      ["Total backoff", e.$metadata ? formatMs(e.$metadata.totalRetryDelay) : undefined],
    ]),
  ];
}

/** A description list of the facts that have a value. */
function facts(rows: [string, string | number | undefined][]) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== "");
  return h("dl", { class: "pg-facts" }, ...shown.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
}
