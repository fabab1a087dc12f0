// A Cloudflare Worker that lets a request through only with a valid bearer
// token: signed by a key in the JWK Set, from the issuer, for this audience,
// within its lifetime. Stateless: every edge location verifies on its own,
// with no session store and no call to the issuer.
import { createVerifier, importKey } from "jwtlens";

let verifier; // made once per isolate: the keys and the policy are read then

export default {
  async fetch(request, env) {
    verifier ??= createVerifier({
      key: importKey(env.JWKS, { format: "jwk" }),
      policy: { algorithms: ["RS256", "ES256"], issuer: env.ISSUER, audience: env.AUDIENCE, required: ["exp"] },
    });
    const auth = request.headers.get("Authorization") ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    // Workers' crypto is WebCrypto, which is asynchronous: RS256 and ES256 are checked there.
    const result = await verifier.verifyAsync(token);
    if (!result.valid) {
      return Response.json(
        { error: result.status, message: result.message },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } },
      );
    }
    return Response.json({ hello: result.payload.sub });
  },
};
