// Loading data from the API in a component: the value, the error as a Vietnamese message, and a reload.
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "./api.ts";

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `deps` change; a stale response never overwrites a newer one. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T> | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    const controller = new AbortController();
    const promise = loadRef.current(controller.signal);
    if (!promise) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    promise.then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** The value after the user stopped typing for `ms`. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Document title per page, for screen readers and browser history. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Một cửa`;
  }, [title]);
}
