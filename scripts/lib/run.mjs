import { spawn } from "node:child_process";

/** Run a command with inherited output; resolves with its exit code. */
export function run(command, args, { env = process.env, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (status !== 0 && !allowFailure) reject(new Error(`${command} ${args.join(" ")} exited with ${status}`));
      else resolve(status);
    });
    child.on("error", reject);
  });
}
