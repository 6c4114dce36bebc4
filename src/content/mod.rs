//! Lessons and reminder texts: loaded once (embedded at build time, or read from a folder for
//! `jiaxiao lessons check`), validated, and served by locale and grade.
//!
//! Layout: `content/lessons/<locale>/<id>.md` (TOML front matter between `+++` lines, then the body),
//! `content/reminders/<locale>.toml`. See `content/README.md` for the rules a writer follows; every
//! rule the bot relies on is checked by [`validate`].

mod lessons;
mod reminders;

pub use lessons::{Lesson, LessonKind};
pub use reminders::{ReminderKind, ReminderTexts};

use crate::model::{Grade, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

// Only the folders the bot serves are compiled in (not the policy training corpus beside them).
static LESSONS: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/content/lessons");
static REMINDERS: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/content/reminders");

/// One problem found in the content, with the file it is in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// All content for all languages.
#[derive(Debug, Clone, Default)]
pub struct Content {
    lessons: BTreeMap<Lang, Vec<Lesson>>,
    reminders: BTreeMap<Lang, ReminderTexts>,
}

/// A file of the content tree: path relative to `content/`, and its text.
type SourceFile = (String, String);

impl Content {
    /// The content compiled into the binary. Fails with every problem found.
    pub fn embedded() -> Result<Content, Vec<Problem>> {
        let mut files = Vec::new();
        collect_embedded(&LESSONS, "lessons/", &mut files);
        collect_embedded(&REMINDERS, "reminders/", &mut files);
        Content::from_files(files)
    }

    /// Reads a content folder from disk.
    pub fn from_dir(dir: &Path) -> Result<Content, Vec<Problem>> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        collect_disk(dir, dir, &mut files, &mut problems);
        if files.is_empty() && problems.is_empty() {
            problems.push(Problem { file: dir.display().to_string(), message: "no content files found".into() });
        }
        match (Content::from_files(files), problems.is_empty()) {
            (Ok(c), true) => Ok(c),
            (Ok(_), false) => Err(problems),
            (Err(mut more), _) => {
                problems.append(&mut more);
                problems.sort();
                Err(problems)
            }
        }
    }

    fn from_files(files: Vec<SourceFile>) -> Result<Content, Vec<Problem>> {
        let mut content = Content::default();
        let mut problems = Vec::new();
        for (path, text) in files {
            let parts: Vec<&str> = path.split('/').collect();
            match parts.as_slice() {
                ["lessons", locale, file] if file.ends_with(".md") => match lang_of(locale) {
                    Some(lang) => match Lesson::parse(file.trim_end_matches(".md"), &text) {
                        Ok(l) => content.lessons.entry(lang).or_default().push(l),
                        Err(msg) => problems.push(Problem { file: format!("content/{path}"), message: msg }),
                    },
                    None => problems.push(unknown_locale(&path, locale)),
                },
                ["reminders", file] if file.ends_with(".toml") => {
                    let locale = file.trim_end_matches(".toml");
                    match lang_of(locale) {
                        Some(lang) => match ReminderTexts::parse(&text) {
                            Ok(r) => {
                                content.reminders.insert(lang, r);
                            }
                            Err(msg) => problems.push(Problem { file: format!("content/{path}"), message: msg }),
                        },
                        None => problems.push(unknown_locale(&path, locale)),
                    }
                }
                _ => {} // READMEs, the policy rule pack, …: not ours.
            }
        }
        for lessons in content.lessons.values_mut() {
            lessons.sort_by(|a, b| (a.seq, &a.id).cmp(&(b.seq, &b.id)));
        }
        problems.extend(validate(&content));
        if problems.is_empty() {
            Ok(content)
        } else {
            problems.sort();
            Err(problems)
        }
    }

    /// Every lesson of a locale, in curriculum order.
    pub fn lessons(&self, lang: Lang) -> &[Lesson] {
        self.lessons.get(&lang).map(Vec::as_slice).unwrap_or_default()
    }

    /// The term's lessons for one grade band, in curriculum order (one per `seq`).
    pub fn curriculum(&self, lang: Lang, grade: Grade) -> Vec<&Lesson> {
        self.lessons(lang).iter().filter(|l| l.grades.contains(&grade)).collect()
    }

    pub fn lesson(&self, lang: Lang, id: &str) -> Option<&Lesson> {
        self.lessons(lang).iter().find(|l| l.id.eq_ignore_ascii_case(id.trim()))
    }

    pub fn reminders(&self, lang: Lang) -> &ReminderTexts {
        self.reminders
            .get(&lang)
            .or_else(|| self.reminders.get(&Lang::ZhCn))
            .expect("validated: every locale has reminders")
    }
}

