// Node: `http` middleware that lets a request through only with a valid
// bearer token, then a server using it.   node server.js
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createVerifier, importKey } from "jwtlens";

export function requireJwt({ jwks, issuer, audience }) {
  const verifyToken = createVerifier({ key: importKey(jwks, { format: "jwk" }), policy: { algorithms: ["RS256", "ES256"], issuer, audience, required: ["exp"] } });
  return (req, res, next) => {
    const auth = req.headers.authorization ?? "";
    const result = verifyToken(auth.startsWith("Bearer ") ? auth.slice(7) : "");
    if (!result.valid) {
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer error="invalid_token"' });
      res.end(JSON.stringify({ error: result.status, message: result.message }));
      return;
    }
    req.jwt = result.payload;
    next();
  };
}

export function app(options) {
  const auth = requireJwt(options);
  return createServer((req, res) =>
    auth(req, res, () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ hello: req.jwt.sub }));
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const jwks = readFileSync("jwks.json", "utf8");
  app({ jwks, issuer: "https://issuer.example", audience: "api" }).listen(3000);
}
