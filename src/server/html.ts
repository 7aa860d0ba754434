/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A minimal page: no scripts, inline styles only through the stylesheet string given. */
export function page(title: string, body: string, style = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2329;line-height:1.6}
code,pre{font-family:ui-monospace,monospace;background:#f5f6f7;border-radius:4px;padding:.1rem .3rem}a{color:#1664ff}${style}</style>
</head><body>${body}</body></html>`;
}
