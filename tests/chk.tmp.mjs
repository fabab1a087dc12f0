const j = await import("/work/main/crates/jwtlens-wasm/pkg/index.node.js");
const secret = "a-secret-of-at-least-thirty-two-bytes";
const { createHmac } = await import("node:crypto");
const b64 = (x) => Buffer.from(JSON.stringify(x)).toString("base64url");
const sign = (h, p) => { const i = `${b64(h)}.${b64(p)}`; return `${i}.${createHmac("sha256", secret).update(i).digest("base64url")}`; };
const now = 1_795_000_000;
const v = j.createVerifier({ key: secret, policy: { algorithms: ["HS256"] } });
const good = sign({ alg: "HS256" }, { exp: now + 60 });
for (const t of ["é." + good, good.replace(".", "\uD800."), "", sign({ alg: "HS256" }, { exp: now + 60, pad: "x".repeat(70_000) }), "e".repeat(3_000_000), good]) { const r = v(t, { now }); console.log(r.status, r.message.slice(0, 120)); }
