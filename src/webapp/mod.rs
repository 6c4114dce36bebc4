//! The teacher's dashboard, a Telegram Mini App served by the bot on its HTTP listener: the page at
//! `/app` (one HTML file built into the binary; no Node toolchain, nothing loaded from telegram.org:
//! the launch parameters are read from the URL fragment) and a JSON API under `/api`.
//!
//! Every API request carries Telegram's `initData` in `Authorization: tma <initData>`, checked as
//! Telegram documents it ([`auth`]); missing or bad → 401. Each group's data is served only to whom
//! the group's roles allow: teachers and administrators see notices, schedules and the week;
//! committee moderators see moderation only; nobody sees a group they have no role in (403). At most
//! [`PER_MINUTE`] requests a minute per user (429). No CORS headers are ever sent, and changes need a
//! JSON body, so other sites' pages cannot call the API.
//!
//! | method | path | who | what |
//! |---|---|---|---|
//! | GET | `/api/me` | anyone signed in | the user, their language and texts, their groups with their role |
//! | GET | `/api/groups/{chat}` | teacher, admin | members known, moderation mode, reminders, next lesson |
//! | GET | `/api/groups/{chat}/notices` | teacher, admin | the latest notices: acknowledged, audience, who has not |
//! | POST | `/api/groups/{chat}/notices/{id}/remind` | teacher, admin | the same as "remind privately" in the chat |
//! | GET | `/api/groups/{chat}/flags` | moderators | open flags (excerpt, category, rule, source) and the log |
//! | POST | `/api/groups/{chat}/flags/{message}` `{"action":"delete"\|"allow"}` | moderators | the same as the card's buttons |
//! | GET | `/api/groups/{chat}/week` | teacher, admin | this week's check-ins per day and acknowledgement rates |
//! | GET | `/api/groups/{chat}/schedules` | teacher, admin | reminder and lesson times, recent lessons with feedback |
//! | POST | `/api/groups/{chat}/schedules` `{"kind":"exercise"\|"screen"\|"bedtime"\|"lessons","time":"HH:MM"\|null,"days":"mon,wed,fri"}` | teacher, admin | the same as `/remind` and `/settings lessons` |
//!
//! `/api/me` also carries the user's own check-ins of the last seven days (what `/me` shows), so a
//! parent who opens the page sees their own week.

// Handlers return the HTTP answer itself as the error (401, 403, 429…), as axum handlers do.
#![allow(clippy::result_large_err)]

pub mod auth;

use crate::model::{ChatKey, Lang, Role, UserKey};
use crate::telegram::App;
use axum::Router;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use std::sync::Arc;
use teloxide::Bot;

/// Requests a minute per user.
pub const PER_MINUTE: u32 = 120;

const PAGE: &str = include_str!("page.html");

struct Dash {
    app: Arc<App>,
    bot: Bot,
    key: ring::hmac::Key,
    /// Requests in the current minute, per user.
    counts: moka::sync::Cache<UserKey, Arc<std::sync::atomic::AtomicU32>>,
}

/// `/app` and `/api/…`, for the bot's HTTP listener.
pub fn router(app: Arc<App>, bot: Bot) -> Router {
    let key = auth::secret_key(bot.token());
    let counts =
        moka::sync::Cache::builder().max_capacity(100_000).time_to_live(std::time::Duration::from_secs(60)).build();
    let dash = Arc::new(Dash { app, bot, key, counts });
    let api = Router::new()
        .route("/api/me", get(me))
        .route("/api/groups/{chat}", get(group))
        .route("/api/groups/{chat}/notices", get(notices))
        .route("/api/groups/{chat}/notices/{id}/remind", post(remind))
        .route("/api/groups/{chat}/flags", get(flags))
        .route("/api/groups/{chat}/flags/{message}", post(decide))
        .route("/api/groups/{chat}/week", get(week))
        .route("/api/groups/{chat}/schedules", get(schedules).post(set_schedule))
        // Sign-in and the rate limit come before anything of the request is read.
        .route_layer(axum::middleware::from_fn_with_state(dash.clone(), gate))
        .layer(axum::extract::DefaultBodyLimit::max(4096));
    Router::new().route("/app", get(page)).merge(api).with_state(dash)
}

