//! Moderation: every group text and caption (edits too) goes through the policy classifier, with the
//! group's allow-list and what its moderators decided before. A rule verdict gets a card with what
//! kind of message it is, the rule and its source, and two buttons for moderators; in `delete` mode
//! it is removed at once, said briefly, and the sender is told privately why. A verdict that is not a
//! rule's (the learned model, the group's memory, a language model's second opinion) only ever gets a
//! "please take a look" card, in either mode. "Delete" and "not a violation" teach the group: the
//! allow-list takes the message's fingerprint, the group's memory a sample (hashed n-grams, no text).
//! Also: the 刷屏 reminder and warnings.

use super::roles::truncate;
use super::*;
use crate::model::{FloodRule, ModerationMode};
use crate::policy::{AllowList, Category, Context, GroupMemory, Match, Source, Verdict};
use crate::store::{Flag, MAX_EXCERPT_CHARS, ModEntry};
use std::collections::VecDeque;
use std::time::{Duration, Instant};
use teloxide::types::{CallbackQuery, ChatPermissions, InlineKeyboardButton, InlineKeyboardMarkup, MessageId, UserId};

/// Callback data of the card's buttons: `md:d:<message id>` (delete) and `md:n:<message id>` (not a
/// violation).
pub const PREFIX: &str = "md:";

/// Per-process moderation state: group knowledge cached from the store (dropped through the change
/// feed when any copy learns something) and recent message times.
pub struct ModState {
    knowledge: moka::sync::Cache<ChatKey, Arc<Knowledge>>,
    /// What was last loaded for each group, kept longer: moderation goes on with it while the store
    /// cannot be read.
    last_known: moka::sync::Cache<ChatKey, Arc<Knowledge>>,
    /// Bumped by every invalidation: a load that an invalidation overtook is not cached.
    epoch: std::sync::atomic::AtomicU64,
    recent: std::sync::Mutex<HashMap<(ChatKey, UserKey), Recent>>,
}

impl Default for ModState {
    fn default() -> Self {
        ModState {
            knowledge: moka::sync::Cache::builder().max_capacity(50_000).time_to_live(KNOWLEDGE_CACHE).build(),
            last_known: moka::sync::Cache::builder()
                .max_capacity(50_000)
                .time_to_idle(Duration::from_secs(24 * 3600))
                .build(),
            epoch: std::sync::atomic::AtomicU64::new(0),
            recent: std::sync::Mutex::new(HashMap::new()),
        }
    }
}

/// What a group's moderators taught it: allowed fingerprints and decision samples.
#[derive(Default)]
pub struct Knowledge {
    allow: AllowList,
    memory: GroupMemory,
}

/// One member's recent message times, and when they were last reminded.
type Recent = (VecDeque<Instant>, Option<Instant>);

/// How long a group's knowledge is trusted without a change announced on the feed.
const KNOWLEDGE_CACHE: Duration = Duration::from_secs(600);

impl ModState {
    pub(super) fn forget_knowledge(&self, chat: ChatKey) {
        self.epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.knowledge.invalidate(&chat);
    }

    pub(super) fn forget_all_knowledge(&self) {
        self.epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.knowledge.invalidate_all();
    }

    /// Records a message; true when this one crosses the flood rule and no reminder was given in the
    /// current window.
    fn flooding(&self, chat: ChatKey, user: UserKey, rule: FloodRule, now: Instant) -> bool {
        let window = Duration::from_secs(rule.secs.into());
        let mut map = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 50_000 {
            map.retain(|_, (q, _)| q.back().is_some_and(|t| now.duration_since(*t) < Duration::from_secs(3600)));
        }
        let (times, reminded) = map.entry((chat, user)).or_default();
        times.push_back(now);
        while times.front().is_some_and(|t| now.duration_since(*t) > window) {
            times.pop_front();
        }
        if times.len() as u32 > rule.max && reminded.is_none_or(|r| now.duration_since(r) > window) {
            *reminded = Some(now);
            return true;
        }
        false
    }
}

