import { readFile } from "node:fs/promises";
import { IotJobsMockError } from "../core/errors.js";
import { credentialRegistry, type MockCredentials } from "../core/request/auth/credentials.js";
import { checkSeed, type SeedDocument } from "../core/state/fixtures/seed.js";

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new IotJobsMockError(`cannot read the ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IotJobsMockError(`the ${what} ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads and checks a seed file (JSON, see `SeedDocument`); throws a `SeedError` listing every issue by field.
 *
 * @example
 * mock.seed(await loadSeedFile("fleet.json"));
 */
export async function loadSeedFile(path: string): Promise<SeedDocument> {
  return checkSeed(await readJson(path, "seed file"), path);
}

/**
 * Reads a credentials file: a JSON array of `{ accessKeyId, secretAccessKey, accountId?, sessionToken?,
 * accessDenied? }`, or `{ "credentials": [...] }`. Throws a `FixtureError` naming the field.
 *
 * @example
 * const credentials = await loadCredentialsFile("creds.json");
 */
export async function loadCredentialsFile(path: string): Promise<MockCredentials[]> {
  const doc = await readJson(path, "credentials file");
  const list = Array.isArray(doc) ? doc : (doc as { credentials?: unknown })?.credentials;
  credentialRegistry(list as MockCredentials[], `${path}: credentials`);
  return list as MockCredentials[];
}
