//! The Telegram side: one routing tree ([`schema`]), small handlers named after what they do, and the
//! helpers they share. Handlers get the [`App`] (store, texts, clock, caches) and teloxide's `Bot`, and
//! answer every user mistake with a localized reply.

pub mod admins;
mod broadcast;
pub mod command;
mod groups;
pub mod help;
mod lessons;
pub mod llm;
mod moderation;
mod notices;
mod reminders;
mod roles;
pub mod send;
mod settings;

use crate::clock::Clock;
use crate::content::Content;
use crate::i18n::I18n;
use crate::jobs::lessons::Lessons;
use crate::jobs::outbox::Outbox;
use crate::jobs::ratelimit::{Limits, RateLimiter};
use crate::model::{ChatKey, Group, Lang, Member, Role, Settings, UserKey};
use crate::policy::Classifier;
use crate::store::DynStore;
use crate::tr;
use admins::AdminCache;
use command::Cmd;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
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
    /// Telegram's limits, shared by replies and the outbox so that together they stay within them.
    pub limiter: Arc<std::sync::Mutex<RateLimiter>>,
    pub classifier: Arc<Classifier>,
    /// The optional second opinion on borderline messages (`LLM_URL`).
    pub llm: Option<Arc<llm::Llm>>,
    moderation: moderation::ModState,
    notices: notices::NoticeState,
    /// Members whose roster entry is already up to date, so that the hot path skips the write.
    seen: Mutex<HashMap<(ChatKey, UserKey), Member>>,
    /// Group records read recently. Every change made here writes through; changes made elsewhere
    /// (another copy's jobs) are seen within [`GROUP_CACHE`].
    groups: Mutex<HashMap<ChatKey, (Group, std::time::Instant)>>,
}

/// How long a cached group record is trusted.
pub const GROUP_CACHE: std::time::Duration = std::time::Duration::from_secs(30);

/// What [`App::new`] needs.
pub struct AppParts {
    pub store: DynStore,
    pub i18n: I18n,
    pub content: Content,
    pub clock: Arc<dyn Clock>,
    pub defaults: Defaults,
    pub limits: Limits,
    pub classifier: Classifier,
    pub llm: Option<llm::LlmConfig>,
}

impl App {
    /// Builds the app; `bot` is used by the background jobs to send.
    pub fn new(parts: AppParts, bot: Bot) -> App {
        let AppParts { store, i18n, content, clock, defaults, limits, classifier, llm } = parts;
        let llm = llm.map(|config| Arc::new(llm::Llm::new(config, &classifier)));
        let i18n = Arc::new(i18n);
        let limiter = Arc::new(std::sync::Mutex::new(RateLimiter::new(limits)));
        let outbox = Outbox::new(store.clone(), bot, clock.clone(), limiter.clone());
        let tz = crate::model::parse_tz(&defaults.tz).unwrap_or(chrono_tz::Asia::Shanghai);
        let content = Arc::new(content);
        let lessons =
            Arc::new(Lessons::new(content.clone(), store.clone(), clock.clone(), outbox.clone(), i18n.clone(), tz));
        let reminders =
            Arc::new(crate::jobs::reminders::Reminders::new(content, store.clone(), clock.clone(), outbox.clone()));
        App {
            store,
            i18n,
            clock,
            admins: AdminCache::new(std::time::Duration::from_secs(300)),
            defaults,
            outbox,
            lessons,
            reminders,
            limiter,
            classifier: Arc::new(classifier),
            llm,
            moderation: moderation::ModState::default(),
            notices: notices::NoticeState::default(),
            seen: Mutex::new(HashMap::new()),
            groups: Mutex::new(HashMap::new()),
        }
    }

    /// The group record, from the cache when fresh (the hot path: every group message needs it).
    pub async fn group(&self, chat: ChatKey) -> anyhow::Result<Option<Group>> {
        if let Some((g, at)) = self.groups.lock().unwrap_or_else(|e| e.into_inner()).get(&chat)
            && at.elapsed() < GROUP_CACHE
        {
            return Ok(Some(g.clone()));
        }
        let g = self.store.group(chat).await?;
        let mut cache = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        match &g {
            Some(g) => {
                if cache.len() > 50_000 {
                    cache.retain(|_, (_, at)| at.elapsed() < GROUP_CACHE);
                }
                cache.insert(chat, (g.clone(), std::time::Instant::now()));
            }
            None => {
                cache.remove(&chat);
            }
        }
        Ok(g)
    }

    /// Stores a group record and keeps the cache in step.
    pub async fn save_group(&self, g: &Group) -> anyhow::Result<()> {
        self.store.put_group(g).await?;
        self.groups.lock().unwrap_or_else(|e| e.into_inner()).insert(g.chat_id, (g.clone(), std::time::Instant::now()));
        Ok(())
    }

    /// Forgets cached records of a chat (it migrated, or was changed behind our back).
    pub fn forget_group(&self, chat: ChatKey) {
        self.groups.lock().unwrap_or_else(|e| e.into_inner()).remove(&chat);
    }

