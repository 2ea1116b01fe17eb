/**
 * Calls `onGone` once the process that started this one has exited (its parent id changes: the orphan was
 * re-parented to init or a subreaper). A server started through `npx` runs under `npm exec` → `sh -c`; signalling
 * npx kills the shell, not the server, which this notices within `intervalMs`. Returns a function that stops
 * watching. Does nothing when started by init (a container's PID 1), whose children are never orphaned.
 *
 * @example
 * followParent(() => server.close().then(() => process.exit(0)));
 */
export function followParent(onGone: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref(); // the listening server keeps the process alive, never this watch
  return () => clearInterval(timer);
}
