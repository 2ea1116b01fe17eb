// The one esbuild step of the tests and the bench: what an app's bundler would make of our packages for a browser.
import { build, type Metafile } from "esbuild";

/** What to bundle: a file, or a script given as text whose imports resolve from `resolveDir`. */
export type BundleInput = { readonly entry: string } | { readonly contents: string; readonly resolveDir: string };

/**
 * Options of {@link bundleForBrowser}.
 *
 * @example
 * await bundleForBrowser({ entry }, { minify: true });
 */
export interface BundleOptions {
  /** Minify, as a production build would (the size figures and the budget use it). @default false */
  readonly minify?: boolean;
  /** esbuild's `target`. @default esbuild's own ("esnext") */
  readonly target?: string;
}

/** A bundle in memory. */
export interface Bundle {
  readonly code: Uint8Array;
  readonly text: string;
  /** Every module bundled, as esbuild names them (`../node_modules/.pnpm/.../msw/lib/browser/index.mjs`). */
  readonly inputs: string[];
  readonly metafile: Metafile;
}

/**
 * Bundles for the browser as an app would: ESM, esbuild's `browser` platform (so the `browser` export conditions),
 * one file, in memory, nothing logged.
 *
 * @example
 * const { code, inputs } = await bundleForBrowser({ contents: `export * from "@iot-jobs/mocks/browser";`, resolveDir: root });
 */
export async function bundleForBrowser(input: BundleInput, options: BundleOptions = {}): Promise<Bundle> {
  const result = await build({
    ...("entry" in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, resolveDir: input.resolveDir, loader: "js" } }),
    bundle: true,
    minify: options.minify ?? false,
    format: "esm",
    platform: "browser",
    ...(options.target ? { target: options.target } : {}),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("[test-support] esbuild wrote no output file");
  return {
    code: output.contents,
    text: output.text,
    inputs: Object.keys(result.metafile.inputs),
    metafile: result.metafile,
  };
}
