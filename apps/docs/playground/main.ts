// The playground page's entry (bundled into dist/playground.js): starts the mock service worker, wires the forms
// and buttons to the controller, and renders its state once per animation frame.
import { jobExecutionStatuses, parameters } from "@iot-jobs/spec";
import { DEMO_CREDENTIALS, DEMO_JOBS, DEMO_REGION } from "./demo-fleet.js";
import { h } from "./dom.js";
import { demoEndpoint, startMockWorker } from "./mock-worker.js";
import { createPlayground, type FaultType, type Playground, type PlaygroundState } from "./playground.js";
import { render } from "./render.js";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const queryForm = byId<HTMLFormElement>("pg-query");
const faultForm = byId<HTMLFormElement>("pg-faults");
const clientForm = byId<HTMLFormElement>("pg-client");
const field = <T extends HTMLInputElement | HTMLSelectElement>(form: HTMLFormElement, name: string) =>
  form.elements.namedItem(name) as T;

/** Fills the pickers from the demo fleet and the spec (statuses, the page size's bounds). */
function preparePickers() {
  field<HTMLSelectElement>(queryForm, "jobId").append(
    ...DEMO_JOBS.map((job) => h("option", { value: job.jobId }, job.label)),
  );
  field<HTMLSelectElement>(queryForm, "status").append(
    h("option", { value: "" }, "Any status"),
    ...jobExecutionStatuses.map((status) => h("option", { value: status }, status)),
  );
  const bounds = parameters.find((p) => p.name === "maxResults")?.schema as { minimum: number; maximum: number };
  Object.assign(field<HTMLInputElement>(queryForm, "pageSize"), { min: bounds.minimum, max: bounds.maximum });
  byId("pg-key").textContent = DEMO_CREDENTIALS.accessKeyId;
  byId("pg-region").textContent = DEMO_REGION;
}

/** The line under the job picker: what the chosen job is like. */
function describeJob(jobId: string) {
  byId("pg-job-about").textContent = DEMO_JOBS.find((job) => job.jobId === jobId)?.about ?? "";
}

/** Puts the state's query and settings into the forms (at start and after a reset). */
function showSettings({ query, maxAttempts }: PlaygroundState) {
  field(queryForm, "jobId").value = query.jobId;
  describeJob(query.jobId);
  field(queryForm, "status").value = query.status ?? "";
  field(queryForm, "pageSize").value = String(query.pageSize);
  field(clientForm, "maxAttempts").value = String(maxAttempts);
}

/** Connects the forms and buttons to the controller's actions. */
function wire(playground: Playground) {
  const readQuery = () => {
    const status = field(queryForm, "status").value as PlaygroundState["query"]["status"] | "";
    const jobId = field(queryForm, "jobId").value;
    const pageSize = field<HTMLInputElement>(queryForm, "pageSize").valueAsNumber;
    return status ? { jobId, status, pageSize } : { jobId, pageSize };
  };
  // A changed field lists the new query's first page (Enter in the page size commits it too).
  queryForm.addEventListener("change", () => {
    const next = readQuery();
    describeJob(next.jobId);
    if (JSON.stringify(next) !== JSON.stringify(playground.state.query)) void playground.setQuery(next);
  });
  clientForm.addEventListener("change", () =>
    playground.setMaxAttempts(field<HTMLInputElement>(clientForm, "maxAttempts").valueAsNumber),
  );
  // Nothing is ever submitted anywhere (the policy's form-action is 'none'): Enter in a field, or Inject, acts here.
  for (const form of [queryForm, clientForm, faultForm]) form.addEventListener("submit", (e) => e.preventDefault());
  faultForm.addEventListener("submit", () => {
    const type = field(faultForm, "type").value as FaultType;
    const byRate = (faultForm.elements.namedItem("when") as RadioNodeList).value === "rate";
    const times = field<HTMLInputElement>(faultForm, "times").valueAsNumber;
    const percent = field<HTMLInputElement>(faultForm, "rate").valueAsNumber;
    playground.injectFault(type, byRate ? { rate: percent / 100 } : { times });
  });
  const actions: Record<string, (button: HTMLElement) => unknown> = {
    first: () => playground.firstPage(),
    next: () => playground.nextPage(),
    scan: () => playground.scanAll(),
    stop: () => playground.stop(),
    "clear-faults": () => playground.clearFaults(),
    advance: (button) => playground.advanceClock(Number(button.dataset.ms)),
    reset: () => {
      playground.reset();
      showSettings(playground.state);
      return playground.firstPage();
    },
  };
  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLElement>("button[data-action]");
    const action = button && actions[button.dataset.action ?? ""];
    if (button && action) void action(button);
  });
}

/** Starts the worker (or says why it cannot), then the controller, and lists the first page. */
async function main() {
  preparePickers();
  const status = byId("pg-start");
  const endpoint = demoEndpoint(location.href);
  let host: Awaited<ReturnType<typeof startMockWorker>>;
  try {
    host = await startMockWorker(endpoint);
  } catch (error) {
    status.textContent = `The mock service worker did not start: ${error instanceof Error ? error.message : error}`;
    status.classList.add("pg-bad");
    return;
  }
  // Renders at most once per frame, however many attempts and pages arrive in between.
  let scheduled = false;
  const playground = createPlayground({
    endpoint,
    host,
    onChange: () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        render(playground.state);
      });
    },
  });
  showSettings(playground.state);
  wire(playground);
  for (const fieldset of document.querySelectorAll("fieldset")) fieldset.disabled = false;
  status.replaceChildren(
    "Mock service worker running: requests to ",
    h("code", {}, endpoint),
    " are answered in this browser.",
  );
  await playground.firstPage();
}

void main();
