import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data without fetching (live updates). */
  set: (data: T) => void;
}

/** Run `f` when `deps` change; the latest run wins. */
export function useAsync<T>(f: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const run = useRef(0);
  const go = useCallback(() => {
    const id = ++run.current;
    setState((s) => ({ data: s.data, loading: true }));
    f().then(
      (data) => id === run.current && setState({ data, loading: false }),
      (error: unknown) => id === run.current && setState({ error, loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    go();
    return () => {
      run.current++;
    };
  }, [go]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: go,
    set: (data: T) => setState({ data, loading: false }),
  };
}
