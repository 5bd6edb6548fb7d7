// The API as the pages use it: the token (taken once from ?token=, then kept for this browser tab),
// JSON calls with it, and errors turned into readable messages.

import { format, lang, t } from './i18n.js';

const TOKEN_KEY = 'drillboard.token';

/** The token for this tab: from ?token= (removed from the address bar afterwards) or from earlier. */
export function token() {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The claims of a JWT, for showing who and which team; the server checks the signature, not us. */
export function claims(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return {};
  }
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; resolves to the JSON body, or rejects with an ApiError that carries the problem. */
export async function api(method, path, body) {
  const response = await send(method, path, 'application/json',
    body === undefined ? undefined : { type: 'application/json', content: JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** A file from the API (a workbook, say) as a Blob; a refusal rejects with an ApiError as api() does. */
export async function download(path, accept) {
  const response = await send('GET', path, accept);
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  return response.blob();
}

/** Posts a file as it is (a workbook, say); resolves to the JSON answer. */
export async function upload(path, file, type) {
  const response = await send('POST', path, 'application/json', { type, content: file });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function send(method, path, accept, body) {
  const headers = { Accept: accept };
  const jwt = token();
  if (jwt) headers.Authorization = `Bearer ${jwt}`;
  if (body) headers['Content-Type'] = body.type;
  return fetch(`/api/v1${path}`, { method, headers, body: body?.content });
}

/**
 * A refusal for a message line, in the page's language: the words for the problem's stable code, with the fields
 * it names; the server's own (English) detail only for a code the pages do not know.
 */
export function describe(error) {
  if (error instanceof ApiError) {
    const key = `problem_${error.problem.code}`;
    const fields = (error.problem.errors || []).map((entry) => entry.split(':')[0].trim()).filter(Boolean);
    if (error.problem.code && t(key) !== key) {
      return fields.length ? format('problemFields', t(key), fields.join(lang() === 'zh' ? '、' : ', ')) : t(key);
    }
    const errors = error.problem.errors ? ` (${error.problem.errors.join('; ')})` : '';
    return `${error.status}: ${error.message}${errors}`;
  }
  return String(error.message || error);
}
