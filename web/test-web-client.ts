/**
 * Test support: an HTTP client for the web app over fetch, keeping cookies like a browser and
 * reading the CSRF token from the last page's <meta name="csrf-token">.
 */
import { TEST_PASSWORD } from './test-web-app.ts';

export class TestWebClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  /** GET a page (following redirects) and keep its CSRF token. */
  async page(path: string): Promise<{ response: Response; html: string }> {
    let response = await this.request(path);
    for (let hops = 0; hops < 5 && response.status >= 301 && response.status <= 308; hops++) {
      await response.body?.cancel();
      response = await this.request(response.headers.get('location') ?? '/');
    }
    const html = await response.text();
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    return { response, html };
  }

  /** POST a form; the CSRF token is added unless `csrf` is false (or a string to send instead). */
  postForm(path: string, fields: Record<string, string>, csrf: boolean | string = true): Promise<Response> {
    const body = new URLSearchParams(fields);
    if (csrf !== false) body.set('_csrf', csrf === true ? this.csrfToken : csrf);
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  postJson(path: string, value: unknown, csrf = true): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': this.csrfToken } : {}) },
      body: JSON.stringify(value),
    });
  }

  /** Signs in through the form; returns the POST's response (303 on success). */
  async signIn(username: string, password = TEST_PASSWORD): Promise<Response> {
    await this.page('/sign-in');
    const response = await this.postForm('/sign-in', { username, password });
    // The signed-in page carries the session's CSRF token (the pre-session one is void now).
    if (response.status === 303) await this.page('/');
    return response;
  }
}
