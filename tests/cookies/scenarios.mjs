// The cookie scenarios replayed in real Chromium (record-chromium.mjs) and in
// the jar (tests/npm/cookie-differential.test.mjs). Each scenario: a top-level
// navigation to `set` whose response carries `lines` as Set-Cookie headers;
// then, from a page at `from`, one request of `kind` to `hit`; then
// document.cookie read on a top-level page at `read`. Hosts are *.test names
// that Chromium resolves to 127.0.0.1; ports are the local servers' and are
// written as {https}, {http} and {dual} here ({dual} answers both http and
// https, so an http: image upgraded to https: as mixed content still lands).
// `frames`, when given, are the frames (outermost first) inside the page on
// `from` that the request is made from; a "navigate" is then a click on a
// target=_top link in the innermost one.
//
// Expires dates are 2001 (past) or 2100 (future), so the verdicts hold for the
// jar's pinned clock and Chromium's real one alike.

const S = "https://bank.test:{https}";
const H = "http://bank.test:{http}";
const SUB = "https://www.bank.test:{https}";
const EVIL = "https://evil.test:{https}";
const OTHER = "https://other.test:{https}";
// http: on the port that also speaks https (mixed-content upgrades land there).
const MIXED = "http://bank.test:{dual}";

/** Request kinds: [top-level navigation?, method, destination]. */
export const KINDS = {
  navigate: [true, "GET", "document"],
  "form-post": [true, "POST", "document"],
  fetch: [false, "GET", "fetch"],
  "fetch-post": [false, "POST", "fetch"],
  img: [false, "GET", "image"],
  iframe: [false, "GET", "document"],
  // document.cookie read by a script inside a frame of `from`: not a request, a read.
  "frame-read": [false, "GET", "document"],
};

function scenario(id, lines, kind, from, hit, extra = {}) {
  // setIn: the cookies are set by the response to a frame inside a top-level page at setIn.
  return { id, set: extra.set ?? `${S}/`, setIn: extra.setIn ?? null, lines, kind, from, frames: extra.frames ?? [], hit, read: extra.read ?? `${S}/read`, note: extra.note };
}

