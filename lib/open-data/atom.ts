/** Atom 1.0 (RFC 4287) for the feeds: escaped text, stable ids, one alternate link per entry. */

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary?: string;
  /** The entry's text in plain words (`<content type="text">`). */
  content?: string;
  category?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The page the feed follows (rel="alternate"). */
  alternate: string;
  /** When nothing is in the feed yet: a fixed instant, so the document stays valid and stable. */
  updatedFallback: string;
  author: string;
  entries: AtomEntry[];
}

export function toAtom(f: AtomFeed): string {
  const updated = f.entries.reduce((m, e) => (e.updated > m ? e.updated : m), f.entries.length ? f.entries[0]!.updated : f.updatedFallback);
  const entries = f.entries
    .map(
      (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title>${xmlEscape(e.title)}</title>
    <updated>${xmlEscape(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>
${e.category ? `    <category term="${xmlEscape(e.category)}"/>\n` : ''}${e.summary !== undefined ? `    <summary>${xmlEscape(e.summary)}</summary>\n` : ''}${
        e.content !== undefined ? `    <content type="text">${xmlEscape(e.content)}</content>\n` : ''
      }  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(f.id)}</id>
  <title>${xmlEscape(f.title)}</title>
  <updated>${xmlEscape(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(f.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(f.alternate)}"/>
  <author><name>${xmlEscape(f.author)}</name></author>
${entries}${entries ? '\n' : ''}</feed>
`;
}
