//! Which automatic backups to keep: the newest of each of the last 7 days
//! and the newest of each of the last 4 ISO weeks (UTC, as the names say),
//! always the newest of all and any dated in the future. A pure function of
//! the file names and `now`; files that are not Kindly backups are never
//! touched, whatever their names look like otherwise.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use std::collections::BTreeMap;

pub(crate) const PREFIX: &str = "kindly-backup-";
const STAMP: &str = "%Y-%m-%dT%H-%M-%SZ";

/// The name stem of a backup made at `at`: `kindly-backup-2026-12-01T21-30-05Z`.
pub(crate) fn stem(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}", at.format(STAMP))
}

/// When the backup named `name` was made, if it is a Kindly backup's name
/// (`kindly-backup-<stamp>.zip` or `kindly-backup-<stamp>-<n>.zip`).
pub(crate) fn made_at(name: &str) -> Option<DateTime<Utc>> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".zip")?;
    let (stamp, n) = match rest.split_at_checked(20) {
        Some((s, "")) => (s, None),
        Some((s, tail)) => (s, Some(tail.strip_prefix('-')?)),
        None => return None,
    };
    if let Some(n) = n {
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    NaiveDateTime::parse_from_str(stamp, STAMP).ok().map(|t| t.and_utc())
}

/// The names among `names` to delete at `now`.
pub fn to_delete(names: &[String], now: DateTime<Utc>) -> Vec<String> {
    let mut backups: Vec<(DateTime<Utc>, &String)> = names.iter().filter_map(|n| made_at(n).map(|t| (t, n))).collect();
    // Newest first; within a second, the higher `-n` is the later one.
    backups.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| suffix(b.1).cmp(&suffix(a.1))));
    // The newest that is not dated in the future (those are kept anyway).
    let Some(newest) = backups.iter().find(|b| b.0 <= now).or(backups.first()).map(|b| b.1) else {
        return Vec::new();
    };
    let today = now.date_naive();
    let this_week = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let mut per_day: BTreeMap<chrono::NaiveDate, &String> = BTreeMap::new();
    let mut per_week: BTreeMap<chrono::NaiveDate, &String> = BTreeMap::new();
    for (t, name) in &backups {
        let day = t.date_naive();
        let week = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        if day > today - Duration::days(7) {
            per_day.entry(day).or_insert(name);
        }
        if week > this_week - Duration::weeks(4) {
            per_week.entry(week).or_insert(name);
        }
    }
    backups
        .iter()
        .filter(|(t, name)| {
            let keep = *name == newest
                || *t > now
                || per_day.values().any(|k| k == name)
                || per_week.values().any(|k| k == name);
            !keep
        })
        .map(|(_, name)| (*name).clone())
        .collect()
}

fn suffix(name: &str) -> u32 {
    name.strip_suffix(".zip")
        .and_then(|s| s.get(PREFIX.len() + 20..))
        .and_then(|s| s.strip_prefix('-'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
    }

    fn name(t: DateTime<Utc>) -> String {
        format!("{}.zip", stem(t))
    }

    #[test]
    fn names_round_trip_and_others_are_not_backups() {
        let t = at(2026, 12, 1, 21);
        assert_eq!(name(t), "kindly-backup-2026-12-01T21-00-00Z.zip");
        assert_eq!(made_at(&name(t)), Some(t));
        assert_eq!(made_at("kindly-backup-2026-12-01T21-00-00Z-2.zip"), Some(t));
        for other in [
            "kindly-backup-2026-12-01T21-00-00Z.zip.part",
            "kindly-backup-2026-12-01T21-00-00Z-x.zip",
            "kindly-backup-2026-12-01T21-00-00Z-.zip",
            "kindly-backup-2026-13-01T21-00-00Z.zip",
            "my-kindly-backup-2026-12-01T21-00-00Z.zip",
            "kindly-backup-latest.zip",
            "holiday.jpg",
        ] {
            assert_eq!(made_at(other), None, "{other}");
        }
    }

    #[test]
    fn keeps_seven_daily_and_four_weekly() {
        let now = at(2026, 12, 31, 12); // a Thursday
                                        // Two backups a day for 60 days.
        let mut names = Vec::new();
        for d in 0..60 {
            for h in [3, 15] {
                let t = now - Duration::days(d) - Duration::hours(12) + Duration::hours(h);
                if t <= now {
                    names.push(name(t));
                }
            }
        }
        names.push("notes.txt".into());
        names.push("kindly-backup-old.zip".into());
        let deleted = to_delete(&names, now);
        let kept: Vec<&String> = names.iter().filter(|n| !deleted.contains(n)).collect();
        let kept_backups: Vec<DateTime<Utc>> = kept.iter().filter_map(|n| made_at(n)).collect();
        // Not Kindly backups: untouched.
        assert!(kept.contains(&&"notes.txt".to_string()) && kept.contains(&&"kindly-backup-old.zip".to_string()));
        // One per day for the last 7 days (the later one of each)...
        for d in 0..7 {
            let day = (now - Duration::days(d)).date_naive();
            let of_day: Vec<_> = kept_backups.iter().filter(|t| t.date_naive() == day).collect();
            assert_eq!(of_day.len(), 1, "{day}: {of_day:?}");
        }
        // ...and the newest of each of the 4 weeks; nothing older.
        let oldest = kept_backups.iter().min().unwrap();
        assert!(*oldest >= at(2026, 12, 7, 0), "{oldest}");
        assert_eq!(kept_backups.len(), 7 + 2, "{kept_backups:?}");
        // Running it again deletes nothing more.
        let again: Vec<String> = kept.iter().map(|s| (*s).clone()).collect();
        assert!(to_delete(&again, now).is_empty());
    }

    #[test]
    fn never_deletes_the_newest_or_a_future_one() {
        let now = at(2026, 12, 31, 12);
        let old = name(at(2025, 1, 1, 0));
        let older = name(at(2024, 1, 1, 0));
        let future = name(at(2027, 6, 1, 0));
        let names = vec![older.clone(), old.clone(), future.clone()];
        assert_eq!(to_delete(&names, now), vec![older.clone()]);
        let names = vec![older, old.clone()];
        assert_eq!(to_delete(&names, now).len(), 1);
        assert!(!to_delete(&names, now).contains(&old));
    }

    #[test]
    fn within_one_second_the_later_suffix_wins() {
        let now = at(2026, 12, 31, 12);
        let t = at(2026, 12, 31, 11);
        let names = vec![name(t), format!("{}-2.zip", stem(t))];
        assert_eq!(to_delete(&names, now), vec![name(t)]);
    }
}
