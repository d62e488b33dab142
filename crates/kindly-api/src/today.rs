//! Today at any size: today's follow-ups counted and grouped by client or
//! by channel, with a count on every group and every filter value, and the
//! number of letters "Print today's letters" names before it prints. The
//! filter and the due steps themselves are in [`crate::due`].

use crate::due::{due_steps, prepare_today, DueStep, Facet, ParsedFilter};
use crate::views::MoneyView;
use crate::{ApiResult, Ctx};
use kindly_core::locale::Locale;
use kindly_core::vocab::QueueGrouping;
use kindly_core::Currency;
use kindly_followup::ladder::{Channel, Tone};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use strum::VariantArray;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct QueueSummaryRequest {
    #[serde(default)]
    pub filter: crate::due::QueueFilter,
    /// How to group the matching follow-ups; none: only the counts.
    #[serde(default)]
    pub by: Option<QueueGrouping>,
    /// A page of the groups.
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

/// A group of today's follow-ups: one client's, or one channel's.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QueueGroup {
    /// The client, when grouped by client.
    pub client_id: Option<i64>,
    /// The channel, when grouped by channel.
    pub channel: Option<Channel>,
    /// The client's name (by channel: empty, the UI names the channel).
    pub label: String,
    pub count: i64,
    /// What the group's invoices still owe, per currency (never added
    /// across currencies), by currency code.
    pub owing: Vec<MoneyView>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ChannelCount {
    pub channel: Channel,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct StageCount {
    pub key: String,
    pub name: String,
    pub tone: Tone,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ToneCount {
    pub tone: Tone,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LanguageCount {
    pub language: Locale,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CurrencyCount {
    pub currency: String,
    pub count: i64,
}

/// Today's follow-ups counted: all of them, those matching the filter, the
/// count behind every filter value, and a page of groups.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QueueSummary {
    pub today: String,
    /// Every follow-up due today.
    pub total: i64,
    /// Those that match the filter.
    pub matching: i64,
    /// Per value, what choosing it would show (the other filters applied).
    pub channels: Vec<ChannelCount>,
    pub stages: Vec<StageCount>,
    pub tones: Vec<ToneCount>,
    pub languages: Vec<LanguageCount>,
    pub currencies: Vec<CurrencyCount>,
    /// How many groups there are (for paging them).
    pub groups_total: i64,
    pub groups: Vec<QueueGroup>,
}

/// Counts and groups today's follow-ups.
pub async fn summary(ctx: Ctx<'_>, req: &QueueSummaryRequest) -> ApiResult<QueueSummary> {
    prepare_today(ctx).await?;
    let filter = req.filter.parse(ctx).await?;
    let locale = ctx.store.settings().await?.locale;
    let steps = due_steps(ctx).await?;
    let Counted { matching, channels, mut stages, tones, languages, currencies } = Counted::of(&steps, &filter);

    let mut channels: Vec<ChannelCount> =
        Channel::VARIANTS.iter().zip(channels).map(|(&c, n)| ChannelCount { channel: c, count: n }).collect();
    channels.retain(|c| c.count > 0 || filter.channel == Some(c.channel));

    // Stages in ladder order (by their offset), one entry per key.
    stages.sort_by(|a, b| (a.0, &a.1.key).cmp(&(b.0, &b.1.key)));
    let mut stages: Vec<StageCount> = stages.into_iter().map(|(_, c)| c).collect();
    if let Some(k) = filter.stage.as_deref().filter(|k| !stages.iter().any(|s| s.key == *k)) {
        // The chosen stage stays listed (with 0) so the choice can be seen and undone.
        let tone = steps.iter().find(|s| s.stage.key == k).map_or(Tone::Friendly, |s| s.stage.tone);
        stages.push(StageCount { key: k.to_owned(), name: k.to_owned(), tone, count: 0 });
    }

    let mut tones: Vec<ToneCount> =
        Tone::VARIANTS.iter().zip(tones).map(|(&t, n)| ToneCount { tone: t, count: n }).collect();
    tones.retain(|t| t.count > 0 || filter.tone == Some(t.tone));

    let mut languages: Vec<LanguageCount> =
        Locale::VARIANTS.iter().zip(languages).map(|(&l, n)| LanguageCount { language: l, count: n }).collect();
    languages.retain(|l| l.count > 0 || filter.language == Some(l.language));

    let mut by_currency: BTreeMap<&'static str, i64> = currencies.into_iter().map(|(c, n)| (c.code(), n)).collect();
    if let Some(c) = filter.currency {
        by_currency.entry(c.code()).or_default();
    }
    let mut currencies: Vec<CurrencyCount> =
        by_currency.into_iter().map(|(c, n)| CurrencyCount { currency: c.to_owned(), count: n }).collect();
    currencies.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.currency.cmp(&b.currency)));

    let limit = if req.limit <= 0 { 100 } else { req.limit.min(1000) };
    let (groups_total, groups) = match req.by {
        None => (0, Vec::new()),
        Some(by) => group(&matching, by, (req.offset.max(0) as usize, limit as usize), locale),
    };
    Ok(QueueSummary {
        today: ctx.today.to_string(),
        total: steps.len() as i64,
        matching: matching.len() as i64,
        channels,
        stages,
        tones,
        languages,
        currencies,
        groups_total,
        groups,
    })
}

/// What a group owes, per currency (never added across currencies).
type Owing = Vec<(Currency, i128)>;

/// Groups by client (by name, then id) or by channel (e-mail, letter,
/// phone): how many groups there are, and the page of them asked for. Each
/// step carries its client's place in name order (computed once with the
/// due steps), so grouping a hundred thousand clients is counting into an
/// array; only the page's groups are summed and written out.
fn group(steps: &[&DueStep], by: QueueGrouping, page: (usize, usize), locale: Locale) -> (i64, Vec<QueueGroup>) {
    let slot = |s: &DueStep| match by {
        QueueGrouping::Client => s.client_rank as usize,
        QueueGrouping::Channel => Channel::VARIANTS.iter().position(|c| *c == s.channel).unwrap_or(0),
    };
    // Counting first, into an array: sums are made for the page's groups
    // only, not for every client of the day.
    let mut counts: Vec<(i64, Option<&DueStep>)> = Vec::new();
    for s in steps {
        let i = slot(s);
        if counts.len() <= i {
            counts.resize(i + 1, (0, None));
        }
        let c = &mut counts[i];
        c.0 += 1;
        c.1.get_or_insert(*s);
    }
    let total = counts.iter().filter(|c| c.0 > 0).count() as i64;
    // The page's groups: their slot, and where each is in the page.
    let mut on_page: Vec<Option<usize>> = vec![None; counts.len()];
    let mut groups: Vec<(i64, &DueStep, Owing)> = Vec::new();
    for (i, c) in counts.iter().enumerate().filter(|(_, c)| c.0 > 0).skip(page.0).take(page.1) {
        if let Some(first) = c.1 {
            on_page[i] = Some(groups.len());
            groups.push((c.0, first, Vec::new()));
        }
    }
    if !groups.is_empty() {
        for s in steps {
            let Some(g) = on_page.get(slot(s)).copied().flatten().and_then(|k| groups.get_mut(k)) else { continue };
            match g.2.iter_mut().find(|(c, _)| *c == s.row.currency) {
                Some((_, m)) => *m += i128::from(s.owing()),
                None => g.2.push((s.row.currency, i128::from(s.owing()))),
            }
        }
    }
    let page = groups
        .into_iter()
        .map(|(count, first, mut owing)| {
            // By currency code: amounts in different currencies are never
            // added, nor compared.
            owing.sort_by(|a, b| a.0.code().cmp(b.0.code()));
            QueueGroup {
                client_id: (by == QueueGrouping::Client).then_some(first.row.client_id),
                channel: (by == QueueGrouping::Channel).then_some(first.channel),
                label: if by == QueueGrouping::Client { first.row.client_name.clone() } else { String::new() },
                count,
                // A group's sum of invoices each within the money limit; a
                // sum beyond i64 is shown at the limit rather than wrapped.
                owing: owing
                    .into_iter()
                    .map(|(c, m)| MoneyView::new(i64::try_from(m).unwrap_or(i64::MAX), c, locale))
                    .collect(),
            }
        })
        .collect();
    (total, page)
}

/// What every count of the summary holds, from one look at each step: the
/// steps matching the whole filter, and for each facet's values the steps
/// matching every other condition (what choosing that value would show).
struct Counted<'a> {
    matching: Vec<&'a DueStep>,
    channels: Vec<i64>,
    /// (the stage's offset, its count), in the order first met.
    stages: Vec<(i64, StageCount)>,
    tones: Vec<i64>,
    languages: Vec<i64>,
    currencies: Vec<(Currency, i64)>,
}

impl<'a> Counted<'a> {
    fn of(steps: &'a [DueStep], filter: &ParsedFilter) -> Counted<'a> {
        let mut c = Counted {
            matching: Vec::new(),
            channels: vec![0; Channel::VARIANTS.len()],
            stages: Vec::new(),
            tones: vec![0; Tone::VARIANTS.len()],
            languages: vec![0; Locale::VARIANTS.len()],
            currencies: Vec::new(),
        };
        for s in steps {
            let miss = filter.misses(s);
            let but = |f: Facet| miss & !f.bit() == 0;
            if miss == 0 {
                c.matching.push(s);
            }
            if but(Facet::Channel) {
                if let Some(n) =
                    Channel::VARIANTS.iter().position(|x| *x == s.channel).and_then(|i| c.channels.get_mut(i))
                {
                    *n += 1;
                }
            }
            if but(Facet::Stage) {
                let st = &s.stage;
                match c.stages.iter_mut().find(|(_, x)| x.key == st.key) {
                    Some((_, x)) => x.count += 1,
                    None => c.stages.push((
                        st.offset_days,
                        StageCount { key: st.key.clone(), name: st.name.clone(), tone: st.tone, count: 1 },
                    )),
                }
            }
            if but(Facet::Tone) {
                if let Some(n) = Tone::VARIANTS.iter().position(|x| *x == s.stage.tone).and_then(|i| c.tones.get_mut(i))
                {
                    *n += 1;
                }
            }
            if but(Facet::Language) {
                if let Some(n) =
                    Locale::VARIANTS.iter().position(|x| *x == s.row.language).and_then(|i| c.languages.get_mut(i))
                {
                    *n += 1;
                }
            }
            if but(Facet::Currency) {
                match c.currencies.iter_mut().find(|(x, _)| *x == s.row.currency) {
                    Some((_, n)) => *n += 1,
                    None => c.currencies.push((s.row.currency, 1)),
                }
            }
        }
        c
    }
}

/// What "Print today's letters" will print: one letter per client, about
/// all of that client's invoices whose step today goes by post.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LettersPreview {
    pub letters: i64,
    pub invoices: i64,
}

/// Counts today's letters by the same selection `generate_letters` prints.
pub async fn letters_preview(ctx: Ctx<'_>) -> ApiResult<LettersPreview> {
    let due = crate::letters::due_letters(ctx).await?;
    let clients: std::collections::HashSet<i64> = due.iter().map(|(_, client)| *client).collect();
    Ok(LettersPreview { letters: clients.len() as i64, invoices: due.len() as i64 })
}
