//! The one error type of this crate, with stable machine codes.

use kindly_core::ErrorCode;

/// Everything that can stop a PDF from being rendered.
///
/// [`PdfError::code`] is stable (the UI maps it to a translated message); the
/// `Display` text is a human explanation in English that names the offending
/// field and, for text, the character.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// A character that neither the bundled DejaVu Sans nor any font found on
    /// this computer can draw.
    ///
    /// Rendering no longer returns it: such a character is drawn as a
    /// placeholder (�) and reported ([`crate::LetterBatch::placeholders`],
    /// [`crate::Fonts::uncovered`]). The variant and its code stay for callers
    /// that refuse such text themselves, e.g. before printing.
    #[error(
        "no available font can draw the character {ch:?} (U+{:04X}) in {field}; install a font that covers it \
         (e.g. the Noto fonts for its script) or remove the character",
        u32::from(*.ch)
    )]
    MissingGlyph {
        /// The character that cannot be drawn.
        ch: char,
        /// Where it occurs, e.g. `letter 3: recipient name`.
        field: String,
    },
    /// A font file could not be read or parsed.
    #[error("the font {name} could not be loaded: {reason}")]
    FontLoad { name: String, reason: String },
    /// A font could not be subset for embedding.
    #[error("the font {name} could not be subset for embedding: {reason}")]
    FontSubset { name: String, reason: String },
    /// Text that cannot be laid out in the space the format allows, e.g. more
    /// recipient lines than fit into the envelope window.
    #[error("{field} does not fit: {reason}")]
    DoesNotFit { field: String, reason: String },
    /// The QR payload cannot be encoded (e.g. too long for a QR code at level M).
    #[error("the payment QR code could not be built: {reason}")]
    Qr { reason: String },
    /// printpdf reported an error while writing the file.
    #[error("the PDF could not be written: {reason}")]
    Render { reason: String },
}

impl PdfError {
    /// Stable, machine-readable code (snake_case, like `kindly-core`'s codes).
    pub fn code(&self) -> ErrorCode {
        match self {
            PdfError::MissingGlyph { .. } => ErrorCode::PdfMissingGlyph,
            PdfError::FontLoad { .. } => ErrorCode::PdfFontLoad,
            PdfError::FontSubset { .. } => ErrorCode::PdfFontSubset,
            PdfError::DoesNotFit { .. } => ErrorCode::PdfDoesNotFit,
            PdfError::Qr { .. } => ErrorCode::PdfQr,
            PdfError::Render { .. } => ErrorCode::PdfRender,
        }
    }
}
