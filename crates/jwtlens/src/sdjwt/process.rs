//! RFC 9901 §7.1: replacing the digests of the issuer-signed payload with what
//! the disclosures reveal.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{quoted, short_json, Disclosure, SdAlg, SdJwtError};

/// The processed payload and where each claim came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Processed {
    /// The hash the digests use.
    pub sd_alg: SdAlg,
    /// The payload with `_sd`, `_sd_alg` and undisclosed array elements removed and the disclosed claims in place.
    pub payload: Value,
    /// Every claim and array element of the processed payload, by JSON Pointer (RFC 6901), and whether a disclosure revealed it.
    pub claims: Vec<ClaimSource>,
    /// Digests that no disclosure revealed: claims withheld, or decoys — "it is not possible
    /// to tell" which (§4.2.5), and the count is all a verifier learns.
    pub undisclosed_digests: usize,
    /// For each disclosure (in the order received), the JSON Pointer where it was placed.
    pub placed_at: Vec<String>,
}

/// One claim or array element of the processed payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClaimSource {
    /// Its JSON Pointer, e.g. `/address/street_address` or `/nationalities/0`.
    pub pointer: String,
    /// Revealed by a disclosure (`true`) or always visible in the issuer-signed payload.
    pub disclosed: bool,
}

/// Process `payload` (the issuer-signed JWT's claims) with `disclosures`, as
/// RFC 9901 §7.1 steps 3–5 say:
///
/// "3. For each Disclosure provided: Calculate the digest over the base64url-encoded
/// string [...] 4. Identify all embedded digests in the Issuer-signed JWT [...]
/// 5. [...] If any digest is found more than once in the Issuer-signed JWT payload
/// (directly or recursively via other Disclosures), the SD-JWT MUST be rejected. If
/// any Disclosure was not referenced by digest value [...], the SD-JWT MUST be
/// rejected." A claim name `_sd` or `...`, a name that already exists at its level,
/// or a disclosure of the wrong shape for where its digest sits is refused too.
///
/// ```
/// use jwtlens::sdjwt::{process, Disclosure};
/// use serde_json::json;
/// // RFC 9901 §4.2.1's disclosure and its digest.
/// let d = Disclosure::decode("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0", 0).unwrap();
/// let payload = json!({"_sd": ["X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0", "a-decoy"], "iss": "x"});
/// let p = process(&payload, &[d.clone()]).unwrap();
/// assert_eq!(p.payload, json!({"iss": "x", "family_name": "Möbius"}));
/// assert_eq!(p.undisclosed_digests, 1);
/// // Twice the same disclosure: the second is not referenced.
/// assert!(process(&payload, &[d.clone(), d]).is_err());
/// ```
pub fn process(payload: &Value, disclosures: &[Disclosure]) -> Result<Processed, SdJwtError> {
    let Value::Object(top) = payload else {
        return Err(SdJwtError::Processing(String::from("the issuer-signed payload is not a JSON object")));
    };
    let sd_alg = match top.get("_sd_alg") {
        None => SdAlg::Sha256,
        Some(Value::String(name)) => SdAlg::from_name(name).ok_or_else(|| {
            SdJwtError::SdAlg(format!(
                "_sd_alg is {}: jwtlens computes digests with sha-256, sha-384 or sha-512 only, so none of the disclosures can be checked",
                quoted(name)
            ))
        })?,
        Some(other) => return Err(SdJwtError::SdAlg(format!("_sd_alg is {}, not a string", short_json(other)))),
    };
    let mut by_digest: BTreeMap<String, usize> = BTreeMap::new();
    for (i, d) in disclosures.iter().enumerate() {
        if let Some(first) = by_digest.insert(d.digest(sd_alg), i) {
            return Err(SdJwtError::Processing(format!(
                "disclosure {} repeats disclosure {} (the same text twice)",
                i + 1,
                first + 1
            )));
        }
    }
    let mut walk = Walk {
        disclosures,
        by_digest,
        seen: BTreeSet::new(),
        placed_at: alloc::vec![None; disclosures.len()],
        claims: Vec::new(),
        undisclosed: 0,
        pointer_bytes: 0,
    };
    let processed = walk.object(top, "", false, true, 0)?;
    if let Some(i) = walk.placed_at.iter().position(Option::is_none) {
        return Err(SdJwtError::Processing(format!(
            "disclosure {} ({}) is not referenced by any digest in the payload or in another disclosure",
            i + 1,
            describe(disclosures.get(i))
        )));
    }
    Ok(Processed {
        sd_alg,
        payload: Value::Object(processed),
        claims: walk.claims,
        undisclosed_digests: walk.undisclosed,
        placed_at: walk.placed_at.into_iter().map(Option::unwrap_or_default).collect(),
    })
}

