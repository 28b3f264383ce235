//! Calls Innolabb makes to other systems (webhooks): where a URL may lead. A host name is
//! resolved and every address it gives is checked, so that a name pointing at a private
//! address cannot reach inside the network the API runs in.

use std::net::{IpAddr, SocketAddr};

use crate::config::WebhookPolicy;
use crate::domain::webhooks::{UrlProblem, is_public};

/// The addresses `url` leads to, when every one of them may be called.
pub async fn resolve(url: &url::Url, policy: WebhookPolicy) -> Result<Vec<SocketAddr>, UrlProblem> {
    let port = url.port_or_known_default().ok_or(UrlProblem::Malformed)?;
    let addresses: Vec<SocketAddr> = match url.host() {
        None => return Err(UrlProblem::Malformed),
        Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        Some(url::Host::Domain(name)) => tokio::net::lookup_host((name, port))
            .await
            .map_err(|_| UrlProblem::Unresolvable)?
            .collect(),
    };
    if addresses.is_empty() {
        return Err(UrlProblem::Unresolvable);
    }
    if !policy.allow_private && addresses.iter().any(|address| !is_public(address.ip())) {
        return Err(UrlProblem::PrivateAddress);
    }
    Ok(addresses)
}
