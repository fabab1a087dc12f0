//! jwtlens reads DER keys with a small private reader (`key/asn1.rs`); this
//! holds it to the RustCrypto crates it replaced (`spki`, `x509-cert`, `pkcs1`
//! through `rsa`, the curve crates' `from_public_key_der`).
//!
//! The corpus: every distinct public key of the Wycheproof sets (RSA 2048–4096,
//! P-256, P-384, P-521, secp256k1, Ed25519) and the certificates, SPKI, PKCS#1
//! and PKCS#8 files of `tests/vectors/certs` (made with OpenSSL, see its
//! PROVENANCE.md), each also mutated: cut at every length, each byte changed
//! five ways, a byte appended. For a SubjectPublicKeyInfo and a PKCS#1 key both
//! readers must accept the same inputs and find the same key. For a certificate
//! jwtlens reads the key and checks the rest is well-formed DER of the right
//! types without interpreting it; the crate also parses names, times and
//! extensions, so jwtlens may accept a certificate the crate refuses when a
//! mutation lands outside the key (counted and printed; then the key it reads
//! must be the unmutated certificate's), never the reverse.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jwtlens::key::{Key, Material, RsaKey};
use rsa::traits::PublicKeyParts;
use spki::DecodePublicKey;
use x509_cert::der::{Decode, Encode};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// A key as bytes that name it: the algorithm, then the public numbers.
fn canonical(material: &Material) -> Vec<u8> {
    let mut out = Vec::new();
    match material {
        Material::Rsa(k) => {
            out.extend_from_slice(b"rsa");
            out.extend(k.n().to_bytes_be());
            out.push(b'|');
            out.extend(k.e().to_bytes_be());
        }
        Material::P256(k) => out.extend(k.to_encoded_point(false).as_bytes()),
        Material::P384(k) => out.extend(k.sec1()),
        Material::P521(k) => out.extend(k.sec1()),
        Material::K256(k) => {
            out.extend_from_slice(b"k256");
            out.extend(k.sec1());
        }
        Material::Ed25519(k) => {
            out.extend_from_slice(b"ed25519");
            out.extend(k.as_bytes());
        }
        _ => out.extend_from_slice(b"other"),
    }
    out
}

/// The crates' reading of a SubjectPublicKeyInfo, with jwtlens's own RSA checks
/// (odd modulus, odd exponent ≥ 3 below it) applied to what they return.
fn oracle_spki(der: &[u8]) -> Option<Vec<u8>> {
    let info = spki::SubjectPublicKeyInfoRef::try_from(der).ok()?;
    let material = match info.algorithm.oid.to_string().as_str() {
        "1.2.840.113549.1.1.1" => Material::Rsa(RsaKey::new(rsa::RsaPublicKey::from_public_key_der(der).ok()?).ok()?),
        "1.2.840.10045.2.1" => match info.algorithm.parameters_oid().ok()?.to_string().as_str() {
            "1.2.840.10045.3.1.7" => {
                Material::P256(jwtlens::key::P256Key::new(p256::ecdsa::VerifyingKey::from_public_key_der(der).ok()?))
            }
            "1.3.132.0.34" => {
                let k = p384::ecdsa::VerifyingKey::from_public_key_der(der).ok()?;
                return Some(k.to_encoded_point(false).as_bytes().to_vec());
            }
            "1.3.132.0.35" => {
                let pk = p521::PublicKey::from_public_key_der(der).ok()?;
                let k = p521::ecdsa::VerifyingKey::from_affine(*pk.as_affine()).ok()?;
                return Some(k.to_encoded_point(false).as_bytes().to_vec());
            }
            "1.3.132.0.10" => {
                let k = k256::ecdsa::VerifyingKey::from_public_key_der(der).ok()?;
                return Some([&b"k256"[..], k.to_encoded_point(false).as_bytes()].concat());
            }
            _ => return None,
        },
        "1.3.101.112" => Material::Ed25519(jwtlens::key::Ed25519Key::new(
            ed25519_dalek::VerifyingKey::from_public_key_der(der).ok()?,
        )),
        _ => return None,
    };
    Some(canonical(&material))
}

fn oracle_pkcs1(der: &[u8]) -> Option<Vec<u8>> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    Some(canonical(&Material::Rsa(RsaKey::new(rsa::RsaPublicKey::from_pkcs1_der(der).ok()?).ok()?)))
}

fn oracle_certificate(der: &[u8]) -> Option<Vec<u8>> {
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    oracle_spki(&cert.tbs_certificate.subject_public_key_info.to_der().ok()?)
}

fn pem(label: &str, der: &[u8]) -> String {
    pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, der).unwrap()
}

