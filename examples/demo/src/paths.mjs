// @ts-check
// Where things are in the repository.
import { fileURLToPath } from "node:url";

/** The repository's root folder (absolute, with a trailing slash). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The built docs site (apps/docs, `pnpm build`). */
export const docsDist = fileURLToPath(new URL("../../../apps/docs/dist/", import.meta.url));
