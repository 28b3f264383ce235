//! `bench-webhooks`: how long an event takes from its change's commit to the partner's
//! receiver, with the delivery worker idle and under a load of events. The API (release
//! build) and a receiving HTTP server run in this process; every event is a real change
//! (an idea posted over HTTP), and its latency is the receiver's clock at arrival less the
//! event's `created_at`, which is stamped inside the change's transaction — a little before
//! the commit, so the figures are if anything too long.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpResponse, HttpServer, web};
use api::config::WebhookPolicy;
use api::startup::Application;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::{Latencies, config};

/// The latencies (ms) the receiver saw.
#[derive(Default)]
struct Arrivals(Mutex<Vec<f64>>);

impl Arrivals {
    fn count(&self) -> usize {
        self.0
            .lock()
            .map(|samples| samples.len())
            .unwrap_or_default()
    }

    fn take(&self) -> Vec<f64> {
        self.0
            .lock()
            .map(|mut samples| std::mem::take(&mut *samples))
            .unwrap_or_default()
    }
}

async fn receive(body: web::Bytes, arrivals: web::Data<Arrivals>) -> HttpResponse {
    let arrived = Utc::now();
    let created = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|event| event["created_at"].as_str().map(str::to_owned))
        .and_then(|at| at.parse::<DateTime<Utc>>().ok());
    if let (Some(created), Ok(mut samples)) = (created, arrivals.0.lock()) {
        samples.push((arrived - created).num_microseconds().unwrap_or(0) as f64 / 1000.0);
    }
    HttpResponse::NoContent().finish()
}

/// One phase's result.
pub struct Phase {
    pub events: usize,
    /// The rate the events were made at, per second.
    pub rate: f64,
    pub latency: Latencies,
}

pub struct Report {
    pub idle: Phase,
    pub loaded: Phase,
}

/// A signed-in client of the API under test, with a lab to post ideas to.
struct Poster {
    client: reqwest::Client,
    api: String,
    token: String,
    lab: String,
}

impl Poster {
    async fn call(&self, path: &str, token: Option<&str>, body: Value) -> anyhow::Result<Value> {
        let mut request = self.client.post(format!("{}{path}", self.api)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await?;
        let status = response.status();
        let body: Value = response.json().await?;
        anyhow::ensure!(status.is_success(), "POST {path} answered {status}: {body}");
        Ok(body)
    }

    /// Registers a host with an organisation, a public lab and a webhook to `receiver`.
    async fn set_up(client: reqwest::Client, api: String, receiver: &str) -> anyhow::Result<Self> {
        let mut poster = Self {
            client,
            api,
            token: String::new(),
            lab: String::new(),
        };
        let (email, password) = ("bench@innolabb.example", "ett långt bänklösenord");
        poster
            .call(
                "/auth/register",
                None,
                json!({"email": email, "password": password, "display_name": "Bänk Testsson"}),
            )
            .await?;
        let signed_in = poster
            .call(
                "/auth/login",
                None,
                json!({"email": email, "password": password}),
            )
            .await?;
        poster.token = signed_in["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let token = poster.token.clone();
        let organization = poster
            .call(
                "/organizations",
                Some(&token),
                json!({"name": "Bänkbostäder", "kind": "housing_company",
                       "org_number": "5560000019", "municipality_code": "0581"}),
            )
            .await?;
        let organization = organization["id"].as_str().unwrap_or_default().to_owned();
        let lab = poster
            .call(
                "/labs",
                Some(&token),
                json!({"host_organization_id": organization, "title": "Bänklabbet",
                       "challenge_area": "schools", "municipality_code": "0581",
                       "visibility": "public"}),
            )
            .await?;
        poster.lab = lab["id"].as_str().unwrap_or_default().to_owned();
        poster
            .call(
                &format!("/organizations/{organization}/webhooks"),
                Some(&token),
                json!({"url": receiver, "events": ["idea.created"]}),
            )
            .await?;
        Ok(poster)
    }

    async fn post_idea(&self, n: usize) -> anyhow::Result<()> {
        self.call(
            &format!("/labs/{}/ideas", self.lab),
            Some(&self.token),
            json!({"title": format!("Idé {n}"), "body": "Läxhjälp i trapphuset på tisdagar."}),
        )
        .await
        .map(|_| ())
    }
}

/// Makes `events` events at `rate` a second, then waits until the receiver has them all.
async fn phase(
    poster: &Arc<Poster>,
    arrivals: &Arrivals,
    events: usize,
    rate: f64,
) -> anyhow::Result<Phase> {
    let started = Instant::now();
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut posts = Vec::with_capacity(events);
    for n in 0..events {
        ticks.tick().await;
        let poster = Arc::clone(poster);
        posts.push(tokio::spawn(async move { poster.post_idea(n).await }));
    }
    for post in posts {
        post.await??;
    }
    let made_in = started.elapsed().as_secs_f64();
    let deadline = Instant::now() + Duration::from_secs(60);
    while arrivals.count() < events {
        anyhow::ensure!(
            Instant::now() < deadline,
            "only {} of {events} events arrived within a minute",
            arrivals.count()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(Phase {
        events,
        rate: events as f64 / made_in,
        latency: Latencies::of(arrivals.take()),
    })
}

/// Measures the idle worker (one event every 500 ms) and the loaded one (`rate` a second
/// for `seconds`).
pub async fn latency(
    database_url: &str,
    idle_events: usize,
    rate: f64,
    seconds: f64,
) -> anyhow::Result<Report> {
    let arrivals = web::Data::new(Arrivals::default());
    let shared = arrivals.clone();
    let receiver = HttpServer::new(move || {
        App::new()
            .app_data(shared.clone())
            .route("/", web::post().to(receive))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))?;
    let receiver_url = format!("http://127.0.0.1:{}/", receiver.addrs()[0].port());
    let receiver = receiver.run();
    let receiver_handle = receiver.handle();
    tokio::spawn(receiver);

    let policy = WebhookPolicy {
        allow_private: true,
    };
    let application = Application::build(config(database_url, policy)?).await?;
    let api = format!("http://127.0.0.1:{}/api/v1", application.port());
    let handle = application.handle();
    tokio::spawn(application.run_until_stopped());

    let poster = Arc::new(Poster::set_up(reqwest::Client::new(), api, &receiver_url).await?);
    // Warm up: connections, caches, the worker's first lease.
    phase(&poster, &arrivals, 10, 20.0).await?;
    let idle = phase(&poster, &arrivals, idle_events, 2.0).await?;
    let events = (rate * seconds).round() as usize;
    let loaded = phase(&poster, &arrivals, events, rate).await?;
    handle.stop(true).await;
    receiver_handle.stop(true).await;
    Ok(Report { idle, loaded })
}
