use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::Layout;
use crate::i18n::LanguageProvider;
use crate::pages::{ComingSoon, NotFound, Section, Start};

/// Every page's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Start,
    #[at("/labs")]
    Labs,
    #[at("/offerings")]
    Offerings,
    #[at("/methods")]
    Methods,
    #[at("/statistics")]
    Statistics,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Start => html! { <Start /> },
        Route::Labs => html! { <ComingSoon section={Section::Labs} /> },
        Route::Offerings => html! { <ComingSoon section={Section::Offerings} /> },
        Route::Methods => html! { <ComingSoon section={Section::Methods} /> },
        Route::Statistics => html! { <ComingSoon section={Section::Statistics} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <LanguageProvider>
            <BrowserRouter>
                <Layout>
                    <Switch<Route> render={switch} />
                </Layout>
            </BrowserRouter>
        </LanguageProvider>
    }
}
