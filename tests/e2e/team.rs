//! A team database through the real window (#19): the app's data folder
//! connected to PostgreSQL as `kindly team connect` leaves it, the member's
//! name set in Settings → Your name, and two members editing one client at
//! once: the stale save names who changed it and when, saves nothing, and
//! Reload shows their change; the save made after it carries the member's
//! name. And Settings → Team database → "Move this folder's data in".

use super::{click, fill, kindly, start_in, wait, wait_text};
use kindly_api::clients::ClientInput;
use kindly_api::Ctx;
use kindly_store::Store;
use kindly_tests::engine::{connect, fresh_database};
use std::time::{Duration, Instant};

/// Waits until the window shows `want` anywhere.
async fn shows(c: &fantoccini::Client, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(body) = c.find(fantoccini::Locator::Css("body")).await {
            last = body.text().await.unwrap_or_default();
            if last.contains(want) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the window never showed {want:?}; it showed {last:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_client_edit_on_a_team_database_names_who_changed_it_and_reloads() {
    let url = fresh_database();
    let anna = tempfile::tempdir().expect("tempdir");
    connect(anna.path(), &url);
    let anna_dir = anna.path().to_path_buf();
    let id = kindly(&anna_dir, &["clients", "add", "--name", "Cleo Costa", "--email", "cleo@example.com"])["id"]
        .as_i64()
        .expect("client id");

    let d = start_in(anna).await;
    let c = &d.client;
    click(c, "nav-settings").await;
    click(c, "settings-page-database").await;
    wait_text(c, "team-db-in-use", "postgres://").await;
    fill(c, "member-name", "Anna").await;
    click(c, "member-save").await;
    wait(c, "member-saved").await;

    // Anna opens the client's form (version 1) …
    click(c, "nav-clients").await;
    click(c, "client-row").await;
    click(c, "client-edit").await;
    fill(c, "client-company", "Costa GmbH").await;

    // … while Bob, on his computer, changes the client's phone.
    let bob = Store::connect(&url).await.expect("Bob's store");
    bob.set_member(Some("Bob".into()));
    let ctx = Ctx::new(&bob, chrono::Utc::now(), kindly_tests::today());
    let before = kindly_api::clients::get(ctx, id).await.expect("client").client;
    let input = ClientInput {
        display_name: before.display_name.clone(),
        greeting_name: before.greeting_name.clone(),
        emails: before.emails.clone(),
        phone: "+49 30 1234567".into(),
        address: before.address.clone(),
        version: Some(before.version),
        ..Default::default()
    };
    kindly_api::clients::update(ctx, id, &input).await.expect("Bob's change");

    // Anna's save is refused, naming Bob, and saves nothing of hers.
    click(c, "client-save").await;
    wait_text(c, "client-conflict", "Bob changed this client at").await;
    let now = kindly_api::clients::get(ctx, id).await.expect("client").client;
    assert_eq!((now.company.as_deref(), now.phone.as_deref()), (None, Some("+49 30 1234567")));

    // Reload shows Bob's change; Anna makes hers again, and it is hers.
    click(c, "client-conflict-reload").await;
    shows(c, "+49 30 1234567").await;
    click(c, "client-edit").await;
    fill(c, "client-company", "Costa GmbH").await;
    click(c, "client-save").await;
    shows(c, "Costa GmbH").await;
    let now = kindly_api::clients::get(ctx, id).await.expect("client").client;
    assert_eq!(now.company.as_deref(), Some("Costa GmbH"));
    assert_eq!(now.changed_by.as_deref(), Some("Anna"));
    assert_eq!(now.version, before.version + 2);
    bob.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn move_this_folders_data_in_from_settings_connects_only_after_the_move() {
    let url = fresh_database();
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    kindly(&dir, &["clients", "add", "--name", "Ana Alves"]);
    kindly(&dir, &["clients", "add", "--name", "Bea Brandt"]);

    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-settings").await;
    click(c, "settings-page-database").await;
    fill(c, "team-db-url", &url).await;
    click(c, "team-db-move").await;
    wait_text(c, "team-db-moved", "Moved").await;
    // The folder is connected (used from the next start) and the team
    // database holds the folder's clients.
    let settings = kindly_api::database::read_settings(&dir).expect("database.json").expect("connected");
    assert_eq!(settings.url, url);
    let team = Store::connect(&url).await.expect("team store");
    let ctx = Ctx::new(&team, chrono::Utc::now(), kindly_tests::today());
    let list = kindly_api::clients::list(ctx, &Default::default()).await.expect("clients");
    assert_eq!(list.total, 2);
    team.close().await;
}
