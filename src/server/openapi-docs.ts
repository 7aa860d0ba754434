import { escapeHtml, page } from './html.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

/**
 * A readable API reference rendered on the server from the OpenAPI document.
 * lantu must work offline, so no CDN-hosted viewer.
 */
export function renderApiDocs(doc: {
  info: { title: string; version: string };
  paths?: Record<string, unknown>;
}): string {
  const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const ops = item as Partial<Record<(typeof methods)[number], Operation>>;
    for (const m of methods) {
      const op = ops[m];
      if (!op) continue;
      const params = (op.parameters ?? [])
        .map(
          (p) => `<code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', required' : ''})`,
        )
        .join(', ');
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? '')}`)
        .join('<br>');
      rows.push(`<section><h3><span class="m ${m}">${m.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? '')}</p>${params ? `<p>Parameters: ${params}</p>` : ''}<p>${responses}</p></section>`);
    }
  }
  const body = `<h1>${escapeHtml(doc.info.title)} API <small>${escapeHtml(doc.info.version)}</small></h1>
<p>机器可读的 OpenAPI 文档 / Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a></p>${rows.join('\n')}`;
  return page(
    `${doc.info.title} API`,
    body,
    '.m{display:inline-block;min-width:4rem;font-size:.8rem;color:#fff;border-radius:4px;text-align:center}.get{background:#1664ff}.post{background:#14a44d}.put,.patch{background:#e37318}.delete{background:#d54941}section{border-bottom:1px solid #e5e6eb}',
  );
}