/// Every `/api` request: a valid `initData` (401), within [`PER_MINUTE`] (429); the user is handed
/// to the handler; answers are never cached.
async fn gate(
    State(dash): State<Arc<Dash>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let user = match signed_in(&dash, req.headers()) {
        Ok(u) => u,
        Err(r) => return r,
    };
    req.extensions_mut().insert(user);
    let mut res = next.run(req).await;
    res.headers_mut().insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    res
}

async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        PAGE,
    )
        .into_response()
}

fn error(status: StatusCode, what: &str) -> Response {
    (status, axum::Json(json!({ "error": what }))).into_response()
}

/// The signed-in user, or the answer to give instead (401, 429).
fn signed_in(dash: &Dash, headers: &HeaderMap) -> Result<auth::WebAppUser, Response> {
    let raw = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("tma "))
        .unwrap_or_default();
    let user = auth::verify(raw, &dash.key, dash.app.clock.now()).map_err(|e| {
        tracing::debug!(error = %e, "dashboard: refused initData");
        error(StatusCode::UNAUTHORIZED, "unauthorized")
    })?;
    let count = dash.counts.get_with(user.id, Default::default);
    if count.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= PER_MINUTE {
        return Err(error(StatusCode::TOO_MANY_REQUESTS, "too many requests"));
    }
    Ok(user)
}

/// The page's language: the one chosen on the page (`X-Lang`), else the user's Telegram language.
fn lang_of(dash: &Dash, user: &auth::WebAppUser, headers: &HeaderMap) -> Lang {
    headers
        .get("x-lang")
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::parse)
        .or_else(|| Lang::from_telegram(user.language_code.as_deref()))
        .unwrap_or(dash.app.defaults.lang)
}

/// The group named by the path, when the user's role there allows `need`; else 400 (not a group id)
/// or 403 (a group the bot does not know, or no such role there).
async fn group_for(
    dash: &Dash,
    raw_chat: &str,
    user: &auth::WebAppUser,
    need: fn(Role) -> bool,
) -> Result<crate::model::Group, Response> {
    let chat = parse_chat(raw_chat)?;
    // An unknown group is refused before Telegram is asked anything.
    let Some(group) = dash.app.group(chat).await.map_err(store_error)? else {
        return Err(error(StatusCode::FORBIDDEN, "forbidden"));
    };
    let role = dash.app.role_of_user(&dash.bot, chat, user.id).await.map_err(store_error)?;
    if need(role) { Ok(group) } else { Err(error(StatusCode::FORBIDDEN, "forbidden")) }
}

fn store_error(e: anyhow::Error) -> Response {
    tracing::warn!(error = %e, "dashboard: store error");
    error(StatusCode::SERVICE_UNAVAILABLE, "try again in a moment")
}

fn role_name(role: Role) -> &'static str {
    role.as_str()
}

