//! The team sync page (`sync.html`, its own wasm, `src/bin/claimmark-sync.rs`): where a
//! checker connects this browser's library to the team's CouchDB database, and sees the sync's
//! state and the versions that lost a conflict. It syncs while it is open; the app's tabs hear
//! what it fetched as they hear each other.

mod run;
mod second;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::browser;
use crate::browser::records::Channel;
use crate::browser::replica::lost_versions;
use crate::domain::records::Write;
use crate::domain::storage::{KeyValueStore, PERSON_KEY};
use crate::domain::sync::{
    basic_authorization, policy_allows, LostVersion, Server, Status, TeamSettings, SETTINGS_KEY,
};
use run::Control;

thread_local! {
    /// The connection under way, if any.
    static CURRENT: RefCell<Option<Rc<Control>>> = const { RefCell::new(None) };
}

pub fn mount() {
    browser::crash::install();
    let online = gloo_events::EventListener::new(&window(), "online", |_| {
        CURRENT.with(|c| c.borrow().iter().for_each(|c| c.online.set(true)));
    });
    // The listener lives as long as the page.
    std::mem::forget(online);
    // In a frame of an app's tab (`sync.html?background`, added when the user asked to stay
    // connected): sync with the kept settings and show the state in one line. `sync-start.js`
    // starts this only while the frame holds the browser's one sync lock.
    if window().location().search().ok().as_deref() == Some("?background") {
        let saved = TeamSettings::parse(stored(SETTINGS_KEY).as_deref());
        let status = RwSignal::new(Status::Off);
        let name = format!("{}/{}", saved.url, saved.db);
        leptos::mount::mount_to_body(move || {
            let line = move || status.get().describe(&name, browser::time_of_day);
            let whole = line.clone();
            view! {
                <p class="team-line" role="status" title=whole>
                    <a href="sync.html" target="_blank">"Team sync"</a>
                    ": "
                    {line}
                </p>
            }
        });
        run::resume(&saved, status, RwSignal::new(vec![]));
        return;
    }
    leptos::mount::mount_to_body(TeamPage);
}

/// Tells the app's open tabs of a value written to `localStorage` (they hear it on the records
/// channel, as they hear each other).
fn tell(key: &str, value: String) {
    thread_local! {
        static TABS: Option<Channel> = Channel::open(|_| {});
    }
    TABS.with(|tabs| {
        if let Some(c) = tabs {
            c.tell(&[Write::Put(key.into(), value)]);
        }
    });
}

/// Stores the settings and tells the app's tabs (which sync in the background when the user
/// asked to stay connected).
fn save_settings(settings: &TeamSettings) {
    let json = settings.to_json();
    store(SETTINGS_KEY, &json);
    tell(SETTINGS_KEY, json);
}

/// A value of `localStorage`, if there is one (and storage at all).
fn stored(key: &str) -> Option<String> {
    let store = browser::storage::local_store().ok();
    store.and_then(|s| s.get(key).ok().flatten())
}

/// Writes a value of `localStorage` (an empty one is removed); without storage, nothing.
pub(crate) fn store(key: &str, value: &str) {
    if let Ok(store) = browser::storage::local_store() {
        let _ = match value.is_empty() {
            true => store.remove(key),
            false => store.set(key, value),
        };
    }
}