fn describe(d: Option<&Disclosure>) -> String {
    match d {
        Some(Disclosure { name: Some(n), .. }) => format!("claim {}", quoted(n)),
        Some(d) => format!("array element {}", short_json(&d.value)),
        None => String::new(),
    }
}

/// RFC 6901 §3: "~" is written "~0" and "/" is written "~1" in a reference token.
fn pointer(parent: &str, token: &str) -> String {
    format!("{parent}/{}", token.replace('~', "~0").replace('/', "~1"))
}

/// The deepest nesting of objects and arrays, counted across disclosures inside disclosures.
const MAX_DEPTH: usize = crate::json::MAX_DEPTH;
/// The most bytes of JSON Pointers the claim list may hold (a long name in many nested claims).
const MAX_POINTER_BYTES: usize = 1 << 20;

struct Walk<'d> {
    disclosures: &'d [Disclosure],
    by_digest: BTreeMap<String, usize>,
    /// Every embedded digest met so far: "any digest" found twice is refused.
    seen: BTreeSet<String>,
    placed_at: Vec<Option<String>>,
    claims: Vec<ClaimSource>,
    undisclosed: usize,
    pointer_bytes: usize,
}

impl Walk<'_> {
    fn claim(&mut self, pointer: String, disclosed: bool) -> Result<(), SdJwtError> {
        self.pointer_bytes += pointer.len();
        if self.pointer_bytes > MAX_POINTER_BYTES {
            return Err(SdJwtError::Processing(String::from(
                "the payload has too many claims with too long names to list",
            )));
        }
        self.claims.push(ClaimSource { pointer, disclosed });
        Ok(())
    }

    fn digest_once(&mut self, digest: &str) -> Result<Option<usize>, SdJwtError> {
        if !self.seen.insert(String::from(digest)) {
            return Err(SdJwtError::Processing(format!(
                "the digest {} appears more than once in the payload (directly or via disclosures)",
                quoted(digest)
            )));
        }
        Ok(self.by_digest.get(digest).copied())
    }

    fn object(
        &mut self,
        obj: &Map<String, Value>,
        at: &str,
        disclosed: bool,
        top: bool,
        depth: usize,
    ) -> Result<Map<String, Value>, SdJwtError> {
        if depth > MAX_DEPTH {
            return Err(SdJwtError::Processing(format!(
                "objects and arrays nest more than {MAX_DEPTH} deep (through disclosures inside disclosures)"
            )));
        }
        if !top && obj.contains_key("_sd_alg") {
            return Err(SdJwtError::SdAlg(format!("_sd_alg appears at {at}: it is allowed only at the top level")));
        }
        let mut out = Map::new();
        for (name, value) in obj {
            if name == "_sd" || (top && name == "_sd_alg") {
                continue;
            }
            let here = pointer(at, name);
            self.claim(here.clone(), disclosed)?;
            let v = self.value(value, &here, disclosed, depth)?;
            out.insert(name.clone(), v);
        }
        let Some(sd) = obj.get("_sd") else { return Ok(out) };
        let Value::Array(digests) = sd else {
            return Err(SdJwtError::Processing(format!("_sd at {} is not an array of digests", or_root(at))));
        };
        for digest in digests {
            let Value::String(digest) = digest else {
                return Err(SdJwtError::Processing(format!(
                    "_sd at {} holds {}, not a digest string",
                    or_root(at),
                    short_json(digest)
                )));
            };
            let Some(i) = self.digest_once(digest)? else {
                self.undisclosed += 1;
                continue;
            };
            let d = self.disclosures.get(i).ok_or_else(|| SdJwtError::Processing(String::from("lost disclosure")))?;
            let Some(name) = &d.name else {
                return Err(SdJwtError::Processing(format!(
                    "disclosure {} is an array element (2 elements) but its digest sits in _sd at {}, which needs a claim (3 elements)",
                    i + 1,
                    or_root(at)
                )));
            };
            // §4.2.1 reserves "_sd" and "..."; "_sd_alg" would read as the hash of digests it did not make.
            if name == "_sd" || name == "..." || name == "_sd_alg" {
                return Err(SdJwtError::Processing(format!(
                    "disclosure {} names its claim {}, which is reserved",
                    i + 1,
                    quoted(name)
                )));
            }
            if out.contains_key(name) || obj.contains_key(name) {
                return Err(SdJwtError::Processing(format!(
                    "disclosure {} would overwrite the claim {} at {}, which already exists",
                    i + 1,
                    quoted(name),
                    or_root(at)
                )));
            }
            let here = pointer(at, name);
            if let Some(slot) = self.placed_at.get_mut(i) {
                *slot = Some(here.clone());
            }
            self.claim(here.clone(), true)?;
            let v = self.value(&d.value, &here, true, depth)?;
            out.insert(name.clone(), v);
        }
        Ok(out)
    }

    fn array(&mut self, items: &[Value], at: &str, disclosed: bool, depth: usize) -> Result<Vec<Value>, SdJwtError> {
        if depth > MAX_DEPTH {
            return Err(SdJwtError::Processing(format!(
                "objects and arrays nest more than {MAX_DEPTH} deep (through disclosures inside disclosures)"
            )));
        }
        let mut out = Vec::new();
        for item in items {
            // "array elements that are objects with one key, that key being "..." and referring to a string".
            let digest = match item {
                Value::Object(o) if o.len() == 1 => o.get("...").and_then(Value::as_str),
                _ => None,
            };
            let Some(digest) = digest else {
                let here = pointer(at, &format!("{}", out.len()));
                self.claim(here.clone(), disclosed)?;
                out.push(self.value(item, &here, disclosed, depth)?);
                continue;
            };
            let Some(i) = self.digest_once(digest)? else {
                // Undisclosed (or a decoy): the element disappears.
                self.undisclosed += 1;
                continue;
            };
            let d = self.disclosures.get(i).ok_or_else(|| SdJwtError::Processing(String::from("lost disclosure")))?;
            if let Some(name) = &d.name {
                return Err(SdJwtError::Processing(format!(
                    "disclosure {} is a claim ({}, 3 elements) but its digest is an array element at {}, which needs 2 elements",
                    i + 1,
                    quoted(name),
                    or_root(at)
                )));
            }
            let here = pointer(at, &format!("{}", out.len()));
            if let Some(slot) = self.placed_at.get_mut(i) {
                *slot = Some(here.clone());
            }
            self.claim(here.clone(), true)?;
            out.push(self.value(&d.value, &here, true, depth)?);
        }
        Ok(out)
    }

    fn value(&mut self, value: &Value, at: &str, disclosed: bool, depth: usize) -> Result<Value, SdJwtError> {
        Ok(match value {
            Value::Object(o) => Value::Object(self.object(o, at, disclosed, false, depth + 1)?),
            Value::Array(a) => Value::Array(self.array(a, at, disclosed, depth + 1)?),
            other => other.clone(),
        })
    }
}

fn or_root(at: &str) -> &str {
    if at.is_empty() {
        "the top level"
    } else {
        at
    }
}
