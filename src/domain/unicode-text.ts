/**
 * Character-level hygiene for text that crosses a boundary: into the system (well-formed Unicode only) and out
 * into XML (only the characters XML 1.0 allows).
 */

/** The path of the first string (value or key) in `value` that is not well-formed UTF-16 — a lone surrogate. */
export function illFormedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedTextPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (!isWellFormed(k)) return at;
      const found = illFormedTextPath(v, at);
      if (found) return found;
    }
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * Characters XML 1.0 forbids (§2.2): C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF
 * and lone surrogates. One of them anywhere makes the whole document unreadable to every XML parser.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 forbids removed: the one helper for everything written as XML. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** `value` with `f` applied to every string in its plain objects and arrays (other objects are kept as they are). */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)])) as T;
  }
  return value;
}
