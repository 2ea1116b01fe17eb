// BENCHMARKS.md and the console summary, rendered from a results document (bench/results/latest.json) alone, so
// that the document can be regenerated and diffed without measuring again.
import { fixed, int, ms, spread, table, times } from "./format.mjs";
import { goals } from "./goals.mjs";
import { closing, notes, sectionText } from "./report-text.mjs";
import { FETCH_FLOOR, FLOOR, OURS, SDK } from "./sections/per-call.mjs";

/** @param {any} section */
const unmeasured = (section) =>
  !section
    ? "Not run in this document."
    : section.status === "measured" || section.status === "partial"
      ? null
      : `**${section.status === "failed" ? "Failed" : "Not measured"}:** ${section.reason}`;

/** @param {any} s */
function sizeSection(s) {
  const rows = Object.entries(s.bundles).map(([name, b]) => [
    name === "ours" ? "**@iot-jobs/client** (its budget app)" : name === "sdk" ? "@aws-sdk/client-iot" : name,
    int(b.raw),
    `**${int(b.gzip)}**`,
    int(b.modules),
    b.largest.map((/** @type {[string, number]} */ [p, n]) => `${p} ${int(n)}`).join(", "),
  ]);
  return [
    table(["app", "minified bytes", "gzip bytes", "modules", "largest packages (minified bytes in the bundle)"], rows),
    "",
    `SDK ÷ ours: ${times(s.ratios["sdk/ours gzip"])} gzip, ${times(s.ratios["sdk/ours raw"])} minified. Ours ÷ (openapi-fetch + aws4fetch alone): ${times(s.ratios["ours/(openapi-fetch + aws4fetch) gzip"])} gzip.`,
  ].join("\n");
}

/** @param {any} s */
function perCallSection(s) {
  const floor = s.variants[FLOOR];
  const fetchFloor = s.variants[FETCH_FLOOR];
  const sdk = s.variants[SDK];
  const rows = Object.entries(s.variants).map(([name, v]) => [
    name === OURS ? `**${name}**` : name,
    spread(v.wallUs, (x) => ms(x)),
    times(v.wallUs.median / floor.wallUs.median),
    times(v.wallUs.median / fetchFloor.wallUs.median),
    times(sdk.wallUs.median / v.wallUs.median),
    spread(v.cpuUs, (x) => ms(x)),
    times(v.cpuUs.median / floor.cpuUs.median),
    times(sdk.cpuUs.median / v.cpuUs.median),
  ]);
  const r = s.ratios;
  const pr = (/** @type {string} */ name) => spread(s.perRoundRatios?.[name], times);
  return [
    `${s.settings.rounds} interleaved rounds × ${s.settings.calls} sequential calls per variant after ${s.settings.warmup} warm-up calls each; ${s.settings.pageItems}-item page, one call in flight.`,
    "",
    table(
      [
        "variant",
        "wall ms per call, median (p25–p75)",
        "÷ node:http floor",
        "÷ fetch floor",
        "SDK ÷ this",
        "CPU ms per call, median (p25–p75)",
        "CPU ÷ node:http floor",
        "SDK CPU ÷ this",
      ],
      rows,
    ),
    "",
    table(
      [
        "ratio",
        "of the medians, wall",
        "of the medians, CPU",
        "within each round, wall: median (p25–p75)",
        "within each round, CPU: median (p25–p75)",
      ],
      [
        [
          "SDK ÷ ours",
          `**${times(r["sdk/ours wall"])}**`,
          `**${times(r["sdk/ours cpu"])}**`,
          pr("sdk/ours wall"),
          pr("sdk/ours cpu"),
        ],
        [
          "ours ÷ node:http floor",
          `**${times(r["ours/floor wall"])}**`,
          times(r["ours/floor cpu"]),
          pr("ours/floor wall"),
          pr("ours/floor cpu"),
        ],
        [
          "ours ÷ fetch floor",
          times(r["ours/fetch floor wall"]),
          times(r["ours/fetch floor cpu"]),
          pr("ours/fetch floor wall"),
          pr("ours/fetch floor cpu"),
        ],
        [
          "SDK ÷ node:http floor",
          times(r["sdk/floor wall"]),
          times(r["sdk/floor cpu"]),
          pr("sdk/floor wall"),
          pr("sdk/floor cpu"),
        ],
        [
          "fetch floor ÷ node:http floor",
          times(r["fetch floor/floor wall"]),
          times(r["fetch floor/floor cpu"]),
          pr("fetch floor/floor wall"),
          pr("fetch floor/floor cpu"),
        ],
      ],
    ),
    "",
    "Within each round both figures come from the same moment, so the same load: wall from each block's median, CPU from each block's total.",
  ].join("\n");
}

