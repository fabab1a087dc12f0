// `jwtlens/cookies`: the RFC 6265bis cookie jar, with its own wasm.
export { JwtlensError } from "./index.js";

export type CookieRequest =
  | string
  | {
      url: string;
      method?: string;
      /**
       * The top-level page in the tab: for a subresource or frame, the page it belongs to; for a
       * top-level navigation, the page it leaves (whose link or form started it). Absent = the
       * request's own site.
       */
      site?: string;
      /** A top-level navigation (default true). */
      topLevel?: boolean;
      /** From script (document.cookie) rather than HTTP. */
      fromScript?: boolean;
      /**
       * Frames between the top-level page and the request, outermost first: a subresource is made
       * by (a script runs in) the innermost; a top-level navigation was started by it. A request
       * is same-site only if the page and every frame are same-site with its URL.
       */
      frames?: string[];
      /**
       * What is fetched; decides mixed content (an http: request from an https: page): "image" and
       * "media" are upgraded to https, "fetch" and "document" (frames) blocked. Default: "document"
       * for a top-level navigation, "fetch" otherwise.
       */
      destination?: "document" | "image" | "media" | "fetch";
    };

export interface Cookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: "Strict" | "Lax" | "None" | null;
  expires: number | null;
  /** A Partitioned (CHIPS) cookie's top-level site ("https://news.example"); null for an ordinary cookie. */
  partition: string | null;
  /** For a Partitioned cookie, the rest of its partition key: set in a frame with a cross-site frame above it (or itself cross-site to the top). */
  crossSiteAncestor: boolean;
  created: number;
  seq: number;
}

export type CookieOutcome =
  | { outcome: "stored" | "replaced"; cookie: Cookie }
  | { outcome: "deleted"; name: string; existed: boolean }
  | { outcome: "rejected"; reason: { code: string; [detail: string]: string | number } };

export interface CookieVerdict {
  name: string;
  value: string;
  domain: string;
  /** Set without Domain: a host-only and a domain cookie may share name, domain and path. */
  hostOnly: boolean;
  path: string;
  /** Sent (from script: visible), by the rule `reason.code` names ("sent", "sent_lax_allowing_unsafe", or why not). */
  sent: boolean;
  reason: { code: string };
  message: string;
}

/** An RFC 6265bis cookie jar; every method takes `{ now }` (seconds or Date): it reads no clock. */
export class CookieJar {
  /** Third-party cookies are blocked by default, as in a fresh Chromium profile; "allowed" is RFC 6265bis alone. */
  constructor(options?: { thirdPartyCookies?: "blocked" | "allowed" });
  setCookie(line: string, request: CookieRequest, options: { now: number | Date }): CookieOutcome;
  cookiesFor(request: CookieRequest, options: { now: number | Date }): CookieVerdict[];
  cookieHeader(request: CookieRequest, options: { now: number | Date }): string;
  /**
   * What `document.cookie` shows to a script on a page at `page` — a URL, or
   * `{ url, site, topLevel: false }` for a page inside a frame of `site` (a
   * cross-site frame sees no SameSite=Lax/Strict cookies, and none at all
   * while third-party cookies are blocked). HttpOnly cookies are never in it.
   * Writing from such a frame: `setCookie(line, { url, site, topLevel: false, fromScript: true }, …)`.
   */
  documentCookie(page: string | { url: string; site?: string; topLevel?: boolean; frames?: string[] }, options: { now: number | Date }): string;
  cookies(): Cookie[];
}

/** The version of the jwtlens core inside this package. */
export function version(): string;
