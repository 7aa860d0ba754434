import type { TestApp } from './app.ts';
import type { Client } from './session.ts';

/** Sends a multipart upload (form field "file") as a logged-in client, or anonymously when client is null. */
export async function uploadFile(
  app: TestApp,
  client: Client | null,
  path: string,
  bytes: Uint8Array,
  opts: { name?: string; fields?: Record<string, string>; csrf?: string | null } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set(
    'file',
    new File([bytes], opts.name ?? 'sheet.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.set(k, v);
  const headers: Record<string, string> = {};
  if (client) {
    headers.cookie = client.cookie;
    const csrf = opts.csrf === undefined ? client.csrf : opts.csrf;
    if (csrf !== null) headers['x-csrf-token'] = csrf;
  }
  const res = await app.request(path, { method: 'POST', headers, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

/** GET returning the raw bytes (templates). */
export async function download(
  app: TestApp,
  client: Client | null,
  path: string,
): Promise<{ status: number; bytes: Uint8Array; type: string | null }> {
  const res = await app.request(path, { headers: client ? { cookie: client.cookie } : {} });
  return {
    status: res.status,
    bytes: new Uint8Array(await res.arrayBuffer()),
    type: res.headers.get('content-type'),
  };
}

/** POST /api/plans/import?{query} with an outline's bytes as the body, signed in as `client`. */
export async function importOutline(
  app: TestApp,
  client: Client,
  query: string,
  bytes: Uint8Array,
): Promise<Response> {
  return await app.request(`/api/plans/import?${query}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': 'application/octet-stream',
    },
    body: bytes,
  });
}
