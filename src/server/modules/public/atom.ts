import { xmlSafeText } from '../../../domain/unicode-text.ts';
import { escapeHtml } from '../../html.ts';

/** Escaped, and without the characters XML 1.0 forbids: one control character would make the feed unreadable. */
const xml = (s: string) => escapeHtml(xmlSafeText(s));

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  content: string;
  link: string;
}

/** An Atom 1.0 feed; all text escaped and XML-safe. */
export function atomFeed(feed: { id: string; title: string; link: string; entries: AtomEntry[] }): string {
  const updated = feed.entries.reduce((m, e) => (e.updated > m ? e.updated : m), new Date(0));
  const entries = feed.entries
    .map(
      (e) =>
        `<entry><id>urn:uuid:${xml(e.id)}</id><title>${xml(e.title)}</title>` +
        `<updated>${e.updated.toISOString()}</updated><link href="${xml(e.link)}"/>` +
        `<content type="text">${xml(e.content)}</content></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(feed.id)}</id>` +
    `<title>${xml(feed.title)}</title><updated>${updated.toISOString()}</updated><link href="${xml(feed.link)}"/>${entries}</feed>`
  );
}