fn jwtlens(label: &str, der: &[u8]) -> Option<Vec<u8>> {
    let set = Key::import(&pem(label, der)).ok()?;
    Some(canonical(&set.keys()[0].material))
}

/// The input and its mutations.
fn mutations(der: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![der.to_vec()];
    out.extend((0..der.len()).map(|n| der[..n].to_vec()));
    for i in 0..der.len() {
        for b in [der[i] ^ 0x01, der[i] ^ 0x80, der[i].wrapping_add(1), 0x00, 0xff] {
            if b != der[i] {
                let mut m = der.to_vec();
                m[i] = b;
                out.push(m);
            }
        }
    }
    let mut longer = der.to_vec();
    longer.push(0);
    out.push(longer);
    out
}

fn wycheproof_keys() -> BTreeSet<Vec<u8>> {
    let dir = vectors().join("wycheproof/testvectors_v1");
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for group in json["testGroups"].as_array().into_iter().flatten() {
            for field in ["publicKeyDer", "keyDer"] {
                if let Some(hex) = group[field].as_str() {
                    keys.insert(
                        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect(),
                    );
                }
            }
        }
    }
    keys
}

fn cert_files(suffix: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(vectors().join("certs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let (_, der) = pem_rfc7468::decode_vec(text.trim().as_bytes()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), der)
        })
        .collect();
    out.sort();
    out
}

/// Both readers on one input: `(agreed, jwtlens accepted what the oracle refused)`.
fn compare(label: &str, der: &[u8], oracle: fn(&[u8]) -> Option<Vec<u8>>, lenient: bool) -> (bool, bool) {
    let (ours, theirs) = (jwtlens(label, der), oracle(der));
    match (&ours, &theirs) {
        (a, b) if a == b => (true, false),
        (Some(_), None) if lenient => (true, true),
        _ => {
            eprintln!("{label}: jwtlens {:?}, oracle {:?}\n  input {}", ours.is_some(), theirs.is_some(), hex(der));
            (false, false)
        }
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn subject_public_key_infos_read_as_the_spki_crate_reads_them() {
    let mut inputs: Vec<Vec<u8>> = wycheproof_keys().into_iter().collect();
    inputs.extend(cert_files("-spki.pem").into_iter().map(|(_, der)| der));
    let (mut cases, mut accepted, mut failures) = (0, 0, 0);
    for der in &inputs {
        for m in mutations(der) {
            cases += 1;
            let (agreed, _) = compare("PUBLIC KEY", &m, oracle_spki, false);
            failures += usize::from(!agreed);
            accepted += usize::from(agreed && oracle_spki(&m).is_some());
        }
    }
    println!(
        "SubjectPublicKeyInfo: {} keys, {cases} inputs, {accepted} accepted by both, {failures} disagreements",
        inputs.len()
    );
    assert!(inputs.len() >= 20, "the corpus is missing keys");
    assert_eq!(failures, 0);
}

#[test]
fn pkcs1_keys_read_as_the_rsa_crate_reads_them() {
    let mut inputs = cert_files("-pkcs1.pem");
    assert!(!inputs.is_empty());
    // Every RSA SPKI's inner RSAPublicKey too.
    for der in wycheproof_keys() {
        if let Ok(info) = spki::SubjectPublicKeyInfoRef::try_from(der.as_slice()) {
            if info.algorithm.oid.to_string() == "1.2.840.113549.1.1.1" {
                inputs.push(("wycheproof".into(), info.subject_public_key.raw_bytes().to_vec()));
            }
        }
    }
    let (mut cases, mut failures) = (0, 0);
    for (_, der) in inputs.iter().take(12) {
        for m in mutations(der) {
            cases += 1;
            failures += usize::from(!compare("RSA PUBLIC KEY", &m, oracle_pkcs1, false).0);
        }
    }
    println!("PKCS#1: {cases} inputs, {failures} disagreements");
    assert_eq!(failures, 0);
}

#[test]
fn certificates_give_the_key_x509_cert_finds() {
    let certs: Vec<_> = cert_files("-v1.pem").into_iter().chain(cert_files("-v3.pem")).collect();
    assert_eq!(certs.len(), 14, "7 key types, X.509 v1 and v3");
    let (mut cases, mut failures, mut lenient) = (0, 0, 0);
    for (name, der) in &certs {
        assert!(oracle_certificate(der).is_some(), "{name}: the oracle reads it");
        assert_eq!(jwtlens("CERTIFICATE", der), oracle_certificate(der), "{name}");
        for m in mutations(der) {
            cases += 1;
            let (agreed, ours_only) = compare("CERTIFICATE", &m, oracle_certificate, true);
            // What only jwtlens accepts is the certificate's own key, a mutation away from it.
            if ours_only && jwtlens("CERTIFICATE", &m) != oracle_certificate(der) {
                eprintln!("{name}: jwtlens alone found another key in {}", hex(&m));
                failures += 1;
            }
            failures += usize::from(!agreed);
            lenient += usize::from(ours_only);
        }
    }
    println!(
        "X.509: {} certificates, {cases} inputs, {failures} disagreements, {lenient} accepted by jwtlens only (mutations outside the key)",
        certs.len()
    );
    assert_eq!(failures, 0);
}

#[test]
fn private_keys_are_named_as_such() {
    for (name, der) in cert_files("-pkcs8.pem") {
        let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &der);
        let e = Key::import(&b64).unwrap_err();
        assert_eq!((e.problem.reason(), e.at.as_deref()), ("private_key", Some("PKCS#8")), "{name}: {e}");
        assert!(e.to_string().starts_with("DER (PKCS#8): a private key"), "{name}: {e}");
        assert!(pkcs8::PrivateKeyInfo::try_from(der.as_slice()).is_ok(), "{name}");
    }
}

/// A DER value: tag, definite minimal length, contents.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    match len {
        0..=0x7f => out.push(len as u8),
        0x80..=0xff => out.extend([0x81, len as u8]),
        _ => out.extend([0x82, (len >> 8) as u8, len as u8]),
    }
    out.extend_from_slice(content);
    out
}

