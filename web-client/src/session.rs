//! The signed-in person. The refresh token lives in an HttpOnly cookie that no script can
//! read; the short-lived access token only here, in memory. On start the app asks
//! `/auth/refresh` whether the cookie still holds a session, and it refreshes the access
//! token a minute before it expires.

use std::cell::Cell;
use std::rc::Rc;

use shared::{LoginRequest, Me, RefreshRequest, Secret, SessionMode, TokenResponse};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::services;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionState {
    pub access_token: Option<String>,
    pub me: Option<Me>,
    /// True until the app knows whether a session was there.
    pub restoring: bool,
}

pub enum Action {
    SignedIn { access_token: String, me: Me },
    Refreshed(String),
    Profile(Me),
    SignedOut,
}

impl Reducible for SessionState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::SignedIn { access_token, me } => SessionState {
                access_token: Some(access_token),
                me: Some(me),
                restoring: false,
            },
            Action::Refreshed(access_token) => SessionState {
                access_token: Some(access_token),
                ..(*self).clone()
            },
            Action::Profile(me) => SessionState {
                me: Some(me),
                ..(*self).clone()
            },
            Action::SignedOut => SessionState::default(),
        })
    }
}

/// The session, shared through a context.
#[derive(Clone)]
pub struct Session {
    state: UseReducerHandle<SessionState>,
    /// Bumped at every sign-in and sign-out, so that an old refresh loop stops.
    epoch: Rc<Cell<u32>>,
}

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        // The handles' own comparison: it compares the values they were made with, where
        // dereferencing would read the current value and always find old == new.
        self.state == other.state
    }
}

impl Session {
    pub fn token(&self) -> Option<String> {
        self.state.access_token.clone()
    }

    pub fn me(&self) -> Option<Me> {
        self.state.me.clone()
    }

    pub fn restoring(&self) -> bool {
        self.state.restoring
    }

    /// Signs in with e-mail and password, keeping the refresh token in the cookie.
    pub async fn sign_in(&self, email: String, password: Secret) -> Result<(), ApiError> {
        let request = LoginRequest {
            email,
            password,
            session: SessionMode::Cookie,
        };
        let tokens = api::send(&services::auth::sign_in(&request), None, None).await?;
        self.establish(tokens).await
    }

    /// Ends the session here and on the server.
    pub async fn sign_out(&self) {
        self.epoch.set(self.epoch.get() + 1);
        let _ = api::send(
            &services::auth::sign_out(&RefreshRequest::default()),
            None,
            None,
        )
        .await;
        self.state.dispatch(Action::SignedOut);
    }

    pub fn set_profile(&self, me: Me) {
        self.state.dispatch(Action::Profile(me));
    }

    async fn establish(&self, tokens: TokenResponse) -> Result<(), ApiError> {
        let me = api::fetch(&services::me::get(), Some(tokens.access_token.expose())).await?;
        self.epoch.set(self.epoch.get() + 1);
        self.state.dispatch(Action::SignedIn {
            access_token: tokens.access_token.expose().to_owned(),
            me,
        });
        self.keep_fresh(tokens.expires_in);
        Ok(())
    }

    /// Refreshes the access token a minute before it expires, until the session ends.
    fn keep_fresh(&self, expires_in: i64) {
        let state = self.state.clone();
        let epoch = self.epoch.clone();
        let mine = epoch.get();
        wasm_bindgen_futures::spawn_local(async move {
            let mut expires_in = expires_in;
            loop {
                let wait_ms = u32::try_from((expires_in - 60).max(30) * 1000).unwrap_or(u32::MAX);
                gloo_timers::future::TimeoutFuture::new(wait_ms).await;
                if epoch.get() != mine {
                    return;
                }
                match refresh().await {
                    Ok(tokens) => {
                        expires_in = tokens.expires_in;
                        state.dispatch(Action::Refreshed(tokens.access_token.expose().to_owned()));
                    }
                    Err(_) => {
                        state.dispatch(Action::SignedOut);
                        return;
                    }
                }
            }
        });
    }
}

async fn refresh() -> Result<TokenResponse, ApiError> {
    api::send(
        &services::auth::refresh(&RefreshRequest::default()),
        None,
        None,
    )
    .await
}

/// The session of the app.
#[hook]
pub fn use_session() -> Session {
    let fallback = use_reducer(SessionState::default);
    use_context::<Session>().unwrap_or(Session {
        state: fallback,
        epoch: Rc::new(Cell::new(0)),
    })
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Html,
}

/// Holds the session for everything inside it, and restores it from the cookie on start.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let state = use_reducer(|| SessionState {
        restoring: true,
        ..SessionState::default()
    });
    let epoch_cell = use_memo((), |_| Rc::new(Cell::new(0_u32)));
    let session = Session {
        state: state.clone(),
        epoch: (*epoch_cell).clone(),
    };
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let restored = match refresh().await {
                    Ok(tokens) => session.establish(tokens).await.is_ok(),
                    Err(_) => false,
                };
                if !restored {
                    session.state.dispatch(Action::SignedOut);
                }
            });
        });
    }
    html! {
        <ContextProvider<Session> context={session}>
            { props.children.clone() }
        </ContextProvider<Session>>
    }
}
