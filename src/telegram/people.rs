//! A parent's own side of the bot, in the private chat and under reminders: the daily check-in button
//! (counted once per person and day, answered privately, the reminder showing only a count), `/me`
//! (their own week), a notice received privately through its `t.me` link (with its acknowledge
//! button), their own settings and reminders, and `/forgetme`.

use super::commands::PrivateCall;
use super::notices;
use super::*;
use crate::content::ReminderKind;
use crate::jobs::reminders::{CHECKIN_PREFIX, checkin_button};
use crate::store::Profile;
use chrono::NaiveDate;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

/// Callback data of the acknowledge button on a notice sent privately: `pa:<chat>:<notice>`.
pub const PRIVATE_ACK: &str = "pa:";

/// The `t.me` link that opens the private chat and delivers a notice there: `?start=n<chat>_<id>`.
pub fn notice_link(app: &App, chat: ChatKey, id: &str) -> Option<String> {
    app.username.get().map(|bot| format!("https://t.me/{bot}?start=n{chat}_{id}"))
}

/// The zone and language of a chat where a check-in button sits (a group, or a parent's private
/// chat with private reminders).
async fn chat_zone_lang(
    app: &App,
    chat: ChatKey,
    user: &teloxide::types::User,
) -> anyhow::Result<(chrono_tz::Tz, Lang)> {
    let default_tz = crate::model::parse_tz(&app.defaults.tz).unwrap_or(chrono_tz::Asia::Shanghai);
    if chat < 0 {
        let g = app.group(chat).await?;
        Ok(g.map(|g| (g.settings.zone(), g.settings.lang)).unwrap_or((default_tz, app.defaults.lang)))
    } else {
        let p = app.store.profile(user.id.0).await?.unwrap_or_default();
        let tz = p.tz.as_deref().and_then(crate::model::parse_tz).unwrap_or(default_tz);
        Ok((tz, p.lang.unwrap_or_else(|| telegram_lang(app, Some(user)))))
    }
}

/// A press on a reminder's "✅ done today": counted once per person, kind and day, answered only to
/// the presser; the button shows the day's count.
pub(super) async fn checkin(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let data = q.data.as_deref().unwrap_or_default().trim_start_matches(CHECKIN_PREFIX).to_owned();
    let parsed = data
        .split_once(':')
        .and_then(|(k, d)| Some((ReminderKind::parse(k)?, NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?)));
    let (Some(message), Some((kind, date))) = (q.message.as_ref(), parsed) else {
        return answer(&bot, &app, &q, String::new()).await;
    };
    if !button_is_on_message(&q) {
        return answer(&bot, &app, &q, String::new()).await;
    }
    let chat = message.chat().id.0;
    let (tz, lang) = chat_zone_lang(&app, chat, &q.from).await?;
    let today = crate::schedule::local_date(tz, app.clock.now());
    let text = if date != today {
        tr!(app.i18n, lang, "checkin-other-day", date = date.format("%m-%d").to_string())
    } else {
        match app.store.check_in(chat, q.from.id.0, kind.as_str(), date).await? {
            Some(n) => {
                let message_id = message.id().0;
                notices::refresh_markup(
                    &bot,
                    &app,
                    chat,
                    format!("ck:{message_id}"),
                    Arc::new(move |app: Arc<App>| {
                        Box::pin(async move {
                            let counts = app.store.checkin_counts(chat, date, date).await?;
                            let n = counts.iter().find(|(_, k, _)| k == kind.as_str()).map_or(0, |(_, _, n)| *n);
                            let button = checkin_button(&app.i18n, lang, kind, date, n);
                            let markup =
                                InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(button.0, button.1)]]);
                            Ok(Some((message_id, n as usize, markup)))
                        })
                    }),
                );
                crate::metrics::checked_in();
                tr!(app.i18n, lang, "checkin-counted", count = n as i64)
            }
            None => tr!(app.i18n, lang, "checkin-already"),
        }
    };
    answer(&bot, &app, &q, text).await
}

/// Answers a button press (a toast only the presser sees).
pub(super) async fn answer(bot: &Bot, app: &App, q: &CallbackQuery, text: String) -> HandlerResult {
    let _ = app
        .call(None, || {
            let mut req = bot.answer_callback_query(q.id.clone());
            if !text.is_empty() {
                req = req.text(crate::telegram::roles::truncate(&text, 190));
            }
            req.into_future()
        })
        .await;
    Ok(())
}

