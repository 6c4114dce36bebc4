//! User-facing text. Every string a user reads comes from the Fluent files under `locales/`, embedded at
//! build time and parsed once at start-up. Code refers to messages by key through [`tr!`] (or marks a key
//! literal with [`key!`] where it is chosen at run time) — a test checks that every such key exists in
//! every locale, and that the locales have the same keys and the same variables.

use crate::model::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentArgs;

/// The embedded locale sources, by language.
pub const SOURCES: [(Lang, &str); 2] = [
    (Lang::ZhCn, include_str!("../../locales/zh-CN/jiaxiao.ftl")),
    (Lang::En, include_str!("../../locales/en/jiaxiao.ftl")),
];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{locale}/jiaxiao.ftl does not parse: {detail}")]
    Parse { locale: &'static str, detail: String },
}

/// Parsed bundles for every language the bot speaks.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("langs", &self.bundles.iter().map(|(l, _)| l.code()).collect::<Vec<_>>()).finish()
    }
}

impl I18n {
    /// Parses the embedded locales. Fails on any syntax error, naming the file.
    pub fn load() -> Result<I18n, I18nError> {
        let mut bundles = Vec::new();
        for (lang, src) in SOURCES {
            let res = FluentResource::try_new(src.to_owned())
                .map_err(|(_, errs)| I18nError::Parse { locale: lang.code(), detail: format!("{errs:?}") })?;
            let id: LanguageIdentifier = lang.code().parse().expect("static language id");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Telegram clients show Unicode isolation marks as junk; our arguments are plain text.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(res)
                .map_err(|errs| I18nError::Parse { locale: lang.code(), detail: format!("{errs:?}") })?;
            bundles.push((lang, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == lang).expect("every Lang has a bundle").1
    }

    /// The message `key` in `lang`, falling back to zh-CN and finally to the key itself (which the
    /// locale tests make impossible for keys used in code).
    pub fn get(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        for l in [lang, Lang::ZhCn] {
            let bundle = self.bundle(l);
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(key, lang = l.code(), ?errors, "locale message formatted with errors");
                }
                return text.into_owned();
            }
        }
        tracing::error!(key, "missing locale key");
        key.to_owned()
    }
}

/// Converts a value into a Fluent argument (numbers stay numbers so Fluent plurals work).
pub fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `tr!(i18n, lang, "<key>")` or `tr!(i18n, lang, "<key>", name = value, …)` → `String`.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $lang:expr, $key:literal) => {
        $i18n.get($lang, $key, None)
    };
    ($i18n:expr, $lang:expr, $key:literal, $($name:ident = $val:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($val)); )+
        $i18n.get($lang, $key, Some(&args))
    }};
}

/// Marks a locale key chosen at run time, so the locale test can see it: `key!("role-name-teacher")`.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $key
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_formats_with_arguments_without_isolation_marks() {
        let i18n = I18n::load().unwrap();
        let s = tr!(i18n, Lang::En, "role-set", name = "Ann", role = "teacher");
        assert!(s.contains("Ann"), "{s}");
        assert!(!s.contains('\u{2068}'), "isolation marks leaked: {s:?}");
    }

    #[test]
    fn unknown_key_falls_back_to_the_key() {
        let i18n = I18n::load().unwrap();
        assert_eq!(i18n.get(Lang::En, "no-such-key-anywhere", None), "no-such-key-anywhere");
    }
}
