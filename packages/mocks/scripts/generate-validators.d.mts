// Types of generate-validators.mjs, for the tests that run it in-process.
import type Ajv2020 from "ajv/dist/2020.js";

/** Where the generator writes: the standalone module and its declarations. */
export declare const outputFiles: { readonly js: string; readonly dts: string };

/** The ajv instance the validators are compiled with (draft 2020-12, allErrors, strict, the given formats). */
export declare function validatorAjv(formats: Record<string, unknown>, code?: Record<string, unknown>): Ajv2020;

/** The generated files' contents, by absolute path. */
export declare function renderValidators(): Promise<Map<string, string>>;
