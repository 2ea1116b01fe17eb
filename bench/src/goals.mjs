// The goals of issues 7 and 16, judged against a results document: each is met, missed (with by how much, and what the
// figure would have to be) or not measured.
import { fixed, int, ms, times } from "./format.mjs";
import { FLOOR, OURS, SDK } from "./sections/per-call.mjs";

/**
 * @typedef {object} Goal
 * @property {string} id
 * @property {string} section the section of the suite that measures it
 * @property {string} goal what the issue asks
 * @property {string} measured the figure it is judged on
 * @property {"met" | "missed" | "not measured"} status
 * @property {string} margin by how much it is met or missed
 */

/**
 * @param {number | null | undefined} value
 * @param {"≤" | "≥" | "<" | ">"} cmp
 * @param {number} target
 * @returns {"met" | "missed" | "not measured"}
 */
export function judge(value, cmp, target) {
  if (value == null || !Number.isFinite(value)) return "not measured";
  const ok =
    cmp === "≤" ? value <= target : cmp === "≥" ? value >= target : cmp === "<" ? value < target : value > target;
  return ok ? "met" : "missed";
}

/**
 * A warning when the target lies within the round-to-round spread (p25–p75) of the ratio: one run does not decide.
 *
 * @param {number} target
 * @param {{ p25: number, p75: number } | null | undefined} spread
 * @example undecided(2, { p25: 1.6, p75: 2.1 }) // "; ×2 lies within the per-round p25–p75 (×1.60–×2.10): not decided by one run"
 */
export function undecided(target, spread) {
  if (!spread || target < spread.p25 || target > spread.p75) return "";
  return `; ×${target} lies within the per-round p25–p75 (${times(spread.p25)}–${times(spread.p75)}): not decided by one run`;
}

/** Goal id prefix → the section that measures it. */
const sectionOf = { size: "size", speed: "per-call", mock: "mock-vs-moto", scale: "scale" };

/** @param {number} part @param {number} whole */
const pct = (part, whole) => `${fixed((part / whole) * 100, 1)} %`;

/**
 * Every goal of the issue, judged.
 *
 * @param {any} doc a results document (bench/results/latest.json)
 * @returns {Goal[]}
 * @example goals(JSON.parse(readFileSync("bench/results/latest.json", "utf8"))).filter((g) => g.status === "missed")
 */
