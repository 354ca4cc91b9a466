import type { ErrorBody, FieldIssue } from '@tongxin/common/errors.ts';
import { getLang, t } from '../i18n/index.tsx';

/** An error the API returned (or a network failure), carrying the server's Chinese message as is. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(code: string, message: string, status: number, details?: unknown, requestId?: string | null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId ?? null;
  }

  /** Field problems in `details` ([{path, message}]), when the server sent them. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && 'path' in d && 'message' in d,
    );
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart (file uploads). */
  form?: FormData;
  signal?: AbortSignal;
  /** Extra request headers (an `Idempotency-Key` on creating writes). */
  headers?: Record<string, string>;
  /** The sign-in form handles its own 401 (wrong password) instead of being sent to /login. */
  noAuthRedirect?: boolean;
}

interface AuthHandlers {
  /** 401: the session is missing or expired; `message` says which. */
  unauthenticated: (error: ApiError) => void;
  /** 403 PASSWORD_CHANGE_REQUIRED: the user must change the initial password first. */
  passwordChangeRequired: (error: ApiError) => void;
}

let handlers: AuthHandlers = { unauthenticated: () => {}, passwordChangeRequired: () => {} };

/** The router registers where to go on 401 / forced password change (the client knows no routes). */
export function setAuthHandlers(next: AuthHandlers) {
  handlers = next;
}

export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang(),
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}${queryString(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK', t('common.networkError'), 0);
  }
  if (!response.ok) throw await toError(response, options);
  return response;
}

async function toError(response: Response, options: RequestOptions): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const e = body?.error;
  const requestId = e?.requestId ?? response.headers.get('x-request-id');
  const error = e
    ? new ApiError(e.code, e.message, response.status, e.details, requestId)
    : new ApiError(
        `HTTP_${response.status}`,
        t('common.serverError', { status: response.status }),
        response.status,
      );
  if (response.status === 401 && !options.noAuthRedirect) handlers.unauthenticated(error);
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.passwordChangeRequired(error);
  return error;
}

/** Calls the API and returns the parsed JSON (undefined for 204). Throws `ApiError`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file (Excel export, import template) through fetch, so errors show as messages, not pages. */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const response = await send(path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
