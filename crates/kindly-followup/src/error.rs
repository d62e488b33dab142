//! Errors of the follow-up rules, each with a stable code and a message that
//! says what to change.

use kindly_core::ErrorCode;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FollowupError {
    #[error("the template uses {{{{ {name} }}}}, which Kindly does not know; available: {available}")]
    UnknownPlaceholder { name: String, available: String },
    #[error("the template cannot be read: {0}")]
    TemplateSyntax(String),
    #[error("the template could not be filled in: {0}")]
    RenderFailed(String),
    #[error("a ladder needs between 1 and 12 stages")]
    LadderSize,
    #[error("two stages of the ladder are both at {0} days; each stage needs its own day")]
    DuplicateOffset(i64),
    #[error("stage offsets must be between -60 and 365 days from the due date, not {0}")]
    OffsetOutOfRange(i64),
    #[error("the stage name must not be empty")]
    StageNameEmpty,
    #[error("\"{0}\" is not a valid IBAN (check the country code, length and check digits)")]
    InvalidIban(String),
    #[error("\"{0}\" is not a valid BIC (8 or 11 letters and digits, e.g. COBADEFFXXX)")]
    InvalidBic(String),
    #[error("\"{0}\" is not a web link Kindly can print; use a full https:// address")]
    InvalidLink(String),
    #[error("{field} is too long for a payment QR code (at most {max} characters)")]
    EpcFieldTooLong { field: &'static str, max: usize },
    #[error("a payment QR code needs an amount between 0.01 and 999,999,999.99 EUR")]
    EpcAmount,
    #[error("payment QR codes (EPC/GiroCode) are for EUR only")]
    EpcCurrency,
    #[error("{0} must not contain line breaks or control characters")]
    ControlCharacters(&'static str),
}

impl FollowupError {
    pub fn code(&self) -> ErrorCode {
        use FollowupError::*;
        match self {
            UnknownPlaceholder { .. } => ErrorCode::UnknownPlaceholder,
            TemplateSyntax(_) => ErrorCode::TemplateSyntax,
            RenderFailed(_) => ErrorCode::TemplateRenderFailed,
            LadderSize => ErrorCode::LadderSize,
            DuplicateOffset(_) => ErrorCode::DuplicateOffset,
            OffsetOutOfRange(_) => ErrorCode::OffsetOutOfRange,
            StageNameEmpty => ErrorCode::StageNameEmpty,
            InvalidIban(_) => ErrorCode::InvalidIban,
            InvalidBic(_) => ErrorCode::InvalidBic,
            InvalidLink(_) => ErrorCode::InvalidLink,
            EpcFieldTooLong { .. } => ErrorCode::EpcFieldTooLong,
            EpcAmount => ErrorCode::EpcAmount,
            EpcCurrency => ErrorCode::EpcCurrency,
            ControlCharacters(_) => ErrorCode::ControlCharacters,
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        use FollowupError::*;
        match self {
            UnknownPlaceholder { .. } | TemplateSyntax(_) | RenderFailed(_) => Some("body"),
            DuplicateOffset(_) | OffsetOutOfRange(_) => Some("offset_days"),
            StageNameEmpty => Some("name"),
            InvalidIban(_) => Some("iban"),
            InvalidBic(_) => Some("bic"),
            InvalidLink(_) => Some("link"),
            _ => None,
        }
    }
}
