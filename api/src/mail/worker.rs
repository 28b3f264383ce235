//! The worker that sends mail from the outbox, inside the API process — like the webhook
//! worker, through [`crate::outbox`]: it leases due mails, commits, sends with no
//! transaction open, and records the attempt. A temporary failure (the server busy, a 4xx
//! answer, no connection) is tried again on the retry schedule; a permanent one (5xx) is
//! recorded as failed with the server's answer.

use crate::db::mail::Next;
use crate::db::{self, Pool};
use crate::mail::transport::{Outgoing, Transport};

/// How long a lease lasts: longer than sending a mail can take.
const LEASE_SECONDS: i32 = 120;

/// Sends due mail until the process ends.
pub async fn run(pool: Pool, database_url: String, transport: Transport, from: String) {
    let transport = std::sync::Arc::new(transport);
    crate::outbox::run("mail", database_url, super::OUTBOX_CHANNEL, || {
        let (pool, transport, from) = (pool.clone(), transport.clone(), from.clone());
        async move { send_due(&pool, &transport, &from).await }
    })
    .await;
}

/// Leases what is due and sends it; how many were sent or failed.
async fn send_due(pool: &Pool, transport: &Transport, from: &str) -> anyhow::Result<usize> {
    let due = {
        let mut conn = pool.get().await?;
        db::mail::claim_due(&mut conn, 10, LEASE_SECONDS).await?
    };
    let count = due.len();
    for mail in due {
        let outgoing = Outgoing {
            recipient: &mail.recipient,
            subject: &mail.subject,
            text: &mail.body_text,
            html: &mail.body_html,
            unsubscribe_url: mail.unsubscribe_url.as_deref(),
        };
        let next = match transport.send(from, &outgoing).await {
            Ok(()) => Next::Sent,
            Err(error) if error.permanent => Next::Failed(error.message),
            Err(error) => crate::outbox::retry_at(mail.attempts, None)
                .map_or(Next::Failed(error.message.clone()), |at| {
                    Next::RetryAt(at, error.message)
                }),
        };
        if let Next::Failed(error) | Next::RetryAt(_, error) = &next {
            tracing::warn!(mail = %mail.id, %error, "a mail could not be sent");
        }
        let mut conn = pool.get().await?;
        db::mail::record_attempt(&mut conn, mail.id, next).await?;
    }
    Ok(count)
}
