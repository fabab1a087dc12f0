// `jwtlens/flows`: sessions vs JWTs, simulated, with its own wasm.
export { JwtlensError } from "./index.js";
import type { Cookie } from "./cookies.js";

/** How the simulated browser proves who it is. */
export type FlowStrategy = "session" | "jwt_local_storage" | "jwt_cookie" | "access_refresh";

/** Options of a simulation; every field has the articles' usual default. */
export interface FlowOptions {
  strategy?: FlowStrategy;
  /** Servers behind the load balancer, 1–8 (default 2). */
  servers?: number;
  /** Sessions in one store all servers share, instead of each server's memory (default false). */
  sharedStore?: boolean;
  /** SameSite of the auth cookies (default "Lax"); null leaves the attribute out. */
  sameSite?: "Strict" | "Lax" | "None" | null;
  httpOnly?: boolean;
  secure?: boolean;
  /** Seconds: session 1800, JWT 3600, access 300, refresh 604800 by default. */
  sessionLifetime?: number;
  tokenLifetime?: number;
  accessLifetime?: number;
  refreshLifetime?: number;
  /** Servers refuse logged-out token IDs and revoked users (one lookup per request). */
  denyList?: boolean;
  /** After a key rotation, keep accepting the previous key. */
  keepPreviousKey?: boolean;
  /** Whether the browser lets cookies into cross-site fetches and frames (default "blocked", as a fresh Chromium profile). */
  thirdPartyCookies?: "blocked" | "allowed";
  /** The clock at the start, seconds since 1970 (default 1795000000). */
  start?: number;
  /** Where session IDs, token IDs and keys come from (default 1). */
  seed?: number;
}

export type FlowStep =
  | { step: "login" | "request" | "restart"; server?: number }
  | { step: "advance"; seconds: number }
  | { step: "logout" | "revoke" | "rotate_key" | "xss" | "csrf_get" | "csrf_post" | "csrf_fetch" | "ad_frame" | "hijack" | "replay" };

export interface FlowHeader { name: string; value: string }

export type FlowEventKind =
  | { type: "request"; method: string; url: string; from: string; headers: FlowHeader[]; credentialBytes: number }
  | { type: "response"; status: number; headers: FlowHeader[]; body: string | null }
  | { type: "cookie"; name: string; sent: boolean; reason: string }
  | { type: "stored"; name: string; outcome: string }
  | { type: "lookup"; store: string; key: string; hit: boolean }
  | { type: "verify"; valid: boolean; message: string }
  | { type: "read"; source: string; value: string }
  | { type: "stolen"; credential: string; worksUntil: number | null }
  | { type: "note" };

export interface FlowEvent { at: number; actor: string; kind: FlowEventKind; text: string }

export interface FlowStepResult {
  step: FlowStep;
  title: string;
  at: number;
  events: FlowEvent[];
  /** The outcome in one plain sentence. */
  outcome: string;
}

export interface FlowSnapshot {
  now: number;
  nowIso: string;
  localStorage: [string, string][];
  pageMemory: string | null;
  cookies: Cookie[];
  servers: { name: string; sessions: FlowSession[]; restarts: number }[];
  sharedSessions: FlowSession[] | null;
  refreshTokens: { id: string; family: string; user: string; expires: number; used: boolean; revoked: boolean }[];
  denyList: { jti: string; until: number }[];
  revokedUsers: [string, number][];
  keys: { kid: string; created: number; active: boolean }[];
  stolen: { what: string; header: FlowHeader; at: number }[];
  serverStateBytes: number;
}

export interface FlowSession { id: string; user: string; data: string; created: number; expires: number }

export interface FlowRun {
  config: Required<FlowOptions>;
  steps: FlowStepResult[];
  snapshot: FlowSnapshot;
  metrics: { requests: number; credentialBytes: number; lookups: number };
}

export interface Comparison {
  config: Required<FlowOptions>;
  strategies: FlowStrategy[];
  labels: string[];
  rows: { factor: string; claim: string; measuredBy: string; cells: string[] }[];
}

export function simulate(options: FlowOptions | undefined, steps: (FlowStep | FlowStep["step"])[]): FlowRun;
export function compareStrategies(options?: FlowOptions): Comparison;

export class Simulation {
  constructor(options?: FlowOptions);
  step(step: FlowStep | FlowStep["step"]): FlowStepResult;
  snapshot(): FlowSnapshot;
}

/** The version of the jwtlens core inside this package. */
export function version(): string;
