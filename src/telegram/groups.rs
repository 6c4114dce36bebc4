//! Knowing the groups: joining (greet once), leaving (inactive), upgrades to supergroups (state moves
//! along), and the roster of members the bot has seen.

use super::*;
use teloxide::types::{ChatMemberUpdated, User};

pub(super) fn member_of(user: &User) -> Member {
    let mut name = user.first_name.clone();
    if let Some(last) = &user.last_name {
        name.push(' ');
        name.push_str(last);
    }
    Member { user_id: user.id.0, name, username: user.username.clone(), lang: user.language_code.clone() }
}

fn chat_title(chat: &teloxide::types::Chat) -> String {
    chat.title().unwrap_or_default().chars().take(128).collect()
}

/// Loads the group for a message, creating (and greeting) it on first sight, and notes the sender.
/// `None` (the message is dropped) only when the store is unreachable.
pub(super) async fn learn_from_message(bot: Bot, app: Arc<App>, msg: Message) -> Option<GroupCtx> {
    let result: anyhow::Result<GroupCtx> = async {
        // The first message of an upgraded supergroup names the old group: move its state before
        // anything could create a fresh record (and greet a second time).
        if let Some(old) = msg.migrate_from_chat_id() {
            app.store.migrate_group(old.0, msg.chat.id.0).await?;
            app.forget_group(old.0);
            app.forget_group(msg.chat.id.0);
        }
        let group = ensure_group(&bot, &app, &msg.chat).await?;
        let person = msg.from.as_ref().filter(|u| !u.is_bot && !super::roles::is_service_account(u.id.0));
        if let Some(user) = person.filter(|_| msg.sender_chat.is_none()) {
            app.remember_member(group.chat_id, member_of(user)).await?;
        }
        for user in msg.new_chat_members().unwrap_or_default().iter().filter(|u| !u.is_bot) {
            app.remember_member(group.chat_id, member_of(user)).await?;
        }
        Ok(GroupCtx { group })
    }
    .await;
    match result {
        Ok(ctx) => Some(ctx),
        Err(e) => {
            // The store is away: go on with the last known settings, or the defaults, so that
            // moderation never stops (commands that need the store will say "try again").
            crate::metrics::redis_error();
            let group = app
                .cached_group(msg.chat.id.0)
                .unwrap_or_else(|| Group::new(msg.chat.id.0, &chat_title(&msg.chat), app.default_settings()));
            tracing::warn!(chat = msg.chat.id.0, error = %e, "could not load the group; going on with what is known");
            Some(GroupCtx { group })
        }
    }
}

/// The stored group, created with defaults if new and reactivated if it was marked gone; greets once.
async fn ensure_group(bot: &Bot, app: &App, chat: &teloxide::types::Chat) -> anyhow::Result<Group> {
    let mut group = match app.group(chat.id.0).await? {
        Some(g) if g.active => return Ok(g),
        Some(mut g) => {
            g.active = true;
            g
        }
        None => Group::new(chat.id.0, &chat_title(chat), app.default_settings()),
    };
    group.joined_at = Some(app.clock.now());
    // Stored as greeted before greeting: at most one greeting, even if we crash right after.
    let greet_now = !group.greeted;
    group.greeted = true;
    app.save_group(&group).await?;
    if greet_now {
        greet(bot, app, &group).await;
        learn_admins(bot, app, group.chat_id).await;
    }
    app.lessons.changed.notify_one();
    tracing::info!(chat = group.chat_id, "group is active");
    Ok(group)
}

async fn greet(bot: &Bot, app: &App, group: &Group) {
    let text = tr!(app.i18n, group.settings.lang, "greeting");
    let chat = ChatId(group.chat_id);
    if let Err(e) = app.call(Some(group.chat_id), || bot.send_message(chat, text.clone()).into_future()).await {
        tracing::warn!(chat = group.chat_id, error = ?e, "could not post the greeting");
    }
}

/// Asks Telegram once who administers a group the bot just joined, so that `/broadcast` finds the
/// group for its teachers without asking again.
async fn learn_admins(bot: &Bot, app: &App, chat: ChatKey) {
    match app.call(None, || bot.get_chat_administrators(ChatId(chat)).into_future()).await {
        Ok(admins) => {
            for a in admins.iter().filter(|a| !a.user.is_bot) {
                app.admins.record(chat, a.user.id.0, true).await;
            }
        }
        Err(e) => tracing::debug!(chat, error = ?e, "could not list the group's administrators"),
    }
}

/// `my_chat_member`: the bot was added to or removed from a group.
pub(super) async fn bot_membership_changed(bot: Bot, app: Arc<App>, upd: ChatMemberUpdated) -> HandlerResult {
    if !(upd.chat.is_group() || upd.chat.is_supergroup()) {
        return Ok(());
    }
    let chat = upd.chat.id.0;
    if upd.new_chat_member.kind.is_present() {
        // Added (or promoted): make sure we know the group and greet if we never did.
        ensure_group(&bot, &app, &upd.chat).await?;
        if !upd.from.is_bot {
            app.remember_member(chat, member_of(&upd.from)).await?;
        }
    } else {
        mark_inactive(&app, chat).await?;
    }
    Ok(())
}

/// Marks a group the bot can no longer post in (removed, or 403 from Telegram).
pub async fn mark_inactive(app: &App, chat: ChatKey) -> anyhow::Result<()> {
    if let Some(mut g) = app.group(chat).await?
        && g.active
    {
        g.active = false;
        app.save_group(&g).await?;
        tracing::info!(chat, "bot is no longer in the group; marked inactive");
    }
    app.admins.forget_chat(chat);
    Ok(())
}

/// `chat_member`: someone's status changed; keeps the admin cache exact and the roster current.
pub(super) async fn member_status_changed(app: Arc<App>, upd: ChatMemberUpdated) -> HandlerResult {
    let user = &upd.new_chat_member.user;
    let kind = &upd.new_chat_member.kind;
    app.admins.record(upd.chat.id.0, user.id.0, kind.is_owner() || kind.is_administrator()).await;
    if kind.is_present() && !user.is_bot {
        app.remember_member(upd.chat.id.0, member_of(user)).await?;
    } else if !kind.is_present() {
        app.member_left(upd.chat.id.0, user.id.0).await?;
    }
    Ok(())
}

/// A group became a supergroup: everything moves to the new chat id.
pub(super) async fn migrated(app: Arc<App>, msg: Message, to: ChatId) -> HandlerResult {
    let from = msg.chat.id.0;
    app.store.migrate_group(from, to.0).await?;
    app.forget_group(from);
    app.forget_group(to.0);
    app.admins.forget_chat(from);
    app.forget_seen_chat(from);
    tracing::info!(from, to = to.0, "group migrated to a supergroup; state moved");
    Ok(())
}
