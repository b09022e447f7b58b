/**
 * A value now or later. In process the portal answers synchronously (the simulator makes tens
 * of millions of calls, and a promise a call was a fifth of a run's time); over HTTP, or where
 * a password is really hashed, it answers later. Code that serves both takes a MaybePromise and
 * goes on with `andThen`, which stays synchronous when the value is.
 */
export type MaybePromise<T> = T | Promise<T>;
/** A value now, later in the simulation, or from a promise (see `Later`). */
export type MaybeLater<T> = MaybePromise<T> | Later<T>;

/**
 * A value that comes at a later moment of a simulation (a step's next call, sent when the one
 * before was answered), resolved from one of its events. Whatever waits on it runs at once,
 * inside that event: no microtask, so the run needs no waiting to stay in event order. A
 * promise would not do: the run loop would wait for it, and it waits for the loop.
 */
export class Later<T> {
  private done = false;
  private value: T | undefined;
  private readonly waiting: ((value: T) => void)[] = [];

  resolve(value: MaybeLater<T>): void {
    if (value instanceof Later || value instanceof Promise) {
      void (value as Later<T>).then((v) => { this.resolve(v); });
      return;
    }
    this.done = true;
    this.value = value;
    for (const fn of this.waiting.splice(0)) fn(value);
  }

  then<U>(fn: (value: T) => MaybeLater<U>): Later<U> {
    const next = new Later<U>();
    // No named closure: under tsx each one made costs a hidden-class change (esbuild's keepNames).
    if (this.done) next.resolve(fn(this.value as T));
    else this.waiting.push((value) => next.resolve(fn(value)));
    return next;
  }
}

/** `fn(value)`, now if `value` is here, else when it comes. */
export function andThen<T, U>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<U>): MaybePromise<U>;
export function andThen<T, U>(value: MaybeLater<T>, fn: (value: T) => MaybeLater<U>): MaybeLater<U>;
export function andThen<T, U>(value: MaybeLater<T>, fn: (value: T) => MaybeLater<U>): MaybeLater<U> {
  if (value instanceof Later) return value.then(fn);
  return value instanceof Promise ? value.then(fn as (value: T) => MaybePromise<U>) : fn(value);
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