/// The group's knowledge, from the cache when fresh. When the store cannot be read, moderation goes
/// on with what was last known (or nothing), so that an outage never lets messages through unchecked.
async fn knowledge(app: &App, chat: ChatKey) -> Arc<Knowledge> {
    if let Some(k) = app.moderation.knowledge.get(&chat) {
        return k;
    }
    let epoch = app.moderation.epoch.load(std::sync::atomic::Ordering::SeqCst);
    let loaded = async {
        let fingerprints = app.store.allow_list(chat).await?;
        let samples = app.store.samples(chat).await?;
        anyhow::Ok((fingerprints, samples))
    }
    .await;
    match loaded {
        Ok((fingerprints, samples)) => {
            let mut allow = AllowList::new();
            for fp in fingerprints {
                allow.add_fingerprint(fp);
            }
            let k = Arc::new(Knowledge { allow, memory: GroupMemory::new(samples) });
            // Cached only if no invalidation came in while loading (else it may miss the change).
            if app.moderation.epoch.load(std::sync::atomic::Ordering::SeqCst) == epoch {
                app.moderation.knowledge.insert(chat, k.clone());
                if app.moderation.epoch.load(std::sync::atomic::Ordering::SeqCst) != epoch {
                    app.moderation.knowledge.invalidate(&chat);
                }
            }
            app.moderation.last_known.insert(chat, k.clone());
            k
        }
        Err(e) => {
            tracing::warn!(chat, error = %e, "cannot read the group's moderation knowledge; using the last known");
            app.moderation.last_known.get(&chat).unwrap_or_default()
        }
    }
}

pub fn category_name(app: &App, lang: Lang, c: Category) -> String {
    let key = match c {
        Category::FeeCollection => crate::key!("mod-cat-fee-collection"),
        Category::OffCampusTraining => crate::key!("mod-cat-off-campus-training"),
        Category::RankingDisclosure => crate::key!("mod-cat-ranking-disclosure"),
        Category::HomeworkToParents => crate::key!("mod-cat-homework-to-parents"),
        Category::CommercialAd => crate::key!("mod-cat-commercial-ad"),
    };
    app.i18n.get(lang, key, None)
}

fn sender_name(msg: &Message) -> String {
    if let Some(c) = msg.sender_chat.as_ref() {
        return c.title().unwrap_or_default().to_owned();
    }
    msg.from.as_ref().map(|u| u.full_name()).unwrap_or_default()
}

/// Checks a group message (new or edited).
pub(super) async fn check(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, me: Me) -> HandlerResult {
    let settings = &ctx.group.settings;
    let chat = ctx.group.chat_id;
    if msg.from.as_ref().is_some_and(|u| u.id == me.id) {
        return Ok(());
    }
    let is_edit = msg.edit_date().is_some();
    // Anonymous admins and channels share one user id each: count them by the chat they post as.
    let poster = match (&msg.sender_chat, &msg.from) {
        (Some(c), _) => Some(c.id.0.unsigned_abs()),
        (None, Some(u)) => Some(u.id.0),
        _ => None,
    };
    if !is_edit
        && let (Some(rule), Some(poster)) = (settings.flood, poster)
        && app.moderation.flooding(chat, poster, rule, Instant::now())
    {
        let text = tr!(app.i18n, settings.lang, "flood-reminder", name = sender_name(&msg));
        // A reminder that cannot be sent must not let the message skip moderation.
        if let Err(e) = reply(&bot, &app, &msg, text).await {
            tracing::warn!(chat, error = %e, "could not post the flood reminder");
        }
    }
    if settings.moderation == ModerationMode::Off {
        return Ok(());
    }
    let Some(text) = msg.text().or_else(|| msg.caption()) else { return Ok(()) };
    let k = knowledge(&app, chat).await;
    let verdict = app.classifier.classify_in(text, &Context { allow: Some(&k.allow), memory: Some(&k.memory) });
    let Some(m) = verdict.primary().cloned() else {
        if let Some(candidates) = borderline(&app, &verdict) {
            let text = text.to_owned();
            second_opinion(bot, app, msg, ctx, text, candidates, None);
        }
        return Ok(());
    };
    // Only an edit can meet a message that is already on a card.
    if is_edit
        && let Some(old) = app.store.flag(chat, msg.id.0).await?
        && (old.card.is_some() || old.resolved)
    {
        return Ok(()); // already on a card (an edit of a flagged message)
    }
    tracing::info!(
        chat,
        message = msg.id.0,
        rule = %m.rule,
        source = m.source.as_str(),
        category = m.category.as_str(),
        "policy match"
    );
    crate::metrics::flagged(m.category.as_str(), m.source.as_str());
    let flag = new_flag(&app, &msg, text, &m);
    match (settings.moderation, m.source.is_final()) {
        (ModerationMode::Delete, true) => delete_at_once(&bot, &app, &msg, &ctx, flag, &m, &verdict).await,
        (_, true) => post_card(&bot, &app, &msg, &ctx, flag, &m).await.map(|_| ()),
        (_, false) => {
            let card = post_card(&bot, &app, &msg, &ctx, flag, &m).await?;
            // A learned flag can be withdrawn by the second opinion; a group's or its own cannot.
            if m.source == Source::Model {
                let text = text.to_owned();
                second_opinion(bot, app, msg, ctx, text, vec![m.category], card);
            }
            Ok(())
        }
    }
}