export function goals(doc) {
  const s = doc.sections ?? {};
  const size = s.size?.bundles;
  const call = s["per-call"];
  const moto = s["mock-vs-moto"];
  const scale = s.scale?.client;
  /** @type {Goal[]} */
  const list = [];
  const add = (
    /** @type {string} */ id,
    /** @type {string} */ goal,
    /** @type {number | null | undefined} */ value,
    /** @type {"≤" | "≥" | "<" | ">"} */ cmp,
    /** @type {number} */ target,
    /** @type {string} */ measured,
    /** @type {(met: boolean) => string} */ margin,
    /** @type {{ p25: number, p75: number } | null | undefined} */ spread = undefined,
  ) => {
    const status = judge(value, cmp, target);
    const section = sectionOf[/** @type {keyof typeof sectionOf} */ (id.split("-")[0])];
    list.push({
      id,
      section,
      goal,
      measured,
      status,
      margin: status === "not measured" ? "" : `${margin(status === "met")}${undecided(target, spread)}`,
    });
  };

  const gzip = size?.ours?.gzip;
  add("size-gzip", "client app ≤ 7,000 bytes gzip", gzip, "≤", 7_000, `${int(gzip)} bytes`, (met) =>
    met ? `${int(7_000 - gzip)} bytes to spare` : `${int(gzip - 7_000)} bytes over (${pct(gzip - 7_000, 7_000)})`,
  );
  const sizeRatio = s.size?.ratios?.["sdk/ours gzip"];
  add("size-ratio", "≥ 12× smaller than the SDK app (gzip)", sizeRatio, "≥", 12, times(sizeRatio), (met) =>
    met
      ? `ours could grow to ${int(size.sdk.gzip / 12)} bytes and still be 12× smaller`
      : `ours needs ≤ ${int(size.sdk.gzip / 12)} bytes gzip, ${int(gzip - size.sdk.gzip / 12)} fewer`,
  );

  const v = call?.variants;
  const ours = v?.[OURS]?.wallUs?.median;
  const sdk = v?.[SDK]?.wallUs?.median;
  const floor = v?.[FLOOR]?.wallUs?.median;
  const oursCpu = v?.[OURS]?.cpuUs?.median;
  const sdkCpu = v?.[SDK]?.cpuUs?.median;
  /** @param {string} name */
  const rounds = (name) => {
    const r = call?.perRoundRatios?.[name];
    return r ? ` (per round: ${times(r.median)}, p25–p75 ${times(r.p25)}–${times(r.p75)})` : "";
  };
  const vsSdk = call?.ratios?.["sdk/ours wall"];
  add(
    "speed-sdk",
    "≥ 2× faster than the SDK per call (median wall time)",
    vsSdk,
    "≥",
    2,
    `${times(vsSdk)}${rounds("sdk/ours wall")}`,
    (met) =>
      met
        ? `ours could take up to ${ms(sdk / 2)} ms and still be 2× faster`
        : `ours needs ≤ ${ms(sdk / 2)} ms per call (SDK ÷ 2), ${ms(ours - sdk / 2)} ms (${pct(ours - sdk / 2, ours)}) less than now`,
    call?.perRoundRatios?.["sdk/ours wall"],
  );
  const vsSdkCpu = call?.ratios?.["sdk/ours cpu"];
  add(
    "speed-sdk-cpu",
    "≥ 1.6× less CPU time than the SDK per call (median)",
    vsSdkCpu,
    "≥",
    1.6,
    `${times(vsSdkCpu)}${rounds("sdk/ours cpu")}`,
    (met) =>
      met
        ? `ours could use up to ${ms(sdkCpu / 1.6)} ms of CPU per call (now ${ms(oursCpu)})`
        : `ours needs ≤ ${ms(sdkCpu / 1.6)} ms of CPU per call (SDK ÷ 1.6), ${ms(oursCpu - sdkCpu / 1.6)} ms (${pct(oursCpu - sdkCpu / 1.6, oursCpu)}) less than now`,
    call?.perRoundRatios?.["sdk/ours cpu"],
  );
  const sdkRounds = call?.perRoundRatios?.["sdk/ours wall"];
  add(
    "speed-sdk-rounds",
    "SDK ÷ ours within each round: p25 over the rounds > 1.8 (wall)",
    sdkRounds?.p25,
    ">",
    1.8,
    `p25 ${times(sdkRounds?.p25)} (median ${times(sdkRounds?.median)}, p75 ${times(sdkRounds?.p75)}, ${int(sdkRounds?.n)} rounds)`,
    (met) =>
      met
        ? `three rounds in four at least ${times(sdkRounds.p25)}`
        : `a quarter of the rounds fell below ${times(sdkRounds.p25)}: ${fixed((1.8 / sdkRounds.p25 - 1) * 100, 1)} % short`,
  );
  const vsFloor = call?.ratios?.["ours/floor wall"];
  add(
    "speed-floor",
    "within 1.5× of unsigned node:http + JSON.parse per call (median wall time)",
    vsFloor,
    "≤",
    1.5,
    `${times(vsFloor)}${rounds("ours/floor wall")}`,
    (met) =>
      met
        ? `${ms(floor * 1.5 - ours)} ms per call to spare; by CPU time ${times(call.ratios["ours/floor cpu"])}`
        : `ours needs ≤ ${ms(floor * 1.5)} ms per call (floor × 1.5), ${ms(ours - floor * 1.5)} ms (${pct(ours - floor * 1.5, ours)}) less than now; by CPU time ${times(call.ratios["ours/floor cpu"])}`,
    call?.perRoundRatios?.["ours/floor wall"],
  );

  const mock = moto?.targets?.mock;
  const motoT = moto?.targets?.moto;
  const vsMoto = moto?.ratios?.["mock/moto lean scan pages/s"];
  add(
    "mock-moto",
    "mock ≥ 15× moto's throughput (pages/s of full scans)",
    vsMoto,
    "≥",
    15,
    `${times(vsMoto)}${(() => {
      const r = moto?.perRoundRatios?.["mock/moto lean scan pages/s"];
      return r ? ` (per round: ${times(r.median)}, p25–p75 ${times(r.p25)}–${times(r.p75)})` : "";
    })()}; boto3 end to end: ${times(moto?.ratios?.["mock/moto boto3 scan pages/s"])}`,
    (met) => {
      const need = motoT.leanScanPagesPerSecond.median * 15;
      return met
        ? `${int(mock.leanScanPagesPerSecond.median)} pages/s against the ${int(need)} needed`
        : `needs ≥ ${int(need)} pages/s (moto ${fixed(motoT.leanScanPagesPerSecond.median, 1)} × 15), now ${int(mock.leanScanPagesPerSecond.median)}: ${times(need / mock.leanScanPagesPerSecond.median)} faster; the server's CPU per page is ${fixed(mock.serverCpuMsPerPage, 2)} ms against moto's ${fixed(motoT.serverCpuMsPerPage, 1)} ms (${times(moto.ratios["moto/mock server CPU per page"])})`;
    },
    moto?.perRoundRatios?.["mock/moto lean scan pages/s"],
  );

  const growth = scale?.peakRssGrowthMB;
  add(
    "scale-rss",
    "client peak RSS growth < 64 MB over the whole scan",
    growth,
    "<",
    64,
    `${fixed(growth, 1)} MB`,
    (met) => (met ? `${fixed(64 - growth, 1)} MB to spare` : `${fixed(growth - 64, 1)} MB over`),
  );
  const flat = scale?.["last/first"];
  add("scale-flat", "per-page latency flat: last 10 % ÷ first 10 % ≤ 1.2", flat, "≤", 1.2, times(flat), (met) =>
    met
      ? `${fixed(scale.first10PercentMedianMs, 2)} ms → ${fixed(scale.last10PercentMedianMs, 2)} ms per page`
      : `${fixed(scale.first10PercentMedianMs, 2)} ms → ${fixed(scale.last10PercentMedianMs, 2)} ms per page: slower at the end`,
  );
  return list;
}
