//! `/help`, `/start` and the command menu. One table lists every command with who may use it, so the
//! role-aware help and the menu registered with Telegram cannot disagree.

use super::commands::{CommandFuture, CommandSpec, GROUP_COMMANDS, GroupCall, PRIVATE_COMMANDS, PrivateCall};
use super::*;
use teloxide::types::{BotCommand, BotCommandScope};

pub fn role_name(app: &App, lang: Lang, role: Role) -> String {
    let key = match role {
        Role::Admin => crate::key!("role-name-admin"),
        Role::Teacher => crate::key!("role-name-teacher"),
        Role::Committee => crate::key!("role-name-committee"),
        Role::Parent => crate::key!("role-name-parent"),
    };
    app.i18n.get(lang, key, None)
}

fn command_lines<C>(app: &App, lang: Lang, specs: &[CommandSpec<C>], role: Role) -> String {
    specs
        .iter()
        .filter(|c| c.who.allows(role))
        .map(|c| format!("/{} — {}", c.name, app.i18n.get(lang, c.desc, None)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `/help` in a group: the commands this caller may use. (Returns a boxed future, not an `async fn`:
/// it reads the command table, which in turn names it.)
pub(super) fn group_help(c: GroupCall) -> CommandFuture {
    let GroupCall { bot, app, msg, ctx, role, .. } = c;
    let lang = ctx.lang();
    let text = tr!(
        app.i18n,
        lang,
        "help-group",
        role = role_name(&app, lang, role),
        commands = command_lines(&app, lang, GROUP_COMMANDS, role)
    );
    Box::pin(async move { reply(&bot, &app, &msg, text).await })
}

/// `/help` in a private chat (and `/start` without a link's payload).
pub(super) fn private_help(c: PrivateCall) -> CommandFuture {
    let PrivateCall { bot, app, msg, lang, .. } = c;
    let text =
        tr!(app.i18n, lang, "help-private", commands = command_lines(&app, lang, PRIVATE_COMMANDS, Role::Parent));
    Box::pin(async move { reply(&bot, &app, &msg, text).await })
}

/// Any other command in a private chat.
pub(super) async fn private_unknown(bot: Bot, app: Arc<App>, msg: Message) -> HandlerResult {
    let lang = private_lang(&app, &msg).await;
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "unknown-command")).await
}

/// Registers the command menu with Telegram, in both languages, for groups and private chats.
pub async fn register_commands(bot: &Bot, i18n: &crate::i18n::I18n) -> anyhow::Result<()> {
    let menu = |lang: Lang, specs: &[(&'static str, &'static str)]| -> Vec<BotCommand> {
        specs.iter().map(|(name, desc)| BotCommand::new(*name, i18n.get(lang, desc, None))).collect()
    };
    let group: Vec<_> = GROUP_COMMANDS.iter().map(|c| (c.name, c.desc)).collect();
    let private: Vec<_> = PRIVATE_COMMANDS.iter().map(|c| (c.name, c.desc)).collect();
    for (scope, specs) in [(BotCommandScope::AllGroupChats, &group), (BotCommandScope::AllPrivateChats, &private)] {
        // No language code: everyone whose language has no list of its own, i.e. the zh-CN default.
        for (code, lang) in [(None, Lang::ZhCn), (Some("zh"), Lang::ZhCn), (Some("en"), Lang::En)] {
            let commands = menu(lang, specs);
            send::call(|| {
                let mut req = bot.set_my_commands(commands.clone()).scope(scope.clone());
                if let Some(code) = code {
                    req = req.language_code(code);
                }
                req.into_future()
            })
            .await
            .map_err(|e| anyhow::anyhow!("setMyCommands failed: {e:?}"))?;
        }
    }
    Ok(())
}
