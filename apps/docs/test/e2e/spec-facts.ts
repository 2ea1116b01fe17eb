// What the reference must show, read from the spec itself (never a second hand-written copy): the bundled
// document for prose (example summaries, security schemes), the generated runtime facts for the rest.
import { createRequire } from "node:module";

export { operation, parameters, responses, servers } from "@iot-jobs/spec";

type Node = Record<string, any>;

/** The bundled spec (@iot-jobs/spec/openapi.json). */
export const spec: Node = createRequire(import.meta.url)("@iot-jobs/spec/openapi.json");

/** Follows local `$ref`s ("#/components/...") until a node that is not a reference. */
export function deref(node: Node): Node {
  let current = node;
  for (let hops = 0; typeof current?.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${current.$ref}`);
    const path = current.$ref.replace(/^#\//, "").split("/");
    current = path.reduce<Node>((at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

/** The operation object of ListJobExecutionsForJob. */
export function operationObject(path: string, method: string): Node {
  return deref(spec.paths[path][method.toLowerCase()]);
}

/** The summaries of the named examples of a response, in spec order. */
export function exampleSummaries(response: Node): string[] {
  const examples = response.content?.["application/json"]?.examples ?? {};
  return Object.values<Node>(examples).map((example) => String(deref(example).summary));
}

/** The error type names a response's `x-amzn-ErrorType` header pattern admits, e.g. ["ThrottlingException"]. */
export function errorTypeNames(pattern: string): string[] {
  return pattern.match(/[A-Z][A-Za-z]+(?:Exception|Error)/g) ?? [];
}
