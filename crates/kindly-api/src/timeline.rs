//! Notes on the timeline (other entries are written by the changes they record).

use crate::{ApiError, ApiResult, Ctx};
use kindly_core::text;
use kindly_core::timeline::EventKind;
use kindly_core::ErrorCode;
use kindly_store::NewEvent;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NoteInput {
    pub client_id: i64,
    #[serde(default)]
    pub invoice_id: Option<i64>,
    pub text: String,
}

pub async fn add_note(ctx: Ctx<'_>, input: &NoteInput) -> ApiResult<i64> {
    let body = text::multi_line(&input.text, "text", 10_000)?;
    if body.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Please write the note first.", Some("text")));
    }
    ctx.store.client(input.client_id).await?;
    if let Some(inv) = input.invoice_id {
        let i = ctx.store.invoice(inv).await?;
        if i.client_id != input.client_id {
            return Err(ApiError::new(
                ErrorCode::WrongClient,
                "That invoice belongs to another client.",
                Some("invoice_id"),
            ));
        }
    }
    let summary: String = body.lines().next().unwrap_or_default().chars().take(140).collect();
    let ev = NewEvent {
        client_id: input.client_id,
        invoice_id: input.invoice_id,
        at: ctx.now,
        kind: EventKind::Note,
        summary: &summary,
        data: serde_json::json!({ "text": body }),
    };
    Ok(ctx.store.append_event(&ev).await?)
}
