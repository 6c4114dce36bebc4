//! The locale files: both parse, have the same keys and variables, and contain every key the code uses.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, errs)| panic!("locale does not parse: {errs:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                collect_vars(p, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn collect_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expr(expression, vars);
        }
    }
}

fn collect_expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => collect_inline(i, vars),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_vars(&v.value, vars);
            }
        }
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, vars),
        _ => {}
    }
}

fn locales() -> Vec<(&'static str, BTreeMap<String, BTreeSet<String>>)> {
    jiaxiao::i18n::SOURCES.iter().map(|(lang, src)| (lang.code(), messages(src))).collect()
}

#[test]
fn every_locale_parses_and_loads() {
    jiaxiao::i18n::I18n::load().expect("bundles load");
    assert_eq!(locales().len(), 2);
}

#[test]
fn locales_have_the_same_keys_and_variables() {
    let all = locales();
    let (base_code, base) = &all[0];
    for (code, other) in &all[1..] {
        let a: BTreeSet<_> = base.keys().collect();
        let b: BTreeSet<_> = other.keys().collect();
        assert_eq!(
            a.difference(&b).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "keys in {base_code} missing from {code}"
        );
        assert_eq!(
            b.difference(&a).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "keys in {code} missing from {base_code}"
        );
        for (k, vars) in base {
            assert_eq!(vars, &other[k], "message {k}: variables differ between {base_code} and {code}");
        }
    }
}

/// Every key the code names — `tr!(i18n, lang, "key", …)` or `key!("key")` — exists in every locale.
#[test]
fn every_key_used_in_code_exists() {
    let tr = regex::Regex::new(r#"\btr!\(\s*[^,;]+,\s*[^,;]+,\s*"([a-z0-9-]+)""#).unwrap();
    let marked = regex::Regex::new(r#"key!\("([a-z0-9-]+)"\)"#).unwrap();
    let mut used = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                for re in [&tr, &marked] {
                    for c in re.captures_iter(&src) {
                        used.insert((c[1].to_owned(), path.display().to_string()));
                    }
                }
            }
        }
    }
    assert!(used.len() > 20, "the scan found too few keys ({}); is the pattern still right?", used.len());
    for (code, msgs) in locales() {
        for (key, file) in &used {
            assert!(msgs.contains_key(key), "{file} uses key {key:?}, missing from locale {code}");
        }
    }
}