fn lang_of(locale: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == locale)
}

fn unknown_locale(path: &str, locale: &str) -> Problem {
    Problem { file: format!("content/{path}"), message: format!("unknown locale {locale:?} (expected zh-CN or en)") }
}

fn collect_embedded(dir: &include_dir::Dir<'_>, prefix: &str, out: &mut Vec<SourceFile>) {
    for f in dir.files() {
        if let Some(text) = f.contents_utf8() {
            out.push((format!("{prefix}{}", f.path().to_string_lossy().replace('\\', "/")), text.to_owned()));
        }
    }
    for d in dir.dirs() {
        collect_embedded(d, prefix, out);
    }
}

fn collect_disk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem { file: dir.display().to_string(), message: format!("cannot read: {e}") });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_disk(root, &path, out, problems);
        } else if path.extension().is_some_and(|e| e == "md" || e == "toml") {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push((rel, text)),
                Err(e) => {
                    problems.push(Problem { file: format!("content/{rel}"), message: format!("not UTF-8 text: {e}") })
                }
            }
        }
    }
}

/// Cross-file rules: every locale present, ids paired across locales with the same metadata, each
/// `seq` covering every grade exactly once, the FACT/TIP/GROWTH rhythm, reminders for every kind.
pub fn validate(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    let p = |file: String, message: String| Problem { file, message };
    for lang in Lang::ALL {
        let dir = format!("content/lessons/{}/", lang.code());
        let lessons = content.lessons(lang);
        if lessons.is_empty() {
            problems.push(p(dir.clone(), "no lessons for this locale".into()));
            continue;
        }
        let mut ids = BTreeSet::new();
        for l in lessons {
            if !ids.insert(l.id.to_ascii_lowercase()) {
                problems.push(p(format!("{dir}{}.md", l.id), "duplicate id".into()));
            }
        }
        let mut coverage: BTreeMap<u32, Vec<(Grade, &str)>> = BTreeMap::new();
        for l in lessons {
            if l.kind != LessonKind::for_seq(l.seq) {
                problems.push(p(
                    format!("{dir}{}.md", l.id),
                    format!(
                        "seq {} is a {} slot (Mon fact, Wed tip, Fri growth), but kind is {}",
                        l.seq,
                        LessonKind::for_seq(l.seq).as_str(),
                        l.kind.as_str()
                    ),
                ));
            }
            for g in &l.grades {
                coverage.entry(l.seq).or_default().push((*g, &l.id));
            }
        }
        for (seq, grades) in &coverage {
            for g in Grade::ALL {
                let n = grades.iter().filter(|(x, _)| *x == g).count();
                if n != 1 {
                    problems.push(p(
                        dir.clone(),
                        format!("seq {seq}: grade {} is covered by {n} lessons, expected exactly 1", g.as_str()),
                    ));
                }
            }
        }
        if let Some(max) = coverage.keys().max() {
            for seq in 1..=*max {
                if !coverage.contains_key(&seq) {
                    problems.push(p(dir.clone(), format!("seq {seq} is missing (the curriculum has a gap)")));
                }
            }
        }
        if !content.reminders.contains_key(&lang) {
            problems.push(p(format!("content/reminders/{}.toml", lang.code()), "missing".into()));
        }
    }
    // Pairing across locales.
    let base = content.lessons(Lang::ZhCn);
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::ZhCn) {
        let other = content.lessons(lang);
        for l in base {
            match other.iter().find(|o| o.id == l.id) {
                None => problems.push(p(
                    format!("content/lessons/{}/{}.md", lang.code(), l.id),
                    "missing: every zh-CN lesson needs a counterpart".into(),
                )),
                Some(o) if !o.same_metadata(l) => problems.push(p(
                    format!("content/lessons/{}/{}.md", lang.code(), l.id),
                    "seq, kind, grades, topic and clause must equal the zh-CN lesson's".into(),
                )),
                Some(_) => {}
            }
        }
        for o in other.iter().filter(|o| !base.iter().any(|l| l.id == o.id)) {
            problems.push(p(format!("content/lessons/{}/{}.md", lang.code(), o.id), "has no zh-CN counterpart".into()));
        }
    }
    problems
}

