import { type Context, createContext } from 'react';

/**
 * `createContext` with a `displayName` for React DevTools, in one call: a top-level
 * `Context.displayName = …` statement is a side effect that keeps the context (and what it imports) in
 * every bundle, while a call marked `/* @__PURE__ *\/` is dropped when nothing uses the context.
 */
export function createNamedContext<T>(displayName: string, defaultValue: T): Context<T> {
  const context = createContext(defaultValue);
  context.displayName = displayName;
  return context;
}
