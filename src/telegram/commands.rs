//! Every command in one table per chat kind: who may use it, what `/help` and the command menu say,
//! and its handler. The routing tree dispatches commands only through these tables, and a group
//! command's handler runs only after the caller's role passed the table's check — so no command can
//! exist without its permission, and `/help`, the menu and the checks cannot disagree
//! (`tests/e2e.rs` walks every command × role).

use super::*;

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

    /// The role named in a refusal ("only … may").
    pub fn refusal_role(self) -> Role {
        match self {
            Who::Anyone | Who::Managers => Role::Teacher,
            Who::Moderators => Role::Committee,
        }
    }
}

/// A group command's handler, called only once the caller's role passed the table's check.
pub struct GroupCall {
    pub bot: Bot,
    pub app: Arc<App>,
    pub msg: Message,
    pub ctx: GroupCtx,
    pub cmd: Cmd,
    pub role: Role,
}

/// A private-chat command's handler.
pub struct PrivateCall {
    pub bot: Bot,
    pub app: Arc<App>,
    pub msg: Message,
    pub cmd: Cmd,
    /// Who sent it.
    pub user: teloxide::types::User,
    /// Their language: chosen with `/settings lang`, else Telegram's.
    pub lang: Lang,
}

pub type CommandFuture = futures::future::BoxFuture<'static, HandlerResult>;

pub struct CommandSpec<C: 'static> {
    pub name: &'static str,
    pub who: Who,
    /// Locale key of the one-line description.
    pub desc: &'static str,
    pub run: fn(C) -> CommandFuture,
}

/// Every group command: who may use it, what `/help` and the menu say, and its handler. The routing
/// tree dispatches group commands through this table only ([`run_group_command`]), after checking
/// the caller's role against `who`, so that no command can exist without its check.
pub const GROUP_COMMANDS: &[CommandSpec<GroupCall>] = &[
    CommandSpec { name: "help", who: Who::Anyone, desc: crate::key!("cmd-help"), run: super::help::group_help },
    CommandSpec {
        name: "role",
        who: Who::Managers,
        desc: crate::key!("cmd-role"),
        run: |c| Box::pin(super::roles::role(c.bot, c.app, c.msg, c.ctx, c.cmd)),
    },
    CommandSpec {
        name: "settings",
        who: Who::Managers,
        desc: crate::key!("cmd-settings"),
        run: |c| Box::pin(super::settings::settings(c.bot, c.app, c.msg, c.ctx, c.cmd)),
    },
    CommandSpec {
        name: "lesson",
        who: Who::Managers,
        desc: crate::key!("cmd-lesson"),
        run: |c| Box::pin(super::lessons::group_lesson(c.bot, c.app, c.msg, c.ctx, c.cmd)),
    },
    CommandSpec {
        name: "lessons",
        who: Who::Managers,
        desc: crate::key!("cmd-lessons"),
        run: |c| Box::pin(super::lessons::group_lessons(c.bot, c.app, c.msg, c.ctx)),
    },
    CommandSpec {
        name: "notice",
        who: Who::Moderators,
        desc: crate::key!("cmd-notice"),
        run: |c| Box::pin(super::notices::notice(c.bot, c.app, c.msg, c.ctx, c.cmd)),
    },
    CommandSpec {
        name: "remind",
        who: Who::Managers,
        desc: crate::key!("cmd-remind"),
        run: |c| Box::pin(super::reminders::remind(c.bot, c.app, c.msg, c.ctx, c.cmd)),
    },
    CommandSpec {
        name: "status",
        who: Who::Moderators,
        desc: crate::key!("cmd-status"),
        run: |c| Box::pin(super::notices::status(c.bot, c.app, c.msg, c.ctx)),
    },
    CommandSpec {
        name: "modlog",
        who: Who::Moderators,
        desc: crate::key!("cmd-modlog"),
        run: |c| Box::pin(super::moderation::modlog(c.bot, c.app, c.msg, c.ctx)),
    },
];