fn new_flag(app: &App, msg: &Message, text: &str, m: &Match) -> Flag {
    Flag {
        message_id: msg.id.0,
        sender: msg.from.as_ref().filter(|_| msg.sender_chat.is_none()).map(|u| u.id.0),
        sender_name: sender_name(msg),
        category: m.category.as_str().to_owned(),
        rule: m.rule.clone(),
        excerpt: truncate(text, MAX_EXCERPT_CHARS - 1),
        fingerprint: app.classifier.fingerprint(text),
        at: app.clock.now(),
        card: None,
        resolved: false,
        source: m.source.as_str().to_owned(),
        grams: app.classifier.sample(text, m.category, true).grams,
    }
}

/// The categories a clean message came close to (the learned model scored it at least half its
/// threshold): worth a second opinion, when one is configured.
fn borderline(app: &App, verdict: &Verdict) -> Option<Vec<Category>> {
    app.llm.as_ref()?;
    let (probs, thresholds) = (verdict.learned?, app.classifier.model_thresholds()?);
    let near: Vec<Category> = Category::ALL
        .iter()
        .enumerate()
        .filter(|&(c, _)| probs[c] >= 0.5 * thresholds[c] && probs[c] < thresholds[c])
        .map(|(_, &cat)| cat)
        .collect();
    (!near.is_empty()).then_some(near)
}

/// Asks the language model in the background (the handler has already answered). With a `card`
/// (a learned flag), a "no" withdraws it; without one, a "yes" posts a "please take a look".
fn second_opinion(
    bot: Bot,
    app: Arc<App>,
    msg: Message,
    ctx: GroupCtx,
    text: String,
    candidates: Vec<Category>,
    card: Option<i32>,
) {
    let Some(llm) = app.llm.clone() else { return };
    tokio::spawn(async move {
        let chat = msg.chat.id.0;
        let answer = match llm.opinion(&text, &candidates).await {
            Ok(a) => a,
            Err(e) => {
                tracing::info!(chat, error = %e, "no second opinion");
                return;
            }
        };
        let result = match card {
            Some(card) if answer.is_empty() => withdraw(&bot, &app, &ctx, msg.id.0, card).await,
            None => match answer.first() {
                Some(&cat) => {
                    let m = Match {
                        rule: format!("llm.{}", cat.as_str()),
                        category: cat,
                        source: Source::Llm,
                        score: 1.0,
                        policy: app.classifier.category_policy(cat),
                        span: crate::policy::Span { start: 0, end: text.len() },
                        excerpt: String::new(),
                        evidence: Vec::new(),
                    };
                    tracing::info!(chat, message = msg.id.0, category = cat.as_str(), "second opinion flag");
                    let flag = new_flag(&app, &msg, &text, &m);
                    post_card(&bot, &app, &msg, &ctx, flag, &m).await.map(|_| ())
                }
                None => Ok(()),
            },
            _ => Ok(()),
        };
        if let Err(e) = result {
            tracing::warn!(chat, error = %e, "could not act on the second opinion");
        }
    });
}

/// The second opinion disagrees with a learned flag: the card says so and the flag is closed.
async fn withdraw(bot: &Bot, app: &App, ctx: &GroupCtx, message_id: i32, card: i32) -> HandlerResult {
    let chat = ctx.group.chat_id;
    let Some(mut flag) = app.store.flag(chat, message_id).await? else { return Ok(()) };
    if flag.resolved {
        return Ok(()); // a moderator was faster
    }
    flag.resolved = true;
    app.store.put_flag(chat, &flag).await?;
    log(app, chat, &flag, "withdrawn", None, false).await?;
    let text = tr!(app.i18n, ctx.lang(), "mod-card-withdrawn");
    match app
        .call(Some(chat), || bot.edit_message_text(ChatId(chat), MessageId(card), text.clone()).into_future())
        .await
    {
        Ok(_) | Err(send::Failure::MessageGone) | Err(send::Failure::NotModified) => Ok(()),
        Err(e) => Err(anyhow::anyhow!("editing the card failed: {e:?}")),
    }
}