/// The page's texts in the user's language (all from `locales/`).
fn texts(dash: &Dash, lang: Lang) -> Value {
    let keys = [
        crate::key!("dash-title"),
        crate::key!("dash-tab-groups"),
        crate::key!("dash-tab-notices"),
        crate::key!("dash-tab-moderation"),
        crate::key!("dash-tab-week"),
        crate::key!("dash-no-groups"),
        crate::key!("dash-members"),
        crate::key!("dash-moderation-mode"),
        crate::key!("dash-reminders"),
        crate::key!("dash-next-lesson"),
        crate::key!("dash-none"),
        crate::key!("dash-acked"),
        crate::key!("dash-missing"),
        crate::key!("dash-all-acked"),
        crate::key!("dash-remind"),
        crate::key!("dash-reminded"),
        crate::key!("dash-no-notices"),
        crate::key!("dash-open-flags"),
        crate::key!("dash-no-flags"),
        crate::key!("dash-delete"),
        crate::key!("dash-allow"),
        crate::key!("dash-log"),
        crate::key!("dash-source"),
        crate::key!("dash-checkins"),
        crate::key!("dash-rates"),
        crate::key!("dash-error"),
        crate::key!("dash-language"),
        crate::key!("dash-role-admin"),
        crate::key!("dash-role-teacher"),
        crate::key!("dash-role-committee"),
        crate::key!("dash-tab-schedules"),
        crate::key!("dash-lessons"),
        crate::key!("dash-off"),
        crate::key!("dash-save"),
        crate::key!("dash-saved"),
        crate::key!("dash-bad-time"),
        crate::key!("dash-feedback"),
        crate::key!("dash-my-week"),
        crate::key!("dash-my-questions"),
        crate::key!("dash-answered"),
        crate::key!("dash-waiting"),
        crate::key!("reminder-kind-exercise"),
        crate::key!("reminder-kind-screen"),
        crate::key!("reminder-kind-bedtime"),
    ];
    let mut out = serde_json::Map::new();
    for k in keys {
        out.insert(k.to_owned(), Value::String(dash.app.i18n.get(lang, k, None)));
    }
    Value::Object(out)
}

/// `GET /api/me`: who, in which language, and the groups they can see here.
async fn me(
    State(dash): State<Arc<Dash>>,
    Extension(user): Extension<auth::WebAppUser>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&dash, &user, &headers);
    let store = &dash.app.store;
    let mut chats: Vec<ChatKey> = match store.managed_groups(user.id).await {
        Ok(c) => c,
        Err(e) => return store_error(e.into()),
    };
    if let Ok(mine) = store.member_groups(user.id).await {
        chats.extend(mine);
    }
    chats.sort_unstable();
    chats.dedup();
    let mut groups = Vec::new();
    for chat in chats.into_iter().take(20) {
        let Ok(Some(g)) = dash.app.group(chat).await else { continue };
        let Ok(role) = dash.app.role_of_user(&dash.bot, chat, user.id).await else { continue };
        if !role.moderates() {
            continue;
        }
        groups.push(
            json!({"chat": chat.to_string(), "title": g.title, "role": role_name(role), "manages": role.manages()}),
        );
    }
    // Their own check-ins of the last seven days (in the operator's zone, as `/me` without a zone).
    let tz = crate::model::parse_tz(&dash.app.defaults.tz).unwrap_or(chrono_tz::Asia::Shanghai);
    let today = crate::schedule::local_date(tz, dash.app.clock.now());
    let from = today - chrono::Days::new(6);
    let mine: Vec<Value> = store
        .user_checkins(user.id, from, today)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(d, _, kind)| json!({"date": d.format("%m-%d").to_string(), "kind": kind}))
        .collect();
    // Their own questions to teachers (who asked where and whether answered; the text is not kept).
    let mut questions = Vec::new();
    for chat in store.member_groups(user.id).await.unwrap_or_default().into_iter().take(20) {
        let Ok(asks) = store.asks_by(chat, user.id).await else { continue };
        let title = dash.app.group(chat).await.ok().flatten().map(|g| g.title).unwrap_or_default();
        for a in asks {
            let at = a.at.with_timezone(&tz).format("%m-%d %H:%M").to_string();
            questions.push(json!({"group": title, "at": at, "answered": a.answered}));
        }
    }
    axum::Json(json!({
        "user": {"id": user.id, "name": user.first_name},
        "lang": lang.code(),
        "texts": texts(&dash, lang),
        "groups": groups,
        "my_checkins": mine,
        "my_questions": questions,
    }))
    .into_response()
}

fn parse_chat(raw: &str) -> Result<ChatKey, Response> {
    raw.parse::<ChatKey>().ok().filter(|c| *c < 0).ok_or_else(|| error(StatusCode::BAD_REQUEST, "bad group id"))
}

