/**
 * Who owns a state directory: a process recorded in an owner file by its pid, command line and start time (pids are
 * reused), and the atomic claim of such a file. `npm start` (`<state>/owner.json`) and the indexer (`indexer.pid`)
 * use it. Node only (/proc, the file system).
 */
import { readFileSync } from "node:fs";
import { link, rm, writeFile } from "node:fs/promises";

/** Whether process `pid` still runs. */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The command line of `pid` (NULs as spaces), or undefined when it cannot be read (no such process, no /proc). */
export const commandLine = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return undefined;
  }
};

/** When process `pid` started (field 22 of /proc/<pid>/stat, clock ticks since boot), or undefined without /proc. */
export const startTimeOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
};

/** A process named in an owner file: its pid, and what identifies it beyond the pid (pids are reused). */
export interface RecordedProcess {
  pid: number;
  /** Its command line when recorded (`/proc/<pid>/cmdline`); empty where /proc was not available. */
  command: string;
  /** Its start time when recorded (`/proc/<pid>/stat`), if recorded. */
  startTime?: string;
}

/**
 * Whether a recorded process still runs: its pid exists and, where /proc tells, it runs the recorded command line
 * and started at the recorded time (a recycled pid runs another command or started later).
 */
export function isRecordedProcessAlive(recorded: RecordedProcess): boolean {
  // 0 and negative numbers name process groups for kill(), never one process.
  if (!Number.isInteger(recorded.pid) || recorded.pid <= 0) return false;
  try {
    process.kill(recorded.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so it is not a dead owner.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const command = commandLine(recorded.pid);
  if (command !== undefined && recorded.command !== "" && command !== recorded.command) return false;
  const startTime = startTimeOf(recorded.pid);
  return startTime === undefined || !recorded.startTime || startTime === recorded.startTime;
}

/**
 * Claims the owner file `file` for `owner`, atomically: throws `inUse(previous)` while the recorded owner runs, else
 * replaces a dead owner's record and returns it as `previous`. The record is written to a temporary file and linked
 * into place, so a reader never sees half of one, and of two claims racing here exactly one wins (link() fails when
 * the file exists). `read` parses the file (undefined: absent or not a record).
 */
export async function claimOwnerFile<T extends RecordedProcess>(
  file: string,
  owner: T,
  read: () => Promise<T | undefined>,
  inUse: (owner: T) => Error,
): Promise<{ previous: T | undefined }> {
  // Two rounds: a dead owner's record is removed in the first; a concurrent claim that won the race is seen in the second.
  for (let round = 0; round < 2; round++) {
    const previous = await read();
    if (previous && isRecordedProcessAlive(previous)) throw inUse(previous);
    if (round === 0) await rm(file, { force: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(owner, null, 2)}\n`);
    try {
      await link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    return { previous };
  }
  throw inUse((await read()) ?? owner);
}