/// Every private-chat command (anyone may send them: each acts only on the sender's own records, and
/// `/broadcast` checks the groups it reaches).
pub const PRIVATE_COMMANDS: &[CommandSpec<PrivateCall>] = &[
    CommandSpec {
        name: "start",
        who: Who::Anyone,
        desc: crate::key!("cmd-start"),
        run: |c| Box::pin(super::people::start(c)),
    },
    CommandSpec { name: "help", who: Who::Anyone, desc: crate::key!("cmd-help"), run: super::help::private_help },
    CommandSpec { name: "ask", who: Who::Anyone, desc: crate::key!("cmd-ask"), run: |c| Box::pin(super::ask::ask(c)) },
    CommandSpec { name: "me", who: Who::Anyone, desc: crate::key!("cmd-me"), run: |c| Box::pin(super::people::me(c)) },
    CommandSpec {
        name: "remind",
        who: Who::Anyone,
        desc: crate::key!("cmd-remind-private"),
        run: |c| Box::pin(super::people::remind(c)),
    },
    CommandSpec {
        name: "settings",
        who: Who::Anyone,
        desc: crate::key!("cmd-settings-private"),
        run: |c| Box::pin(super::people::settings(c)),
    },
    CommandSpec {
        name: "lesson",
        who: Who::Anyone,
        desc: crate::key!("cmd-lesson-private"),
        run: |c| Box::pin(super::lessons::private_lesson(c.bot, c.app, c.msg, c.cmd)),
    },
    CommandSpec {
        name: "subscribe",
        who: Who::Anyone,
        desc: crate::key!("cmd-subscribe"),
        run: |c| Box::pin(super::lessons::subscribe(c.bot, c.app, c.msg, c.cmd)),
    },
    CommandSpec {
        name: "unsubscribe",
        who: Who::Anyone,
        desc: crate::key!("cmd-unsubscribe"),
        run: |c| Box::pin(super::lessons::unsubscribe(c.bot, c.app, c.msg)),
    },
    CommandSpec {
        name: "broadcast",
        who: Who::Anyone,
        desc: crate::key!("cmd-broadcast"),
        run: |c| Box::pin(super::broadcast::broadcast(c.bot, c.app, c.msg, c.cmd)),
    },
    CommandSpec {
        name: "dashboard",
        who: Who::Anyone,
        desc: crate::key!("cmd-dashboard"),
        run: |c| Box::pin(super::people::dashboard(c)),
    },
    CommandSpec {
        name: "forgetme",
        who: Who::Anyone,
        desc: crate::key!("cmd-forgetme"),
        run: |c| Box::pin(super::people::forget_me(c)),
    },
];

/// A group command from the table: the caller's role is checked against `who` first.
pub(super) async fn run_group_command(
    bot: Bot,
    app: Arc<App>,
    msg: Message,
    ctx: GroupCtx,
    cmd: Cmd,
    spec: &'static CommandSpec<GroupCall>,
) -> HandlerResult {
    let role = app.role_of(&bot, &msg).await?;
    if !spec.who.allows(role) {
        let name = format!("/{}", spec.name);
        return refuse(&bot, &app, &msg, ctx.lang(), &name, spec.who.refusal_role()).await;
    }
    (spec.run)(GroupCall { bot, app, msg, ctx, cmd, role }).await
}

/// A private-chat command from the table.
pub(super) async fn run_private_command(
    bot: Bot,
    app: Arc<App>,
    msg: Message,
    cmd: Cmd,
    spec: &'static CommandSpec<PrivateCall>,
) -> HandlerResult {
    let Some(user) = msg.from.clone() else { return Ok(()) };
    // Writing to the bot privately is what allows it to write back (chasing, questions, reminders).
    let profile = super::people::mark_started(&app, user.id.0).await?;
    let lang = profile.and_then(|p| p.lang).unwrap_or_else(|| telegram_lang(&app, Some(&user)));
    (spec.run)(PrivateCall { bot, app, msg, cmd, user, lang }).await
}
