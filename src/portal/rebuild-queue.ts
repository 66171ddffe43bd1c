// Debounced portal rebuilds, one at a time, fed by the in-process hook (auto-build.ts) or by the
// CMS's outbound webhooks (watch.ts): a change waits 1 s for more (at most 4 s after the first),
// then one build covers everything collected; changes arriving during a build go into the next.
import type { BuildResult } from './build';

/** Quiet time before a build starts, and the longest a change waits for one. */
const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 4000;

export interface RebuildQueue {
  /** An item's page, its linkers and the lists. */
  item(documentId: string): void;
  /** Only the pages every build writes (home, trees, guides, procedures, reports). */
  pages(): void;
  /** Every page (a department or category was renamed, moved or removed). */
  everything(): void;
  /** The last build's result (undefined before the first). */
  last(): BuildResult | undefined;
  /** Resolves when no build is scheduled or running. */
  idle(): Promise<void>;
  stop(): void;
}

/** `build(changed)`: incremental for those documentIds, or a full build when `changed` is undefined. */
export function rebuildQueue(build: (changed: string[] | undefined) => Promise<BuildResult>, onError: (error: Error) => void): RebuildQueue {
  let changed = new Set<string>();
  let full = false;
  let firstAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let last: BuildResult | undefined;
  let stopped = false;

  function arm() {
    if (stopped) return;
    firstAt ??= Date.now();
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(DEBOUNCE_MS, firstAt + MAX_WAIT_MS - Date.now())));
  }

  function run() {
    timer = undefined;
    if (running) return void running.then(arm);
    const ids = full ? undefined : [...changed];
    changed = new Set();
    full = false;
    firstAt = undefined;
    running = build(ids)
      .then((result) => {
        last = result;
      })
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }

  return {
    item(documentId) {
      changed.add(documentId);
      arm();
    },
    pages: arm,
    everything() {
      full = true;
      arm();
    },
    last: () => last,
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, 50)));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