export function scenarios() {
  const out = [];
  // SameSite × Secure × HttpOnly × context.
  const sameSites = [["unset", ""], ["lax", "; SameSite=Lax"], ["strict", "; SameSite=Strict"], ["none", "; SameSite=None"]];
  const contexts = [
    ["same-nav", "navigate", `${S}/`],
    ["same-fetch", "fetch", `${S}/`],
    ["same-post", "form-post", `${S}/`],
    ["sub-fetch", "fetch", `${SUB}/`],
    ["x-nav", "navigate", `${EVIL}/`],
    ["x-post", "form-post", `${EVIL}/`],
    ["x-fetch", "fetch", `${EVIL}/`],
    ["x-fetch-post", "fetch-post", `${EVIL}/`],
    ["x-img", "img", `${EVIL}/`],
    ["x-iframe", "iframe", `${EVIL}/`],
  ];
  for (const [ssName, ss] of sameSites) {
    for (const secure of [true, false]) {
      for (const httpOnly of [true, false]) {
        for (const [ctxName, kind, from] of contexts) {
          const attrs = `${ss}${secure ? "; Secure" : ""}${httpOnly ? "; HttpOnly" : ""}`;
          out.push(scenario(`ss-${ssName}-${secure ? "sec" : "insec"}-${httpOnly ? "ho" : "js"}-${ctxName}`, [`c=1; Path=/${attrs}`], kind, from, `${S}/target`));
        }
      }
    }
  }
  // document.cookie inside a frame: same-site and cross-site parents.
  for (const [ssName, ss] of sameSites) {
    for (const [ctxName, from] of [["same-frame", `${S}/`], ["x-frame", `${EVIL}/`]]) {
      out.push(scenario(`frame-read-${ssName}-${ctxName}`, [`c=1; Path=/; Secure${ss}`, "h=1; Path=/; Secure; HttpOnly; SameSite=None"], "frame-read", from, `${S}/frame`));
    }
  }
  // Partitioned (CHIPS) cookies, set in a frame of a cross-site page or at top level.
  const P = "p=1; Secure; SameSite=None; Partitioned; Path=/";
  const chips = [
    ["frame-same-top", [P], "iframe", `${EVIL}/`, { setIn: `${EVIL}/` }],
    ["frame-other-top", [P], "iframe", `${OTHER}/`, { setIn: `${EVIL}/` }],
    ["frame-then-top-level", [P], "navigate", `${S}/`, { setIn: `${EVIL}/` }],
    ["frame-fetch-same-top", [P], "fetch", `${EVIL}/`, { setIn: `${EVIL}/` }],
    ["top-level-then-frame", [P], "iframe", `${EVIL}/`, {}],
    ["top-level-then-top-level", [P], "navigate", `${S}/`, {}],
    ["unpartitioned-in-frame", ["u=1; Secure; SameSite=None; Path=/"], "iframe", `${EVIL}/`, { setIn: `${EVIL}/` }],
    ["no-secure", ["p=1; SameSite=None; Partitioned; Path=/"], "navigate", `${S}/`, {}],
    ["no-secure-top-level-lax", ["p=1; Partitioned; Path=/"], "navigate", `${S}/`, {}],
    ["lax-in-frame", ["p=1; Secure; SameSite=Lax; Partitioned; Path=/"], "iframe", `${EVIL}/`, { setIn: `${EVIL}/` }],
    ["two-partitions", ["p=1; Secure; SameSite=None; Partitioned; Path=/"], "iframe", `${EVIL}/`, { setIn: `${OTHER}/` }],
  ];
  chips.push(["top-level-then-x-nav", [P], "navigate", `${EVIL}/`, { note: "a top-level navigation makes its own URL the top-level site, whoever started it" }]);
  chips.push(["top-level-then-x-post", [P], "form-post", `${EVIL}/`, {}]);
  for (const [name, lines, kind, from, extra] of chips) out.push(scenario(`chips-${name}`, lines, kind, from, `${S}/target`, extra));
  // Frame chains: a request is same-site only if the page and every frame around it are.
  const FOUR = ["st=1; Secure; SameSite=Strict; Path=/", "lx=1; Secure; SameSite=Lax; Path=/", "no=1; Secure; SameSite=None; Path=/", "un=1; Secure; Path=/"];
  const chains = [
    ["same-in-same", `${S}/`, [`${SUB}/f`]],
    ["same-in-x-in-same", `${S}/`, [`${EVIL}/f`, `${SUB}/f`]],
    ["x-in-same", `${S}/`, [`${EVIL}/f`]],
    ["same-in-x", `${EVIL}/`, [`${S}/f`]],
    ["same-in-same-in-x", `${EVIL}/`, [`${S}/f`, `${SUB}/f`]],
  ];
  for (const [name, from, frames] of chains) {
    for (const kind of ["fetch", "fetch-post", "img", "iframe", "navigate"]) {
      out.push(scenario(`chain-${name}-${kind}`, FOUR, kind, from, `${S}/target`, { frames }));
    }
    out.push(scenario(`chain-${name}-frame-read`, FOUR, "frame-read", from, `${S}/frame`, { frames }));
  }
  // Mixed content: an http: image from an https: page is upgraded to https: before cookies
  // are chosen; an http: fetch or frame is blocked (no request at all).
  const MIX = ["s=1; Secure; Path=/", "p=1; Path=/", "lx=1; SameSite=Lax; Path=/"];
  for (const kind of ["img", "fetch", "iframe"]) {
    out.push(scenario(`mixed-${kind}-from-https`, MIX, kind, `${S}/`, `${MIXED}/target`));
    out.push(scenario(`mixed-${kind}-from-https-frame`, MIX, kind, `${EVIL}/`, `${MIXED}/target`, { frames: [`${S}/f`] }));
  }
  out.push(scenario("mixed-img-from-http", MIX, "img", `${H}/`, `${MIXED}/target`, { note: "not mixed content: an http: page" }));
  // From the second review: a Partitioned cookie in an A-B-A frame chain, an http frame in an
  // https page starting a navigation, a form POST to _top from a cross-site frame, and a URL
  // whose backslash makes its host another than it seems.
  out.push(scenario("chips-aba", [P], "iframe", `${S}/`, `${S}/target`, { frames: [`${EVIL}/f`] }));
  out.push(scenario("chips-aba-fetch", [P], "fetch", `${S}/`, `${S}/target`, { frames: [`${EVIL}/f`, `${S}/f`] }));
  out.push(scenario("mixed-http-frame-top-nav", ["st=1; SameSite=Strict; Path=/"], "navigate", `${EVIL}/`, `${H}/target`, { frames: [`${H}/f`], set: `${H}/`, read: `${H}/read` }));
  for (const [name, from, frames] of chains.slice(1, 4)) {
    out.push(scenario(`chain-${name}-form-post-top`, FOUR, "form-post", from, `${S}/target`, { frames }));
  }
  out.push(scenario("chain-x-in-same-form-post-top-unset", ["un=1; Path=/", "lx=1; SameSite=Lax; Path=/"], "form-post", `${S}/`, `${S}/target`, { frames: [`${EVIL}/f`], note: "no SameSite, under 2 minutes old: Lax-allowing-unsafe" }));
  out.push(scenario("url-backslash-at", ["c=1; Path=/"], "navigate", `${S}/`, "https://evil.test:{https}\\@bank.test/target", { note: "WHATWG: the backslash ends the host" }));
  // Secure and the scheme: an https cookie asked for over http, and set over http.
  out.push(scenario("secure-over-http", ["s=1; Secure; Path=/", "p=1; Path=/"], "navigate", `${H}/`, `${H}/target`, { read: `${H}/read` }));
  out.push(scenario("secure-set-over-http", ["s=1; Secure; Path=/", "p=1; Path=/"], "navigate", `${H}/`, `${H}/target`, { set: `${H}/`, read: `${H}/read` }));
  out.push(scenario("http-to-https-same-host", ["p=1; Path=/; SameSite=Lax"], "navigate", `${H}/`, `${S}/target`, { set: `${S}/`, note: "schemeful same-site: http://bank.test is another site" }));
  // Prefixes.
  const prefix = [
    ["host-ok", "__Host-a=1; Secure; Path=/"],
    ["host-no-path", "__Host-a=1; Secure"],
    ["host-domain", "__Host-a=1; Secure; Path=/; Domain=bank.test"],
    ["host-insecure", "__Host-a=1; Path=/"],
    ["host-path-x", "__Host-a=1; Secure; Path=/x"],
    ["secure-ok", "__Secure-a=1; Secure; Path=/"],
    ["secure-missing", "__Secure-a=1; Path=/"],
    ["host-lowercase", "__host-a=1; Path=/"],
    ["nameless-host", "__Host-a; Secure; Path=/"],
  ];
  for (const [name, line] of prefix) out.push(scenario(`prefix-${name}`, [line], "navigate", `${S}/`, `${S}/target`));
  // Domain and Path.
  const dp = [
    ["domain-parent", ["d=1; Domain=bank.test; Path=/"], `${SUB}/target`],
    ["domain-dot", ["d=1; Domain=.bank.test; Path=/"], `${SUB}/target`],
    ["host-only-to-sub", ["h=1; Path=/"], `${SUB}/target`],
    ["domain-other", ["d=1; Domain=evil.test; Path=/"], `${S}/target`],
    ["domain-tld", ["d=1; Domain=test; Path=/"], `${S}/target`],
    ["host-and-domain-same-name", ["id=host; Path=/", "id=dom; Domain=bank.test; Path=/"], `${S}/target`],
    ["path-prefix", ["p=1; Path=/tar"], `${S}/target`],
    ["path-dir", ["p=1; Path=/target"], `${S}/target/deeper`],
    ["path-miss", ["p=1; Path=/other"], `${S}/target`],
    ["path-default", ["p=1"], `${S}/dir/target`, { set: `${S}/dir/page` }],
    ["path-default-miss", ["p=1"], `${S}/target`, { set: `${S}/dir/page` }],
    ["path-trailing-slash", ["p=1; Path=/target/"], `${S}/target`],
  ];
  for (const [name, lines, hit, extra] of dp) out.push(scenario(`dp-${name}`, lines, "navigate", `${S}/`, hit, extra));
  // Expiry.
  const exp = [
    ["max-age-0", ["e=1; Path=/; Max-Age=0"]],
    ["max-age-neg", ["e=1; Path=/; Max-Age=-1"]],
    ["max-age-pos", ["e=1; Path=/; Max-Age=3600"]],
    ["expires-past", ["e=1; Path=/; Expires=Mon, 01 Jan 2001 00:00:00 GMT"]],
    ["expires-future", ["e=1; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT"]],
    ["max-age-wins", ["e=1; Path=/; Max-Age=3600; Expires=Mon, 01 Jan 2001 00:00:00 GMT"]],
    ["delete-existing", ["e=1; Path=/", "e=; Path=/; Max-Age=0"]],
  ];
  for (const [name, lines] of exp) out.push(scenario(`exp-${name}`, lines, "navigate", `${S}/`, `${S}/target`));
  // Ordering and overwriting.
  const order = [
    ["longer-path-first", ["a=1; Path=/", "b=1; Path=/target"]],
    ["creation-order", ["b=1; Path=/", "a=1; Path=/", "c=1; Path=/"]],
    ["overwrite", ["a=1; Path=/", "b=1; Path=/", "a=2; Path=/"]],
    ["same-name-two-paths", ["a=root; Path=/", "a=deep; Path=/target"]],
  ];
  for (const [name, lines] of order) out.push(scenario(`order-${name}`, lines, "navigate", `${S}/`, `${S}/target`));
  // Names and values.
  const names = [
    ["nameless", ["foo; Path=/"]],
    ["nameless-eq", ["=a=bar; Path=/"]],
    ["empty-name-value", ["=; Path=/"]],
    ["quoted", ['q="a b"; Path=/']],
    ["spaces", ["  sp  =  v  ; Path=/"]],
  ];
  for (const [name, lines] of names) out.push(scenario(`name-${name}`, lines, "navigate", `${S}/`, `${S}/target`));
  return out;
}

/** Replace the port placeholders. */
export function concrete(url, ports) {
  return url.replace("{https}", String(ports.https)).replace("{http}", String(ports.http)).replace("{dual}", String(ports.dual));
}
