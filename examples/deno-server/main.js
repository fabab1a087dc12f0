// Deno: a server that answers only requests with a valid bearer token.
// Reading jwtlens needs no permission; serving needs --allow-net:
//   deno run --allow-net --allow-read=jwks.json main.js
import { createVerifier, importKey } from "jwtlens";

export function authHandler({ jwks, issuer, audience }) {
  const verifyToken = createVerifier({ key: importKey(jwks, { format: "jwk" }), policy: { algorithms: ["RS256", "ES256"], issuer, audience, required: ["exp"] } });
  return async (request) => {
    const auth = request.headers.get("Authorization") ?? "";
    // Deno's crypto is WebCrypto, which is asynchronous: RS256 and ES256 are checked there.
    const result = await verifyToken.verifyAsync(auth.startsWith("Bearer ") ? auth.slice(7) : "");
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
  const jwks = await Deno.readTextFile("jwks.json");
  Deno.serve({ port: 8000 }, authHandler({ jwks, issuer: "https://issuer.example", audience: "api" }));
}