fn card_text(app: &App, lang: Lang, m: &Match) -> String {
    let summary = if lang == Lang::En { &m.policy.summary_en } else { &m.policy.summary_zh };
    let source = format!("{} {}", m.policy.document, m.policy.clause).trim().to_owned();
    let category = category_name(app, lang, m.category);
    let why = match m.source {
        Source::Rule => {
            return tr!(app.i18n, lang, "mod-card", category = category, rule = summary.clone(), source = source);
        }
        Source::Model => {
            let hint: String = m.evidence.first().map(|e| e.feature.chars().take(24).collect()).unwrap_or_default();
            tr!(app.i18n, lang, "mod-why-model", score = (m.score * 100.0).round() as i64, hint = hint)
        }
        Source::Group => tr!(app.i18n, lang, "mod-why-group"),
        Source::Llm => tr!(app.i18n, lang, "mod-why-llm"),
    };
    tr!(app.i18n, lang, "mod-card-review", category = category, why = why, rule = summary.clone(), source = source)
}

/// Posts the card; returns its message id when it went out.
async fn post_card(
    bot: &Bot,
    app: &App,
    msg: &Message,
    ctx: &GroupCtx,
    mut flag: Flag,
    m: &Match,
) -> anyhow::Result<Option<i32>> {
    let lang = ctx.lang();
    let chat = msg.chat.id;
    let keyboard = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(tr!(app.i18n, lang, "mod-btn-delete"), format!("{PREFIX}d:{}", msg.id.0)),
        InlineKeyboardButton::callback(tr!(app.i18n, lang, "mod-btn-allow"), format!("{PREFIX}n:{}", msg.id.0)),
    ]]);
    let text = card_text(app, lang, m);
    let params = teloxide::types::ReplyParameters::new(msg.id).allow_sending_without_reply();
    let card = app
        .call(Some(chat.0), || {
            bot.send_message(chat, text.clone())
                .reply_parameters(params.clone())
                .reply_markup(keyboard.clone())
                .into_future()
        })
        .await;
    flag.card = card.as_ref().ok().map(|c| c.id.0);
    let card_id = flag.card;
    if let Err(e) = &card {
        tracing::warn!(chat = chat.0, error = ?e, "could not post the moderation card");
    }
    // The card is out: its flag must reach the store, or its buttons would find nothing. While the
    // store is away, keep trying in the background.
    if let Err(e) = save_flag(app.store.clone(), app.clock.now(), chat.0, flag.clone()).await {
        tracing::warn!(chat = chat.0, error = %e, "could not store a flag; retrying in the background");
        let (store, at) = (app.store.clone(), app.clock.now());
        tokio::spawn(async move {
            let mut wait = Duration::from_secs(1);
            for _ in 0..12 {
                tokio::time::sleep(wait).await;
                if save_flag(store.clone(), at, chat.0, flag.clone()).await.is_ok() {
                    tracing::info!(chat = chat.0, "flag stored after the store came back");
                    return;
                }
                wait = (wait * 2).min(Duration::from_secs(60));
            }
            tracing::error!(chat = chat.0, "a flag could not be stored; its card's buttons will say it expired");
        });
    }
    Ok(card_id)
}

/// Stores a new flag and its log entry (both idempotent).
async fn save_flag(
    store: crate::store::DynStore,
    at: chrono::DateTime<chrono::Utc>,
    chat: ChatKey,
    flag: Flag,
) -> anyhow::Result<()> {
    store.put_flag(chat, &flag).await?;
    let entry = ModEntry {
        at,
        message_id: flag.message_id,
        sender: flag.sender,
        sender_name: flag.sender_name.clone(),
        category: flag.category.clone(),
        rule: flag.rule.clone(),
        action: "flagged".to_owned(),
        by: None,
        excerpt: None,
    };
    store.log_moderation(chat, &entry, Some(flag.excerpt.as_str())).await?;
    Ok(())
}

