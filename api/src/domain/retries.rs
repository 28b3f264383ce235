//! When an outbox (webhooks, e-mail) tries a failed send again.

use std::time::Duration;

/// The waits before the retries of a failed delivery or mail (Standard Webhooks' schedule,
/// in seconds): about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h.
pub const RETRY_SCHEDULE: [u64; 9] = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400];

/// How long to wait after the `failed`-th failed attempt (1 for the first), or `None` when
/// the schedule is over. `jitter` in [0, 1) spreads retries ±10 %; a receiver's
/// `Retry-After` is honoured when it asks for longer (up to a day).
pub fn retry_delay(failed: u32, retry_after: Option<Duration>, jitter: f64) -> Option<Duration> {
    let index = usize::try_from(failed.checked_sub(1)?).ok()?;
    let base = Duration::from_secs(*RETRY_SCHEDULE.get(index)?);
    let spread = base.mul_f64(0.9 + 0.2 * jitter.clamp(0.0, 1.0));
    let asked = retry_after.map_or(Duration::ZERO, |wait| wait.min(Duration::from_secs(86_400)));
    Some(spread.max(asked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_schedule_with_jitter_and_honour_retry_after() {
        assert_eq!(retry_delay(0, None, 0.5), None);
        assert_eq!(retry_delay(1, None, 0.5), Some(Duration::from_secs(5)));
        assert_eq!(retry_delay(2, None, 0.0), Some(Duration::from_secs(270)));
        assert_eq!(retry_delay(9, None, 0.5), Some(Duration::from_secs(86_400)));
        assert_eq!(retry_delay(10, None, 0.5), None, "the schedule is over");
        assert_eq!(
            retry_delay(1, Some(Duration::from_secs(60)), 0.5),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            retry_delay(1, Some(Duration::from_secs(1_000_000)), 0.5),
            Some(Duration::from_secs(86_400)),
            "a receiver cannot push a retry past a day"
        );
    }
}
