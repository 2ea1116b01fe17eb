// The Python peers of section 3: whether python3 with boto3 and moto_server are here, and their versions.
import { available, run } from "../processes.mjs";

/**
 * @returns {Promise<{ boto3: string | null, moto: string | null, motoServer: boolean, missing: string[] }>}
 * @example const { missing } = await peers(); // [] when every peer is installed
 */
export async function peers() {
  const version = async (/** @type {string} */ module) => {
    try {
      const out = await run("python3", ["-c", `import ${module}; print(${module}.__version__)`], { timeoutMs: 30_000 });
      return out.status === 0 ? out.stdout.trim() : null;
    } catch {
      return null;
    }
  };
  const [boto3, moto, motoServer] = await Promise.all([
    version("boto3"),
    version("moto"),
    available("sh", ["-c", "command -v moto_server"]),
  ]);
  const missing = [];
  if (!boto3) missing.push("python3 with boto3");
  if (!moto || !motoServer) missing.push("moto_server (pip install 'moto[server]')");
  return { boto3, moto, motoServer, missing };
}
