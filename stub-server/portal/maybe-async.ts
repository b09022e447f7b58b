/**
 * A value now or later. In process the portal answers synchronously (the simulator makes tens
 * of millions of calls, and a promise a call was a fifth of a run's time); over HTTP, or where
 * a password is really hashed, it answers later. Code that serves both takes a MaybePromise and
 * goes on with `andThen`, which stays synchronous when the value is.
 */
export type MaybePromise<T> = T | Promise<T>;

/** `fn(value)`, now if `value` is here, else when it comes. */
export function andThen<T, U>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/**
 * `fn` for each item, one after the other: the next starts when the last is done (now, or
 * when its promise settles). Synchronous throughout while every `fn` is; no recursion, so a
 * long list of synchronous steps does not grow the stack.
 */
export function eachInTurn<T>(items: readonly T[], fn: (item: T) => MaybePromise<void>, from = 0): MaybePromise<void> {
  for (let i = from; i < items.length; i += 1) {
    const done = fn(items[i]!);
    if (done instanceof Promise) return done.then(() => eachInTurn(items, fn, i + 1));
  }
  return undefined;
}
