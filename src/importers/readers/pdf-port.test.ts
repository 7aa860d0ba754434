import { describe, expect, it } from 'vitest';
import { copyMessage, InThreadPort } from './pdf-port.ts';

describe('pdf.js in-thread port', () => {
  it('copies plain messages as structuredClone does, as independent copies', () => {
    const item = { str: '第一章', transform: [12, 0, 0, 12, 90.5, 700], width: 36, hasEOL: false, n: null };
    const message = {
      sourceName: 'worker',
      data: { items: [item, { type: 'endMarkedContent' }], styles: Object.create(null) as object },
    };
    const copy = copyMessage(message) as typeof message;
    expect(copy).toEqual(structuredClone(message));
    expect(copy.data.items[0]).not.toBe(item);
    expect((copy.data.items[0] as typeof item).transform).not.toBe(item.transform);
    expect(Object.getPrototypeOf(copy.data.styles)).toBe(null);
  });

  it('leaves typed arrays, class instances, cycles and transfers to structuredClone', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const copied = copyMessage({ bytes, when: new Date(0), err: new Error('x') }) as {
      bytes: Uint8Array;
      when: Date;
      err: Error;
    };
    expect(copied.bytes).toEqual(bytes);
    expect(copied.bytes).not.toBe(bytes);
    expect(copied.when).toBeInstanceOf(Date);
    expect(copied.err).toBeInstanceOf(Error);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const c = copyMessage(cyclic) as Record<string, unknown>;
    expect(c.self).toBe(c);
    const buf = new Uint8Array([7]);
    const moved = copyMessage({ buf }, [buf.buffer]) as { buf: Uint8Array };
    expect([...moved.buf]).toEqual([7]);
    expect(buf.byteLength).toBe(0);
  });

  it('delivers asynchronously, in order, to listeners until their signal aborts', async () => {
    const port = new InThreadPort();
    const seen: unknown[] = [];
    const ac = new AbortController();
    port.addEventListener('message', (e) => seen.push(e.data), { signal: ac.signal });
    port.postMessage(1);
    port.postMessage({ two: 2 });
    expect(seen).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([1, { two: 2 }]);
    ac.abort();
    port.postMessage(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, { two: 2 }]);
  });
});
