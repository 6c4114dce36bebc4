//! The Telegram side: one routing tree ([`schema`]), small handlers named after what they do, and the
//! helpers they share. Handlers get the [`App`] (store, texts, clock, caches) and teloxide's `Bot`, and
//! answer every user mistake with a localized reply.

pub mod admins;
mod ask;
mod broadcast;
pub mod command;
pub mod commands;
mod groups;
pub mod help;
mod lessons;
pub mod llm;
pub mod moderation;
pub mod notices;
mod people;
mod reminders;
mod roles;
pub mod send;
mod settings;
pub mod webhook;

use crate::clock::Clock;
use crate::content::Content;
use crate::i18n::I18n;
use crate::jobs::lessons::Lessons;
use crate::jobs::limiter::{Budget, SendLimiter};
use crate::jobs::outbox::Outbox;
use crate::jobs::ratelimit::Limits;
use crate::model::{ChatKey, Group, Lang, Member, Role, Settings, UserKey};
use crate::policy::Classifier;
use crate::store::DynStore;
use crate::tr;
use admins::AdminCache;
use command::Cmd;
use std::collections::HashMap;
use std::sync::Arc;
use teloxide::dispatching::{DefaultKey, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, Me, ReplyParameters};

pub type HandlerResult = anyhow::Result<()>;

/// Telegram's user id for messages sent by an anonymous group administrator.
pub const GROUP_ANONYMOUS_BOT: u64 = 1087968824;

/// Defaults for groups the bot has not been told about.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub lang: Lang,
    pub tz: String,
}

/// Everything handlers share.
pub struct App {
    pub store: DynStore,
    pub i18n: Arc<I18n>,
    pub clock: Arc<dyn Clock>,
    pub admins: AdminCache,
    pub defaults: Defaults,
    pub outbox: Arc<Outbox>,
    pub lessons: Arc<Lessons>,
    pub reminders: Arc<crate::jobs::reminders::Reminders>,
    pub weekly: Arc<crate::jobs::weekly::WeeklyJob>,
    /// The bot's username (set once `getMe` answered), for `t.me` links.
    pub username: std::sync::OnceLock<String>,
    /// Where Telegram opens the dashboard (`JIAXIAO_PUBLIC_URL`); unset: `/dashboard` says so.
    pub public_url: std::sync::OnceLock<url::Url>,
    /// Telegram's limits for the whole bot (every copy), shared by replies, edits and the outbox so
    /// that together they stay within them.
    pub limiter: Arc<dyn SendLimiter>,
    pub classifier: Arc<Classifier>,
    /// The optional second opinion on borderline messages (`LLM_URL`).
    pub llm: Option<Arc<llm::Llm>>,
    /// Broadcasts may be sent as paid broadcasts (`JIAXIAO_PAID_BROADCAST=on`).
    pub paid_broadcasts: bool,
    /// Notified each time the change feed was read and applied (tests wait on it).
    pub changes_seen: tokio::sync::Notify,
    /// Set when the bot starts stopping: replies then wait only briefly for a sending slot.
    stopping: std::sync::atomic::AtomicBool,
    moderation: moderation::ModState,
    notices: notices::NoticeState,
    /// Members whose roster entry is already up to date, so that the hot path skips the write.
    seen: moka::sync::Cache<(ChatKey, UserKey), Member>,
    /// Group records read recently. Every change, made by any copy, is announced through the store's
    /// change feed ([`App::watch_changes`]), which drops the entry here within about a second.
    groups: moka::sync::Cache<ChatKey, Group>,
    /// Bumped by every invalidation of `groups`: a read that an invalidation overtook is not cached.
    groups_epoch: std::sync::atomic::AtomicU64,
}

/// How long a cached group record is kept at most (changes drop it sooner, through the change feed;
/// while the store is unreachable, moderation goes on with it).
pub const GROUP_CACHE: std::time::Duration = std::time::Duration::from_secs(600);

/// What [`App::new`] needs.
pub struct AppParts {
    pub store: DynStore,
    pub i18n: I18n,
    pub content: Content,
    pub clock: Arc<dyn Clock>,
    pub defaults: Defaults,
    pub limits: Limits,
    /// The sending budget; `None`: the store's ([`crate::store::Coordination::send_limiter`]).
    pub limiter: Option<Arc<dyn SendLimiter>>,
    pub classifier: Classifier,
    pub llm: Option<llm::LlmConfig>,
    pub paid_broadcasts: bool,
}