async fn delete_at_once(
    bot: &Bot,
    app: &App,
    msg: &Message,
    ctx: &GroupCtx,
    flag: Flag,
    m: &Match,
    _verdict: &Verdict,
) -> HandlerResult {
    let lang = ctx.lang();
    let chat = msg.chat.id;
    match app.call(None, || bot.delete_message(chat, msg.id).into_future()).await {
        Ok(_) => {}
        Err(send::Failure::MessageGone) if !can_delete(bot, chat.0).await => {
            return no_rights(bot, app, msg, ctx, flag, m).await;
        }
        Err(send::Failure::MessageGone) => return Ok(()), // someone was faster
        Err(send::Failure::NoRights) | Err(send::Failure::Forbidden) => {
            return no_rights(bot, app, msg, ctx, flag, m).await;
        }
        Err(e) => return Err(anyhow::anyhow!("deleteMessage failed: {e:?}")),
    }
    let mut flag = flag;
    flag.resolved = true;
    app.store.put_flag(chat.0, &flag).await?;
    log(app, chat.0, &flag, "auto_deleted", None, true).await?;
    let note = tr!(
        app.i18n,
        lang,
        "mod-auto-deleted",
        name = flag.sender_name.clone(),
        category = category_name(app, lang, m.category)
    );
    let _ = app.call(Some(chat.0), || bot.send_message(chat, note.clone()).into_future()).await;
    // Tell the sender privately why, in their own language, when they have started the bot.
    if let Some(user) = msg.from.as_ref().filter(|_| msg.sender_chat.is_none()) {
        let plang = Lang::from_telegram(user.language_code.as_deref()).unwrap_or(lang);
        let dm = tr!(app.i18n, plang, "mod-dm", group = ctx.group.title.clone(), details = card_text(app, plang, m));
        if let Err(e) = app.call(Some(user.id.0 as i64), || bot.send_message(user.id, dm.clone()).into_future()).await {
            tracing::debug!(error = ?e, "could not tell the sender privately (they have not started the bot)");
        }
    }
    Ok(())
}

/// Whether the bot may delete messages in `chat`, asked from Telegram.
async fn can_delete(bot: &Bot, chat: ChatKey) -> bool {
    let Ok(me) = send::call(|| bot.get_me().into_future()).await else { return false };
    match send::call(|| bot.get_chat_member(ChatId(chat), me.id).into_future()).await {
        Ok(member) => member.kind.is_owner() || member.kind.can_delete_messages(),
        Err(_) => false,
    }
}

/// Delete mode without the right to delete: fall back to a card, and tell the moderators once.
async fn no_rights(bot: &Bot, app: &App, msg: &Message, ctx: &GroupCtx, flag: Flag, m: &Match) -> HandlerResult {
    let chat = ctx.group.chat_id;
    if app.store.claim_once(&format!("needs-delete-right:{chat}"), Duration::from_secs(7 * 24 * 3600)).await? {
        let text = tr!(app.i18n, ctx.lang(), "mod-needs-rights");
        let _ = app.call(Some(chat), || bot.send_message(ChatId(chat), text.clone()).into_future()).await;
    }
    post_card(bot, app, msg, ctx, flag, m).await.map(|_| ())
}

async fn log(
    app: &App,
    chat: ChatKey,
    flag: &Flag,
    action: &str,
    by: Option<String>,
    with_excerpt: bool,
) -> anyhow::Result<()> {
    let entry = ModEntry {
        at: app.clock.now(),
        message_id: flag.message_id,
        sender: flag.sender,
        sender_name: flag.sender_name.clone(),
        category: flag.category.clone(),
        rule: flag.rule.clone(),
        action: action.to_owned(),
        by,
        excerpt: None,
    };
    app.store.log_moderation(chat, &entry, with_excerpt.then_some(flag.excerpt.as_str())).await?;
    Ok(())
}

/// A press on a card's button.
pub(super) async fn decide(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let Some(message) = q.message.as_ref() else { return Ok(()) };
    let chat = message.chat().id.0;
    let lang = app.group(chat).await?.map(|g| g.settings.lang).unwrap_or(app.defaults.lang);
    let data = q.data.as_deref().unwrap_or_default().strip_prefix(PREFIX).unwrap_or_default();
    let decided = match data.split_once(':').and_then(|(a, id)| Some((a, id.parse::<i32>().ok()?))) {
        Some(("d", target)) => apply_decision(&bot, &app, chat, target, true, &q.from).await?,
        Some(("n", target)) => apply_decision(&bot, &app, chat, target, false, &q.from).await?,
        _ => Decided::Expired,
    };
    let text = decided.answer(&app, lang);
    let _ = app.call(None, || bot.answer_callback_query(q.id.clone()).text(text.clone()).into_future()).await;
    Ok(())
}