/** @param {any} s */
function motoSection(s) {
  const rows = Object.entries(s.targets).map(([name, t]) => [
    name,
    t.connectionHeader,
    int(t.firstPageBytes),
    spread(t.boto3ScanPagesPerSecond, (x) => fixed(x, 1)),
    spread(t.leanScanPagesPerSecond, (x) => fixed(x, 1)),
    spread(t.boto3SinglePageRps, (x) => fixed(x, 1)),
    spread(t.leanSinglePageRps, (x) => fixed(x, 1)),
    fixed(t.serverCpuMsPerPage, 2),
  ]);
  const seed = s.motoSeed ? `moto was seeded by ${s.motoSeed.method} in ${fixed(s.motoSeed.seconds, 1)} s. ` : "";
  return [
    `${int(s.settings.executions)} QUEUED executions, pages of 250, ${s.settings.rounds} interleaved rounds; boto3 ${s.settings.boto3}, Python ${s.settings.python}. ${seed}`,
    "",
    table(
      [
        "server",
        "Connection",
        "bytes of a 250-item page",
        "boto3 scan, pages/s",
        "lean scan, pages/s",
        "boto3 single page, req/s",
        "lean single page, req/s",
        "server CPU ms per page",
      ],
      rows,
    ),
    "",
    `Mock ÷ moto: **${times(s.ratios["mock/moto lean scan pages/s"])}** pages/s in lean scans, ${times(s.ratios["mock/moto lean single-page rps"])} lean single pages, ${times(s.ratios["mock/moto boto3 scan pages/s"])} boto3 scans, ${times(s.ratios["mock/moto boto3 single-page rps"])} boto3 single pages; moto's CPU per page ÷ the mock's: ${times(s.ratios["moto/mock server CPU per page"])}. With a new connection per request (as moto forces) the mock scans at ${times(s.ratios["mock (close)/moto lean scan pages/s"])} moto's pages/s; keep-alive ÷ close on the mock: ${times(s.ratios["mock keep-alive/close lean scan pages/s"])}.`,
    ...(s.moto ? ["", `moto: not measured: ${s.moto.reason}`] : []),
  ].join("\n");
}

/** @param {any} s */
function scaleSection(s) {
  const c = s.client;
  const m = s.mock;
  return [
    table(
      ["figure", "value"],
      [
        ["executions scanned / pages", `${int(c.items)} / ${int(c.pages)}`],
        ["total time of the scan", `**${fixed(c.totalSeconds, 1)} s** (${int(c.itemsPerSecond)} executions/s)`],
        ["page latency, median (p25–p75), ms", spread(c.pageMs, (x) => fixed(x, 2))],
        [
          "first 10 % vs last 10 % of pages, median ms",
          `${fixed(c.first10PercentMedianMs, 2)} → ${fixed(c.last10PercentMedianMs, 2)} (${times(c["last/first"])})`,
        ],
        ["client RSS at the start (after import and one page)", `${fixed(c.baselineRssMB, 1)} MB`],
        [
          "client peak RSS growth (kernel high-water mark − start)",
          `**${fixed(c.peakRssGrowthMB, 1)} MB** (sampled per page: ${fixed(c.sampledRssGrowthMB, 1)} MB)`,
        ],
        [
          "client RSS growth so far, at each tenth of the scan",
          `${(c.rssGrowthByTenthMB ?? []).map((/** @type {number} */ x) => fixed(x, 0)).join(" → ")} MB`,
        ],
        ["client heap kept after the scan (after a full GC)", `${fixed(c.retainedHeapGrowthMB, 2)} MB`],
        ...(s.control
          ? [
              [
                `control: the same scan by an ${s.control.what}`,
                `${fixed(s.control.totalSeconds, 1)} s, pages ${fixed(s.control.first10PercentMedianMs, 2)} → ${fixed(s.control.last10PercentMedianMs, 2)} ms, peak RSS growth **${fixed(s.control.peakRssGrowthMB, 1)} MB**${s.control.complete ? "" : ` (stopped by its time cap after ${int(s.control.items)} executions)`}`,
              ],
            ]
          : []),
        ["mock: seeding the job through the control API", `${fixed(m.seedSeconds, 2)} s`],
        ["mock: RSS before → after seeding (full GCs)", `${fixed(m.rssBeforeMB, 1)} → ${fixed(m.rssAfterMB, 1)} MB`],
        [
          "mock: memory per 1,000,000 executions",
          `**${fixed(m.rssPerMillionMB, 1)} MB RSS**, ${fixed(m.heapAndBuffersPerMillionMB, 1)} MB of heap + array buffers`,
        ],
      ],
    ),
    ...(s.status === "partial" ? ["", `**Partial:** ${s.reason}.`] : []),
  ].join("\n");
}

