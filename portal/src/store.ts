import { useEffect, useState } from "preact/hooks";

/** A tiny observable value: enough state management for this portal. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  update(f: (value: T) => T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(v) {
      if (Object.is(v, value)) return;
      value = v;
      for (const l of [...listeners]) l(v);
    },
    update(f) {
      this.set(f(value));
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** Re-render when the store changes. */
export function useStore<T>(s: Store<T>): T {
  const [, force] = useState(0);
  useEffect(() => s.subscribe(() => force((n) => n + 1)), [s]);
  return s.get();
}
