//! The follow-up ladder: ordered stages, each an offset in days from the due
//! date (negative = before it), a tone and a channel.

use crate::FollowupError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Friendly,
    Courteous,
    CourteousFirm,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, strum::VariantArray, Default)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Email,
    Letter,
    Phone,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::Phone => "phone",
        }
    }
    pub fn parse(s: &str) -> Option<Channel> {
        [Channel::Email, Channel::Letter, Channel::Phone].into_iter().find(|c| c.as_str() == s)
    }
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Friendly => "friendly",
            Tone::Courteous => "courteous",
            Tone::CourteousFirm => "courteous_firm",
        }
    }
    pub fn parse(s: &str) -> Option<Tone> {
        [Tone::Friendly, Tone::Courteous, Tone::CourteousFirm].into_iter().find(|t| t.as_str() == s)
    }
}

/// One step of the ladder. `key` is stable (templates and the record of what
/// was done refer to it); the name is for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub key: String,
    pub name: String,
    pub offset_days: i64,
    pub tone: Tone,
    pub channel: Channel,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    pub stages: Vec<Stage>,
}

/// The stage keys of the default ladder, whose templates ship in four languages.
pub const HEADS_UP: &str = "heads_up";
pub const REMINDER: &str = "reminder";
pub const FOLLOW_UP: &str = "follow_up";
pub const PLAN_OFFER: &str = "plan_offer";
pub const FINAL_NOTICE: &str = "final_notice";

impl Ladder {
    /// The ladder Kindly ships: −3 friendly heads-up, +1 friendly reminder,
    /// +7 polite follow-up with the reason and the ways to pay, +14 offer of
    /// a payment plan, +30 final courteous notice (by letter).
    pub fn default_ladder() -> Ladder {
        let s = |key: &str, name: &str, offset_days, tone, channel| Stage {
            key: key.into(),
            name: name.into(),
            offset_days,
            tone,
            channel,
        };
        Ladder {
            stages: vec![
                s(HEADS_UP, "Friendly heads-up", -3, Tone::Friendly, Channel::Email),
                s(REMINDER, "Friendly reminder", 1, Tone::Friendly, Channel::Email),
                s(FOLLOW_UP, "Polite follow-up", 7, Tone::Courteous, Channel::Email),
                s(PLAN_OFFER, "Offer of a payment plan", 14, Tone::Courteous, Channel::Email),
                s(FINAL_NOTICE, "Final courteous notice", 30, Tone::CourteousFirm, Channel::Letter),
            ],
        }
    }

    /// Checks and sorts the stages by offset.
    pub fn validated(mut self) -> Result<Ladder, FollowupError> {
        if self.stages.is_empty() || self.stages.len() > 12 {
            return Err(FollowupError::LadderSize);
        }
        for s in &mut self.stages {
            s.name = s.name.trim().to_string();
            if s.name.is_empty() {
                return Err(FollowupError::StageNameEmpty);
            }
            if !(-60..=365).contains(&s.offset_days) {
                return Err(FollowupError::OffsetOutOfRange(s.offset_days));
            }
        }
        self.stages.sort_by_key(|s| s.offset_days);
        if let Some(w) = self.stages.windows(2).find(|w| w[0].offset_days == w[1].offset_days) {
            return Err(FollowupError::DuplicateOffset(w[0].offset_days));
        }
        Ok(self)
    }

    /// How many days before the due date the first stage comes.
    pub fn max_advance_days(&self) -> i64 {
        self.stages.first().map(|s| (-s.offset_days).max(0)).unwrap_or(0)
    }

    pub fn stage(&self, key: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_ladder_is_valid_and_ordered() {
        let l = Ladder::default_ladder().validated().unwrap();
        let offsets: Vec<i64> = l.stages.iter().map(|s| s.offset_days).collect();
        assert_eq!(offsets, [-3, 1, 7, 14, 30]);
        assert_eq!(l.max_advance_days(), 3);
    }

    #[test]
    fn invalid_ladders_are_refused() {
        let mut l = Ladder::default_ladder();
        l.stages[1].offset_days = 7;
        assert_eq!(l.validated().unwrap_err().code(), "duplicate_offset");
        let mut l = Ladder::default_ladder();
        l.stages[0].offset_days = -100;
        assert_eq!(l.validated().unwrap_err().code(), "offset_out_of_range");
        assert_eq!(Ladder { stages: vec![] }.validated().unwrap_err().code(), "ladder_size");
    }
}

kindly_core::str_eq!(Tone, Channel);
