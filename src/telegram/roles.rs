//! `/role`: list roles, or set a member's role by replying to their message or naming `@username`.

use super::*;

enum Target {
    User(Member),
    NotSeen(String),
    Bot,
}

pub(super) async fn role(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx, cmd: Cmd) -> HandlerResult {
    let lang = ctx.lang();
    let chat = ctx.group.chat_id;
    if cmd.args.chars().count() > command::MAX_ARGS {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "args-too-long", max = command::MAX_ARGS)).await;
    }
    let words = cmd.words();
    // In forum groups every message "replies" to its topic's opening service message: not a target.
    let reply_target =
        msg.reply_to_message().filter(|r| r.forum_topic_created().is_none()).and_then(|r| r.from.as_ref());
    if words.is_empty() && reply_target.is_none() {
        return list_roles(&bot, &app, &msg, lang, chat).await;
    }
    let (role_word, username) = match words.as_slice() {
        [r] => (*r, None),
        [r, u] if u.starts_with('@') => (*r, Some(*u)),
        [u, r] if u.starts_with('@') => (*r, Some(*u)),
        _ => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-usage")).await,
    };
    let Some(new_role) = Role::parse_assignable(role_word) else {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-unknown", given = truncate(role_word, 32))).await;
    };
    let target = match (username, reply_target) {
        (Some(u), _) => match app.store.member_by_username(chat, u).await? {
            Some(m) => Target::User(m),
            None => Target::NotSeen(truncate(u, 40)),
        },
        (None, Some(user)) if user.is_bot || is_service_account(user.id.0) => Target::Bot,
        (None, Some(user)) => {
            let m = super::groups::member_of(user);
            app.remember_member(chat, m.clone()).await?;
            Target::User(m)
        }
        (None, None) => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-usage")).await,
    };
    let member = match target {
        Target::User(m) => m,
        Target::NotSeen(u) => {
            return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-unknown-user", username = u)).await;
        }
        Target::Bot => return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-not-bots")).await,
    };
    if app.admins.is_admin(&bot, chat, member.user_id).await {
        return reply(&bot, &app, &msg, tr!(app.i18n, lang, "role-is-admin", name = member.name.clone())).await;
    }
    app.store.set_role(chat, member.user_id, new_role).await?;
    tracing::info!(chat, user = member.user_id, role = new_role.as_str(), "role set");
    let text =
        tr!(app.i18n, lang, "role-set", name = member.name.clone(), role = help::role_name(&app, lang, new_role));
    reply(&bot, &app, &msg, text).await
}

async fn list_roles(bot: &Bot, app: &App, msg: &Message, lang: Lang, chat: ChatKey) -> HandlerResult {
    let mut lines = Vec::new();
    if let Ok(admins) = app.call(None, || bot.get_chat_administrators(ChatId(chat)).into_future()).await {
        for a in admins.iter().filter(|a| !a.user.is_bot) {
            app.admins.record(chat, a.user.id.0, true).await;
            lines.push(format!("• {} — {}", a.user.full_name(), help::role_name(app, lang, Role::Admin)));
        }
    }
    for (user, role) in app.store.roles(chat).await? {
        let name = match app.store.member(chat, user).await? {
            Some(m) => m.name,
            None => user.to_string(),
        };
        lines.push(format!("• {} — {}", name, help::role_name(app, lang, role)));
    }
    let text = if lines.is_empty() {
        tr!(app.i18n, lang, "role-list-empty")
    } else {
        let (mut roles, more) = join_bounded(&lines, "\n", 3500);
        if more > 0 {
            roles.push('\n');
            roles.push_str(&tr!(app.i18n, lang, "list-more", more = more as i64));
        }
        tr!(app.i18n, lang, "role-list", roles = roles)
    };
    reply(bot, app, msg, text).await
}

/// Telegram's own senders: "Telegram" (channel auto-forwards), the anonymous admin, channel posts.
pub fn is_service_account(user: u64) -> bool {
    matches!(user, 777000 | GROUP_ANONYMOUS_BOT | 136817688)
}

/// At most `max` characters of user input, for echoing it back.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { s.chars().take(max).chain(['…']).collect() }
}
