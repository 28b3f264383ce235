//! A webhook receiver for Innolabb in Rust: it verifies each delivery's signature with the
//! Standard Webhooks crate and prints the event. Dependencies: `actix-web = "4"`,
//! `standardwebhooks = "1"`, `http = "1"`, `serde_json = "1"`.
//!
//! Run it with the secret shown when the webhook was made:
//! `WEBHOOK_SECRET=whsec_… PORT=8787 cargo run`.

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use standardwebhooks::Webhook;

async fn receive(
    request: HttpRequest,
    body: web::Bytes,
    webhook: web::Data<Webhook>,
) -> HttpResponse {
    // The crate reads the `webhook-id`, `webhook-timestamp` and `webhook-signature`
    // headers from an `http::HeaderMap`.
    let mut headers = http::HeaderMap::new();
    for (name, value) in request.headers() {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    // A wrong signature or a timestamp more than five minutes off: not from Innolabb.
    if webhook.verify(&body, &headers).is_err() {
        return HttpResponse::Unauthorized().finish();
    }
    let Ok(event) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return HttpResponse::BadRequest().finish();
    };
    // A delivery may come more than once, always with the same `id`: handle each id once.
    println!("{} {}", event["type"], event["id"]);
    // Answer quickly with a 2xx; do slow work after answering.
    HttpResponse::NoContent().finish()
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    let secret = std::env::var("WEBHOOK_SECRET")
        .map_err(|_| invalid("set WEBHOOK_SECRET to the webhook's secret".to_owned()))?;
    let webhook = Webhook::new(&secret).map_err(|error| invalid(format!("{error:?}")))?;
    let port = std::env::var("PORT")
        .ok()
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or(8787);
    let webhook = web::Data::new(webhook);
    HttpServer::new(move || {
        App::new()
            .app_data(webhook.clone())
            .route("/", web::post().to(receive))
    })
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
