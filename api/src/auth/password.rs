//! Password hashing with Argon2id at OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1).
//! Hashing is deliberately slow: callers run it on a blocking thread ([`hash`], [`verify`]).

use std::sync::LazyLock;

use anyhow::Context;
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};

/// Memory in KiB, iterations and parallelism.
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

fn argon2() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|error| anyhow::anyhow!("bad Argon2 parameters: {error}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_now(password: &str) -> anyhow::Result<String> {
    let hash: PasswordHash = argon2()?
        .hash_password(password.as_bytes())
        .map_err(|error| anyhow::anyhow!("could not hash a password: {error}"))?;
    Ok(hash.to_string())
}

fn verify_now(password: &str, stored: &str) -> bool {
    let Ok(parsed) = stored.parse::<PasswordHash>() else {
        return false;
    };
    argon2().is_ok_and(|argon2| argon2.verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of nothing anyone knows: verified against when an e-mail is unknown, so that an
/// unknown e-mail and a wrong password take the same time.
static DUMMY_HASH: LazyLock<Option<String>> =
    LazyLock::new(|| hash_now("innolabb-no-such-account").ok());

/// Hashes a password on a blocking thread.
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .context("the hashing task failed")?
}

/// Checks a password against a stored hash, or against a dummy hash when there is none,
/// on a blocking thread.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_now(&password, &stored),
        None => {
            if let Some(dummy) = DUMMY_HASH.as_deref() {
                verify_now(&password, dummy);
            }
            false
        }
    })
    .await
    .context("the verification task failed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() -> anyhow::Result<()> {
        let hash = hash_now("korrekt häst batteri")?;
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_now("korrekt häst batteri", &hash));
        assert!(!verify_now("korrekt häst batteri!", &hash));
        assert!(!verify_now("korrekt häst batteri", "not a hash"));
        Ok(())
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_their_salt() -> anyhow::Result<()> {
        assert_ne!(hash_now("samma lösenord")?, hash_now("samma lösenord")?);
        Ok(())
    }
}
