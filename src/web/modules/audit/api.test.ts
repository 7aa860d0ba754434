import { describe, expect, it } from 'vitest';
import { auditQuery, PAGE_SIZE } from './api.ts';

const none = { actor: null, action: null, entity: null, from: null, to: null };

describe('auditQuery', () => {
  it('asks for exactly the chosen user (actorExact), not every actor containing it', () => {
    const q = new URLSearchParams(auditQuery({ ...none, actor: 'kjj@prov.test', action: 'submit' }, 1));
    expect(q.get('actorExact')).toBe('kjj@prov.test');
    expect(q.has('actor')).toBe(false);
    expect(q.get('action')).toBe('submit');
  });

  it('sends only the filters that are set, and the page as limit and offset', () => {
    const q = new URLSearchParams(auditQuery({ ...none, from: '2026-03-01', to: '2026-03-05' }, 3));
    expect([...q.keys()]).toEqual(['from', 'to', 'limit', 'offset']);
    expect([q.get('limit'), q.get('offset')]).toEqual([String(PAGE_SIZE), String(2 * PAGE_SIZE)]);
  });
});