/// `/me`: the parent's own check-ins over the last seven days (their groups and private reminders).
pub(super) async fn me(c: PrivateCall) -> HandlerResult {
    let PrivateCall { bot, app, msg, lang, user, .. } = c;
    let (tz, _) = chat_zone_lang(&app, user.id.0 as i64, &user).await?;
    let today = crate::schedule::local_date(tz, app.clock.now());
    let from = today - chrono::Days::new(6);
    let mine = app.store.user_checkins(user.id.0, from, today).await?;
    if mine.is_empty() {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "me-none")).await;
    }
    let mut lines = Vec::new();
    for kind in ReminderKind::ALL {
        let days: std::collections::BTreeSet<NaiveDate> =
            mine.iter().filter(|(_, _, k)| k == kind.as_str()).map(|(d, _, _)| *d).collect();
        if days.is_empty() {
            continue;
        }
        let marks: String = from.iter_days().take(7).map(|d| if days.contains(&d) { '✅' } else { '·' }).collect();
        let name = app.i18n.get(lang, kind.name_key(), None);
        lines.push(tr!(app.i18n, lang, "me-line", kind = name, marks = marks, days = days.len() as i64));
    }
    let text = tr!(
        app.i18n,
        lang,
        "me-week",
        from = from.format("%m-%d").to_string(),
        to = today.format("%m-%d").to_string(),
        lines = lines.join("\n")
    );
    reply(&bot, &app, &msg, text).await
}

/// `/start [payload]` in private: records that the person opened the chat (done for every private
/// command), then follows a notice's link (`n<chat>_<id>`) or an "ask the teacher" link (`q<chat>`).
pub(super) async fn start(c: PrivateCall) -> HandlerResult {
    let payload = c.cmd.args.trim().to_owned();
    if let Some(rest) = payload.strip_prefix('n')
        && let Some((chat, id)) = rest.split_once('_')
        && let Ok(chat) = chat.parse::<ChatKey>()
        && !id.is_empty()
        && id.len() <= 24
        && id.chars().all(|ch| ch.is_ascii_alphanumeric())
    {
        return send_notice(&c.bot, &c.app, c.user.id.0, c.lang, chat, id).await;
    }
    if let Some(chat) = payload.strip_prefix('q').and_then(|s| s.parse::<ChatKey>().ok()) {
        return super::ask::begin(&c.bot, &c.app, &c.user, c.lang, chat).await;
    }
    (super::help::private_help)(c).await
}

/// Whether `user` belongs to group `chat`: seen there (or given a role), and still a member as
/// Telegram answers now (someone who left must not keep reading the group's notices privately).
/// When Telegram cannot be asked, the roster decides.
pub(super) async fn belongs(app: &App, bot: &Bot, chat: ChatKey, user: UserKey) -> anyhow::Result<bool> {
    if chat >= 0 || (app.store.member(chat, user).await?.is_none() && app.store.role(chat, user).await?.is_none()) {
        return Ok(false);
    }
    let asked = app.call(None, || bot.get_chat_member(ChatId(chat), teloxide::types::UserId(user)).into_future()).await;
    match asked {
        Ok(m) if m.kind.is_present() => Ok(true),
        Ok(_) => {
            app.member_left(chat, user).await?;
            Ok(false)
        }
        Err(send::Failure::Forbidden) => Ok(false),
        Err(e) => {
            tracing::debug!(chat, error = ?e, "getChatMember failed; the roster decides");
            Ok(true)
        }
    }
}

/// Whether a pressed button is really on the message it came from (a modified client can send any
/// callback data against any of the bot's messages).
pub(super) fn button_is_on_message(q: &CallbackQuery) -> bool {
    let Some(data) = q.data.as_deref() else { return false };
    let Some(markup) = q.message.as_ref().and_then(|m| m.regular_message()).and_then(|m| m.reply_markup()) else {
        return false;
    };
    markup.inline_keyboard.iter().flatten().any(|b| match &b.kind {
        teloxide::types::InlineKeyboardButtonKind::CallbackData(d) => d == data,
        _ => false,
    })
}

/// Sends a group's notice to a member privately (a copy of the group's post) with its acknowledge
/// button and "ask the teacher".
async fn send_notice(bot: &Bot, app: &App, user: UserKey, lang: Lang, chat: ChatKey, id: &str) -> HandlerResult {
    let to = ChatId(user as i64);
    let say = |text: String| async move {
        let _ = app.call(Some(to.0), || bot.send_message(to, text.clone()).into_future()).await;
        Ok(())
    };
    if !belongs(app, bot, chat, user).await? {
        return say(tr!(app.i18n, lang, "link-not-member")).await;
    }
    let Some(notice) = app.store.notice(chat, id).await? else {
        return say(tr!(app.i18n, lang, "notice-expired")).await;
    };
    let Some(message_id) = notice.message_id else {
        return say(tr!(app.i18n, lang, "notice-expired")).await;
    };
    let acked = app.store.acks(chat, id).await?.contains(&user);
    let markup = crate::jobs::outbox::keyboard(&private_notice_buttons(app, lang, chat, id, acked));
    match app
        .call(Some(to.0), || {
            bot.copy_message(to, ChatId(chat), MessageId(message_id)).reply_markup(markup.clone()).into_future()
        })
        .await
    {
        Ok(_) => Ok(()),
        Err(send::Failure::MessageGone) => say(tr!(app.i18n, lang, "notice-expired")).await,
        Err(e) => Err(anyhow::anyhow!("copyMessage failed: {e:?}")),
    }
}

