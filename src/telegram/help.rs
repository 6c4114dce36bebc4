//! `/help`, `/start` and the command menu. One table lists every command with who may use it, so the
//! role-aware help and the menu registered with Telegram cannot disagree.

use super::*;
use teloxide::types::{BotCommand, BotCommandScope};

/// Who may use a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Anyone,
    /// admin, teacher, committee
    Moderators,
    /// admin, teacher
    Managers,
}

impl Who {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Who::Anyone => true,
            Who::Moderators => role.moderates(),
            Who::Managers => role.manages(),
        }
    }
}

pub struct CommandSpec {
    pub name: &'static str,
    pub who: Who,
    /// Locale key of the one-line description.
    pub desc: &'static str,
}

pub const GROUP_COMMANDS: &[CommandSpec] = &[
    CommandSpec { name: "help", who: Who::Anyone, desc: crate::key!("cmd-help") },
    CommandSpec { name: "role", who: Who::Managers, desc: crate::key!("cmd-role") },
    CommandSpec { name: "settings", who: Who::Managers, desc: crate::key!("cmd-settings") },
    CommandSpec { name: "lesson", who: Who::Managers, desc: crate::key!("cmd-lesson") },
    CommandSpec { name: "lessons", who: Who::Managers, desc: crate::key!("cmd-lessons") },
    CommandSpec { name: "notice", who: Who::Moderators, desc: crate::key!("cmd-notice") },
    CommandSpec { name: "remind", who: Who::Managers, desc: crate::key!("cmd-remind") },
    CommandSpec { name: "status", who: Who::Moderators, desc: crate::key!("cmd-status") },
    CommandSpec { name: "modlog", who: Who::Moderators, desc: crate::key!("cmd-modlog") },
];

pub const PRIVATE_COMMANDS: &[CommandSpec] = &[
    CommandSpec { name: "start", who: Who::Anyone, desc: crate::key!("cmd-start") },
    CommandSpec { name: "help", who: Who::Anyone, desc: crate::key!("cmd-help") },
    CommandSpec { name: "lesson", who: Who::Anyone, desc: crate::key!("cmd-lesson-private") },
    CommandSpec { name: "subscribe", who: Who::Anyone, desc: crate::key!("cmd-subscribe") },
    CommandSpec { name: "unsubscribe", who: Who::Anyone, desc: crate::key!("cmd-unsubscribe") },
    CommandSpec { name: "broadcast", who: Who::Anyone, desc: crate::key!("cmd-broadcast") },
];

pub fn role_name(app: &App, lang: Lang, role: Role) -> String {
    let key = match role {
        Role::Admin => crate::key!("role-name-admin"),
        Role::Teacher => crate::key!("role-name-teacher"),
        Role::Committee => crate::key!("role-name-committee"),
        Role::Parent => crate::key!("role-name-parent"),
    };
    app.i18n.get(lang, key, None)
}

fn command_lines(app: &App, lang: Lang, specs: &[CommandSpec], role: Role) -> String {
    specs
        .iter()
        .filter(|c| c.who.allows(role))
        .map(|c| format!("/{} — {}", c.name, app.i18n.get(lang, c.desc, None)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `/help` in a group: the commands this caller may use.
pub(super) async fn group_help(bot: Bot, app: Arc<App>, msg: Message, ctx: GroupCtx) -> HandlerResult {
    let lang = ctx.lang();
    let role = app.role_of(&bot, &msg).await?;
    let text = tr!(
        app.i18n,
        lang,
        "help-group",
        role = role_name(&app, lang, role),
        commands = command_lines(&app, lang, GROUP_COMMANDS, role)
    );
    reply(&bot, &app, &msg, text).await
}

/// `/start` and `/help` in a private chat.
pub(super) async fn private_start(bot: Bot, app: Arc<App>, msg: Message) -> HandlerResult {
    let lang = private_lang(&app, &msg);
    let text =
        tr!(app.i18n, lang, "help-private", commands = command_lines(&app, lang, PRIVATE_COMMANDS, Role::Parent));
    reply(&bot, &app, &msg, text).await
}

/// Any other command in a private chat.
pub(super) async fn private_unknown(bot: Bot, app: Arc<App>, msg: Message) -> HandlerResult {
    let lang = private_lang(&app, &msg);
    reply(&bot, &app, &msg, tr!(app.i18n, lang, "unknown-command")).await
}

/// Registers the command menu with Telegram, in both languages, for groups and private chats.
pub async fn register_commands(bot: &Bot, i18n: &crate::i18n::I18n) -> anyhow::Result<()> {
    let menu = |lang: Lang, specs: &[CommandSpec]| -> Vec<BotCommand> {
        specs.iter().map(|c| BotCommand::new(c.name, i18n.get(lang, c.desc, None))).collect()
    };
    for (scope, specs) in
        [(BotCommandScope::AllGroupChats, GROUP_COMMANDS), (BotCommandScope::AllPrivateChats, PRIVATE_COMMANDS)]
    {
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