/// `jiaxiao lessons check [DIR]`: one line per problem on stdout; exit code 1 when there are any.
pub fn check_command(dir: Option<&Path>) -> std::process::ExitCode {
    let default = Path::new("content");
    let result = match dir {
        Some(d) => Content::from_dir(d),
        None if default.is_dir() => Content::from_dir(default),
        None => Content::embedded(),
    };
    match result {
        Ok(c) => {
            let n: usize = Lang::ALL.iter().map(|l| c.lessons(*l).len()).sum();
            let seqs = c.lessons(Lang::ZhCn).iter().map(|l| l.seq).max().unwrap_or(0);
            println!(
                "content OK: {n} lesson files, {seqs} lessons per grade band, reminders for {} locales",
                Lang::ALL.len()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(problems) => {
            for pr in &problems {
                println!("{pr}");
            }
            println!("{} problem(s) found", problems.len());
            std::process::ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_content_is_valid_and_complete() {
        let c = Content::embedded()
            .unwrap_or_else(|p| panic!("{}", p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")));
        for lang in Lang::ALL {
            for g in Grade::ALL {
                let cur = c.curriculum(lang, g);
                assert!(cur.len() >= 36, "{lang:?} {g:?}: {} lessons", cur.len());
                let seqs: Vec<u32> = cur.iter().map(|l| l.seq).collect();
                assert!(seqs.windows(2).all(|w| w[0] < w[1]), "one lesson per seq, in order");
            }
        }
    }

    #[test]
    fn broken_content_gives_one_clear_line_per_problem() {
        let ok = |id: &str, seq: u32, kind: &str| {
            format!(
                "+++\nid = \"{id}\"\nseq = {seq}\ntitle = \"t\"\nkind = \"{kind}\"\ngrades = [\"kindergarten\",\"primary\",\"junior\",\"senior\"]\ntopic = \"x\"\nclause = 8\n+++\nbody\n"
            )
        };
        let reminders = "[[exercise]]\ntext = \"go\"\n[[screen]]\ntext = \"off\"\n[[bedtime]]\ntext = \"{bedtime}\"\n";
        let files = vec![
            ("lessons/zh-CN/w01-fact-a.md".to_owned(), ok("w01-fact-a", 1, "fact")),
            ("lessons/zh-CN/w01-tip-b.md".to_owned(), ok("w01-tip-b", 2, "growth")),
            ("lessons/zh-CN/w01-x.md".to_owned(), "no front matter".to_owned()),
            ("lessons/en/w01-fact-a.md".to_owned(), ok("w01-fact-a", 1, "fact").replace("clause = 8", "clause = 99")),
            ("reminders/zh-CN.toml".to_owned(), reminders.to_owned()),
            ("reminders/en.toml".to_owned(), reminders.replace("{bedtime}", "{oops}")),
        ];
        let problems = Content::from_files(files).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("w01-x.md: missing front matter"), "{text:#?}");
        assert!(has("clause 99"), "{text:#?}");
        assert!(has("seq 2 is a tip slot"), "{text:#?}");
        assert!(has("{oops}"), "{text:#?}");
        assert!(has("w01-tip-b.md: missing: every zh-CN lesson needs a counterpart"), "{text:#?}");
    }
}
