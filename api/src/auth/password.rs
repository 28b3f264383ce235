//! Password hashing with Argon2id at OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1).
//! Hashing is deliberately slow: callers run it on a blocking thread ([`hash`], [`verify`]),
//! at most one per two cores at a time, so that a flood of sign-ins neither takes the cores from
//! every other request nor 19 MiB of memory per attempt.

use std::sync::LazyLock;
use std::time::Duration;

use anyhow::Context;
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};
use tokio::sync::Semaphore;

use crate::error::ApiError;

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

/// The hashes computed at once: one per two cores (at least one), so that a flood of
/// sign-ins leaves the other cores to everyone else (on two cores, with two slots, a flood
/// of 100 wrong passwords a second raised the labs list's p99 6.7-fold; see README *Speed*).
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    Semaphore::new((cores / 2).max(1))
});

/// How long a sign-in waits for a core to hash on before it is answered 503 (try again):
/// under a flood the queue stays this short instead of growing without end.
pub const HASHING_WAIT: Duration = Duration::from_secs(2);

/// Runs `work` on a blocking thread once a hashing slot is free.
async fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    run_in_slot(&HASHING, HASHING_WAIT, work).await
}

/// Runs `work` on a blocking thread holding one of `slots`; 503 when none is free within
/// `wait`.
async fn run_in_slot<T: Send + 'static>(
    slots: &Semaphore,
    wait: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let permit = tokio::time::timeout(wait, slots.acquire())
        .await
        .map_err(|_| {
            ApiError::Unavailable(anyhow::anyhow!(
                "every core was hashing passwords for {wait:?}"
            ))
        })?
        .context("the hashing slots were closed")?;
    let done = tokio::task::spawn_blocking(work)
        .await
        .context("the hashing task failed")?;
    drop(permit);
    Ok(done)
}

/// Hashes a password on a blocking thread.
pub async fn hash(password: String) -> Result<String, ApiError> {
    Ok(on_hashing_thread(move || hash_now(&password)).await??)
}

/// Checks a password against a stored hash, or against a dummy hash when there is none,
/// on a blocking thread.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    on_hashing_thread(move || match stored {
        Some(stored) => verify_now(&password, &stored),
        None => {
            if let Some(dummy) = DUMMY_HASH.as_deref() {
                verify_now(&password, dummy);
            }
            false
        }
    })
    .await
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

    #[tokio::test]
    async fn a_hash_waits_for_a_free_slot_and_past_the_wait_answers_unavailable() {
        const WAIT: Duration = Duration::from_millis(20);
        let slots = Semaphore::new(1);
        let held = slots.acquire().await.ok();
        let refused = run_in_slot(&slots, WAIT, || 1).await;
        assert!(
            matches!(refused, Err(ApiError::Unavailable(_))),
            "{refused:?}"
        );
        drop(held);
        assert_eq!(run_in_slot(&slots, WAIT, || 2).await.ok(), Some(2));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_their_salt() -> anyhow::Result<()> {
        assert_ne!(hash_now("samma lösenord")?, hash_now("samma lösenord")?);
        Ok(())
    }
}
