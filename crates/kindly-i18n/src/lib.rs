//! Kindly's wording for text rendered in Rust (the evidence dossier, the
//! reports, timeline words, labels of closed vocabularies, the grammar of
//! reminders), in English, German, French and Spanish, as Project Fluent
//! FTL files compiled into the binary. The UI uses Fluent too
//! (@fluent/bundle), so FTL is the project's one catalogue format.
//!
//! Each locale's bundle is parsed once (`OnceLock`: immutable data, not app
//! state). Lookups never panic: a message missing in a language falls back
//! to English; one missing in English gives its id back (a test keeps every
//! locale's ids equal to English's, so that never ships). Output goes into
//! PDFs, CSV and e-mails, so no bidi isolation marks are inserted.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue;
pub use kindly_core::locale::Locale;

/// One locale's compiled messages.
pub type Bundle = FluentBundle<FluentResource>;

/// The FTL files of one locale: (file name, text).
pub fn sources(locale: Locale) -> &'static [(&'static str, &'static str)] {
    macro_rules! files {
        ($lang:literal) => {
            &[
                ("documents.ftl", include_str!(concat!("../locales/", $lang, "/documents.ftl"))),
                ("followup.ftl", include_str!(concat!("../locales/", $lang, "/followup.ftl"))),
                ("vocabulary.ftl", include_str!(concat!("../locales/", $lang, "/vocabulary.ftl"))),
            ]
        };
    }
    match locale {
        Locale::En => files!("en"),
        Locale::De => files!("de"),
        Locale::Fr => files!("fr"),
        Locale::Es => files!("es"),
    }
}

/// The compiled catalogue: one bundle per locale, built on first use.
pub struct Catalog;

impl Catalog {
    /// The locale's bundle. A file that fails to parse keeps every message
    /// it could read (Fluent recovers per entry); tests require none fail.
    pub fn get(locale: Locale) -> &'static Bundle {
        static BUNDLES: [OnceLock<Bundle>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
        BUNDLES[i].get_or_init(|| build(locale))
    }
}

fn build(locale: Locale) -> Bundle {
    let lang = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    for (_, text) in sources(locale) {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
        // Ids are unique per locale (tested); an overlap keeps the first.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message's arguments: `&[("count", 2.into()), ("numbers", "INV-1".into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

fn fluent_args<'a>(args: &'a Args<'a>) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        out.set(*k, v.clone());
    }
    out
}

/// Formats message `id` (or `id.attribute`) in `locale`, with the errors
/// Fluent reported (an argument missing, a reference unknown). `None` when
/// the locale has no such message.
pub fn try_tr(locale: Locale, id: &str, args: &Args<'_>) -> Option<(String, Vec<FluentError>)> {
    let bundle = Catalog::get(locale);
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let msg = bundle.get_message(msg_id)?;
    let pattern = match attr {
        Some(a) => msg.get_attribute(a)?.value(),
        None => msg.value()?,
    };
    let mut errors = Vec::new();
    let fargs = fluent_args(args);
    let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
    Some((text, errors))
}

/// Formats message `id` in `locale`; falls back to English, then to the id.
pub fn tr(locale: Locale, id: &str, args: &Args<'_>) -> String {
    try_tr(locale, id, args)
        .or_else(|| try_tr(Locale::En, id, args))
        .map(|(text, _)| text)
        .unwrap_or_else(|| id.to_string())
}

/// A message without arguments.
pub fn t(locale: Locale, id: &str) -> String {
    tr(locale, id, &[])
}

/// Every message id of a locale, in file order (attributes as `id.attr`).
pub fn message_ids(locale: Locale) -> Vec<String> {
    use fluent_syntax::ast;
    let mut out = Vec::new();
    for (_, text) in sources(locale) {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                out.push(m.id.name.to_string());
                for a in &m.attributes {
                    out.push(format!("{}.{}", m.id.name, a.id.name));
                }
            }
        }
    }
    out
}

/// The parse errors of every FTL file of a locale, as "file: error".
pub fn parse_errors(locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    for (name, text) in sources(locale) {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_string()) {
            out.extend(errors.iter().map(|e| format!("{name}: {e:?}")));
        }
    }
    out
}

/// Names in a list joined the way the language does: "A, B and C",
/// "A, B und C", "A, B et C", "A, B y C".
pub fn join_and(items: &[String], locale: Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t(locale, "list-and")),
    }
}

#[cfg(test)]
mod tests;
