//! A real webhook receiver for the tests: an HTTP server on a free port that keeps every
//! request it gets and answers each with the next status it was given (then 200).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

/// A request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_default()
    }
}

#[derive(Default)]
struct State {
    received: Mutex<Vec<Received>>,
    answers: Mutex<VecDeque<u16>>,
}

pub struct Receiver {
    /// `http://127.0.0.1:<port>/hook`.
    pub url: String,
    state: Arc<State>,
    handle: actix_web::dev::ServerHandle,
}

async fn receive(request: HttpRequest, body: web::Bytes, state: web::Data<State>) -> HttpResponse {
    let mut headers = reqwest::header::HeaderMap::new();
    for (name, value) in request.headers() {
        if let (Ok(name), Ok(value)) = (
            reqwest::header::HeaderName::from_bytes(name.as_str().as_bytes()),
            reqwest::header::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    if let Ok(mut received) = state.received.lock() {
        received.push(Received {
            headers,
            body: body.to_vec(),
        });
    }
    let status = state
        .answers
        .lock()
        .ok()
        .and_then(|mut answers| answers.pop_front())
        .unwrap_or(200);
    HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::OK),
    )
    .body(format!("answered {status}"))
}

impl Receiver {
    /// Starts a receiver that answers its first requests with `answers`, then 200.
    pub fn start(answers: &[u16]) -> anyhow::Result<Self> {
        let state = Arc::new(State {
            received: Mutex::new(Vec::new()),
            answers: Mutex::new(answers.iter().copied().collect()),
        });
        let data = web::Data::from(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route("/hook", web::post().to(receive))
        })
        .workers(1)
        .disable_signals()
        .bind("127.0.0.1:0")?;
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Ok(Self {
            url: format!("http://127.0.0.1:{port}/hook"),
            state,
            handle,
        })
    }

    /// What it has got so far.
    pub fn received(&self) -> Vec<Received> {
        self.state
            .received
            .lock()
            .map(|received| received.clone())
            .unwrap_or_default()
    }

    /// Waits (up to 20 s) until it has got `count` requests, and returns them.
    pub async fn wait_for(&self, count: usize) -> anyhow::Result<Vec<Received>> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let received = self.received();
            if received.len() >= count {
                return Ok(received);
            }
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "the receiver got {} requests, not {count}",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn stop(&self) {
        self.handle.stop(false).await;
    }
}
