import { escapeHtml } from '../../html.ts';

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  content: string;
  link: string;
}

/** An Atom 1.0 feed; all text escaped. */
export function atomFeed(feed: { id: string; title: string; link: string; entries: AtomEntry[] }): string {
  const updated = feed.entries.reduce((m, e) => (e.updated > m ? e.updated : m), new Date(0));
  const entries = feed.entries
    .map(
      (e) =>
        `<entry><id>urn:uuid:${escapeHtml(e.id)}</id><title>${escapeHtml(e.title)}</title>` +
        `<updated>${e.updated.toISOString()}</updated><link href="${escapeHtml(e.link)}"/>` +
        `<content type="text">${escapeHtml(e.content)}</content></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${escapeHtml(feed.id)}</id>` +
    `<title>${escapeHtml(feed.title)}</title><updated>${updated.toISOString()}</updated><link href="${escapeHtml(feed.link)}"/>${entries}</feed>`
  );
}
