// Bun: a server that answers only requests with a valid bearer token.
//   bun server.js
import { createVerifier, importKey } from "jwtlens";

export function authHandler({ jwks, issuer, audience }) {
  const verifyToken = createVerifier({ key: importKey(jwks, { format: "jwk" }), policy: { algorithms: ["RS256", "ES256"], issuer, audience, required: ["exp"] } });
  return (request) => {
    const auth = request.headers.get("Authorization") ?? "";
    const result = verifyToken(auth.startsWith("Bearer ") ? auth.slice(7) : "");
    if (!result.valid) {
      return Response.json(
        { error: result.status, message: result.message },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } },
      );
    }
    return Response.json({ hello: result.payload.sub });
  };
}

if (import.meta.main) {
  const jwks = await Bun.file("jwks.json").text();
  Bun.serve({ port: 3000, fetch: authHandler({ jwks, issuer: "https://issuer.example", audience: "api" }) });
}
