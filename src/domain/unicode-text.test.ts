import { describe, expect, it } from 'vitest';
import { illFormedTextPath, isWellFormed, xmlSafeText } from './unicode-text.ts';

describe('illFormedTextPath', () => {
  it('finds a lone surrogate in a nested value or key and names where', () => {
    expect(illFormedTextPath({ a: 'ok', b: [{ c: 'x\ud800y' }] })).toBe('b[0].c');
    expect(illFormedTextPath({ ['k\udc00']: 1 })).toBe('k\udc00');
    expect(illFormedTextPath('\udfff')).toBe('(body)');
  });

  it('accepts pairs (emoji, rare CJK) and non-strings', () => {
    expect(illFormedTextPath({ a: '😀 𠮷 中文', n: 3, t: true, z: null })).toBeNull();
    expect(isWellFormed('\ud83d\ude00')).toBe(true);
    expect(isWellFormed('\ude00\ud83d')).toBe(false);
  });
});

describe('xmlSafeText', () => {
  it('removes the characters XML 1.0 forbids and keeps tab, newlines and astral characters', () => {
    expect(xmlSafeText('a\u0001b\u0000c\u000bd\u001fe\ufffef\uffff')).toBe('abcdef');
    expect(xmlSafeText('x\ud800y\udc00z')).toBe('xyz');
    expect(xmlSafeText('tab\tnl\ncr\r 😀 𠮷 ')).toBe('tab\tnl\ncr\r 😀 𠮷 ');
  });
});