/// The buttons of a notice sent privately: acknowledge (unless done), ask the teacher.
pub(super) fn private_notice_buttons(
    app: &App,
    lang: Lang,
    chat: ChatKey,
    id: &str,
    acked: bool,
) -> Vec<Vec<(String, String)>> {
    let mut rows = Vec::new();
    if !acked {
        rows.push(vec![(tr!(app.i18n, lang, "notice-btn-private"), format!("{PRIVATE_ACK}{chat}:{id}"))]);
    }
    rows.push(vec![(tr!(app.i18n, lang, "ask-btn"), format!("{}{chat}", super::ask::ASK_GROUP))]);
    rows
}

/// A press on the acknowledge button of a notice received privately.
pub(super) async fn private_ack(bot: Bot, app: Arc<App>, q: CallbackQuery) -> HandlerResult {
    let lang = user_lang(&app, &q.from).await;
    let data = q.data.as_deref().unwrap_or_default().trim_start_matches(PRIVATE_ACK);
    let Some((chat, id)) = data.split_once(':').and_then(|(c, id)| Some((c.parse::<ChatKey>().ok()?, id.to_owned())))
    else {
        return answer(&bot, &app, &q, String::new()).await;
    };
    let user = q.from.id.0;
    let private = q.message.as_ref().is_some_and(|m| m.chat().is_private());
    if !private || !button_is_on_message(&q) {
        return answer(&bot, &app, &q, String::new()).await;
    }
    if !belongs(&app, &bot, chat, user).await? {
        return answer(&bot, &app, &q, tr!(app.i18n, lang, "link-not-member")).await;
    }
    let text = match app.store.notice(chat, &id).await? {
        None => tr!(app.i18n, lang, "notice-expired"),
        Some(_) if app.store.ack(chat, &id, user).await? => {
            crate::metrics::acked();
            let glang = app.group(chat).await?.map(|g| g.settings.lang).unwrap_or(app.defaults.lang);
            notices::refresh_count(&bot, &app, chat, glang, &id);
            // The button goes; "ask the teacher" stays.
            if let Some(m) = q.message.as_ref() {
                let markup = crate::jobs::outbox::keyboard(&private_notice_buttons(&app, lang, chat, &id, true));
                let (pc, mid) = (m.chat().id, m.id());
                let _ = app
                    .call(Some(pc.0), || {
                        bot.edit_message_reply_markup(pc, mid).reply_markup(markup.clone()).into_future()
                    })
                    .await;
            }
            tr!(app.i18n, lang, "notice-acked")
        }
        Some(_) => tr!(app.i18n, lang, "notice-already"),
    };
    answer(&bot, &app, &q, text).await
}

/// `/settings` in private: the person's language, zone and child's grade band.
pub(super) async fn settings(c: PrivateCall) -> HandlerResult {
    let PrivateCall { bot, app, msg, cmd, user, lang } = c;
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let mut profile = app.store.profile(user.id.0).await?.unwrap_or_default();
    let words = cmd.words();
    let show = |app: &App, p: &Profile, lang: Lang| {
        let off = tr!(app.i18n, lang, "psettings-auto");
        tr!(
            app.i18n,
            lang,
            "psettings-show",
            lang = p.lang.map(|l| l.code().to_owned()).unwrap_or_else(|| off.clone()),
            tz = p.tz.clone().unwrap_or_else(|| format!("{} ({})", app.defaults.tz, off)),
            grade = p.grade.map(|g| super::settings::grade_name(app, lang, g)).unwrap_or_else(|| off.clone())
        )
    };
    let (key, value) = match words.as_slice() {
        [] => return reply(&bot, &app, &msg, show(&app, &profile, lang)).await,
        [key, value] => (key.to_ascii_lowercase(), *value),
        _ => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "psettings-usage")).await,
    };
    let shown = crate::telegram::roles::truncate(value, 40);
    let bad = |key: &'static str| {
        let mut args = crate::i18n::FluentArgs::new();
        args.set("given", shown.clone());
        app.i18n.get(lang, key, Some(&args))
    };
    match key.as_str() {
        "lang" | "language" => match Lang::parse(value) {
            Some(l) => profile.lang = Some(l),
            None => return reply(&bot, &app, &msg, bad(crate::key!("settings-bad-lang"))).await,
        },
        "tz" | "timezone" | "zone" => match crate::model::parse_tz(value) {
            Some(z) => profile.tz = Some(z.name().to_owned()),
            None => return reply(&bot, &app, &msg, bad(crate::key!("settings-bad-tz"))).await,
        },
        "grade" => match crate::model::Grade::parse(value) {
            Some(g) => {
                profile.grade = Some(g);
                // Private lessons follow the grade band.
                if let Some(mut sub) = app.store.subscription(user.id.0).await? {
                    sub.grade = g;
                    app.store.set_subscription(user.id.0, Some(&sub)).await?;
                }
            }
            None => return reply(&bot, &app, &msg, bad(crate::key!("settings-bad-grade"))).await,
        },
        _ => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "psettings-usage")).await,
    }
    app.store.put_profile(user.id.0, &profile).await?;
    app.reminders.changed.notify_one();
    app.lessons.changed.notify_one();
    let lang = profile.lang.unwrap_or(lang);
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "settings-saved", settings = show(&app, &profile, lang))).await
}

