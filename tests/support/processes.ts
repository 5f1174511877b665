import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose command line contains `text` (a sandbox's folder names its child, and bubblewrap's too). */
export function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) pids.push(Number(pid));
    } catch {
      // gone already
    }
  }
  return pids;
}

/** Whether `condition` holds within `ms`, polling every 20 ms. */
export async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return condition();
}