#[component]
fn TeamPage() -> impl IntoView {
    let saved = TeamSettings::parse(stored(SETTINGS_KEY).as_deref());
    let url = RwSignal::new(saved.url.clone());
    let db = RwSignal::new(saved.db.clone());
    let user = RwSignal::new(saved.user.clone());
    let password = NodeRef::<leptos::html::Input>::new();
    let status = RwSignal::new(Status::Off);
    let problem = RwSignal::new(None::<String>);
    let lost = RwSignal::new(Vec::<LostVersion>::new());
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(found) = lost_versions(browser::now_ms()).await {
            lost.set(found);
            run::note_lost(lost);
        }
    });
    let running = move || !matches!(status.get(), Status::Off | Status::Failed(_));
    let server_name = move || format!("{}/{}", url.get().trim_end_matches('/'), db.get());
    let stay = NodeRef::<leptos::html::Input>::new();
    let kept = !saved.keep.is_empty();
    run::resume(&saved, status, lost);

    // The name each claim marked here carries: kept in localStorage (the app reads it at
    // start) and told to the app's open tabs on the records channel.
    let name = RwSignal::new(stored(PERSON_KEY).unwrap_or_default());
    let save_name = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev).trim().to_owned();
        store(PERSON_KEY, &value);
        tell(PERSON_KEY, value.clone());
        name.set(value);
    };

    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let server = match Server::new(&url.get_untracked(), &db.get_untracked()) {
            Ok(s) => s,
            Err(why) => return problem.set(Some(why)),
        };
        // A request the page's policy forbids fails as if the server were down: say so first.
        let policy = (document().query_selector("meta[http-equiv=Content-Security-Policy]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"));
        let here = window().location().href().unwrap_or_default();
        if let Err(why) = policy_allows(&policy.unwrap_or_default(), &here, &server.url) {
            return problem.set(Some(why));
        }
        let user_name = user.get_untracked().trim().to_owned();
        // Read once, then the field is emptied: the password lives on only in the requests'
        // header, in memory, for this connection.
        let secret = password.get_untracked().map(|p| {
            let typed = p.value();
            p.set_value("");
            typed
        });
        let secret = secret.unwrap_or_default();
        let authorization = match user_name.is_empty() {
            true => run::NO_CREDENTIALS.to_owned(),
            false => basic_authorization(&user_name, &secret),
        };
        // Stay connected: the header (the password in it) is kept, as the box says.
        let keep = stay.get_untracked().is_some_and(|b| b.checked());
        save_settings(&TeamSettings {
            url: server.url.clone(),
            db: server.db.clone(),
            user: user_name,
            keep: match keep {
                true => authorization.clone(),
                false => String::new(),
            },
        });
        url.set(server.url.clone());
        run::start(server, &authorization, status, lost);
    };
    let disconnect = move |_| {
        CURRENT.with(|c| c.borrow().iter().for_each(|c| c.disconnect()));
        // Nor in the background: what was kept to stay connected goes.
        let mut settings = TeamSettings::parse(stored(SETTINGS_KEY).as_deref());
        if !settings.keep.is_empty() {
            settings.keep.clear();
            save_settings(&settings);
        }
    };

    view! {
        <main class="team">
            <p><a href="./">"← Back to claimmark"</a></p>
            <h1>"Team sync"</h1>
            <p class="hint">
                "Keeps this browser's library in step with your team's CouchDB database, both ways, while this page is open. "
                "Your work in claimmark's other tabs is sent as you make it; what others send appears there. "
                "Offline, work is kept here and sent when the server can be reached. "
                "The password is kept only while this page is open, unless you ask to stay connected: then claimmark's tabs sync in the background, and this page need not be open."
            </p>
            <div class="team-form">
                <label for="team-name">"Your name, on the claims you mark and change"</label>
                <input id="team-name" type="text" autocomplete="name"
                    prop:value=move || name.get() on:change=save_name/>
            </div>
            <form class="team-form" on:submit=connect>
                <label for="team-url">"Server address"</label>
                <input id="team-url" type="url" placeholder="https://couch.example.org" required
                    prop:value=move || url.get()
                    on:input=move |ev| url.set(event_target_value(&ev))
                    prop:disabled=running/>
                <label for="team-db">"Database"</label>
                <input id="team-db" type="text" required
                    prop:value=move || db.get()
                    on:input=move |ev| db.set(event_target_value(&ev))
                    prop:disabled=running/>
                <label for="team-user">"User name"</label>
                <input id="team-user" type="text" autocomplete="username"
                    prop:value=move || user.get()
                    on:input=move |ev| user.set(event_target_value(&ev))
                    prop:disabled=running/>
                <label for="team-password">"Password"</label>
                <input id="team-password" type="password" autocomplete="current-password"
                    node_ref=password prop:disabled=running/>
                <label class="check team-stay">
                    <input type="checkbox" node_ref=stay prop:checked=kept prop:disabled=running/>
                    "Stay connected: sync whenever claimmark is open in this browser (keeps the password in this browser's storage)"
                </label>
                // Both always there (one disabled): a button swapped for another under the
                // pointer as it is clicked would have its click submit the form.
                <div class="team-actions">
                    <button type="submit" prop:disabled=running>"Connect"</button>
                    <button type="button" on:click=disconnect prop:disabled=move || !running()>
                        "Disconnect"
                    </button>
                </div>
            </form>
            {move || problem.get().map(|p| view! { <p class="field-problem" role="alert">{p}</p> })}
            <p class="team-status" role="status" id="team-status">
                {move || status.get().describe(&server_name(), browser::time_of_day)}
            </p>
            <section aria-labelledby="team-lost">
                <h2 id="team-lost">"Versions that lost a conflict"</h2>
                <p class="hint">
                    "When two people changed the same claim apart, the newer change is kept everywhere. "
                    "The other is listed here for 30 days."
                </p>
                <ul class="team-lost-list">
                    {move || {
                        lost.get()
                            .into_iter()
                            .map(|l| {
                                let when = browser::date_and_time(l.at);
                                view! { <li>{format!("{when}: {}", l.summary())}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
            <second::SecondOpinion/>
        </main>
    }
}
