// A module loaded on first use (a mode or a tool not in the first load): one import at a time, kept
// once it has arrived, and tried again after a failure. Used by the map (clustering) and the timeline
// (the comparison lanes). No DOM.
export interface OnDemand<T> {
  /** The module, once it has arrived; null before. */
  readonly module: T | null;
  /** Starts the import, or returns the one under way; rejects when it fails (the next call tries again). */
  load(): Promise<T>;
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let module: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    get module() {
      return module;
    },
    load() {
      pending ??= importer().then(
        (m) => (module = m),
        (err: unknown) => {
          pending = null;
          throw err;
        },
      );
      return pending;
    },
  };
}
