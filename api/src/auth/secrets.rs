//! Random secrets (refresh tokens, API keys) and their stored form: a SHA-256 hash. The
//! secrets carry 256 random bits, so a fast hash is enough; only passwords need Argon2.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new secret: `prefix` followed by 32 random bytes in URL-safe base64.
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The form a secret is stored and looked up in.
pub fn hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_random_and_hash_stably() {
        let first = generate("ilk_");
        let second = generate("ilk_");
        assert!(first.starts_with("ilk_"));
        assert_eq!(first.len(), 4 + 43);
        assert_ne!(first, second);
        assert_eq!(hash(&first), hash(&first));
        assert_ne!(hash(&first), hash(&second));
    }
}