fn key_file(name: &str) -> Vec<u8> {
    cert_files(name).remove(0).1
}

/// The named cases on which jwtlens (reading them as PEM `label`) and `oracle` disagree, each printed.
fn disagreements(label: &str, cases: &[(&str, Vec<u8>)], oracle: fn(&[u8]) -> Option<Vec<u8>>) -> usize {
    let mut failures = 0;
    for (name, der) in cases {
        if !compare(label, der, oracle, false).0 {
            eprintln!("  ({name})");
            failures += 1;
        }
    }
    failures
}

/// Inputs one-byte mutations cannot make: changes that keep every length consistent.
#[test]
fn rebuilt_structures_read_as_the_crates_read_them() {
    let oid = |bytes: &[u8]| tlv(0x06, bytes);
    let (rsa, ec, ed) = (
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1][..],
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 2, 1][..],
        &[0x2b, 0x65, 0x70][..],
    );
    let p256 = oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 7]);
    let spki = |alg: Vec<u8>, key: &[u8], unused: u8| {
        tlv(0x30, &[tlv(0x30, &alg), tlv(0x03, &[&[unused][..], key].concat())].concat())
    };
    // The real keys' inner parts.
    let inner =
        |der: &[u8]| spki::SubjectPublicKeyInfoRef::try_from(der).unwrap().subject_public_key.raw_bytes().to_vec();
    let rsa_key = inner(&key_file("rsa2048-spki.pem"));
    let ec_key = inner(&key_file("p256-spki.pem"));
    let ed_key = inner(&key_file("ed25519-spki.pem"));
    let null = tlv(0x05, &[]);
    let (n, e) = {
        let k = rsa::RsaPublicKey::from_public_key_der(&key_file("rsa2048-spki.pem")).unwrap();
        (k.n().to_bytes_be(), k.e().to_bytes_be())
    };
    let int = |v: &[u8]| tlv(0x02, &[&[0u8][..], v].concat());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("RSA as given", spki([oid(rsa), null.clone()].concat(), &rsa_key, 0)),
        ("RSA without parameters", spki(oid(rsa), &rsa_key, 0)),
        ("RSA with an OID as parameters", spki([oid(rsa), p256.clone()].concat(), &rsa_key, 0)),
        ("RSA key with 1 unused bit", spki([oid(rsa), null.clone()].concat(), &rsa_key, 1)),
        (
            "RSA key with a third INTEGER",
            spki([oid(rsa), null.clone()].concat(), &tlv(0x30, &[int(&n), tlv(0x02, &e), tlv(0x02, &[1])].concat()), 0),
        ),
        (
            "RSA key with a byte after it",
            spki([oid(rsa), null.clone()].concat(), &[rsa_key.clone(), vec![0]].concat(), 0),
        ),
        (
            "RSA modulus with a needless zero",
            spki(
                [oid(rsa), null.clone()].concat(),
                &tlv(0x30, &[tlv(0x02, &[&[0u8, 0][..], &n].concat()), tlv(0x02, &e)].concat()),
                0,
            ),
        ),
        (
            "RSA exponent 1",
            spki([oid(rsa), null.clone()].concat(), &tlv(0x30, &[int(&n), tlv(0x02, &[1])].concat()), 0),
        ),
        ("EC as given", spki([oid(ec), p256.clone()].concat(), &ec_key, 0)),
        ("EC with NULL parameters", spki([oid(ec), null.clone()].concat(), &ec_key, 0)),
        ("EC without parameters", spki(oid(ec), &ec_key, 0)),
        ("EC with ECParameters as a SEQUENCE", spki([oid(ec), tlv(0x30, &p256)].concat(), &ec_key, 0)),
        (
            "EC with a padded curve OID",
            spki([oid(ec), oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 0x80, 7])].concat(), &ec_key, 0),
        ),
        ("EC with a second parameter", spki([oid(ec), p256.clone(), null.clone()].concat(), &ec_key, 0)),
        ("Ed25519 as given", spki(oid(ed), &ed_key, 0)),
        ("Ed25519 with NULL parameters", spki([oid(ed), null.clone()].concat(), &ed_key, 0)),
        ("Ed25519 key of 31 bytes", spki(oid(ed), &ed_key[..31], 0)),
        ("Ed25519 key of 33 bytes", spki(oid(ed), &[ed_key.clone(), vec![0]].concat(), 0)),
        ("a non-minimal long length", {
            let mut d = spki(oid(ed), &ed_key, 0);
            d.splice(1..2, [0x81, d[1]]);
            d
        }),
    ];
    let failures = disagreements("PUBLIC KEY", &cases, oracle_spki);
    println!("rebuilt SubjectPublicKeyInfos: {} cases, {failures} disagreements", cases.len());
    assert_eq!(failures, 0);
    assert!(jwtlens("PUBLIC KEY", &cases[0].1).is_some() && jwtlens("PUBLIC KEY", &cases[8].1).is_some());
}

