//! One micro-lesson: front matter and body, parsed and checked on its own.

use crate::model::Grade;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LessonKind {
    /// Monday: why it matters.
    Fact,
    /// Wednesday: one concrete thing to do, tied to a routine.
    Tip,
    /// Friday: encouragement and an extension.
    Growth,
}

impl LessonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LessonKind::Fact => "fact",
            LessonKind::Tip => "tip",
            LessonKind::Growth => "growth",
        }
    }

    /// The rhythm: seq 1, 4, 7… are facts, 2, 5, 8… tips, 3, 6, 9… growth.
    pub fn for_seq(seq: u32) -> LessonKind {
        match seq % 3 {
            1 => LessonKind::Fact,
            2 => LessonKind::Tip,
            _ => LessonKind::Growth,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub seq: u32,
    pub title: String,
    pub kind: LessonKind,
    pub grades: Vec<Grade>,
    pub topic: String,
    /// Clause (1–15) of the founding policy the lesson serves.
    pub clause: u8,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    seq: u32,
    title: String,
    kind: LessonKind,
    grades: Vec<Grade>,
    topic: String,
    clause: u8,
}

/// Limits that keep a lesson readable on a phone in under two minutes.
pub const MAX_CJK_CHARS: usize = 300;
pub const MAX_EN_WORDS: usize = 120;
pub const MAX_TITLE_CHARS: usize = 80;

impl Lesson {
    /// Parses `+++ front matter +++ body`; `file_stem` must equal the id.
    pub fn parse(file_stem: &str, text: &str) -> Result<Lesson, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let rest = text.strip_prefix("+++").ok_or("missing front matter (the file must start with +++)")?;
        let (front, body) = rest.split_once("\n+++").ok_or("front matter is not closed with +++")?;
        let fm: FrontMatter = toml::from_str(front).map_err(|e| format!("front matter: {}", e.message()))?;
        let body = body.trim_start_matches(['\r', '\n']).trim().to_owned();
        if fm.id != file_stem {
            return Err(format!("id {:?} differs from the file name {file_stem:?}", fm.id));
        }
        let id_ok = !fm.id.is_empty()
            && fm.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && fm.id.len() <= 56;
        if !id_ok {
            return Err(format!("id {:?} must be 1-56 characters of a-z, 0-9 and -", fm.id));
        }
        if fm.seq == 0 {
            return Err("seq starts at 1".into());
        }
        if !(1..=15).contains(&fm.clause) {
            return Err(format!("clause {} is not a clause of the policy (1-15)", fm.clause));
        }
        if fm.grades.is_empty() {
            return Err("grades is empty".into());
        }
        if fm.title.trim().is_empty() || fm.title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("title must be 1-{MAX_TITLE_CHARS} characters"));
        }
        if fm.topic.trim().is_empty() {
            return Err("topic is empty".into());
        }
        if body.is_empty() {
            return Err("body is empty".into());
        }
        let cjk = body.chars().filter(|c| is_cjk(*c)).count();
        if cjk > MAX_CJK_CHARS {
            return Err(format!("body has {cjk} Chinese characters; at most {MAX_CJK_CHARS}"));
        }
        if cjk == 0 {
            let words = body.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            if words > MAX_EN_WORDS {
                return Err(format!("body has {words} words; at most {MAX_EN_WORDS}"));
            }
        }
        Ok(Lesson {
            id: fm.id,
            seq: fm.seq,
            title: fm.title,
            kind: fm.kind,
            grades: fm.grades,
            topic: fm.topic,
            clause: fm.clause,
            body,
        })
    }

    pub fn same_metadata(&self, other: &Lesson) -> bool {
        self.seq == other.seq
            && self.kind == other.kind
            && self.grades == other.grades
            && self.topic == other.topic
            && self.clause == other.clause
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"w01-fact-x\"\nseq = 1\ntitle = \"标题\"\nkind = \"fact\"\ngrades = [\"primary\"]\ntopic = \"t\"\nclause = 7\n+++\n正文。\n";

    #[test]
    fn parses_a_lesson() {
        let l = Lesson::parse("w01-fact-x", GOOD).unwrap();
        assert_eq!((l.seq, l.kind, l.clause), (1, LessonKind::Fact, 7));
        assert_eq!(l.body, "正文。");
    }

    #[test]
    fn each_field_is_checked() {
        assert!(Lesson::parse("other", GOOD).unwrap_err().contains("file name"));
        assert!(
            Lesson::parse("w01-fact-x", &GOOD.replace("clause = 7", "clause = 0")).unwrap_err().contains("clause 0")
        );
        assert!(
            Lesson::parse("w01-fact-x", &GOOD.replace("\"fact\"", "\"story\"")).unwrap_err().contains("front matter")
        );
        assert!(
            Lesson::parse("w01-fact-x", &GOOD.replace("\"primary\"", "\"college\""))
                .unwrap_err()
                .contains("front matter")
        );
        assert!(Lesson::parse("w01-fact-x", &GOOD.replace("正文。", &"字".repeat(301))).unwrap_err().contains("301"));
        assert!(
            Lesson::parse("w01-fact-x", &GOOD.replace("正文。", &"word ".repeat(121)))
                .unwrap_err()
                .contains("121 words")
        );
        assert!(Lesson::parse("w01-fact-x", "no front matter").is_err());
        assert!(Lesson::parse("w01-fact-x", &GOOD.replace("topic", "extra = 1\ntopic")).unwrap_err().contains("extra"));
    }
}
