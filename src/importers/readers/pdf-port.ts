/**
 * The message port between pdf.js's document side and its worker side when both run in this thread
 * (Node has no pdf.js web worker). pdf.js's own loopback port copies every message with structuredClone;
 * a page's text arrives as thousands of small items, and that copy alone was a third of a PDF import's CPU
 * time (SIP outline: 26,000 items). This port copies plain data (objects, arrays, primitives) with a
 * JavaScript deep copy, which gives the same result for such data several times faster, and leaves
 * everything else (typed arrays, buffers, class instances, messages with a transfer list) to
 * structuredClone. Delivery is asynchronous, one microtask later, as with pdf.js's port.
 */

import type { TransferListItem } from 'node:worker_threads';

type Listener = (event: { data: unknown }) => void;

/** Deeper than any message pdf.js sends; a deeper (or cyclic) value is copied by structuredClone. */
const MAX_DEPTH = 64;

class TooDeep extends Error {}

function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyPlain(value[i], depth + 1);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
  for (const key of Object.keys(value))
    out[key] = copyPlain((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

/** A copy of a message as structuredClone would make it (plain data copied in JavaScript). */
export function copyMessage(value: unknown, transfer?: TransferListItem[] | null): unknown {
  if (transfer && transfer.length > 0) return structuredClone(value, { transfer });
  try {
    return copyPlain(value, 0);
  } catch (e) {
    if (e instanceof TooDeep) return structuredClone(value);
    throw e;
  }
}

/** Both ends of the conversation listen on one port; pdf.js's handlers tell their messages apart by name. */
export class InThreadPort {
  private readonly listeners = new Map<Listener, (() => void) | null>();

  postMessage(message: unknown, transfer?: TransferListItem[] | null): void {
    const event = { data: copyMessage(message, transfer) };
    queueMicrotask(() => {
      for (const listener of [...this.listeners.keys()]) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    const signal = options?.signal;
    let detach: (() => void) | null = null;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      detach = () => signal.removeEventListener('abort', onAbort);
    }
    this.listeners.set(listener, detach);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.get(listener)?.();
    this.listeners.delete(listener);
  }

  terminate(): void {
    for (const detach of this.listeners.values()) detach?.();
    this.listeners.clear();
  }
}
