// Renders the playground's state into the page: the mock panel (clock, status counts, faults), the request and
// response panels, the listing's progress and the table of executions. Called once per animation frame at most.
import type { JobExecutionSummaryForJob } from "@iot-jobs/client";
import { jobExecutionStatuses } from "@iot-jobs/spec";
import { fill, h } from "./dom.js";
import { formatClock, formatCount, formatDate, thingName } from "./format.js";
import type { PlaygroundState } from "./playground.js";
import { describeProgress } from "./progress.js";
import { renderRequest, renderResponse } from "./render-call.js";

// The table is rebuilt only when a new page arrives (not on every attempt of a retry).
let shownRows: readonly JobExecutionSummaryForJob[] | undefined;

/**
 * Renders everything that depends on the state; the forms keep what the reader typed.
 *
 * @example
 * render(playground.state);
 */
export function render(state: PlaygroundState): void {
  document.getElementById("playground")?.setAttribute("aria-busy", String(state.busy));
  fill("pg-clock", formatClock(state.clockMs));
  renderCounts(state);
  fill(
    "pg-fault-list",
    ...state.faults.map((rule) => {
      const when =
        rule.times !== undefined
          ? `next ${rule.times} requests`
          : `${Math.round((rule.rate ?? 1) * 100)} % of requests`;
      return h("li", {}, `${rule.faults.map((f) => f?.type).join(", ")} · ${when} · fired ${rule.fired}×`);
    }),
  );
  if (!state.faults.length) fill("pg-fault-list", h("li", { class: "pg-empty" }, "None: the mock answers normally."));
  renderRequest(state.call);
  renderResponse(state.call);
  renderProgress(state);
  const rows = state.listing?.rows ?? [];
  if (rows !== shownRows) {
    shownRows = rows;
    fill("pg-rows", ...rows.map(row));
  }
  const enable = (action: string, on: boolean) => {
    const button = document.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    if (button) button.disabled = !on;
  };
  const more = Boolean(state.listing?.nextToken);
  enable("next", !state.busy && more);
  enable("stop", state.busy);
}

function renderCounts({ counts, query }: PlaygroundState) {
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const item = (label: string, n: number, current: boolean) =>
    h("li", current ? { "aria-current": "true" } : {}, h("span", {}, label), h("strong", {}, formatCount(n)));
  fill(
    "pg-counts",
    item("All", total, !query.status),
    ...jobExecutionStatuses.map((s) => item(s, counts?.[s] ?? 0, s === query.status)),
  );
}

function renderProgress({ listing, expected, busy }: PlaygroundState) {
  const text = describeProgress(listing, expected, busy);
  if (!listing) {
    fill("pg-progress", text);
    return;
  }
  const { executions, rows, scanning } = listing;
  const first = executions - rows.length + 1;
  fill(
    "pg-progress",
    h("span", { id: "pg-count" }, text),
    scanning && h("progress", { max: Math.max(expected, 1), value: executions, "aria-label": "Scan progress" }),
    rows.length > 0 && h("span", { class: "pg-range" }, `This page: ${formatCount(first)}–${formatCount(executions)}`),
  );
}

function row({ thingArn, jobExecutionSummary: s }: JobExecutionSummaryForJob) {
  const time = (date: Date | undefined) =>
    date ? h("time", { datetime: date.toISOString(), title: date.toISOString() }, formatDate(date)) : "—";
  return h(
    "tr",
    {},
    h("td", { title: thingArn }, thingName(thingArn)),
    h("td", {}, h("span", { class: `pg-status pg-status-${s?.status ?? "none"}` }, s?.status ?? "—")),
    h("td", {}, time(s?.queuedAt)),
    h("td", {}, time(s?.startedAt)),
    h("td", {}, time(s?.lastUpdatedAt)),
    h("td", { class: "pg-num" }, s?.executionNumber ?? "—"),
    h("td", { class: "pg-num" }, s?.retryAttempt ?? "—"),
  );
}
