import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Thrown when another live process holds the data folder. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`data folder ${dir} is in use by process ${pid}`);
    this.name = "DataFolderInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file of a PGlite data folder, because PGlite itself does not lock it and two
 * processes on one folder lose writes. A lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
export function lockDataFolder(dir: string): () => void {
  const path = join(dir, "samrad.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        rmSync(path, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataFolderInUseError(dir, pid);
      }
      if (pid === process.pid) throw new DataFolderInUseError(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock on data folder ${dir}`);
}
