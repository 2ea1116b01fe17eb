/**
 * What went wrong under a transport error, in any runtime: the deepest error of its `cause` chain (fetch's
 * `TypeError: fetch failed` wraps undici's or node:net's error, node:http's errors carry it themselves) and the
 * last system `code` on the way (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_CONNECT_TIMEOUT`, ...).
 * Browsers give only a bare `TypeError` ("Failed to fetch"): its message is the reason then.
 * @example
 * rootCause(new TypeError("fetch failed", { cause: econnrefused })); // { reason: "connect ECONNREFUSED ...", code: "ECONNREFUSED" }
 */
export const rootCause = (error: unknown): { reason: string; code?: string } => {
  let e = error as { cause?: unknown; code?: unknown; message?: string; errors?: { message?: string }[] } | undefined;
  let code: string | undefined;
  // Bounded: a cause chain may be circular.
  for (let i = 0; i < 8 && e; i++) {
    if (typeof e.code === "string") code = e.code;
    if (!(e.cause instanceof Object)) break;
    e = e.cause as typeof e;
  }
  // node:net tries every address of a host and fails with an AggregateError whose own message is empty.
  const reason = e?.message || e?.errors?.map((x) => x.message).join("; ") || String(e);
  return { reason: code && !reason.includes(code) ? `${reason} (${code})` : reason, code };
};