impl App {
    /// Builds the app; `bot` is used by the background jobs to send.
    pub fn new(parts: AppParts, bot: Bot) -> App {
        let AppParts { store, i18n, content, clock, defaults, limits, limiter, classifier, llm, paid_broadcasts } =
            parts;
        let llm = llm.map(|config| Arc::new(llm::Llm::new(config, &classifier)));
        let i18n = Arc::new(i18n);
        let limiter = limiter.unwrap_or_else(|| store.send_limiter(limits));
        let outbox = Outbox::new(store.clone(), bot, clock.clone(), limiter.clone());
        let tz = crate::model::parse_tz(&defaults.tz).unwrap_or(chrono_tz::Asia::Shanghai);
        let content = Arc::new(content);
        let lessons =
            Arc::new(Lessons::new(content.clone(), store.clone(), clock.clone(), outbox.clone(), i18n.clone(), tz));
        let reminders = Arc::new(crate::jobs::reminders::Reminders::new(
            content,
            i18n.clone(),
            (tz, defaults.lang),
            store.clone(),
            clock.clone(),
            outbox.clone(),
        ));
        let weekly =
            Arc::new(crate::jobs::weekly::WeeklyJob::new(i18n.clone(), store.clone(), clock.clone(), outbox.clone()));
        App {
            admins: AdminCache::new(std::time::Duration::from_secs(300), store.clone()),
            weekly,
            username: std::sync::OnceLock::new(),
            public_url: std::sync::OnceLock::new(),
            store,
            i18n,
            clock,
            defaults,
            outbox,
            lessons,
            reminders,
            limiter,
            classifier: Arc::new(classifier),
            llm,
            paid_broadcasts,
            changes_seen: tokio::sync::Notify::new(),
            stopping: std::sync::atomic::AtomicBool::new(false),
            moderation: moderation::ModState::default(),
            notices: notices::NoticeState::default(),
            seen: moka::sync::Cache::builder()
                .max_capacity(200_000)
                .time_to_live(std::time::Duration::from_secs(3600))
                .support_invalidation_closures()
                .build(),
            groups: moka::sync::Cache::builder().max_capacity(100_000).time_to_live(GROUP_CACHE).build(),
            groups_epoch: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The group record, from the cache when there (the hot path: every group message needs it).
    pub async fn group(&self, chat: ChatKey) -> anyhow::Result<Option<Group>> {
        use std::sync::atomic::Ordering;
        if let Some(g) = self.groups.get(&chat) {
            return Ok(Some(g));
        }
        let epoch = self.groups_epoch.load(Ordering::SeqCst);
        let g = self.store.group(chat).await?;
        match &g {
            // Cached only if no change was announced while reading (it may be older than the change).
            Some(g) if self.groups_epoch.load(Ordering::SeqCst) == epoch => {
                self.groups.insert(chat, g.clone());
                if self.groups_epoch.load(Ordering::SeqCst) != epoch {
                    self.groups.invalidate(&chat);
                }
            }
            Some(_) => {}
            None => self.groups.invalidate(&chat),
        }
        Ok(g)
    }

    /// The cached group record, if any (what moderation goes on with while the store is away).
    pub fn cached_group(&self, chat: ChatKey) -> Option<Group> {
        self.groups.get(&chat)
    }

    /// Stores a group record and keeps the cache in step.
    pub async fn save_group(&self, g: &Group) -> anyhow::Result<()> {
        self.store.put_group(g).await?;
        self.groups.insert(g.chat_id, g.clone());
        Ok(())
    }

    /// Forgets cached records of a chat (it migrated, or was changed behind our back).
    pub fn forget_group(&self, chat: ChatKey) {
        self.groups_epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.groups.invalidate(&chat);
    }

    /// Applies one entry of the store's change feed (see [`crate::store::Coordination`]): `g:` a
    /// group record, `a:` its administrators, `k:` its moderation knowledge, `m:` everything (it
    /// migrated or was forgotten); `o:0` items were queued (wake the sender).
    pub fn apply_change(&self, change: &str) {
        let Some((kind, chat)) = change.split_once(':') else { return };
        let Ok(chat) = chat.parse::<ChatKey>() else { return };
        match kind {
            "g" => self.forget_group(chat),
            "a" => self.admins.forget_chat(chat),
            "k" => self.moderation.forget_knowledge(chat),
            "o" => self.outbox.wake(),
            "m" => {
                self.forget_group(chat);
                self.admins.forget_chat(chat);
                self.moderation.forget_knowledge(chat);
                self.forget_seen_chat(chat);
            }
            _ => {}
        }
    }

    /// Drops every cached record (after the change feed could not be read for a while).
    pub fn forget_all(&self) {
        self.groups_epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.groups.invalidate_all();
        self.admins.forget_all();
        self.moderation.forget_all_knowledge();
        self.seen.invalidate_all();
    }

    /// Follows the store's change feed until `shutdown`, so that a change made through any copy
    /// reaches this copy's caches within about a second.
    pub async fn watch_changes(
        self: Arc<Self>,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> anyhow::Result<()> {
        let mut cursor: Option<String> = None;
        let mut broken = false;
        while !*shutdown.borrow() {
            match self.store.changes_since(cursor.as_deref()).await {
                Ok((changes, next)) => {
                    if broken {
                        // Changes may have been missed while the feed was unreadable.
                        self.forget_all();
                        broken = false;
                    }
                    for c in &changes {
                        self.apply_change(c);
                    }
                    cursor = Some(next);
                    self.changes_seen.notify_waiters();
                }
                Err(e) => {
                    if !broken {
                        crate::metrics::redis_error();
                        tracing::warn!(error = %e, "cannot read the change feed; caches keep what they have");
                    }
                    broken = true;
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_millis(500)) => {}
                _ = shutdown.changed() => {}
            }
        }
        Ok(())
    }

    /// Starts the background jobs (outbox sender, lesson and reminder schedulers, the change feed),
    /// each supervised; they stop when `shutdown` turns true. Broadcasts confirmed before a crash are
    /// finished in the background.
    pub fn start_jobs(self: &Arc<Self>, shutdown: tokio::sync::watch::Receiver<bool>) -> crate::jobs::JobSet {
        let mut jobs = crate::jobs::JobSet::new();
        let (outbox, stop) = (self.outbox.clone(), shutdown.clone());
        jobs.spawn("outbox", shutdown.clone(), move || outbox.clone().run(stop.clone()));
        let (lessons, stop) = (self.lessons.clone(), shutdown.clone());
        jobs.spawn("lessons", shutdown.clone(), move || {
            let (lessons, stop) = (lessons.clone(), stop.clone());
            async move {
                lessons.run(stop).await;
                Ok(())
            }
        });
        let (reminders, stop) = (self.reminders.clone(), shutdown.clone());
        jobs.spawn("reminders", shutdown.clone(), move || {
            let (reminders, stop) = (reminders.clone(), stop.clone());
            async move {
                reminders.run(stop).await;
                Ok(())
            }
        });
        let (weekly, stop) = (self.weekly.clone(), shutdown.clone());
        jobs.spawn("weekly", shutdown.clone(), move || {
            let (weekly, stop) = (weekly.clone(), stop.clone());
            async move {
                weekly.run(stop).await;
                Ok(())
            }
        });
        let (app, stop) = (self.clone(), shutdown.clone());
        jobs.spawn("changes", shutdown.clone(), move || app.clone().watch_changes(stop.clone()));
        let app = self.clone();
        tokio::spawn(async move { broadcast::resume(&app, shutdown).await });
        jobs
    }

    /// Calls Telegram within the bot-wide budget (see [`send::limited`]): with `chat`, the call posts
    /// or edits a message there and takes a sending slot first.
    pub async fn call<T, F, Fut>(&self, chat: Option<ChatKey>, request: F) -> Result<T, send::Failure>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, teloxide::RequestError>>,
    {
        // A reply waits at most a few minutes for a busy group's budget; while stopping, a couple of
        // seconds, so that shutdown finishes in time.
        let max_wait = if self.stopping.load(std::sync::atomic::Ordering::Relaxed) {
            std::time::Duration::from_secs(2)
        } else {
            std::time::Duration::from_secs(300)
        };
        send::limited(&*self.limiter, chat, Budget::Free, max_wait, request).await
    }

    /// The bot is stopping (see [`crate::run::Running::stop`]).
    pub fn begin_shutdown(&self) {
        self.stopping.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn default_settings(&self) -> Settings {
        Settings::with_defaults(self.defaults.lang, &self.defaults.tz)
    }

    /// Adds the sender to the group's roster unless we already stored exactly this.
    pub async fn remember_member(&self, chat: ChatKey, member: Member) -> anyhow::Result<()> {
        if self.seen.get(&(chat, member.user_id)).as_ref() == Some(&member) {
            return Ok(());
        }
        self.store.remember(chat, &member).await?;
        self.seen.insert((chat, member.user_id), member);
        Ok(())
    }

    /// Someone left or was removed from a group: off its roster, so that nothing of the group reaches
    /// them privately any more (notices, chasing, questions).
    pub async fn member_left(&self, chat: ChatKey, user: UserKey) -> anyhow::Result<()> {
        self.seen.invalidate(&(chat, user));
        self.store.forget_member(chat, user).await?;
        // A teacher or committee member who left keeps no role there (nor the dashboard's view).
        if self.store.role(chat, user).await?.is_some() {
            self.store.set_role(chat, user, Role::Parent).await?;
        }
        Ok(())
    }

    pub fn forget_seen_chat(&self, chat: ChatKey) {
        let _ = self.seen.invalidate_entries_if(move |(c, _), _| *c == chat);
    }

    /// The caller's role in a group: Telegram admins (and anonymous admins) are `Admin`; otherwise
    /// what `/role` stored; otherwise `Parent`.
    pub async fn role_of(&self, bot: &Bot, msg: &Message) -> anyhow::Result<Role> {
        let chat = msg.chat.id.0;
        if msg.sender_chat.as_ref().is_some_and(|c| c.id == msg.chat.id) {
            return Ok(Role::Admin); // anonymous administrator posting as the group
        }
        let Some(user) = msg.from.as_ref() else {
            return Ok(Role::Parent);
        };
        self.role_of_user(bot, chat, user.id.0).await
    }

    pub async fn role_of_user(&self, bot: &Bot, chat: ChatKey, user: UserKey) -> anyhow::Result<Role> {
        if self.admins.is_admin(bot, chat, user).await {
            return Ok(Role::Admin);
        }
        Ok(self.store.role(chat, user).await?.unwrap_or(Role::Parent))
    }
}

/// The group a message came from, as the store knows it.
#[derive(Debug, Clone)]
pub struct GroupCtx {
    pub group: Group,
}

impl GroupCtx {
    pub fn lang(&self) -> Lang {
        self.group.settings.lang
    }
}

/// The language of a person: the one they chose with the private `/settings`, else their Telegram
/// language, else the operator default.
pub async fn user_lang(app: &App, user: &teloxide::types::User) -> Lang {
    let chosen = app.store.profile(user.id.0).await.ok().flatten().and_then(|p| p.lang);
    chosen.unwrap_or_else(|| telegram_lang(app, Some(user)))
}

/// The user's Telegram language, else the operator default (when the store cannot be asked).
pub fn telegram_lang(app: &App, user: Option<&teloxide::types::User>) -> Lang {
    Lang::from_telegram(user.and_then(|u| u.language_code.as_deref())).unwrap_or(app.defaults.lang)
}

/// The language of a private chat: see [`user_lang`].
pub async fn private_lang(app: &App, msg: &Message) -> Lang {
    match msg.from.as_ref() {
        Some(u) => user_lang(app, u).await,
        None => app.defaults.lang,
    }
}

/// Telegram's longest message text, in UTF-16 code units.
pub const MAX_MESSAGE: usize = 4096;

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Joins `lines` with `sep` while the result stays within `budget` UTF-16 units; returns the text
/// and how many lines did not fit (say "and N more" for them). Every reply built from a list goes
/// through this, so that no group is ever too big for one message.
pub fn join_bounded(lines: &[String], sep: &str, budget: usize) -> (String, usize) {
    let mut out = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let extra = utf16_len(line) + if i > 0 { utf16_len(sep) } else { 0 };
        if used + extra > budget {
            return (out, lines.len() - i);
        }
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(line);
        used += extra;
    }
    (out, 0)
}

/// `text` cut to Telegram's limit (ending in "…"): the last guard before sending.
pub fn fit_message(text: String) -> String {
    if utf16_len(&text) <= MAX_MESSAGE {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > MAX_MESSAGE - 1 {
            break;
        }
        used += c.len_utf16();
        out.push(c);
    }
    out.push('…');
    out
}

/// Replies to `msg` with plain text (no parse mode: user-supplied names can never inject markup).
pub async fn reply(bot: &Bot, app: &App, msg: &Message, text: String) -> anyhow::Result<()> {
    let text = fit_message(text);
    let chat = msg.chat.id;
    let params = ReplyParameters::new(msg.id).allow_sending_without_reply();
    match app
        .call(Some(chat.0), || bot.send_message(chat, text.clone()).reply_parameters(params.clone()).into_future())
        .await
    {
        Ok(_) => Ok(()),
        Err(send::Failure::Forbidden) => {
            tracing::info!(chat = chat.0, "cannot post in this chat any more");
            if chat.0 < 0 {
                groups::mark_inactive(app, chat.0).await?;
            }
            Ok(())
        }
        Err(e) => Err(anyhow::anyhow!("sendMessage failed: {e:?}")),
    }
}

/// The answer to a command the caller may not use: who may.
pub async fn refuse(bot: &Bot, app: &App, msg: &Message, lang: Lang, command: &str, who: Role) -> HandlerResult {
    let who_text = match who {
        Role::Admin | Role::Teacher => app.i18n.get(lang, crate::key!("who-managers"), None),
        _ => app.i18n.get(lang, crate::key!("who-moderators"), None),
    };
    reply(bot, app, msg, crate::tr!(app.i18n, lang, "refused", command = command, who = who_text)).await
}

/// The root of the routing tree: counts and times every update and, when a handler fails (the store
/// is unreachable, Telegram refused), still answers — a button press always gets an answer, a
/// command "please try again in a moment"; plain group messages get no reply.
fn guard() -> UpdateHandler<anyhow::Error> {
    use std::ops::ControlFlow;
    use teloxide::dispatching::DpHandlerDescription;
    dptree::from_fn_with_description(
        <DpHandlerDescription as dptree::HandlerDescription>::entry(),
        |deps: dptree::di::DependencyMap, cont| async move {
            let update = deps.get::<Update>();
            let app = deps.get::<Arc<App>>();
            let bot = deps.get::<Bot>();
            let kind = webhook::update_kind(&update);
            crate::metrics::update(kind);
            let started = std::time::Instant::now();
            let result = cont(deps).await;
            let failed = matches!(&result, ControlFlow::Break(Err(_)));
            crate::metrics::handled(kind, started.elapsed(), failed);
            if failed {
                answer_failure(&bot, &app, &update).await;
            }
            result
        },
        dptree::HandlerSignature::Entry,
    )
}

/// The answer to an update whose handler failed.
async fn answer_failure(bot: &Bot, app: &App, update: &Update) {
    use teloxide::types::UpdateKind;
    match &update.kind {
        UpdateKind::CallbackQuery(q) => {
            let lang = Lang::from_telegram(q.from.language_code.as_deref()).unwrap_or(app.defaults.lang);
            let text = tr!(app.i18n, lang, "try-again");
            // If the handler had answered already, Telegram refuses a second answer: harmless.
            let _ = app.call(None, || bot.answer_callback_query(q.id.clone()).text(text.clone()).into_future()).await;
        }
        UpdateKind::Message(msg) if msg.text().is_some_and(|t| t.trim_start().starts_with('/')) => {
            let lang = if msg.chat.is_private() {
                telegram_lang(app, msg.from.as_ref())
            } else {
                app.cached_group(msg.chat.id.0).map(|g| g.settings.lang).unwrap_or(app.defaults.lang)
            };
            if let Err(e) = reply(bot, app, msg, tr!(app.i18n, lang, "try-again")).await {
                tracing::debug!(error = %e, "could not say 'try again'");
            }
        }
        _ => {}
    }
}

/// The whole routing tree.
pub fn schema() -> UpdateHandler<anyhow::Error> {
    // Commands go through the tables in `help`: each is found there with who may use it.
    let group_commands = dptree::filter_map(|msg: Message, me: Me| Cmd::parse(msg.text()?, me.username()))
        .filter_map(|cmd: Cmd| {
            // `/start` in a group (from a deep link or the menu) is `/help`.
            let name = if cmd.name == "start" { "help" } else { cmd.name.as_str() };
            commands::GROUP_COMMANDS.iter().find(|c| c.name == name)
        })
        .endpoint(commands::run_group_command);

    let private_commands = dptree::filter_map(|msg: Message, me: Me| Cmd::parse(msg.text()?, me.username()))
        .branch(
            dptree::filter_map(|cmd: Cmd| commands::PRIVATE_COMMANDS.iter().find(|c| c.name == cmd.name))
                .endpoint(commands::run_private_command),
        )
        .endpoint(help::private_unknown);
    // Plain text in private: a parent's question, a teacher's answer (`ask`); commands go to the table.
    let private = dptree::entry()
        .branch(
            dptree::filter(|msg: Message| msg.text().is_some_and(|t| !t.starts_with('/'))).endpoint(ask::private_text),
        )
        .branch(private_commands);

    let messages = Update::filter_message()
        .branch(dptree::filter_map(|msg: Message| msg.migrate_to_chat_id().copied()).endpoint(groups::migrated))
        .branch(dptree::filter(|msg: Message| msg.chat.is_private()).branch(private))
        .branch(
            dptree::filter(|msg: Message| msg.chat.is_group() || msg.chat.is_supergroup())
                .filter_map_async(groups::learn_from_message)
                .branch(group_commands)
                .branch(dptree::filter_map(notices::ack_reply).endpoint(notices::acked_by_reply))
                .endpoint(moderation::check),
        );
    let edits = Update::filter_edited_message().branch(
        dptree::filter(|msg: Message| msg.chat.is_group() || msg.chat.is_supergroup())
            .filter_map_async(groups::learn_from_message)
            .endpoint(moderation::check),
    );

    guard()
        .branch(Update::filter_my_chat_member().endpoint(groups::bot_membership_changed))
        .branch(Update::filter_chat_member().endpoint(groups::member_status_changed))
        .branch(messages)
        .branch(edits)
        .branch(
            Update::filter_callback_query()
                .branch(callback(moderation::PREFIX).endpoint(moderation::decide))
                .branch(callback(notices::PREFIX).endpoint(notices::pressed))
                .branch(callback(notices::CHASE).endpoint(notices::chase))
                .branch(callback(broadcast::PREFIX).endpoint(broadcast::decide))
                .branch(callback(crate::jobs::reminders::CHECKIN_PREFIX).endpoint(people::checkin))
                .branch(callback(people::PRIVATE_ACK).endpoint(people::private_ack))
                .branch(callback(ask::ASK_GROUP).endpoint(ask::choose_group))
                .branch(callback(ask::ASK_REPLY).endpoint(ask::reply_pressed))
                .branch(callback(ask::ASK_MUTE).endpoint(ask::mute_pressed))
                .endpoint(lessons::feedback),
        )
}

/// Button presses whose data starts with `prefix`.
fn callback(prefix: &'static str) -> UpdateHandler<anyhow::Error> {
    dptree::filter(move |q: CallbackQuery| q.data.as_deref().is_some_and(|d| d.starts_with(prefix)))
}

/// The update kinds [`schema`] handles, for `setWebhook` (long polling asks for the same, computed
/// by teloxide from the schema). `chat_member` must be asked for by name: Telegram does not send it
/// otherwise, and the admin cache depends on it.
pub fn allowed_updates() -> Vec<teloxide::types::AllowedUpdate> {
    use teloxide::types::AllowedUpdate as A;
    vec![A::Message, A::EditedMessage, A::CallbackQuery, A::MyChatMember, A::ChatMember]
}

/// A dispatcher over [`schema`] with the app and the bot's identity injected. It is stopped through
/// its shutdown token ([`crate::run::Running::stop`], on SIGTERM or SIGINT).
pub fn dispatcher(bot: Bot, app: Arc<App>, me: Me) -> Dispatcher<Bot, anyhow::Error, DefaultKey> {
    if let Some(name) = me.username.clone() {
        let _ = app.username.set(name);
    }
    Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![app, me])
        .default_handler(|_| async {})
        .error_handler(teloxide::error_handlers::LoggingErrorHandler::with_custom_text("an update handler failed"))
        .build()
}

pub use help::register_commands;