/// `GET /api/groups/{chat}`: the group at a glance.
async fn group(
    State(dash): State<Arc<Dash>>,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
) -> Response {
    let result: Result<Value, Response> = async {
        let g = group_for(&dash, &chat, &user, Role::manages).await?;
        let chat = g.chat_id;
        let members = dash.app.store.members(chat).await.map_err(|e| store_error(e.into()))?.len();
        let tz = g.settings.zone();
        let next_lesson = g
            .settings
            .lessons
            .as_ref()
            .map(|w| w.next_after(tz, dash.app.clock.now()).with_timezone(&tz).format("%m-%d %H:%M").to_string());
        let reminders: serde_json::Map<String, Value> =
            g.settings.reminders.iter().map(|(k, v)| (k.clone(), Value::String(v.to_string()))).collect();
        Ok(json!({
            "chat": chat.to_string(),
            "title": g.title,
            "members": members,
            "moderation": g.settings.moderation.as_str(),
            "reminders": reminders,
            "next_lesson": next_lesson,
            "tz": g.settings.tz,
        }))
    }
    .await;
    respond(result)
}

fn respond(result: Result<Value, Response>) -> Response {
    match result {
        Ok(v) => axum::Json(v).into_response(),
        Err(r) => r,
    }
}

/// `GET /api/groups/{chat}/notices`.
async fn notices(
    State(dash): State<Arc<Dash>>,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
) -> Response {
    let result: Result<Value, Response> = async {
        let g = group_for(&dash, &chat, &user, Role::manages).await?;
        let chat = g.chat_id;
        let store = &dash.app.store;
        let audience = crate::jobs::weekly::audience(store, chat).await.map_err(|e| store_error(e.into()))?;
        let tz = g.settings.zone();
        let mut out = Vec::new();
        for n in store.recent_notices(chat, 10).await.map_err(|e| store_error(e.into()))? {
            let acks: std::collections::HashSet<UserKey> =
                store.acks(chat, &n.id).await.map_err(|e| store_error(e.into()))?.into_iter().collect();
            let for_whom: Vec<_> = audience.iter().filter(|m| Some(m.user_id) != n.author_id).collect();
            let missing: Vec<&str> =
                for_whom.iter().filter(|m| !acks.contains(&m.user_id)).map(|m| m.name.as_str()).take(100).collect();
            out.push(json!({
                "id": n.id,
                "title": n.title,
                "at": n.at.with_timezone(&tz).format("%m-%d %H:%M").to_string(),
                "acked": acks.len(),
                "audience": for_whom.len().max(acks.len()),
                "missing": missing,
                "posted": n.message_id.is_some(),
            }));
        }
        Ok(json!({ "notices": out }))
    }
    .await;
    respond(result)
}

/// `POST /api/groups/{chat}/notices/{id}/remind`: "remind privately", as from `/status`.
async fn remind(
    State(dash): State<Arc<Dash>>,
    Extension(user): Extension<auth::WebAppUser>,
    Path((chat, id)): Path<(String, String)>,
) -> Response {
    let result: Result<Value, Response> = async {
        let g = group_for(&dash, &chat, &user, Role::manages).await?;
        let chat = g.chat_id;
        let store = &dash.app.store;
        let notice = store.notice(chat, &id).await.map_err(|e| store_error(e.into()))?;
        let Some((notice, message_id)) = notice.and_then(|n| n.message_id.map(|m| (n, m))) else {
            return Err(error(StatusCode::NOT_FOUND, "no such notice"));
        };
        let chased =
            crate::telegram::notices::chase_notice(&dash.app, &g, &notice, message_id).await.map_err(store_error)?;
        Ok(json!({"queued": chased.queued, "before": chased.before, "unreachable": chased.unreachable}))
    }
    .await;
    respond(result)
}

