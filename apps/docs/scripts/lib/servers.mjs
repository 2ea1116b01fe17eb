// @ts-check
// Redoc 3 prints the descriptions of servers and of their variables as plain text, while the spec writes
// them in markdown (CommonMark is allowed there): code marks would show as stray backticks. The rendered
// copy gets the text without them; the spec, and the downloadable copy, keep the markdown.

/** @param {unknown} text */
const plain = (text) => (typeof text === "string" ? text.replace(/`([^`]*)`/g, "$1").trim() : text);

/**
 * A copy of an OpenAPI document whose top-level servers, and their variables, have descriptions without
 * markdown code marks.
 * @param {Record<string, any>} document
 * @returns {Record<string, any>}
 */
export function withPlainServerDescriptions(document) {
  if (!Array.isArray(document.servers)) return document;
  const servers = document.servers.map((/** @type {Record<string, any>} */ server) => {
    const out = { ...server };
    if ("description" in server) out.description = plain(server.description);
    if (server.variables) {
      out.variables = Object.fromEntries(
        Object.entries(server.variables).map(([name, variable]) => [
          name,
          "description" in variable ? { ...variable, description: plain(variable.description) } : variable,
        ]),
      );
    }
    return out;
  });
  return { ...document, servers };
}
