// @ts-check
// Fixed ports for humans, a free one when taken: bookmarks keep working, and a second `pnpm start` still starts.

/**
 * Starts something on `preferred`, or on a free port (0) when `preferred` is taken.
 * @template T
 * @param {(port: number) => Promise<T>} start starts the server on a port; rejects with EADDRINUSE when taken
 * @param {number} preferred the port to try first (0: any)
 * @returns {Promise<{ value: T, fellBack: boolean }>}
 * @example
 * const { value: server, fellBack } = await listenWithFallback((port) => startMockServer({ port }), 4010);
 */
export async function listenWithFallback(start, preferred) {
  try {
    return { value: await start(preferred), fellBack: false };
  } catch (error) {
    if (preferred === 0 || /** @type {NodeJS.ErrnoException} */ (error).code !== "EADDRINUSE") throw error;
    return { value: await start(0), fellBack: true };
  }
}
