//! Logging: one line per event, filtered by `RUST_LOG` (default `info`). No line may hold a
//! secret: passwords, tokens and keys travel in bodies and headers, which are never logged,
//! and the one place a token shows in a URL — the links in mails, `?token=…` — is masked in
//! the request's span ([`RootSpan`]). `tests/tests/api/logs.rs` checks it at `debug`.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};
use tracing_subscriber::EnvFilter;

/// The query parameters whose values are never logged.
const SECRET_PARAMETERS: [&str; 4] = ["token", "key", "secret", "password"];

/// A request's path and query as logged: the value of every secret parameter replaced.
pub fn loggable_target(path_and_query: &str) -> String {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return path_and_query.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if SECRET_PARAMETERS.contains(&name.to_ascii_lowercase().as_str()) => {
                format!("{name}=[redacted]")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// The span of every request: tracing-actix-web's own fields, less the user agent, with
/// the target masked by [`loggable_target`].
pub struct RootSpan;

impl RootSpanBuilder for RootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let target = request
            .uri()
            .path_and_query()
            .map_or_else(String::new, |target| loggable_target(target.as_str()));
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let client_ip = request
            .connection_info()
            .realip_remote_addr()
            .unwrap_or_default()
            .to_owned();
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.target = %target,
            http.client_ip = %client_ip,
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Installs the global subscriber. `LOG_FORMAT=json` gives machine-readable lines.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only for a person at a terminal, never in a file or a collector.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    // `try_init` fails only when a subscriber is already installed (tests): keep that one.
    let _ = if std::env::var("LOG_FORMAT").is_ok_and(|format| format == "json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_in_a_url_is_never_logged() {
        assert_eq!(
            loggable_target("/reset-password?token=abc123&lang=en"),
            "/reset-password?token=[redacted]&lang=en"
        );
        assert_eq!(
            loggable_target("/api/v1/unsubscribe?Token=abc"),
            "/api/v1/unsubscribe?Token=[redacted]"
        );
        assert_eq!(
            loggable_target("/api/v1/labs?q=token"),
            "/api/v1/labs?q=token"
        );
        assert_eq!(loggable_target("/api/v1/labs"), "/api/v1/labs");
    }
}
