//! Parsing `/command@bot arguments` from a message text. Arguments are handed to each command's own
//! parser, so that every kind of bad input gets an answer that says what was expected.

/// A command addressed to this bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cmd {
    /// Lower-case name without the slash, e.g. `settings`.
    pub name: String,
    /// Everything after the name, trimmed.
    pub args: String,
}

/// Longest argument string any command accepts before saying "too long" (a notice text is longer and
/// has its own limit).
pub const MAX_ARGS: usize = 200;

impl Cmd {
    /// `/name@bot args`: `None` for plain text or a command addressed to another bot.
    pub fn parse(text: &str, bot_username: &str) -> Option<Cmd> {
        let text = text.trim_start();
        let rest = text.strip_prefix('/')?;
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (head, args) = rest.split_at(end);
        let (name, target) = match head.split_once('@') {
            Some((n, t)) => (n, Some(t)),
            None => (head, None),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || name.len() > 32 {
            return None;
        }
        if let Some(t) = target
            && !t.eq_ignore_ascii_case(bot_username)
        {
            return None;
        }
        Some(Cmd { name: name.to_ascii_lowercase(), args: args.trim().to_owned() })
    }

    /// Whitespace-separated arguments.
    pub fn words(&self) -> Vec<&str> {
        self.args.split_whitespace().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_targets_and_arguments() {
        let c = Cmd::parse("/Settings@Jiaxiao_Bot tz  Asia/Shanghai ", "jiaxiao_bot").unwrap();
        assert_eq!(c.name, "settings");
        assert_eq!(c.words(), vec!["tz", "Asia/Shanghai"]);
        assert_eq!(Cmd::parse("/role", "b").unwrap().args, "");
        assert_eq!(Cmd::parse("/help@other_bot", "jiaxiao_bot"), None);
        assert_eq!(Cmd::parse("hello /help", "b"), None);
        assert_eq!(Cmd::parse("/", "b"), None);
        assert_eq!(Cmd::parse("/中文", "b"), None);
        assert_eq!(Cmd::parse("/notice\n第一行\n第二行", "b").unwrap().args, "第一行\n第二行");
    }
}
