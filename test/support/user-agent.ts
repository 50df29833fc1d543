// A browser without a browser, for flows across origins (single sign-on): it follows redirects, keeps
// each origin's cookies, and submits the forms of the pages it gets, all over real HTTP.
import { send, type HttpReply } from "./session";

export class UserAgent {
  /** Cookies by origin, then by name. */
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  /** Sets a cookie as if a page had, e.g. a session copied from elsewhere. */
  setCookie(origin: string, name: string, value: string): void {
    if (!this.jar.has(origin)) this.jar.set(origin, new Map());
    this.jar.get(origin)!.set(name, value);
  }

  private remember(origin: string, reply: HttpReply): void {
    for (const line of reply.headers["set-cookie"] ?? []) {
      const [pair, ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = value === "" || attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.jar.get(origin)?.delete(name);
      else this.setCookie(origin, name, value);
    }
  }

  /** One request with this origin's cookies (all paths alike: the flows here never share a name across paths). */
  async request(url: string, options: { method?: string; form?: Record<string, string> } = {}): Promise<HttpReply & { url: string }> {
    const { origin } = new URL(url);
    const headers: Record<string, string> = {};
    const cookies = [...(this.jar.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
    if (cookies) headers.cookie = cookies;
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const reply = await send(url, { method: options.method ?? "GET", headers, body });
    this.remember(origin, reply);
    return { ...reply, url };
  }

  /** Requests, then follows redirects (as GETs) until a page answers; every hop is kept for inspection. */
  async navigate(url: string, options: { method?: string; form?: Record<string, string> } = {}, hops: string[] = []): Promise<HttpReply & { url: string; hops: string[] }> {
    let reply = await this.request(url, options);
    hops.push(url);
    for (let n = 0; reply.status >= 300 && reply.status < 400 && reply.headers.location; n++) {
      if (n > 20) throw new Error(`too many redirects: ${hops.join(" -> ")}`);
      const next = new URL(reply.headers.location, reply.url).href;
      hops.push(next);
      reply = await this.request(next);
    }
    return { ...reply, hops };
  }

  /** Submits the page's (first) form, with its hidden fields and the values given. */
  submit(page: HttpReply & { url: string }, values: Record<string, string> = {}): Promise<HttpReply & { url: string; hops: string[] }> {
    const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(page.text);
    if (!form) throw new Error(`no form on ${page.url}:\n${page.text}`);
    const action = /action="([^"]*)"/i.exec(form[0])?.[1] ?? page.url;
    const fields: Record<string, string> = {};
    for (const input of form[1].matchAll(/<input\b[^>]*>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[0])?.[1];
      if (name) fields[name] = /value="([^"]*)"/i.exec(input[0])?.[1] ?? "";
    }
    return this.navigate(new URL(action.replace(/&amp;/g, "&"), page.url).href, { method: "POST", form: { ...fields, ...values } });
  }
}
