//! Closed vocabularies that cross the IPC boundary and are stored as text:
//! each is one Rust enum, serialised as the snake_case word beside each
//! variant, a TypeScript union in `ui/src/lib/bindings.ts` (with the list of
//! its values), and parsed back with `parse`. Domain enums that live with
//! their rules (`InvoiceState`, `Channel`, `Tone`, …) carry the same
//! derives where they are defined.

/// A value of a closed vocabulary and its stored / wire word. Lets generic
/// code (the CLI's option parsers, the TypeScript value lists) list and
/// parse every vocabulary the same way.
pub trait Word: Copy + Send + Sync + 'static + strum::VariantArray {
    fn word(self) -> &'static str;

    /// The value whose word is `s`.
    fn from_word(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|v| v.word() == s)
    }
}

/// Declares a closed vocabulary: the enum, its wire words, `as_str`,
/// `parse` and `Display`, and `VARIANTS` (every value, for lists and tests).
#[macro_export]
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS, strum::VariantArray)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $wire)] $variant, )*
        }

        impl $name {
            /// The stored and wire form.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)* }
            }

            /// The value for a stored or wire word; `None` for anything else.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($wire => Some($name::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::str_eq_only!($name);

        impl $crate::vocab::Word for $name {
            fn word(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

/// `value == "word"` and `"{value}"`: the wire form, for domain enums that
/// have an `as_str` (tests, CLI output).
#[macro_export]
macro_rules! str_eq {
    ($($name:ty),*) => {$(
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        $crate::str_eq_only!($name);
        impl $crate::vocab::Word for $name {
            fn word(self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}

/// `value == "word"` only (the type has its own `Display`).
#[macro_export]
macro_rules! str_eq_only {
    ($($name:ty),*) => {$(
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_str()
            }
        }
    )*};
}

str_eq!(
    crate::invoice::InvoiceState,
    crate::invoice::InvoiceStatus,
    crate::timeline::EventKind,
    crate::payment::PaymentMethod
);

vocabulary! {
    /// Where an e-mail is in the outbox (see 0003_outbox.sql).
    pub enum OutboxState {
        Queued = "queued",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
        Uncertain = "uncertain",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// What became of a letter batch: made (saved), opened in a PDF viewer
    /// and awaiting the user's word, printed, or refused by the printer.
    pub enum LetterState {
        Made = "made",
        AwaitingConfirmation = "awaiting_confirmation",
        Printed = "printed",
        NotPrinted = "not_printed",
    }
}

vocabulary! {
    /// What a "print this" request did: only saved, printed (the print
    /// command took it), opened in the PDF viewer to be confirmed, or
    /// refused by the printer.
    pub enum PrintState {
        Saved = "saved",
        Printed = "printed",
        AwaitingConfirmation = "awaiting_confirmation",
        NotPrinted = "not_printed",
    }
}

vocabulary! {
    /// An installment plan's recorded state (states only move forward).
    pub enum PlanState {
        Proposed = "proposed",
        Active = "active",
        Completed = "completed",
        Broken = "broken",
        Renegotiated = "renegotiated",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// How a client agreed to a plan (or promised to pay).
    #[derive(Default)]
    pub enum AgreedHow {
        #[default]
        Call = "call",
        Email = "email",
        Letter = "letter",
        InPerson = "in_person",
    }
}

vocabulary! {
    /// A hold on one invoice's follow-ups: none, disputed (until resolved),
    /// or paused until a day.
    pub enum HoldKind {
        None = "none",
        Disputed = "disputed",
        Paused = "paused",
    }
}

vocabulary! {
    /// What the client sent or said, logged by hand on the timeline.
    #[derive(Default)]
    pub enum ContactKind {
        #[default]
        Note = "note",
        IncomingCall = "incoming_call",
        Email = "email",
        Letter = "letter",
    }
}

vocabulary! {
    /// How the client list is sorted.
    #[derive(Default)]
    pub enum ClientSort {
        #[default]
        NameAsc = "name_asc",
        NameDesc = "name_desc",
        Newest = "newest",
        Oldest = "oldest",
        /// Most owed first (in the list's currency).
        OwedDesc = "owed_desc",
        /// Longest overdue first: the earliest due date still open.
        OldestOverdue = "oldest_overdue",
    }
}

vocabulary! {
    /// Which clients the client list shows by what they owe (in the list's
    /// currency): everyone, those owing something, those with an overdue invoice.
    #[derive(Default)]
    pub enum ClientBalanceFilter {
        #[default]
        All = "all",
        Owing = "owing",
        Overdue = "overdue",
    }
}

vocabulary! {
    /// How the invoice list is sorted. `attention`: overdue first (oldest
    /// due date first), then due soon, partly paid, open, drafts, paid and
    /// cancelled.
    #[derive(Default)]
    pub enum InvoiceSort {
        #[default]
        Attention = "attention",
        DueAsc = "due_asc",
        DueDesc = "due_desc",
        Newest = "newest",
        NumberAsc = "number",
    }
}

vocabulary! {
    /// How long an open invoice has been overdue, in the buckets of an aging
    /// report: not yet due, 1–30, 31–60, 61–90 and over 90 days past its due
    /// date (see [`AgingBucket::of`]).
    pub enum AgingBucket {
        NotYetDue = "not_yet_due",
        Days1To30 = "days_1_30",
        Days31To60 = "days_31_60",
        Days61To90 = "days_61_90",
        Over90 = "over_90",
    }
}

impl AgingBucket {
    /// The bucket of an open invoice due on `due` seen on `today`: due today
    /// or later is not yet due; the day after the due date is day 1.
    pub fn of(due: chrono::NaiveDate, today: chrono::NaiveDate) -> AgingBucket {
        match (today - due).num_days() {
            ..=0 => AgingBucket::NotYetDue,
            1..=30 => AgingBucket::Days1To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            _ => AgingBucket::Over90,
        }
    }

    /// The due dates that fall in this bucket on `today`, as an inclusive
    /// range `(earliest, latest)`; `None` means unbounded on that side.
    pub fn due_dates(self, today: chrono::NaiveDate) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
        let back = |days: i64| today.checked_sub_signed(chrono::Duration::days(days));
        match self {
            AgingBucket::NotYetDue => (Some(today), None),
            AgingBucket::Days1To30 => (back(30), back(1)),
            AgingBucket::Days31To60 => (back(60), back(31)),
            AgingBucket::Days61To90 => (back(90), back(61)),
            AgingBucket::Over90 => (None, back(91)),
        }
    }
}

vocabulary! {
    /// How today's follow-ups are grouped.
    pub enum QueueGrouping {
        Client = "client",
        Channel = "channel",
    }
}

vocabulary! {
    /// A report of the overview: the aging report (per client per currency,
    /// the five buckets) or invoiced vs collected per month.
    pub enum ReportKind {
        Aging = "aging",
        Collected = "collected",
    }
}

vocabulary! {
    /// The file a report is saved as.
    pub enum ReportFormat {
        Csv = "csv",
        Pdf = "pdf",
    }
}

vocabulary! {
    /// What became of a promise to pay.
    pub enum PromiseOutcome {
        Open = "open",
        Kept = "kept",
        Broken = "broken",
    }
}

vocabulary! {
    /// One installment's status on a day.
    pub enum InstallmentStatus {
        Paid = "paid",
        PartlyPaid = "partly_paid",
        Upcoming = "upcoming",
        DueToday = "due_today",
        Late = "late",
    }
}

vocabulary! {
    /// A plan's standing: for an active plan on track, late (within the
    /// grace period) or broken (not yet recorded); otherwise its state.
    pub enum PlanStanding {
        OnTrack = "on_track",
        Late = "late",
        Broken = "broken",
        Proposed = "proposed",
        Completed = "completed",
        Renegotiated = "renegotiated",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// A plan message: an installment heads-up or reminder, the broken-plan
    /// notice, or the proposal itself.
    pub enum PlanMessageKind {
        HeadsUp = "heads_up",
        Reminder = "reminder",
        BrokenNotice = "broken_notice",
        Proposal = "proposal",
    }
}

vocabulary! {
    /// Whether Kindly proposes follow-ups for a client.
    pub enum ChasingMode {
        On = "on",
        Paused = "paused",
        Off = "off",
    }
}

vocabulary! {
    /// What an imported bank entry became.
    pub enum BankEntryStatus {
        Recorded = "recorded",
        Review = "review",
        Unmatched = "unmatched",
        Debit = "debit",
        Known = "known",
        Ignored = "ignored",
        Assigned = "assigned",
    }
}

vocabulary! {
    /// Why Kindly decided what it did about a bank entry (kindly-bank's
    /// matching); the facts travel beside it (`bank_reason`), and the reader
    /// words both in its own language.
    pub enum BankReasonKind {
        /// One invoice, the amount equal to its balance.
        PaysInFull = "pays_in_full",
        /// Several invoices of one client whose balances add up to the amount.
        PaysAllInFull = "pays_all_in_full",
        /// One invoice, less than its balance.
        PartialPayment = "partial_payment",
        /// One invoice, more than its balance (the surplus is stated).
        MoreThanBalance = "more_than_balance",
        /// Several invoices, more than their balances together.
        MoreThanBalances = "more_than_balances",
        /// Several invoices, less than their balances together.
        LessThanBalances = "less_than_balances",
        /// A short all-digit number and an amount that is not its balance.
        ShortNumber = "short_number",
        /// The payment's currency is not the invoice's.
        CurrencyDiffers = "currency_differs",
        /// An earlier entry of the same import already pays the invoice.
        AlreadyCovered = "already_covered",
        /// The invoices found belong to different clients.
        DifferentClients = "different_clients",
        /// A known payer and invoices with exactly this balance.
        KnownPayer = "known_payer",
        /// A known payer, but no open invoice with this balance.
        KnownPayerNoBalance = "known_payer_no_balance",
        /// No reference, number or known payer.
        NoMatch = "no_match",
        /// Money out: not a payment.
        MoneyOut = "money_out",
    }
}

vocabulary! {
    /// What found a bank entry's invoices (matching tiers 1 and 2).
    pub enum BankFoundBy {
        Reference = "reference",
        InvoiceNumber = "invoice_number",
    }
}

vocabulary! {
    /// Why a certain bank match was sent to review at import instead of
    /// being recorded: the invoice changed since the file was matched.
    pub enum BankNotRecorded {
        InvoiceGone = "invoice_gone",
        InvoiceNotIssued = "invoice_not_issued",
        CurrencyDiffers = "currency_differs",
        MoreThanOwing = "more_than_owing",
    }
}

vocabulary! {
    /// What a column of a bank's CSV export was read as.
    pub enum BankCsvRole {
        BookingDate = "booking_date",
        ValueDate = "value_date",
        Amount = "amount",
        MoneyIn = "money_in",
        MoneyOut = "money_out",
        Direction = "direction",
        Currency = "currency",
        Payer = "payer",
        PayerIban = "payer_iban",
        BankReference = "bank_reference",
        Remittance = "remittance",
    }
}

vocabulary! {
    /// A file kept as evidence with a timeline entry.
    pub enum EvidenceKind {
        Pdf = "pdf",
        Eml = "eml",
        Scan = "scan",
        /// A file recorded without a kind.
        Other = "file",
    }
}

vocabulary! {
    /// An evidence file checked against its recorded SHA-256.
    pub enum FileCheck {
        Ok = "ok",
        Missing = "missing",
        Changed = "changed",
    }
}

impl Word for crate::locale::Locale {
    fn word(self) -> &'static str {
        self.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use strum::VariantArray;

    /// Every word parses back to its value and serialises as itself.
    #[test]
    fn words_round_trip() {
        fn check<T: VariantArray + Serialize + Copy + PartialEq + std::fmt::Debug>(
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            for v in T::VARIANTS {
                assert_eq!(parse(as_str(*v)), Some(*v));
                assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(as_str(*v)));
            }
            assert_eq!(parse("bogus"), None);
        }
        check(OutboxState::as_str, OutboxState::parse);
        check(LetterState::as_str, LetterState::parse);
        check(PrintState::as_str, PrintState::parse);
        check(PlanState::as_str, PlanState::parse);
        check(AgreedHow::as_str, AgreedHow::parse);
        check(HoldKind::as_str, HoldKind::parse);
        check(ContactKind::as_str, ContactKind::parse);
        check(ClientSort::as_str, ClientSort::parse);
        check(ClientBalanceFilter::as_str, ClientBalanceFilter::parse);
        check(InvoiceSort::as_str, InvoiceSort::parse);
        check(AgingBucket::as_str, AgingBucket::parse);
        check(QueueGrouping::as_str, QueueGrouping::parse);
        check(ReportKind::as_str, ReportKind::parse);
        check(ReportFormat::as_str, ReportFormat::parse);
        check(PromiseOutcome::as_str, PromiseOutcome::parse);
        check(InstallmentStatus::as_str, InstallmentStatus::parse);
        check(PlanStanding::as_str, PlanStanding::parse);
        check(PlanMessageKind::as_str, PlanMessageKind::parse);
        check(ChasingMode::as_str, ChasingMode::parse);
        check(BankEntryStatus::as_str, BankEntryStatus::parse);
        check(EvidenceKind::as_str, EvidenceKind::parse);
        check(FileCheck::as_str, FileCheck::parse);
    }

    #[test]
    fn aging_buckets_start_the_day_after_the_due_date_and_match_their_due_dates() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let cases = [
            (0, AgingBucket::NotYetDue),
            (-5, AgingBucket::NotYetDue),
            (1, AgingBucket::Days1To30),
            (30, AgingBucket::Days1To30),
            (31, AgingBucket::Days31To60),
            (60, AgingBucket::Days31To60),
            (61, AgingBucket::Days61To90),
            (90, AgingBucket::Days61To90),
            (91, AgingBucket::Over90),
            (4000, AgingBucket::Over90),
        ];
        for (late, bucket) in cases {
            let due = today - chrono::Duration::days(late);
            assert_eq!(AgingBucket::of(due, today), bucket, "{late} days late");
            let (from, to) = bucket.due_dates(today);
            assert!(
                from.is_none_or(|f| f <= due) && to.is_none_or(|t| due <= t),
                "{late} days late outside {from:?}..{to:?}"
            );
        }
    }
}

vocabulary! {
    /// What importing one e-invoice file did: imported as an issued invoice,
    /// already there (same file, or same seller and number), or refused
    /// with the reason.
    pub enum EInvoiceOutcome {
        Imported = "imported",
        AlreadyImported = "already_imported",
        Refused = "refused",
    }
}

vocabulary! {
    /// Which file a system dialog asks for: it sets the dialog's title and
    /// the file-type filter (`kindly_api::dialogs::spec`).
    pub enum FileKind {
        BankStatement = "bank_statement",
        Csv = "csv",
        EInvoice = "e_invoice",
        Backup = "backup",
        JsonArchive = "json_archive",
        Pdf = "pdf",
    }
}

vocabulary! {
    /// What the business profile still lacks before Kindly writes to a
    /// client: a sender (the business name; a postal address on paper) and
    /// at least one way to pay.
    pub enum ProfileGap {
        BusinessName = "business_name",
        PostalAddress = "postal_address",
        WayToPay = "way_to_pay",
    }
}

vocabulary! {
    /// One way the user accepts payment (`kindly methods add|remove`).
    pub enum WayToPay {
        Bank = "bank",
        Card = "card",
        Paypal = "paypal",
        Cash = "cash",
        Cheque = "cheque",
        Installments = "installments",
    }
}

vocabulary! {
    /// What is about to leave Kindly, which decides what the profile must hold.
    pub enum Correspondence {
        Email = "email",
        Letter = "letter",
        InvoiceDocument = "invoice_document",
    }

}

vocabulary! {
    /// Whose late-payment law a client's debts fall under (issue #16,
    /// statutory interest): the UK Late Payment of Commercial Debts
    /// (Interest) Act 1998, Directive 2011/7/EU as such, Germany's § 288
    /// BGB, France's Code de commerce L441-10. Rules in `kindly-interest`.
    pub enum Jurisdiction {
        Uk = "uk",
        Eu = "eu",
        De = "de",
        Fr = "fr",
    }
}

vocabulary! {
    /// Whether a client is a business or a consumer: decides whether
    /// statutory late-payment interest applies and at which margin.
    pub enum DebtorKind {
        Business = "business",
        Consumer = "consumer",
    }
}

vocabulary! {
    /// Which e-invoice a client gets with each invoice (issue #16): none (a
    /// plain PDF), a Factur-X PDF, an XRechnung 3.0 file (UBL or CII) or a
    /// Peppol BIS Billing 3.0 file.
    #[derive(Default)]
    pub enum EInvoiceFormat {
        #[default]
        None = "none",
        Facturx = "facturx",
        XrechnungUbl = "xrechnung_ubl",
        XrechnungCii = "xrechnung_cii",
        Peppol = "peppol",
    }
}

vocabulary! {
    /// The reference rate a statutory interest rule adds its margin to
    /// (the settings box names it in the UI's language).
    pub enum InterestBase {
        BoeReference = "boe_reference",
        EcbMro = "ecb_mro",
        Basiszins = "basiszins",
    }
}

vocabulary! {
    /// The fixed compensation a statutory interest rule allows per late invoice.
    pub enum InterestFee {
        None = "none",
        UkScale = "uk_scale",
        Eur40 = "eur_40",
    }
}

vocabulary! {
    /// How the connection to a team database (PostgreSQL) uses TLS, with
    /// libpq's words (issue #19): `disable` never, `prefer` when the server
    /// offers it, `require` always (any certificate), `verify-ca` always with
    /// a certificate signed by a trusted CA, `verify-full` and for the host
    /// name connected to.
    pub enum SslMode {
        Disable = "disable",
        Prefer = "prefer",
        Require = "require",
        VerifyCa = "verify-ca",
        VerifyFull = "verify-full",
    }
}

vocabulary! {
    /// Where the database in use was chosen (issue #19): the local file of
    /// the data folder (SQLite, the default), or a team database (PostgreSQL)
    /// named by `--database-url`, by `KINDLY_DATABASE_URL`, or by the data
    /// folder's `database.json`.
    pub enum DatabaseSource {
        LocalFile = "local_file",
        Flag = "flag",
        Env = "env",
        SettingsFile = "settings_file",
    }
}