/// `GET /api/groups/{chat}/flags`: open flags and the latest decisions.
async fn flags(
    State(dash): State<Arc<Dash>>,
    headers: HeaderMap,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
) -> Response {
    let result: Result<Value, Response> = async {
        let chat = group_for(&dash, &chat, &user, Role::moderates).await?.chat_id;
        let lang = lang_of(&dash, &user, &headers);
        let store = &dash.app.store;
        let log = store.moderation_log(chat, 50).await.map_err(|e| store_error(e.into()))?;
        let mut open = Vec::new();
        for e in log.iter().filter(|e| e.action == "flagged") {
            let Some(f) = store.flag(chat, e.message_id).await.map_err(|e| store_error(e.into()))? else { continue };
            if f.resolved {
                continue;
            }
            let category = crate::policy::Category::parse(&f.category);
            let policy = category.map(|c| dash.app.classifier.category_policy(c));
            open.push(json!({
                "message": f.message_id,
                "sender": f.sender_name,
                "category": category.map(|c| crate::telegram::moderation::category_name(&dash.app, lang, c)),
                "rule": policy.as_ref().map(|p| if lang == Lang::En { p.summary_en.clone() } else { p.summary_zh.clone() }),
                "source": policy.as_ref().map(|p| format!("{} {}", p.document, p.clause).trim().to_owned()),
                "kind": f.source,
                "excerpt": f.excerpt,
            }));
        }
        let decisions: Vec<Value> = log
            .iter()
            .filter(|e| e.action != "flagged")
            .take(20)
            .map(|e| {
                let category = crate::policy::Category::parse(&e.category)
                    .map(|c| crate::telegram::moderation::category_name(&dash.app, lang, c))
                    .unwrap_or_else(|| e.category.clone());
                json!({"action": e.action, "by": e.by, "sender": e.sender_name, "category": category})
            })
            .collect();
        Ok(json!({"open": open, "log": decisions}))
    }
    .await;
    respond(result)
}

/// `POST /api/groups/{chat}/flags/{message}` with `{"action": "delete" | "allow"}`.
async fn decide(
    State(dash): State<Arc<Dash>>,
    headers: HeaderMap,
    Extension(user): Extension<auth::WebAppUser>,
    Path((chat, message)): Path<(String, String)>,
    body: Option<axum::Json<Value>>,
) -> Response {
    let result: Result<Value, Response> = async {
        let chat = group_for(&dash, &chat, &user, Role::moderates).await?.chat_id;
        let message: i32 = message.parse().map_err(|_| error(StatusCode::BAD_REQUEST, "bad message id"))?;
        let delete = match body.as_ref().and_then(|b| b["action"].as_str()) {
            Some("delete") => true,
            Some("allow") => false,
            _ => return Err(error(StatusCode::BAD_REQUEST, "action must be delete or allow")),
        };
        let who = teloxide::types::User {
            id: teloxide::types::UserId(user.id),
            is_bot: false,
            first_name: user.first_name.clone(),
            last_name: None,
            username: None,
            language_code: user.language_code.clone(),
            is_premium: false,
            added_to_attachment_menu: false,
        };
        let decided = crate::telegram::moderation::apply_decision(&dash.bot, &dash.app, chat, message, delete, &who)
            .await
            .map_err(store_error)?;
        let lang = lang_of(&dash, &user, &headers);
        Ok(json!({"result": format!("{decided:?}").to_lowercase(), "message": decided.answer(&dash.app, lang)}))
    }
    .await;
    respond(result)
}

/// `GET /api/groups/{chat}/week`: the numbers of the weekly picture, for this week so far.
async fn week(
    State(dash): State<Arc<Dash>>,
    headers: HeaderMap,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
) -> Response {
    use chrono::Datelike;
    let result: Result<Value, Response> = async {
        let mut g = group_for(&dash, &chat, &user, Role::manages).await?;
        // Labels in the page's language.
        g.settings.lang = lang_of(&dash, &user, &headers);
        let today = crate::schedule::local_date(g.settings.zone(), dash.app.clock.now());
        let monday = today - chrono::Days::new(today.weekday().num_days_from_monday() as u64);
        let (stats, labels) = crate::jobs::weekly::week_stats(&dash.app.i18n, &dash.app.store, &g, monday)
            .await
            .map_err(|e| store_error(e.into()))?;
        let checkins: Vec<Value> =
            stats.checkins.iter().map(|s| json!({"label": s.label, "per_day": s.per_day})).collect();
        let notices: Vec<Value> =
            stats.notices.iter().map(|n| json!({"label": n.label, "acked": n.acked, "audience": n.audience})).collect();
        Ok(json!({"title": labels.title, "days": labels.days, "checkins": checkins, "notices": notices}))
    }
    .await;
    respond(result)
}

