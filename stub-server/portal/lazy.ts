/**
 * An answer built only when it is read. Some answers are costly and, in process, mostly unread
 * (the application-form PDF; the detail a back-office decision answers with): an operation may
 * return one of these over the records it answers about. Records are immutable (tables replace
 * rows, never mutate them), so the answer built later is the one built now would have been.
 * The HTTP layer reads it before sending (its answers are the same bytes); the in-process client
 * hands it on as an answer whose `body` is built on first read.
 */
export class Lazy<T> {
  private thunk: (() => T) | undefined;
  private built: T | undefined;

  constructor(thunk: () => T) { this.thunk = thunk; }

  /** The answer, built on the first read and kept. */
  get value(): T {
    const { thunk } = this;
    if (thunk !== undefined) {
      this.built = thunk();
      this.thunk = undefined;
    }
    return this.built as T;
  }

  /** Serialised as what it stands for. */
  toJSON(): T { return this.value; }
}

/** `value` itself, or what a lazy one stands for. */
export const resolved = (value: unknown): unknown => (value instanceof Lazy ? value.value : value);