/// What a moderator's decision came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    Done,
    NotAllowed,
    Expired,
    Already,
    NeedsRights,
}

impl Decided {
    pub fn answer(self, app: &App, lang: Lang) -> String {
        match self {
            Decided::Done => tr!(app.i18n, lang, "mod-done"),
            Decided::NotAllowed => tr!(app.i18n, lang, "mod-not-allowed"),
            Decided::Expired => tr!(app.i18n, lang, "mod-expired"),
            Decided::Already => tr!(app.i18n, lang, "mod-already"),
            Decided::NeedsRights => tr!(app.i18n, lang, "mod-needs-rights"),
        }
    }
}

/// "Delete" or "not a violation" on the flag of message `target`, by `who` — from a card's button or
/// from the dashboard, with the same effects: the message removed (or the allow-list taught), the
/// group's memory taught, the log written, the card edited to say who decided, warnings counted.
pub async fn apply_decision(
    bot: &Bot,
    app: &App,
    chat: ChatKey,
    target: i32,
    delete: bool,
    who: &teloxide::types::User,
) -> anyhow::Result<Decided> {
    let group = app.group(chat).await?;
    let lang = group.as_ref().map(|g| g.settings.lang).unwrap_or(app.defaults.lang);
    if !app.role_of_user(bot, chat, who.id.0).await?.moderates() {
        return Ok(Decided::NotAllowed);
    }
    let Some(mut flag) = app.store.flag(chat, target).await? else { return Ok(Decided::Expired) };
    if flag.resolved {
        return Ok(Decided::Already);
    }
    // Two moderators deciding at once (a card's button and the dashboard, say): one wins.
    let claim = format!("decide:{chat}:{target}");
    if !app.store.claim_once(&claim, std::time::Duration::from_secs(60)).await? {
        return Ok(Decided::Already);
    }
    let decided = decide_claimed(bot, app, chat, target, delete, who, &mut flag, group, lang).await;
    if !matches!(decided, Ok(Decided::Done)) {
        app.store.release_once(&claim).await?;
    }
    decided
}

#[allow(clippy::too_many_arguments)]
async fn decide_claimed(
    bot: &Bot,
    app: &App,
    chat: ChatKey,
    target: i32,
    delete: bool,
    who: &teloxide::types::User,
    flag: &mut crate::store::Flag,
    group: Option<Group>,
    lang: Lang,
) -> anyhow::Result<Decided> {
    let by = who.full_name();
    let category = Category::parse(&flag.category).map(|c| category_name(app, lang, c)).unwrap_or_default();
    let (card_text, action_name) = if delete {
        match app.call(None, || bot.delete_message(ChatId(chat), MessageId(target)).into_future()).await {
            Ok(_) | Err(send::Failure::MessageGone) => {}
            Err(send::Failure::NoRights) => return Ok(Decided::NeedsRights),
            Err(e) => return Err(anyhow::anyhow!("deleteMessage failed: {e:?}")),
        }
        learn(app, chat, flag, false).await?;
        (tr!(app.i18n, lang, "mod-card-deleted", by = by.clone(), category = category), "deleted")
    } else {
        app.store.allow(chat, flag.fingerprint).await?;
        learn(app, chat, flag, true).await?;
        (tr!(app.i18n, lang, "mod-card-allowed", by = by.clone()), "allowed")
    };
    flag.resolved = true;
    app.store.put_flag(chat, flag).await?;
    log(app, chat, flag, action_name, Some(by), false).await?;
    if let Some(card) = flag.card {
        // The edit drops the buttons; a card someone deleted meanwhile is fine to ignore.
        match app
            .call(Some(chat), || bot.edit_message_text(ChatId(chat), MessageId(card), card_text.clone()).into_future())
            .await
        {
            Ok(_) | Err(send::Failure::MessageGone) | Err(send::Failure::NotModified) => {}
            Err(e) => tracing::warn!(chat, error = ?e, "could not update the moderation card"),
        }
    }
    if action_name == "deleted"
        && let (Some(user), Some(limit)) = (flag.sender, group.and_then(|g| g.settings.warn_limit))
    {
        warn(bot, app, chat, lang, user, &flag.sender_name, limit).await?;
    }
    Ok(Decided::Done)
}

