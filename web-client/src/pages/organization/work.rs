//! What an organisation does on the platform: the labs it hosts and its active offerings.

use super::*;

/// What the organisation does on the platform: the labs it hosts and its active offerings
/// (the first 20 of each, as anyone may see them).
#[component]
pub(super) fn OrganizationWork(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let labs = use_get(services::labs::hosted_by(&props.id));
    let offerings = use_get(services::offerings::active_of(&props.id));
    html! {
        <>
            <section aria-labelledby="organization-labs-heading">
                <h2 id="organization-labs-heading">{ fl!(loader, "organization-labs") }</h2>
                { fetched(loader, &labs, |page| html! {
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "organization-labs-none") }</p>
                    } else {
                        <ul class="plain-list">
                            { for page.items.iter().map(|lab| html! {
                                <li key={lab.id.to_string()}>
                                    <Link<Route> to={Route::Lab { id: lab.id.to_string() }}>{ &lab.title }</Link<Route>>
                                    { format!(" – {}", lab.municipality_name) }
                                </li>
                            }) }
                        </ul>
                    }
                }) }
            </section>
            <section aria-labelledby="organization-offerings-heading">
                <h2 id="organization-offerings-heading">{ fl!(loader, "organization-offerings") }</h2>
                { fetched(loader, &offerings, |page| html! {
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "organization-offerings-none") }</p>
                    } else {
                        <ul class="plain-list">
                            { for page.items.iter().map(|offering| html! {
                                <li key={offering.id.to_string()}>
                                    <Link<Route> to={Route::Offering { id: offering.id.to_string() }}>{ &offering.title }</Link<Route>>
                                </li>
                            }) }
                        </ul>
                    }
                }) }
            </section>
        </>
    }
}
