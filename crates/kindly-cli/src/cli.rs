//! Argument parsing and dispatch to `kindly_api` use cases.

use crate::output;
use chrono::{Local, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use kindly_api::clients::{ChasingInput, ClientInput, ClientListRequest};
use kindly_api::documents::InvoicePdfRequest;
use kindly_api::followups::{MarkDoneRequest, MessageRequest, QueueRequest};
use kindly_api::invoices::{InvoiceInput, InvoiceListRequest, LineInput};
use kindly_api::letters::{LetterBatchRequest, LettersRequest, LettersResult};
use kindly_api::payments::{PaymentInput, PaymentListRequest};
use kindly_api::print::Printer;
use kindly_api::timeline::NoteInput;
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "kindly",
    version,
    about = "Kindly from the command line: clients, invoices and payments in the same database as the app."
)]
pub struct Args {
    /// Folder holding kindly.db (default: $KINDLY_DATA_DIR, else the OS app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use this team database (postgres://user@host/db) instead of the data
    /// folder's (default: $KINDLY_DATABASE_URL, else the data folder's
    /// `kindly team connect` settings, else its kindly.db).
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Print JSON instead of text (errors too, as {"error": {code, message, field}}).
    #[arg(long, global = true)]
    pub json: bool,
    /// Act as if today were this date (YYYY-MM-DD); for scripts and tests.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<NaiveDate>,
    /// Also print log events to stderr (they always go to the log file in <data dir>/logs/).
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add, list and show clients.
    #[command(subcommand)]
    Clients(ClientsCmd),
    /// Add, list, show, issue and cancel invoices.
    #[command(subcommand)]
    Invoices(InvoicesCmd),
    /// Record payments.
    #[command(subcommand)]
    Payments(PaymentsCmd),
    /// Add notes, incoming calls, received e-mails and letters to a client's timeline; correct entries.
    #[command(subcommand)]
    Notes(NotesCmd),
    /// Call scripts and the call log for phone follow-ups.
    #[command(subcommand)]
    Calls(crate::contacts_cmd::CallsCmd),
    /// Promises to pay: record, list, and the follow-ups of broken ones.
    #[command(subcommand)]
    Promises(crate::contacts_cmd::PromisesCmd),
    /// A client's or an invoice's timeline, filtered by kind and days.
    Timeline(crate::contacts_cmd::TimelineArgs),
    /// Export the evidence dossier (PDF, CSV and zip) of a client or one invoice.
    Dossier(crate::contacts_cmd::DossierArgs),
    /// Save a copy of a file Kindly keeps as evidence (a letter, an invoice,
    /// an e-mail copy, a scan) as the records name it: on a team database,
    /// one another member made is fetched from the database.
    CopyFile {
        /// The file as the records name it ("letters/letters-….pdf").
        kept: String,
        /// Where to save the copy (replaced if it exists).
        to: PathBuf,
    },
    /// A client's statement of account (open invoices, payments, balance per
    /// currency): make the PDF, e-mail it (--email) or print it (--print).
    Statement(crate::statement_cmd::StatementArgs),
    /// Today's follow-ups (or on --date); `done` and `preview` act on them.
    Followups {
        /// The day to compute the queue for (default: today, or --today).
        #[arg(long, value_name = "DATE")]
        date: Option<NaiveDate>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
        #[command(subcommand)]
        action: Option<FollowupsCmd>,
    },
    /// Make one PDF of reminder letters (every letter due today, or for the
    /// given invoices) under a new name in the data folder. With --print,
    /// print it and record each letter once the printer took it (exit 2 and
    /// the reason when it did not: the letters stay due).
    Letters {
        #[arg(long = "invoice")]
        invoices: Vec<i64>,
        /// Default: letter for English, A4 otherwise.
        #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
        page_size: Option<kindly_pdf::PageSize>,
        /// Send it to the printer (CUPS lp; KINDLY_PRINT_COMMAND overrides) or
        /// open it in the PDF viewer (then confirm with `letters confirm`).
        #[arg(long)]
        print: bool,
        #[command(subcommand)]
        action: Option<LettersCmd>,
    },
    /// The e-mail (SMTP) account; the password goes to the OS keychain.
    #[command(subcommand)]
    Smtp(crate::mail_cmd::SmtpCmd),
    /// Bank statements: import one (payments recorded for who paid), review uncertain matches.
    #[command(subcommand)]
    Bank(crate::bank_cmd::BankCmd),
    /// Statutory interest's reference rates: list them, or add the published
    /// rate for a half-year after Kindly's own table (and remove one you added).
    #[command(subcommand)]
    Interest(crate::interest_cmd::InterestCmd),
    /// Import clients, invoices or payments from CSV (all or nothing; again adds nothing), or e-invoices.
    #[command(subcommand)]
    Import(crate::import_cmd::ImportCmd),
    /// Export clients, invoices, payments or the timeline as CSV, or everything as one JSON archive.
    Export {
        #[arg(value_parser = crate::export_cmd::export_targets(), ignore_case = true)]
        what: crate::export_cmd::ExportTarget,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Queue, send and review reminder e-mails (the outbox).
    #[command(subcommand)]
    Emails(crate::mail_cmd::EmailsCmd),
    /// Installment plans: preview, propose, accept, cancel, renegotiate, list, show, pdf.
    #[command(subcommand)]
    Plans(crate::plans::PlansCmd),
    /// Your business profile: the name, address and signature letters and e-mails carry.
    #[command(subcommand)]
    Business(crate::business_cmd::BusinessCmd),
    /// The ways your clients can pay you (bank transfer, card or PayPal link, cash, cheque, installments).
    #[command(subcommand)]
    Methods(crate::business_cmd::MethodsCmd),
    /// Back up the database and every stored file into one archive (see `backup settings`).
    Backup(crate::backup_cmd::BackupArgs),
    /// Restore a backup into a new data folder given with --data-dir (checked first; nothing is overwritten).
    Restore {
        /// A kindly-backup-….zip file.
        file: PathBuf,
    },
    /// The overview: outstanding, overdue, aging, DSO, days to pay, expected cash-in, ladder steps, 12 months.
    Overview(crate::overview_cmd::OverviewArgs),
    /// Reports: aging (per client and currency) or invoiced vs collected per month, as a table, CSV or PDF.
    #[command(subcommand)]
    Reports(crate::overview_cmd::ReportsCmd),
    /// Fill the database with realistic demo data.
    Demo {
        #[arg(long, default_value_t = 40)]
        clients: u64,
        #[arg(long, default_value_t = 300)]
        invoices: u64,
    },
    /// Show where the database is and whether it is empty.
    Status,
    /// Move this data folder (every table and stored file) into an empty
    /// PostgreSQL database, the team's shared ledger; verified before it
    /// commits, and the data folder is left as it was.
    Migrate {
        /// postgres://user@host:port/database[?sslmode=…]; the password is
        /// the URL's, else the keychain's (saved by `kindly team connect`),
        /// else PGPASSWORD.
        #[arg(long, value_name = "URL")]
        to: String,
        /// Once every row and file is verified there, connect this data
        /// folder to it (as `kindly team connect`; a password in the URL goes
        /// to the keychain). Settings → Team database does the same.
        #[arg(long)]
        connect: bool,
    },
    /// The team database (PostgreSQL) this data folder uses: connect, status, disconnect; your name.
    #[command(subcommand)]
    Team(crate::team_cmd::TeamCmd),
    /// Developer tasks.
    #[command(subcommand, hide = true)]
    Dev(DevCmd),
}

#[derive(Subcommand, Debug)]
pub enum ClientsCmd {
    /// Add a client; prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// How to greet them ("Dear …"); defaults to the name.
        #[arg(long, default_value = "")]
        greeting: String,
        #[arg(long, default_value = "")]
        company: String,
        /// E-mail address; repeat for several.
        #[arg(long = "email")]
        emails: Vec<String>,
        #[arg(long, default_value = "")]
        phone: String,
        /// Postal address; use \n between lines.
        #[arg(long, default_value = "")]
        address: String,
        /// The client's language.
        #[arg(long, default_value = "en", value_parser = crate::values::languages(), ignore_case = true)]
        language: String,
        #[arg(long, default_value = "")]
        notes: String,
        #[command(flatten)]
        einvoice: crate::einvoice_cmd::EInvoiceFlags,
    },
    /// List clients, optionally matching a search.
    List {
        #[arg(long, default_value = "")]
        search: String,
        /// owed (most owed first) and oldest-overdue sort by what is owed in --currency.
        #[arg(long, default_value = "name_asc", value_parser = crate::values::client_sorts())]
        sort: kindly_core::vocab::ClientSort,
        /// The currency owed amounts are sorted and filtered in (default: the business currency).
        #[arg(long)]
        currency: Option<String>,
        /// owing: only clients owing something; overdue: only those with an overdue invoice.
        #[arg(long, default_value = "all", value_parser = crate::values::balance_filters())]
        balance: kindly_core::vocab::ClientBalanceFilter,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Show a client with their invoices and timeline.
    Show { id: i64 },
    /// Pause, stop or resume follow-ups for a client.
    Chasing {
        id: i64,
        /// on, paused (needs --until) or off.
        #[arg(value_parser = crate::values::chasing_modes())]
        mode: kindly_core::vocab::ChasingMode,
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Statutory late-payment interest for a client (off by default): show, or --on/--off, --jurisdiction, --business/--consumer.
    Interest(crate::interest_cmd::ClientInterestArgs),
    /// Show or change a client's e-invoice details (only the given flags change).
    Einvoice {
        id: i64,
        #[command(flatten)]
        einvoice: crate::einvoice_cmd::EInvoiceFlags,
    },
}

#[derive(Subcommand, Debug)]
pub enum InvoicesCmd {
    /// Add an invoice; issued unless --draft. Prints its id and number.
    Add {
        #[arg(long)]
        client: i64,
        /// A line item as "description;quantity;unit price;tax %", repeatable.
        #[arg(long = "line", required = true)]
        lines: Vec<String>,
        #[arg(long, default_value = "")]
        currency: String,
        /// Defaults to today.
        #[arg(long)]
        issue_date: Option<String>,
        #[arg(long)]
        due_date: Option<String>,
        /// Payment terms in days (used when --due-date is absent; default from settings).
        #[arg(long)]
        terms: Option<i64>,
        /// Explicit number; default is the next from the settings' pattern.
        #[arg(long, default_value = "")]
        number: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// Keep as a draft instead of issuing.
        #[arg(long)]
        draft: bool,
    },
    /// List invoices (overdue first by default).
    List {
        /// Only invoices in this state (default: all).
        #[arg(long, value_parser = crate::values::invoice_states())]
        state: Option<String>,
        #[arg(long)]
        client: Option<i64>,
        #[arg(long, default_value = "")]
        search: String,
        /// attention: overdue first.
        #[arg(long, default_value = "attention", value_parser = crate::values::invoice_sorts())]
        sort: kindly_core::vocab::InvoiceSort,
        /// Only invoices in this currency.
        #[arg(long)]
        currency: Option<String>,
        /// Only open invoices this far past due (not_yet_due, 1-30, 31-60, 61-90, over-90).
        #[arg(long, value_parser = crate::values::aging_buckets())]
        aging: Option<kindly_core::vocab::AgingBucket>,
        #[arg(long, value_name = "DATE")]
        due_from: Option<String>,
        #[arg(long, value_name = "DATE")]
        due_to: Option<String>,
        #[arg(long, value_name = "DATE")]
        issued_from: Option<String>,
        #[arg(long, value_name = "DATE")]
        issued_to: Option<String>,
        /// Only issued invoices with something still owing.
        #[arg(long)]
        open: bool,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Show an invoice with its lines, payments and timeline.
    Show { id: i64 },
    /// The statutory late-payment interest and compensation the law allows on an invoice, with the working (never added to it).
    Interest(crate::interest_cmd::InvoiceInterestArgs),
    /// Issue a draft (it cannot be edited afterwards).
    Issue { id: i64 },
    /// Write an invoice's e-invoice: a Factur-X PDF, or XRechnung / Peppol XML.
    /// With --credit-note, ID is a credit note's and its e-invoice (type 381,
    /// naming the credited invoice) is written instead.
    Einvoice {
        id: i64,
        /// ID is a credit note's id (`invoices show --json` lists them), not an invoice's.
        #[arg(long)]
        credit_note: bool,
        /// Default: the client's format.
        #[arg(long, value_parser = crate::values::einvoice_formats(), ignore_case = true)]
        format: Option<kindly_core::vocab::EInvoiceFormat>,
        /// The file to write (default: a new file under the data folder's einvoices/).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// What the client's e-invoice format still needs for an invoice.
    Preflight {
        id: i64,
        #[arg(long, value_parser = crate::values::einvoice_formats(), ignore_case = true)]
        format: Option<kindly_core::vocab::EInvoiceFormat>,
    },
    /// Save an invoice as a PDF under the data folder.
    Pdf {
        id: i64,
        /// Default: letter for English, A4 otherwise.
        #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
        page_size: Option<kindly_pdf::PageSize>,
    },
    /// Save a credit note as a PDF under the data folder (credit-notes/).
    CreditPdf {
        /// The credit note's id (`invoices show --json` lists them).
        id: i64,
        /// Default: letter for English, A4 otherwise.
        #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
        page_size: Option<kindly_pdf::PageSize>,
    },
    /// Issue a credit note on an issued invoice: all that remains creditable,
    /// or --amount; prints the credit note's number and the new balance.
    Credit {
        id: i64,
        /// Decimal amount in the invoice's currency (default: everything still creditable).
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        reason: String,
        /// The credit note's date (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Cancel an invoice that has no payments.
    Cancel {
        id: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Put an issued invoice's follow-ups on hold: while disputed (until
    /// `invoices resume`), or paused through a day.
    Hold {
        id: i64,
        #[arg(long, value_parser = crate::values::hold_kinds())]
        kind: String,
        /// With --kind paused (required): the last day of the pause; follow-ups resume the day after.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Take an invoice off hold: its follow-ups resume (catching up with its current step).
    Resume { id: i64 },
}

#[derive(Subcommand, Debug)]
pub enum PaymentsCmd {
    /// Record a payment against an invoice.
    Add {
        #[arg(long)]
        invoice: i64,
        #[arg(long)]
        amount: String,
        /// Defaults to today.
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long, default_value = "bank_transfer", value_parser = crate::values::payment_methods())]
        method: kindly_core::payment::PaymentMethod,
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Reverse a payment recorded by mistake (the payment stays, marked reversed).
    Reverse {
        /// The payment's id.
        id: i64,
        #[arg(long)]
        reason: String,
        /// The day of the reversal (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Record money paid back to a client out of their credit on an invoice.
    Refund {
        #[arg(long)]
        invoice: i64,
        #[arg(long)]
        amount: String,
        #[arg(long, default_value = "bank_transfer", value_parser = crate::values::payment_methods())]
        method: kindly_core::payment::PaymentMethod,
        #[arg(long)]
        reason: String,
        /// The day paid back (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// List payments received, newest first.
    List {
        #[arg(long)]
        currency: Option<String>,
        /// First payment day (inclusive).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last payment day (inclusive).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long)]
        client: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum NotesCmd {
    /// Add a note, incoming call, received e-mail or letter to a client's (or one invoice's) timeline.
    Add {
        #[arg(long)]
        client: i64,
        #[arg(long)]
        invoice: Option<i64>,
        #[arg(long, default_value = "")]
        text: String,
        #[arg(long, default_value = "note", value_parser = crate::values::note_kinds())]
        kind: kindly_core::vocab::ContactKind,
        /// An .eml file (e-mail) or a PDF/PNG/JPEG scan (letter); kept with its SHA-256.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Correct an entry: a new entry that refers to it (the old one stays).
    Correct {
        #[arg(long)]
        entry: i64,
        #[arg(long)]
        text: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum LettersCmd {
    /// Say whether a batch opened in the PDF viewer printed (recorded only if it did).
    Confirm {
        batch: i64,
        /// The letters did not print: they stay in today's queue.
        #[arg(long)]
        not_printed: bool,
    },
    /// Print a batch that did not print again (the same file, checked against its hash).
    Retry { batch: i64 },
}

#[derive(Subcommand, Debug)]
pub enum FollowupsCmd {
    /// Show the message for one invoice or a bundle of one client's invoices.
    Preview {
        #[arg(long = "invoice", required = true)]
        invoices: Vec<i64>,
        /// A stage key (heads_up, reminder, follow_up, plan_offer, final_notice, …).
        #[arg(long)]
        stage: Option<String>,
    },
    /// Record that today's step was done (letter printed, call made, e-mail sent).
    Done {
        #[arg(long = "invoice", required = true)]
        invoices: Vec<i64>,
        #[arg(long, value_parser = crate::values::channels())]
        channel: kindly_followup::ladder::Channel,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum DevCmd {
    /// Regenerate ui/src/lib/bindings.ts from the Rust IPC types.
    WriteBindings {
        #[arg(long, default_value = kindly_api::bindings::BINDINGS_PATH)]
        path: PathBuf,
    },
}

pub(crate) fn fonts() -> Result<kindly_pdf::Fonts, ApiError> {
    kindly_pdf::Fonts::load().map_err(ApiError::from)
}

/// The letters' outcome as text or JSON; exit 2 (with what to do) when
/// they did not print, so a script never takes a failed print for a sent letter.
/// "printed with lp (job Office-7) and recorded".
pub(crate) fn printed_line(command: Option<&str>, job_id: Option<&str>) -> String {
    format!(
        "printed with {}{} and recorded\n",
        command.unwrap_or("?"),
        job_id.map(|j| format!(" (job {j})")).unwrap_or_default()
    )
}

fn letters_done(o: &output::Out, r: LettersResult) -> Result<String, ApiError> {
    if r.print_state == "not_printed" {
        let batch = r.batch_id.unwrap_or_default();
        return Err(ApiError::new(
            ErrorCode::NotPrinted,
            format!(
                "{} letter(s) made, not printed: {} The PDF is {}; print it again with `kindly letters retry {batch}`.",
                r.letters,
                r.print_error.as_deref().unwrap_or(""),
                r.path
            ),
            None,
        ));
    }
    o.value(&r, |r| {
        let mut t = format!("{} letter(s) saved to {}\nsha256 {}\n", r.letters, r.path, r.sha256);
        match r.print_state.as_str() {
            "printed" => t.push_str(&printed_line(r.printed_with.as_deref(), r.job_id.as_deref())),
            "awaiting_confirmation" => t.push_str(&format!(
                "opened in the PDF viewer; once printed, record it with `kindly letters confirm {}`\n",
                r.batch_id.unwrap_or_default()
            )),
            _ => t.push_str("not printed and not recorded (use --print to print and record)\n"),
        }
        for p in &r.left_out {
            t.push_str(&format!("left out: {} ({}): {}\n", p.client_name, p.invoice_numbers.join(", "), p.reason));
        }
        for p in &r.placeholders {
            t.push_str(&format!("placeholder: {}: {}\n", p.client_name, p.reason));
        }
        t
    })
}

fn parse_line(s: &str) -> LineInput {
    let mut parts = s.split(';').map(str::to_string);
    LineInput {
        description: parts.next().unwrap_or_default(),
        quantity: parts.next().unwrap_or_default(),
        unit_price: parts.next().unwrap_or_default(),
        tax_rate: parts.next().unwrap_or_default(),
    }
}

/// What a command printed and the status to exit with.
pub struct Reply {
    pub text: String,
    pub status: u8,
}

pub async fn run(args: Args) -> Result<Reply, ApiError> {
    if let Command::Dev(DevCmd::WriteBindings { path }) = &args.command {
        std::fs::write(path, kindly_api::bindings::typescript())
            .map_err(|e| ApiError::new(ErrorCode::IoError, format!("Cannot write {}: {e}", path.display()), None))?;
        return Ok(Reply { text: format!("wrote {}\n", path.display()), status: 0 });
    }
    if let Command::Restore { file } = &args.command {
        // The target is a new folder: no store is opened before the restore.
        let o = output::Out::new(args.json);
        let text = crate::backup_cmd::restore(file, args.data_dir.as_deref(), &o).await?;
        return Ok(Reply { text, status: 0 });
    }
    let today_override = match &args.command {
        Command::Followups { date: Some(d), .. } => Some(*d),
        _ => args.today,
    };
    let dir = kindly_api::paths::resolve_data_dir(
        args.data_dir.clone(),
        std::env::var_os("KINDLY_DATA_DIR"),
        dirs::data_dir(),
    );
    // The database: --database-url, KINDLY_DATABASE_URL, the data folder's
    // team database settings, else its kindly.db (kindly_api::database).
    let choice = kindly_api::database::choose(
        args.database_url.as_deref(),
        std::env::var_os(kindly_api::database::ENV_VAR),
        dir.as_deref(),
    );
    if let Command::Team(cmd) = args.command {
        // Before any store is opened: connecting must work while the
        // current settings point at a server that is away.
        let o = output::Out::new(args.json);
        let text = crate::team_cmd::run(cmd, dir.as_deref(), choice, &o).await?;
        return Ok(Reply { text, status: o.status_code() });
    }
    let store = kindly_api::database::open(&choice?).await?;
    // Who makes this command's changes (issue #19): the data folder's member name.
    if let Some(d) = dir.as_deref() {
        store.set_member(kindly_api::member::name_for_store(d));
    }
    // The clock is read here, once, and passed in.
    let today = today_override.unwrap_or_else(|| Local::now().date_naive());
    // A team database has no folder: its files go to the data folder.
    let files_dir = dir.as_deref().filter(|_| store.engine() == kindly_store::Engine::Postgres);
    let ctx = Ctx::new(&store, Utc::now(), today).with_data_dir(files_dir);
    // The user's UTC offset, read here with the clock, for time-zoned timestamps.
    let utc_offset = Local::now().offset().local_minus_utc() / 60;
    let out = dispatch(ctx, args.command, args.json, utc_offset).await;
    store.close().await;
    out
}

async fn dispatch(ctx: Ctx<'_>, command: Command, json: bool, utc_offset: i32) -> Result<Reply, ApiError> {
    let o = output::Out::new(json);
    let text = dispatch_to(ctx, command, &o, utc_offset).await?;
    Ok(Reply { text, status: o.status_code() })
}

async fn dispatch_to(ctx: Ctx<'_>, command: Command, o: &output::Out, utc_offset: i32) -> Result<String, ApiError> {
    use kindly_api::{clients, invoices, payments, settings, status, timeline};
    let json = o.json;
    match command {
        Command::Status => o.status(&status::status(ctx).await?),
        Command::Migrate { to, connect } => {
            let moved = if connect {
                let input =
                    kindly_api::database::TeamConnectInput { url: to, password: None, sslmode: None, ca_file: None };
                kindly_api::moving::move_in(ctx, input).await?
            } else {
                kindly_api::moving::move_to_postgres(ctx, &to).await?
            };
            o.value(&moved, |r| {
                format!(
                    "moved {} rows in {} tables and {} files ({} bytes) into {}; every table and file verified{}\n",
                    r.rows,
                    r.tables.len(),
                    r.files,
                    r.file_bytes,
                    r.to,
                    if connect { "; this data folder uses it from now on" } else { "" }
                )
            })
        }
        Command::Demo { clients, invoices } => o.value(&status::seed_demo(ctx, clients, invoices).await?, |r| {
            format!("added {} clients, {} invoices, {} payments\n", r.clients, r.invoices, r.payments)
        }),
        Command::Clients(ClientsCmd::Add {
            name,
            greeting,
            company,
            emails,
            phone,
            address,
            language,
            notes,
            einvoice,
        }) => {
            // Checked before the client is added, so a wrong VAT ID adds nothing.
            let checked = einvoice.check()?;
            let input = ClientInput {
                display_name: name,
                greeting_name: greeting,
                company,
                emails,
                phone,
                address: address.replace("\\n", "\n"),
                language,
                notes,
                version: None,
            };
            let id = clients::create(ctx, &input).await?;
            if let Some(mut input) = checked {
                input.client_id = id;
                kindly_api::einvoice::save_client_einvoice(ctx, &input).await?;
            }
            o.id(id)
        }
        Command::Clients(ClientsCmd::Einvoice { id, einvoice }) => {
            crate::einvoice_cmd::client(ctx, id, einvoice, o).await
        }
        Command::Clients(ClientsCmd::List { search, sort, currency, balance, limit, offset }) => {
            let currency = currency_option(currency.as_deref())?;
            o.clients(&clients::list(ctx, &ClientListRequest { search, sort, currency, balance, offset, limit }).await?)
        }
        Command::Clients(ClientsCmd::Show { id }) => o.client(&clients::get(ctx, id).await?),
        Command::Clients(ClientsCmd::Interest(a)) => crate::interest_cmd::client(ctx, a, o).await,
        Command::Invoices(InvoicesCmd::Interest(a)) => crate::interest_cmd::invoice(ctx, a, o).await,
        Command::Clients(ClientsCmd::Chasing { id, mode, until, reason }) => {
            clients::set_chasing(ctx, id, &ChasingInput { mode, until, reason }).await?;
            o.done()
        }
        Command::Invoices(InvoicesCmd::Add {
            client,
            lines,
            currency,
            issue_date,
            due_date,
            terms,
            number,
            notes,
            draft,
        }) => {
            let s = settings::get(ctx).await?;
            let input = InvoiceInput {
                client_id: client,
                number,
                issue_date: issue_date.unwrap_or_else(|| ctx.today.to_string()),
                due_date: due_date.unwrap_or_default(),
                terms_days: Some(terms.unwrap_or(s.default_terms_days)),
                currency: if currency.is_empty() { s.default_currency } else { currency },
                lines: lines.iter().map(|l| parse_line(l)).collect(),
                notes,
                issue: !draft,
                version: None,
            };
            o.value(&invoices::create(ctx, &input).await?, |c| format!("{} {}\n", c.id, c.number))
        }
        Command::Invoices(InvoicesCmd::List {
            state,
            client,
            search,
            sort,
            currency,
            aging,
            due_from,
            due_to,
            issued_from,
            issued_to,
            open,
            limit,
            offset,
        }) => {
            let req = InvoiceListRequest {
                state: state.unwrap_or_default(),
                client_id: client,
                search,
                sort,
                currency: currency_option(currency.as_deref())?,
                aging,
                due_from,
                due_to,
                issued_from,
                issued_to,
                open_only: open,
                issued_only: false,
                offset,
                limit,
            };
            o.invoices(&invoices::list(ctx, &req).await?)
        }
        Command::Invoices(InvoicesCmd::Show { id }) => o.invoice(&invoices::get(ctx, id).await?),
        Command::Invoices(InvoicesCmd::Issue { id }) => {
            invoices::issue(ctx, id).await?;
            o.done()
        }
        Command::Invoices(InvoicesCmd::Credit { id, amount, reason, date }) => {
            crate::corrections_cmd::credit(ctx, o, id, amount, reason, date).await
        }
        Command::Payments(PaymentsCmd::Reverse { id, reason, date }) => {
            crate::corrections_cmd::reverse(ctx, o, id, reason, date).await
        }
        Command::Payments(PaymentsCmd::Refund { invoice, amount, method, reason, date }) => {
            crate::corrections_cmd::refund(ctx, o, invoice, amount, method, reason, date).await
        }
        Command::Invoices(InvoicesCmd::Cancel { id, reason }) => {
            invoices::cancel(ctx, id, &reason).await?;
            o.done()
        }
        Command::Invoices(InvoicesCmd::Hold { id, kind, until, reason }) => {
            if kind == "disputed" && until.is_some() {
                return Err(ApiError::new(
                    ErrorCode::InvalidHold,
                    "A dispute holds the follow-ups until it is resolved: leave out --until (or use --kind paused).",
                    Some("until"),
                ));
            }
            kindly_api::followups::set_invoice_hold(ctx, id, &kind, until.as_deref(), &reason).await?;
            o.hold(&invoices::get(ctx, id).await?)
        }
        Command::Invoices(InvoicesCmd::Resume { id }) => {
            kindly_api::followups::set_invoice_hold(ctx, id, "none", None, "").await?;
            o.hold(&invoices::get(ctx, id).await?)
        }
        Command::Payments(PaymentsCmd::Add { invoice, amount, date, method, reference }) => {
            o.id(payments::record(ctx, &PaymentInput { invoice_id: invoice, amount, date, method, reference }).await?)
        }
        Command::Payments(PaymentsCmd::List { currency, from, to, client, limit, offset }) => {
            let currency = currency_option(currency.as_deref())?;
            let req = PaymentListRequest { currency, from, to, client_id: client, offset, limit };
            o.payments(&payments::list(ctx, &req).await?)
        }
        Command::Notes(NotesCmd::Add { client, invoice, text, kind, file }) if kind == "note" && file.is_none() => {
            o.id(timeline::add_note(ctx, &NoteInput { client_id: client, invoice_id: invoice, text }).await?)
        }
        Command::Notes(NotesCmd::Add { client, invoice, text, kind, file }) => {
            crate::contacts_cmd::add_contact(ctx, o, client, invoice, kind, text, file).await
        }
        Command::Notes(NotesCmd::Correct { entry, text }) => crate::contacts_cmd::correct(ctx, o, entry, text).await,
        Command::Calls(c) => crate::contacts_cmd::calls(ctx, o, c).await,
        Command::Promises(c) => crate::contacts_cmd::promises(ctx, o, c).await,
        Command::Timeline(a) => crate::contacts_cmd::timeline(ctx, o, a, utc_offset).await,
        Command::CopyFile { kept, to } => {
            let saved = kindly_api::contacts::save_kept_copy(ctx, &kept, &to.display().to_string()).await?;
            o.value(&saved, |s| format!("{s}\n"))
        }
        Command::Dossier(a) => crate::contacts_cmd::dossier(ctx, o, &fonts()?, a, utc_offset).await,
        Command::Followups { action: None, limit, offset, .. } => o.queue(
            &kindly_api::followups::queue(ctx, &QueueRequest { client_id: None, offset, limit, ..Default::default() })
                .await?,
        ),
        Command::Statement(a) => crate::statement_cmd::run(ctx, a, o).await,
        Command::Followups { action: Some(FollowupsCmd::Preview { invoices, stage }), .. } => {
            let req = MessageRequest { invoice_ids: invoices, stage_key: stage, template: None };
            o.message(&kindly_api::followups::preview(ctx, &req).await?)
        }
        Command::Followups { action: Some(FollowupsCmd::Done { invoices, channel, note }), .. } => {
            let ids = kindly_api::followups::mark_done(ctx, &MarkDoneRequest { invoice_ids: invoices, channel, note })
                .await?;
            o.value(&serde_json::json!({ "steps": ids }), |_| format!("recorded {} step(s)\n", ids.len()))
        }
        Command::Letters { action: Some(LettersCmd::Confirm { batch, not_printed }), .. } => {
            let req = LetterBatchRequest { batch_id: batch, printed: !not_printed };
            letters_done(o, kindly_api::letters::confirm_letters(ctx, &req).await?)
        }
        Command::Letters { action: Some(LettersCmd::Retry { batch }), .. } => {
            let req = LetterBatchRequest { batch_id: batch, printed: false };
            letters_done(o, kindly_api::letters::retry_letters(ctx, &Printer::from_env(), &req).await?)
        }
        Command::Letters { invoices, page_size, print, action: None } => {
            let fonts = fonts()?;
            let req = LettersRequest { invoice_ids: invoices, page_size, print, ..Default::default() };
            letters_done(o, kindly_api::letters::generate_letters(ctx, &fonts, &Printer::from_env(), &req).await?)
        }
        Command::Invoices(InvoicesCmd::Einvoice { id, credit_note, format, out }) => {
            crate::einvoice_cmd::export(ctx, &fonts()?, id, credit_note, format, out, o).await
        }
        Command::Invoices(InvoicesCmd::Preflight { id, format }) => {
            crate::einvoice_cmd::preflight(ctx, id, format, o).await
        }
        Command::Invoices(InvoicesCmd::Pdf { id, page_size }) => {
            let fonts = fonts()?;
            let req = InvoicePdfRequest { invoice_id: id, page_size };
            let r = kindly_api::documents::invoice_pdf(ctx, &fonts, &req).await?;
            o.value(&r, |r| format!("{}\n", r.path))
        }
        Command::Invoices(InvoicesCmd::CreditPdf { id, page_size }) => {
            let req = kindly_api::corrections::CreditNotePdfRequest { credit_note_id: id, page_size };
            let r = kindly_api::corrections::credit_note_pdf(ctx, &fonts()?, &req).await?;
            o.value(&r, |r| format!("{}\n", r.path))
        }
        Command::Smtp(cmd) => crate::mail_cmd::smtp(ctx, cmd, o).await,
        Command::Bank(cmd) => crate::bank_cmd::bank(ctx, cmd, o).await,
        Command::Interest(cmd) => crate::interest_cmd::rates(ctx, cmd, o).await,
        Command::Business(cmd) => crate::business_cmd::business(ctx, cmd, o).await,
        Command::Methods(cmd) => crate::business_cmd::methods(ctx, cmd, o).await,
        Command::Import(cmd) => crate::import_cmd::run(ctx, cmd, o).await,
        Command::Export { what, out } => crate::export_cmd::run(ctx, what, out, o).await,
        Command::Emails(cmd) => crate::mail_cmd::emails(ctx, cmd, o).await,
        Command::Plans(cmd) => crate::plans::run(ctx, cmd, json).await,
        Command::Backup(a) => crate::backup_cmd::backup(ctx, a, o).await,
        Command::Overview(a) => crate::overview_cmd::overview(ctx, o, a).await,
        Command::Reports(cmd) => crate::overview_cmd::reports(ctx, o, cmd).await,
        Command::Dev(_) | Command::Restore { .. } | Command::Team(_) => Ok(String::new()),
    }
}

/// A `--currency` option: an ISO 4217 code, refused as `unknown_currency`.
fn currency_option(code: Option<&str>) -> Result<Option<kindly_core::Currency>, ApiError> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Ok(Some(kindly_core::Currency::parse(c)?)),
        None => Ok(None),
    }
}
