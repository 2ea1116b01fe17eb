// @ts-check
// A Redocly plugin with one decorator, `iot-jobs-docs/compose`, enabled in apps/docs/redocly.yaml: while
// `redocly build-docs` bundles the spec, it adds an Authentication section (from the spec's security
// schemes) and the guides (guides/*.md) to the in-memory copy it renders, makes the server descriptions
// plain text, and puts each paragraph of a description on one line (for Redoc's search snippets). The spec
// file is never changed, and `redocly bundle` with the spec's own config (the downloadable copy) never sees
// any of it.
import { withAuthentication } from "./lib/authentication.mjs";
import { readGuides, withGuides } from "./lib/guides.mjs";
import { guidesDir } from "./lib/paths.mjs";
import { withPlainServerDescriptions } from "./lib/servers.mjs";
import { withSoftBreaksUnwrapped } from "./lib/soft-breaks.mjs";

/** @returns {Record<string, any>} the plugin, in Redocly's plugin format */
export default function iotJobsDocsPlugin() {
  return {
    id: "iot-jobs-docs",
    decorators: {
      oas3: {
        compose: () => ({
          Root: {
            /** @param {Record<string, any>} root the bundled document */
            leave(root) {
              // Guides are read on every build, so the dev server picks up their edits. Authentication goes
              // first: withGuides files every tag that is not a guide under the API reference.
              const composed = withGuides(withAuthentication(root), readGuides(guidesDir));
              Object.assign(root, withSoftBreaksUnwrapped(withPlainServerDescriptions(composed)));
            },
          },
        }),
      },
    },
  };
}