/// Certificates rebuilt from a real one with one field changed: jwtlens refuses
/// what `x509-cert` refuses in the fields it checks (version, serial number,
/// unique identifiers, the order of fields).
#[test]
fn rebuilt_certificates_are_refused_where_the_crate_refuses_them() {
    use x509_cert::der::Encode;
    let der = key_file("p256-v3.pem");
    let cert = x509_cert::Certificate::from_der(&der).unwrap();
    let t = &cert.tbs_certificate;
    fn enc<T: Encode>(v: &T) -> Vec<u8> {
        v.to_der().unwrap()
    }
    let (serial, sig, issuer, validity, subject, key) = (
        enc(&t.serial_number),
        enc(&t.signature),
        enc(&t.issuer),
        enc(&t.validity),
        enc(&t.subject),
        enc(&t.subject_public_key_info),
    );
    let ext = tlv(0xa3, &enc(t.extensions.as_ref().unwrap()));
    let build = |fields: &[&[u8]]| {
        let tbs = tlv(0x30, &fields.concat());
        tlv(0x30, &[tbs, enc(&cert.signature_algorithm), enc(&cert.signature)].concat())
    };
    let version = |v: u8| tlv(0xa0, &tlv(0x02, &[v]));
    let long_serial = tlv(0x02, &[&[0x01][..], &[0x22; 21]].concat());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("as given", build(&[&version(2), &serial, &sig, &issuer, &validity, &subject, &key, &ext])),
        ("v1, version left out", build(&[&serial, &sig, &issuer, &validity, &subject, &key])),
        ("explicit v1", build(&[&version(0), &serial, &sig, &issuer, &validity, &subject, &key, &ext])),
        ("version 5", build(&[&version(5), &serial, &sig, &issuer, &validity, &subject, &key, &ext])),
        (
            "a 22-byte serial number",
            build(&[&version(2), &long_serial, &sig, &issuer, &validity, &subject, &key, &ext]),
        ),
        (
            "issuerUniqueID claiming unused bits of nothing",
            build(&[&version(2), &serial, &sig, &issuer, &validity, &subject, &key, &[0x81, 1, 5], &ext]),
        ),
        (
            "subjectUniqueID",
            build(&[&version(2), &serial, &sig, &issuer, &validity, &subject, &key, &[0x82, 2, 0, 7], &ext]),
        ),
        ("extensions before the key", build(&[&version(2), &serial, &sig, &issuer, &validity, &subject, &ext, &key])),
        ("no subject", build(&[&version(2), &serial, &sig, &issuer, &validity, &key, &ext])),
    ];
    let failures = disagreements("CERTIFICATE", &cases, oracle_certificate);
    println!("rebuilt certificates: {} cases, {failures} disagreements", cases.len());
    assert_eq!(failures, 0);
}