/// `/remind` in private: the parent's own daily reminders, at their time and zone.
pub(super) async fn remind(c: PrivateCall) -> HandlerResult {
    use super::reminders::{RemindArgs, lines, parse_remind};
    let PrivateCall { bot, app, msg, cmd, user, lang } = c;
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let mut profile = app.store.profile(user.id.0).await?.unwrap_or_default();
    let tz = profile.tz.clone().unwrap_or_else(|| app.defaults.tz.clone());
    let list = |app: &App, p: &Profile| {
        let l = lines(app, lang, &p.reminders);
        if l.is_empty() {
            tr!(app.i18n, lang, "premind-none")
        } else {
            tr!(app.i18n, lang, "premind-list", lines = l.join("\n"), tz = tz.clone())
        }
    };
    match parse_remind(&app, lang, &cmd.words(), profile.grade.unwrap_or_default()) {
        RemindArgs::List => reply(&bot, &app, &msg, list(&app, &profile)).await,
        RemindArgs::Invalid(answer) => reply(&bot, &app, &msg, answer).await,
        RemindArgs::Set(kind, at) => {
            match at {
                Some(t) => profile.reminders.insert(kind.as_str().to_owned(), t),
                None => profile.reminders.remove(kind.as_str()),
            };
            profile.started = true;
            app.store.put_profile(user.id.0, &profile).await?;
            app.reminders.changed.notify_one();
            reply(&bot, &app, &msg, tr!(app.i18n, lang, "remind-saved", list = list(&app, &profile))).await
        }
    }
}

/// `/forgetme`: deletes what the bot keeps about the person, and says what.
pub(super) async fn forget_me(c: PrivateCall) -> HandlerResult {
    let PrivateCall { bot, app, msg, user, lang, .. } = c;
    let report = app.store.forget_user(user.id.0).await?;
    let n = |what: &str| report.iter().find(|(w, _)| *w == what).map_or(0, |(_, n)| *n as i64);
    tracing::info!("a person asked to be forgotten");
    let text = tr!(
        app.i18n,
        lang,
        "forgetme-done",
        profile = n("profile"),
        subscription = n("subscription"),
        rosters = n("rosters"),
        roles = n("roles"),
        acks = n("acks"),
        checkins = n("checkins"),
        asks = n("asks"),
        moderation = n("moderation")
    );
    reply(&bot, &app, &msg, text).await
}

/// Records that a person opened the private chat (so the bot may write to them).
pub(super) async fn mark_started(app: &App, user: UserKey) -> anyhow::Result<Option<Profile>> {
    let profile = app.store.profile(user).await?;
    if profile.as_ref().is_none_or(|p| !p.started) {
        let mut p = profile.clone().unwrap_or_default();
        p.started = true;
        app.store.put_profile(user, &p).await?;
        return Ok(Some(p));
    }
    Ok(profile)
}

/// `/dashboard`: a button that opens the Mini App (`JIAXIAO_PUBLIC_URL`), or what to set.
pub(super) async fn dashboard(c: PrivateCall) -> HandlerResult {
    let PrivateCall { bot, app, msg, lang, .. } = c;
    let Some(url) = app.public_url.get().cloned() else {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "dashboard-not-configured")).await;
    };
    let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::web_app(
        tr!(app.i18n, lang, "dashboard-btn"),
        teloxide::types::WebAppInfo { url },
    )]]);
    let (to, text) = (msg.chat.id, tr!(app.i18n, lang, "dashboard-open"));
    app.call(Some(to.0), || bot.send_message(to, text.clone()).reply_markup(markup.clone()).into_future())
        .await
        .map_err(|e| anyhow::anyhow!("sendMessage failed: {e:?}"))?;
    Ok(())
}