/** @param {any} s */
function coldStartSection(s) {
  const rows = Object.entries(s.modules).map(([name, m]) => [name, spread(m.importMs, (x) => fixed(x, 1))]);
  return [
    `${s.settings.runs} runs of each, interleaved: ${s.settings.how}.`,
    "",
    table(["import", "ms, median (p25–p75)"], rows),
    "",
    `SDK ÷ ours: **${times(s.ratios["sdk/ours import"])}**.`,
  ].join("\n");
}

const renderers = {
  size: ["1. Client bundle size", sizeSection],
  "per-call": ["2. Client per-call overhead", perCallSection],
  "mock-vs-moto": ["3. Mock server vs moto", motoSection],
  scale: ["4. Scale: a 1,000,000-execution job", scaleSection],
  "cold-start": ["5. Cold start", coldStartSection],
};

/**
 * BENCHMARKS.md for a results document.
 *
 * @param {any} doc
 * @example writeFileSync("BENCHMARKS.md", renderMarkdown(JSON.parse(readFileSync("bench/results/latest.json", "utf8"))));
 */
export function renderMarkdown(doc) {
  const judged = goals(doc);
  const v = doc.versions;
  const parts = [
    "# Benchmarks",
    "",
    "<!-- generated by bench/src/report.mjs from bench/results/latest.json: do not edit by hand; `pnpm bench` measures and regenerates it, `pnpm --filter @iot-jobs/bench report` re-renders it -->",
    "",
    "We claim to be smaller and faster than the official AWS SDK and far faster than moto. These are the figures, measured side by side in one run on one machine, as ratios. Each section runs in a fresh Node process; servers run in processes of their own.",
    "",
    "**Command** (from the repository root): `pnpm bench`. It builds what it needs through turbo (`turbo run build --filter=@iot-jobs/bench^...`), runs every section with a time cap, writes the raw results to [`bench/results/latest.json`](bench/results/latest.json), regenerates this file and prints a summary. Some sections: `pnpm bench --only per-call,scale` (a summary, and a results file only with `--out`). A smoke run with tiny counts: `pnpm --filter @iot-jobs/bench test`.",
    "",
    "## This run",
    "",
    table(
      ["", ""],
      [
        ["date", doc.date],
        ["command", `\`${doc.command}\`, ${doc.totalSeconds} s`],
        ["machine", `${doc.machine.cpus} × ${doc.machine.cpuModel}, ${doc.machine.memoryGiB} GiB, ${doc.machine.os}`],
        [
          "load average (1, 5, 15 min)",
          `start ${doc.load.start.join(", ")}; end ${doc.load.end.join(", ")} (other sessions share this machine)`,
        ],
        [
          "tree",
          `commit ${doc.tree.commit}${doc.tree.uncommittedSourceFiles ? `, with ${doc.tree.uncommittedSourceFiles} uncommitted source files in packages/client/src or packages/mocks/src` : ""}`,
        ],
        ["Node", v.node],
        [
          "our packages",
          `@iot-jobs/client ${v["@iot-jobs/client"]}, @iot-jobs/mocks ${v["@iot-jobs/mocks"]} (workspace builds)`,
        ],
        [
          "peers",
          `@aws-sdk/client-iot ${v["@aws-sdk/client-iot"]}, openapi-fetch ${v["openapi-fetch"]}, aws4fetch ${v.aws4fetch}, esbuild ${v.esbuild}, boto3 ${doc.sections["mock-vs-moto"]?.versions?.boto3 ?? "—"}, moto ${doc.sections["mock-vs-moto"]?.versions?.moto ?? "—"}`,
        ],
      ],
    ),
    "",
    "## Goals",
    "",
    table(
      ["goal", "measured", "status", "margin"],
      judged.map((g) => [
        g.goal,
        g.measured,
        g.status === "met" ? "✅ met" : g.status === "missed" ? "❌ missed" : "— not measured",
        g.margin,
      ]),
    ),
  ];
  for (const [name, [title, render]] of Object.entries(renderers)) {
    const section = doc.sections[name];
    const missing = unmeasured(section);
    parts.push("", `## ${title}`, "", sectionText[/** @type {keyof typeof sectionText} */ (name)], "");
    parts.push(missing ?? /** @type {(s: any) => string} */ (render)(section));
  }
  parts.push("", "## Notes", "", ...notes(doc), "", "## Missed goals: by how much, and what would close them", "");
  parts.push(...closing(doc, judged));
  return `${parts.join("\n")}\n`;
}

