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