/// `GET /api/groups/{chat}/schedules`.
async fn schedules(
    State(dash): State<Arc<Dash>>,
    headers: HeaderMap,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
) -> Response {
    let result: Result<Value, Response> = async {
        let g = group_for(&dash, &chat, &user, Role::manages).await?;
        let lang = lang_of(&dash, &user, &headers);
        schedule_json(&dash, &g, lang).await.map_err(store_error)
    }
    .await;
    respond(result)
}

async fn schedule_json(dash: &Dash, g: &crate::model::Group, lang: Lang) -> anyhow::Result<Value> {
    let store = &dash.app.store;
    let mut lessons = Vec::new();
    for (id, _) in store.lesson_log(g.chat_id, 6).await? {
        let title = dash.app.lessons.content.lesson(lang, &id).map(|l| l.title.clone()).unwrap_or_else(|| id.clone());
        let useful = store.feedback_count(g.chat_id, &id, "useful").await?;
        let tried = store.feedback_count(g.chat_id, &id, "tried").await?;
        lessons.push(json!({"title": title, "useful": useful, "tried": tried}));
    }
    let reminders: serde_json::Map<String, Value> =
        g.settings.reminders.iter().map(|(k, v)| (k.clone(), Value::String(v.to_string()))).collect();
    let days: Option<String> = g
        .settings
        .lessons
        .as_ref()
        .map(|w| w.days().iter().map(|d| d.to_string().to_ascii_lowercase()).collect::<Vec<_>>().join(","));
    Ok(json!({
        "tz": g.settings.tz,
        "reminders": reminders,
        "lessons": g.settings.lessons.as_ref().map(|w| json!({"days": days, "time": w.at().to_string()})),
        "recent": lessons,
    }))
}

/// `POST /api/groups/{chat}/schedules`: one reminder or the lesson schedule, set or switched off.
async fn set_schedule(
    State(dash): State<Arc<Dash>>,
    headers: HeaderMap,
    Extension(user): Extension<auth::WebAppUser>,
    Path(chat): Path<String>,
    body: Option<axum::Json<Value>>,
) -> Response {
    let result: Result<Value, Response> = async {
        let chat = group_for(&dash, &chat, &user, Role::manages).await?.chat_id;
        let lang = lang_of(&dash, &user, &headers);
        let body = body.map(|b| b.0).unwrap_or(Value::Null);
        let bad =
            || error(StatusCode::BAD_REQUEST, "kind must be exercise, screen, bedtime or lessons; time HH:MM or null");
        let kind = body["kind"].as_str().ok_or_else(bad)?;
        let time: Option<crate::model::HhMm> = match &body["time"] {
            Value::Null => None,
            Value::String(t) => Some(t.parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        };
        let mut g = dash
            .app
            .store
            .group(chat)
            .await
            .map_err(|e| store_error(e.into()))?
            .ok_or_else(|| error(StatusCode::NOT_FOUND, "no group"))?;
        if kind == "lessons" {
            g.settings.lessons = match time {
                None => None,
                Some(t) => {
                    let days = body["days"].as_str().unwrap_or("mon,wed,fri");
                    Some(crate::schedule::Weekly::parse(days, &t.to_string()).ok_or_else(bad)?)
                }
            };
        } else {
            let kind = crate::content::ReminderKind::parse(kind).ok_or_else(bad)?;
            match time {
                Some(t) => g.settings.reminders.insert(kind.as_str().to_owned(), t),
                None => g.settings.reminders.remove(kind.as_str()),
            };
        }
        dash.app.save_group(&g).await.map_err(store_error)?;
        dash.app.reminders.changed.notify_one();
        dash.app.lessons.changed.notify_one();
        tracing::info!(chat, kind, "schedule changed from the dashboard");
        schedule_json(&dash, &g, lang).await.map_err(store_error)
    }
    .await;
    respond(result)
}