/**
 * A few lines for the console: every goal and the headline ratios.
 *
 * @param {any} doc
 * @example console.log(renderSummary(doc));
 */
export function renderSummary(doc) {
  const lines = [
    `iot-jobs benchmarks, ${doc.date}, Node ${doc.versions.node}, load ${doc.load.start.join("/")} → ${doc.load.end.join("/")}`,
  ];
  const s = doc.sections;
  if (s.size?.status === "measured")
    lines.push(
      `size       ours ${int(s.size.bundles.ours.gzip)} B gzip, SDK ${int(s.size.bundles.sdk.gzip)} B: ${times(s.size.ratios["sdk/ours gzip"])} smaller`,
    );
  if (s["per-call"]?.status === "measured") {
    const v = s["per-call"].variants;
    const r = s["per-call"].ratios;
    const f = (/** @type {string} */ name) => `${ms(v[name].wallUs.median)} ms (CPU ${ms(v[name].cpuUs.median)})`;
    lines.push(
      `per call   ours ${f(OURS)}, SDK ${f(SDK)}, node:http floor ${f(FLOOR)}, fetch floor ${f(FETCH_FLOOR)}`,
      `           SDK/ours ${times(r["sdk/ours wall"])} wall, ${times(r["sdk/ours cpu"])} CPU; ours/node:http floor ${times(r["ours/floor wall"])} wall, ${times(r["ours/floor cpu"])} CPU; ours/fetch floor ${times(r["ours/fetch floor wall"])} wall, ${times(r["ours/fetch floor cpu"])} CPU`,
    );
  }
  if (s["mock-vs-moto"]?.status === "measured") {
    const t = s["mock-vs-moto"].targets;
    lines.push(
      `mock/moto  lean scans ${fixed(t.mock?.leanScanPagesPerSecond.median, 0)} vs ${fixed(t.moto?.leanScanPagesPerSecond.median, 1)} pages/s (${times(s["mock-vs-moto"].ratios["mock/moto lean scan pages/s"])}), boto3 scans ${times(s["mock-vs-moto"].ratios["mock/moto boto3 scan pages/s"])}`,
    );
  }
  if (s.scale?.client)
    lines.push(
      `scale      ${int(s.scale.client.items)} executions in ${fixed(s.scale.client.totalSeconds, 1)} s, pages ${times(s.scale.client["last/first"])} end/start, client RSS +${fixed(s.scale.client.peakRssGrowthMB, 1)} MB, mock ${fixed(s.scale.mock.rssPerMillionMB, 1)} MB per 1M`,
    );
  if (s["cold-start"]?.status === "measured") {
    const m = s["cold-start"].modules;
    lines.push(
      `cold start ours ${fixed(m["@iot-jobs/client"].importMs.median, 1)} ms, SDK ${fixed(m["@aws-sdk/client-iot"].importMs.median, 1)} ms to import`,
    );
  }
  for (const [name, section] of Object.entries(s)) {
    if (section.status !== "measured") lines.push(`${name.padEnd(10)} ${section.status}: ${section.reason ?? ""}`);
  }
  for (const g of goals(doc).filter((g) => g.section in s))
    lines.push(
      `goal ${g.status === "met" ? "✓" : g.status === "missed" ? "✗" : "-"} ${g.goal}: ${g.measured}${g.margin ? ` (${g.margin})` : ""}`,
    );
  return lines.join("\n");
}