    /// Starts the background jobs (outbox sender, lesson scheduler); they stop when `shutdown` turns
    /// true.
    pub fn start_jobs(
        self: &Arc<Self>,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Vec<tokio::task::JoinHandle<()>> {
        // Broadcasts confirmed before a crash may not have reached every group: finish them (the
        // fan-out only queues what is missing).
        let app = self.clone();
        tokio::spawn(async move {
            match app.store.confirmed_broadcasts().await {
                Ok(list) => {
                    for b in list {
                        if let Err(e) = broadcast::fan_out(&app, &b).await {
                            tracing::warn!(id = %b.id, error = %e, "could not resume a broadcast");
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not look for unfinished broadcasts"),
            }
        });
        vec![
            tokio::spawn(self.outbox.clone().run(shutdown.clone())),
            tokio::spawn(self.lessons.clone().run(shutdown.clone())),
            tokio::spawn(self.reminders.clone().run(shutdown)),
        ]
    }

    /// Waits until Telegram's limits allow one more message to `chat`.
    pub async fn throttle(&self, chat: ChatKey) {
        loop {
            let wait = self.limiter.lock().unwrap_or_else(|e| e.into_inner()).try_send(chat, std::time::Instant::now());
            match wait {
                Ok(()) => return,
                Err(w) => tokio::time::sleep(w).await,
            }
        }
    }

    pub fn default_settings(&self) -> Settings {
        Settings::with_defaults(self.defaults.lang, &self.defaults.tz)
    }

    /// Adds the sender to the group's roster unless we already stored exactly this.
    pub async fn remember_member(&self, chat: ChatKey, member: Member) -> anyhow::Result<()> {
        {
            let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get(&(chat, member.user_id)) == Some(&member) {
                return Ok(());
            }
        }
        self.store.remember(chat, &member).await?;
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.clear();
        }
        seen.insert((chat, member.user_id), member);
        Ok(())
    }

    pub fn forget_seen_chat(&self, chat: ChatKey) {
        self.seen.lock().unwrap_or_else(|e| e.into_inner()).retain(|(c, _), _| *c != chat);
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

/// The language of a private chat: the user's Telegram language, else the operator default.
pub fn private_lang(app: &App, msg: &Message) -> Lang {
    Lang::from_telegram(msg.from.as_ref().and_then(|u| u.language_code.as_deref())).unwrap_or(app.defaults.lang)
}

/// Replies to `msg` with plain text (no parse mode: user-supplied names can never inject markup).
pub async fn reply(bot: &Bot, app: &App, msg: &Message, text: String) -> anyhow::Result<()> {
    let chat = msg.chat.id;
    app.throttle(chat.0).await;
    let params = ReplyParameters::new(msg.id).allow_sending_without_reply();
    match send::call(|| bot.send_message(chat, text.clone()).reply_parameters(params.clone()).into_future()).await {
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

fn cmd(name: &'static str) -> UpdateHandler<anyhow::Error> {
    dptree::filter(move |c: Cmd| c.name == name)
}

/// The whole routing tree.
pub fn schema() -> UpdateHandler<anyhow::Error> {
    let group_commands = dptree::filter_map(|msg: Message, me: Me| Cmd::parse(msg.text()?, me.username()))
        .branch(cmd("help").endpoint(help::group_help))
        .branch(cmd("start").endpoint(help::group_help))
        .branch(cmd("role").endpoint(roles::role))
        .branch(cmd("settings").endpoint(settings::settings))
        .branch(cmd("lesson").endpoint(lessons::group_lesson))
        .branch(cmd("lessons").endpoint(lessons::group_lessons))
        .branch(cmd("modlog").endpoint(moderation::modlog))
        .branch(cmd("notice").endpoint(notices::notice))
        .branch(cmd("status").endpoint(notices::status))
        .branch(cmd("remind").endpoint(reminders::remind));

    let private_commands = dptree::filter_map(|msg: Message, me: Me| Cmd::parse(msg.text()?, me.username()))
        .branch(cmd("start").endpoint(help::private_start))
        .branch(cmd("help").endpoint(help::private_start))
        .branch(cmd("lesson").endpoint(lessons::private_lesson))
        .branch(cmd("subscribe").endpoint(lessons::subscribe))
        .branch(cmd("unsubscribe").endpoint(lessons::unsubscribe))
        .branch(cmd("broadcast").endpoint(broadcast::broadcast))
        .endpoint(help::private_unknown);

    let messages = Update::filter_message()
        .branch(dptree::filter_map(|msg: Message| msg.migrate_to_chat_id().copied()).endpoint(groups::migrated))
        .branch(dptree::filter(|msg: Message| msg.chat.is_private()).branch(private_commands))
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

    dptree::entry()
        .branch(Update::filter_my_chat_member().endpoint(groups::bot_membership_changed))
        .branch(Update::filter_chat_member().endpoint(groups::member_status_changed))
        .branch(messages)
        .branch(edits)
        .branch(
            Update::filter_callback_query()
                .branch(
                    dptree::filter(|q: CallbackQuery| {
                        q.data.as_deref().is_some_and(|d| d.starts_with(moderation::PREFIX))
                    })
                    .endpoint(moderation::decide),
                )
                .branch(
                    dptree::filter(|q: CallbackQuery| {
                        q.data.as_deref().is_some_and(|d| d.starts_with(notices::PREFIX))
                    })
                    .endpoint(notices::pressed),
                )
                .branch(
                    dptree::filter(|q: CallbackQuery| {
                        q.data.as_deref().is_some_and(|d| d.starts_with(broadcast::PREFIX))
                    })
                    .endpoint(broadcast::decide),
                )
                .endpoint(lessons::feedback),
        )
}

/// A dispatcher over [`schema`] with the app and the bot's identity injected. `ctrlc`: stop on Ctrl-C
/// (the real bot); tests and the demo stop it through its shutdown token instead.
pub fn dispatcher(bot: Bot, app: Arc<App>, me: Me, ctrlc: bool) -> Dispatcher<Bot, anyhow::Error, DefaultKey> {
    let builder = Dispatcher::builder(bot, schema())
        .dependencies(dptree::deps![app, me])
        .default_handler(|_| async {})
        .error_handler(teloxide::error_handlers::LoggingErrorHandler::with_custom_text("an update handler failed"));
    if ctrlc { builder.enable_ctrlc_handler().build() } else { builder.build() }
}

pub use help::register_commands;
