// The public HTTP API (API.md), and nothing else: JSON in, problem+json errors out as ApiError.

const base = document.querySelector('meta[name="pf-api-base"]')?.content.replace(/\/$/, '') ?? '';

/** The absolute URL of an API path, for links and images (the API may live on another origin, see README). */
export const apiUrl = path => base + path;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? {};
  }
}

/** `path` under /api; `query` an object (empty values left out); `token` a bearer token. */
export async function api(path, { query, token, method = 'GET', body, contentType, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(base + withQuery(path, query), { method, headers, body, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: '无法连接服务器，请检查网络后重试' });
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/**
 * Opens a document that needs the caller's token (GET /api/documents/{id} is not public): fetched with the
 * bearer token, then handed to the browser as a file (a link cannot send the Authorization header).
 */
export async function openDocument(id, token) {
  let response;
  try {
    response = await fetch(base + `/api/documents/${encodeURIComponent(id)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, { title: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${id}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A list answer as one page: a plain array, or {items, continuation} when the API pages. */
export function asPage(body) {
  if (Array.isArray(body)) return { items: body, continuation: null };
  return { items: Array.isArray(body?.items) ? body.items : [], continuation: body?.continuation ?? null };
}

/** Every item of a list, following `continuation` up to `maxPages` pages (a board needs them all). */
export async function collect(path, options = {}, maxPages = 20) {
  const items = [];
  let continuation = null;
  for (let page = 0; page < maxPages; page++) {
    const answer = asPage(await api(path, { ...options, query: { ...options.query, continuation } }));
    items.push(...answer.items);
    continuation = answer.continuation;
    if (!continuation) break;
  }
  return items;
}

/** What to tell a person about a failed call, in Chinese. */
export function explain(error) {
  if (!(error instanceof ApiError)) return '出现意外错误，请刷新页面后重试';
  switch (error.status) {
    case 0: return error.message;
    case 401: return '未登录或登录已过期，请重新登录';
    case 403: return '当前账号没有查看此内容的权限';
    case 413: return '文件太大，超过了上传上限';
    case 429: return '请求过于频繁，请稍后再试';
    default:
      if (error.status >= 500) return '服务暂时不可用，请稍后再试';
      return error.problem.title || `请求未成功（${error.status}）`;
  }
}
