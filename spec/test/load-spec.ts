import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, loadConfig } from "@redocly/openapi-core";

export const specDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The spec with every $ref (internal and external) resolved, as openapi-core bundles it. */
export async function loadDereferencedSpec(): Promise<Record<string, any>> {
  const config = await loadConfig({ configPath: resolve(specDir, "redocly.yaml") });
  const { bundle: doc } = await bundle({ ref: resolve(specDir, "openapi.yaml"), config, dereference: true });
  return doc.parsed as Record<string, any>;
}