/// A moderator's decision becomes a sample of the group's memory (no text: the flag's n-gram buckets).
async fn learn(app: &App, chat: ChatKey, flag: &Flag, fine: bool) -> HandlerResult {
    if let Some(category) = Category::parse(&flag.category)
        && !flag.grams.is_empty()
    {
        let sample = crate::policy::GroupSample { category, fine, grams: flag.grams.clone() };
        app.store.add_sample(chat, &sample).await?;
    }
    app.moderation.forget_knowledge(chat);
    Ok(())
}

/// Counts a confirmed violation; at the limit, restricts the member for a day and tells moderators.
async fn warn(bot: &Bot, app: &App, chat: ChatKey, lang: Lang, user: UserKey, name: &str, limit: u32) -> HandlerResult {
    let n = app.store.add_warning(chat, user).await?;
    if n < u64::from(limit) {
        return Ok(());
    }
    if app.admins.is_admin(bot, chat, user).await {
        return Ok(()); // Telegram would refuse, and admins are not restricted by the bot
    }
    let until = chrono::Utc::now() + chrono::Duration::days(1);
    let result = app
        .call(None, || {
            bot.restrict_chat_member(ChatId(chat), UserId(user), ChatPermissions::empty())
                .until_date(until)
                .into_future()
        })
        .await;
    let text = match result {
        Ok(_) => {
            app.store.reset_warnings(chat, user).await?;
            tr!(app.i18n, lang, "mod-restricted", name = name.to_owned(), count = n as i64)
        }
        Err(e) => {
            tracing::info!(chat, error = ?e, "could not restrict a member");
            tr!(app.i18n, lang, "mod-restrict-failed", name = name.to_owned(), count = n as i64)
        }
    };
    let _ = app.call(Some(chat), || bot.send_message(ChatId(chat), text.clone()).into_future()).await;
    Ok(())
}

/// `/modlog`: the latest ten moderation events, for moderators.
pub(super) async fn modlog(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx) -> HandlerResult {
    let lang = ctx.lang();
    let entries = app.store.moderation_log(ctx.group.chat_id, 10).await?;
    if entries.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "modlog-empty")).await;
    }
    let tz = ctx.group.settings.zone();
    let mut quoted = std::collections::HashSet::new();
    let lines: Vec<String> = entries
        .iter()
        .map(|e| {
            let action = match e.action.as_str() {
                "flagged" => crate::key!("modlog-flagged"),
                "withdrawn" => crate::key!("modlog-withdrawn"),
                "auto_deleted" => crate::key!("modlog-auto-deleted"),
                "deleted" => crate::key!("modlog-deleted"),
                _ => crate::key!("modlog-allowed"),
            };
            let category = Category::parse(&e.category).map(|c| category_name(&app, lang, c)).unwrap_or_default();
            let mut line = format!(
                "• {} {} — {} — {}",
                e.at.with_timezone(&tz).format("%m-%d %H:%M"),
                e.sender_name,
                category,
                app.i18n.get(lang, action, None)
            );
            if let Some(by) = &e.by {
                line.push_str(&format!(" ({by})"));
            }
            if let Some(x) = e.excerpt.as_ref().filter(|_| quoted.insert(e.message_id)) {
                line.push_str(&format!("\n   “{x}”"));
            }
            line
        })
        .collect();
    let (mut text, more) = join_bounded(&lines, "\n", 3500);
    if more > 0 {
        text.push('\n');
        text.push_str(&tr!(app.i18n, lang, "list-more", more = more as i64));
    }
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "modlog", lines = text)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flood_reminds_once_per_window() {
        let s = ModState::default();
        let rule = FloodRule { max: 3, secs: 30 };
        let t0 = Instant::now();
        let hits: Vec<bool> = (0..8).map(|i| s.flooding(-1, 7, rule, t0 + Duration::from_secs(i))).collect();
        assert_eq!(hits, vec![false, false, false, true, false, false, false, false]);
        assert!(!s.flooding(-1, 8, rule, t0), "per member");
        // After a quiet spell the count starts again.
        let later = t0 + Duration::from_secs(200);
        let hits: Vec<bool> = (0..4).map(|i| s.flooding(-1, 7, rule, later + Duration::from_secs(i))).collect();
        assert_eq!(hits, vec![false, false, false, true]);
    }
}
