/** The one way the workspace talks to the server: same origin, JSON, CSRF header on writes. */
import { documentLang, isBilingual, messageFor, type Bilingual } from './bilingual.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Both languages, when the server wrote the message in both: `message` is then the UI language's. */
    readonly messages?: Bilingual,
  ) {
    super(messageFor({ message, messages }, documentLang()));
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface ErrorBody {
  error?: { code?: string; message?: string; messages?: unknown; details?: unknown };
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** The ApiError for a refused request's body (the server's `{ error: { code, message, messages } }`). */
function errorFromBody(status: number, statusText: string, data: unknown): ApiError {
  const e = isErrorBody(data) ? data.error : undefined;
  const messages = isBilingual(e?.messages) ? e.messages : undefined;
  return new ApiError(status, e?.code ?? `http_${status}`, e?.message ?? statusText, e?.details, messages);
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw errorFromBody(res.status, res.statusText, data);
  return data as T;
}

/** multipart/form-data POST (file uploads), same CSRF and error handling as `api`. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorFromBody(res.status, res.statusText, data);
  return data as T;
}

/** POSTs raw bytes with upload progress (fetch cannot report it), same CSRF and error handling as `api`. */
export function uploadWithProgress<T>(
  path: string,
  body: Blob,
  onProgress: (share: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as T);
        return;
      }
      reject(errorFromBody(xhr.status, xhr.statusText, data));
    };
    xhr.send(body);
  });
}
