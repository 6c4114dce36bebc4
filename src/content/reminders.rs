//! Daily reminder texts: several variants per kind, rotated day by day; bedtime texts by grade.

use crate::model::Grade;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReminderKind {
    Exercise,
    Screen,
    Bedtime,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 3] = [ReminderKind::Exercise, ReminderKind::Screen, ReminderKind::Bedtime];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Exercise => "exercise",
            ReminderKind::Screen => "screen",
            ReminderKind::Bedtime => "bedtime",
        }
    }

    pub fn parse(s: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The locale key of its name ("校外运动一小时" / "an hour of exercise out of school").
    pub fn name_key(self) -> &'static str {
        match self {
            ReminderKind::Exercise => crate::key!("reminder-kind-exercise"),
            ReminderKind::Screen => crate::key!("reminder-kind-screen"),
            ReminderKind::Bedtime => crate::key!("reminder-kind-bedtime"),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    text: String,
    #[serde(default)]
    grades: Vec<Grade>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    exercise: Vec<Entry>,
    #[serde(default)]
    screen: Vec<Entry>,
    #[serde(default)]
    bedtime: Vec<Entry>,
}

/// The reminder texts of one locale.
#[derive(Debug, Clone, Default)]
pub struct ReminderTexts {
    file: File,
}

pub const MAX_REMINDER_CHARS: usize = 200;

impl ReminderTexts {
    pub fn parse(text: &str) -> Result<ReminderTexts, String> {
        let file: File = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        for (kind, entries) in [("exercise", &file.exercise), ("screen", &file.screen), ("bedtime", &file.bedtime)] {
            if entries.is_empty() {
                return Err(format!("no [[{kind}]] texts"));
            }
            for e in entries {
                if e.text.trim().is_empty() || e.text.chars().count() > MAX_REMINDER_CHARS {
                    return Err(format!("a [[{kind}]] text must be 1-{MAX_REMINDER_CHARS} characters"));
                }
                for placeholder in placeholders(&e.text) {
                    if !(kind == "bedtime" && placeholder == "bedtime") {
                        return Err(format!("[[{kind}]] text uses unknown placeholder {{{placeholder}}}"));
                    }
                }
            }
        }
        for g in Grade::ALL {
            if !file.bedtime.iter().any(|e| e.grades.is_empty() || e.grades.contains(&g)) {
                return Err(format!("no [[bedtime]] text for grade {}", g.as_str()));
            }
        }
        Ok(ReminderTexts { file })
    }

    /// The text for `kind` on day number `day` (rotates through the variants), for `grade`, with
    /// `{bedtime}` filled in.
    pub fn text(&self, kind: ReminderKind, grade: Grade, day: u64, bedtime: &str) -> String {
        let entries: Vec<&Entry> = match kind {
            ReminderKind::Exercise => self.file.exercise.iter().collect(),
            ReminderKind::Screen => self.file.screen.iter().collect(),
            ReminderKind::Bedtime => {
                self.file.bedtime.iter().filter(|e| e.grades.is_empty() || e.grades.contains(&grade)).collect()
            }
        };
        match entries.get((day % entries.len().max(1) as u64) as usize) {
            Some(e) => e.text.replace("{bedtime}", bedtime),
            None => String::new(),
        }
    }
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => {
                out.push(after);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_and_fills_bedtime() {
        let r = ReminderTexts::parse(
            "[[exercise]]\ntext = \"a\"\n[[exercise]]\ntext = \"b\"\n[[screen]]\ntext = \"s\"\n[[bedtime]]\ngrades = [\"junior\"]\ntext = \"J {bedtime}\"\n[[bedtime]]\ngrades = [\"kindergarten\", \"primary\", \"senior\"]\ntext = \"other\"\n",
        )
        .unwrap();
        assert_eq!(r.text(ReminderKind::Exercise, Grade::Primary, 0, ""), "a");
        assert_eq!(r.text(ReminderKind::Exercise, Grade::Primary, 1, ""), "b");
        assert_eq!(r.text(ReminderKind::Exercise, Grade::Primary, 2, ""), "a");
        assert_eq!(r.text(ReminderKind::Bedtime, Grade::Junior, 5, "22:00"), "J 22:00");
    }

    #[test]
    fn rejects_missing_kinds_grades_and_placeholders() {
        assert!(ReminderTexts::parse("[[exercise]]\ntext = \"a\"\n").unwrap_err().contains("[[screen]]"));
        let base = "[[exercise]]\ntext = \"a {x}\"\n[[screen]]\ntext = \"s\"\n[[bedtime]]\ntext = \"b\"\n";
        assert!(ReminderTexts::parse(base).unwrap_err().contains("{x}"));
        let no_senior =
            "[[exercise]]\ntext = \"a\"\n[[screen]]\ntext = \"s\"\n[[bedtime]]\ngrades = [\"primary\"]\ntext = \"b\"\n";
        assert!(ReminderTexts::parse(no_senior).unwrap_err().contains("no [[bedtime]] text for grade kindergarten"));
    }
}
