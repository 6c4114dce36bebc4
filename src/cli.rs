//! The `jiaxiao` command line. Errors the operator can fix are one clear line on stderr and exit code 2;
//! nothing here panics on bad configuration.

use crate::clock::SystemClock;
use crate::config::Config;
use crate::i18n::I18n;
use crate::jobs::ratelimit::Limits;
use crate::run::{RunOptions, Updates};
use crate::store::{DynStore, MemoryStore, RedisStore};
use crate::telegram::{self, App, AppParts, Defaults};
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use teloxide::prelude::*;

#[derive(Parser, Debug)]
#[command(name = "jiaxiao", version, about = "家校 Jiaxiao: a Telegram bot for school class parent groups")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the bot (long polling). Reads TELOXIDE_TOKEN, TELOXIDE_API_URL, REDIS_URL … from the
    /// environment and from .env when present.
    Run,
    /// Run the real bot against a built-in Telegram stand-in and print the transcript of a simulated
    /// school day. Needs no token, no network and no Redis.
    Demo {
        /// After the transcript, keep the demo's bot running and print a local address where the
        /// class dashboard opens over the demo's state (a sign-in that exists only in the demo).
        #[arg(long)]
        serve: bool,
    },
    /// Classify messages from stdin (one per line, or JSON objects with --jsonl) and print one JSON
    /// verdict per line.
    Classify {
        /// Each input line is a JSON object {"id": ..., "text": "..."}; the id is echoed back.
        #[arg(long)]
        jsonl: bool,
    },
    /// Work with the micro-lesson content.
    Lessons {
        #[command(subcommand)]
        command: LessonsCommand,
    },
    /// Work with the policy engine.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
    /// Register, show or remove the webhook with Telegram (WEBHOOK_URL, WEBHOOK_SECRET). Copies of
    /// the bot never do this themselves, so starting or stopping one never takes updates away from
    /// the others.
    Webhook {
        #[command(subcommand)]
        command: WebhookCommand,
    },
    /// Delete everything kept about one group (its settings, roles, roster, notices and
    /// acknowledgements, moderation log, queued posts). The bot forgets the group until it sees it again.
    ForgetGroup {
        /// The group's chat id, e.g. -1001234567890.
        #[arg(allow_hyphen_values = true)]
        chat: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum WebhookCommand {
    /// setWebhook with WEBHOOK_URL and WEBHOOK_SECRET, for the update kinds the bot handles.
    Set {
        /// Also drop the updates Telegram is holding.
        #[arg(long)]
        drop_pending: bool,
    },
    /// getWebhookInfo: the URL, pending updates and the last delivery error.
    Info,
    /// deleteWebhook (back to long polling).
    Delete,
}

#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    /// Train the learned layer from the labelled corpus and write the weights file; prints the
    /// cross-validated scores.
    Train {
        /// Folder of labelled `.jsonl` files.
        #[arg(long, default_value = "content/policy/train")]
        data: std::path::PathBuf,
        /// Where to write the weights.
        #[arg(long, default_value = "content/policy/model.bin")]
        out: std::path::PathBuf,
        /// L2 penalty per update.
        #[arg(long)]
        l2: Option<f32>,
        /// Passes over the corpus.
        #[arg(long)]
        epochs: Option<u32>,
        /// Share of benign messages the model alone may flag in cross-validation.
        #[arg(long)]
        budget: Option<f32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum LessonsCommand {
    /// Validate lessons and reminder texts (the `content` folder in the current directory if there is
    /// one, else the content built into this binary) and print one line per problem.
    Check {
        /// Content folder to check instead.
        #[arg(long)]
        dir: Option<std::path::PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run => with_runtime(run()),
        Command::Demo { serve } => with_runtime(crate::demo::run(serve)),
        Command::Classify { jsonl } => crate::policy::cli::classify_command("jiaxiao", jsonl),
        Command::Lessons { command: LessonsCommand::Check { dir } } => crate::content::check_command(dir.as_deref()),
        Command::Webhook { command } => with_runtime(webhook_command(command)),
        Command::ForgetGroup { chat } => with_runtime(forget_group(chat)),
        Command::Policy { command: PolicyCommand::Train { data, out, l2, epochs, budget } } => {
            let mut settings = crate::policy::train::Settings::default();
            settings.l2 = l2.unwrap_or(settings.l2);
            settings.epochs = epochs.unwrap_or(settings.epochs).max(1);
            settings.benign_budget = budget.unwrap_or(settings.benign_budget).clamp(0.0, 1.0);
            crate::policy::train::train_command("jiaxiao policy", Some(&data), Some(&out), settings)
        }
    }
}

fn with_runtime(fut: impl std::future::Future<Output = ExitCode>) -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt.block_on(fut),
        Err(e) => {
            eprintln!("jiaxiao: cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logging to stderr; `RUST_LOG` overrides the default `info` (message texts are only ever logged at
/// `debug` or below, tokens never).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,teloxide=warn,hyper=warn,reqwest=warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// Reads `.env` and the configuration; a problem is one line on stderr and exit code 2.
fn load_config() -> Result<Config, ExitCode> {
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("jiaxiao: .env could not be read: {e}");
        return Err(ExitCode::from(2));
    }
    Config::from_env().map_err(|e| {
        eprintln!("jiaxiao: {e}");
        ExitCode::from(2)
    })
}

async fn run() -> ExitCode {
    let config = match load_config() {
        Ok(c) => c,
        Err(code) => return code,
    };
    init_logging();
    match serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jiaxiao: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Connects the store the configuration asks for.
pub async fn open_store(config: &Config) -> anyhow::Result<DynStore> {
    match &config.redis_url {
        Some(url) => {
            let store = RedisStore::connect(url, &config.redis_prefix, Duration::from_secs(5)).await?;
            let shown = url.split(',').map(crate::config::redact_url).collect::<Vec<_>>().join(",");
            tracing::info!(redis = %shown, prefix = %config.redis_prefix, cluster = store.is_cluster(), "state is kept in Redis");
            Ok(Arc::new(store))
        }
        None => {
            tracing::warn!("REDIS_URL is not set: state is kept IN MEMORY ONLY and is lost when the bot stops");
            Ok(Arc::new(MemoryStore::new()))
        }
    }
}

fn bot_for(config: &Config) -> Bot {
    let bot = Bot::new(config.token.clone());
    match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let i18n = I18n::load()?;
    let bot = bot_for(&config);
    let me = tokio::time::timeout(Duration::from_secs(30), bot.get_me())
        .await
        .map_err(|_| anyhow::anyhow!("Telegram did not answer getMe within 30 s"))?
        .map_err(|e| anyhow::anyhow!("getMe failed (is TELOXIDE_TOKEN right?): {e}"))?;
    tracing::info!(username = %me.username(), "connected to Telegram");
    let content = crate::content::Content::embedded().map_err(|problems| {
        anyhow::anyhow!(
            "the built-in content is invalid ({} problems; run `jiaxiao lessons check`): {}",
            problems.len(),
            problems.first().map(|p| p.to_string()).unwrap_or_default()
        )
    })?;
    let classifier =
        crate::policy::Classifier::builtin().map_err(|e| anyhow::anyhow!("the built-in rule pack: {e}"))?;
    let defaults = Defaults { lang: config.default_lang, tz: config.default_tz.clone() };
    let parts = AppParts {
        store,
        i18n,
        content,
        clock: Arc::new(SystemClock),
        defaults,
        limits: Limits::default(),
        limiter: None,
        classifier,
        llm: config.llm.clone(),
        paid_broadcasts: config.paid_broadcasts,
    };
    let app = Arc::new(App::new(parts, bot.clone()));
    if let Some(u) = config.public_url.clone() {
        let _ = app.public_url.set(u);
    }
    if let Err(e) = telegram::register_commands(&bot, &app.i18n).await {
        tracing::warn!(error = %e, "could not register the command menu");
    }
    // The menu button opens the dashboard (in the default language; a chat's own language is the
    // page's business).
    if let Some(url) = app.public_url.get().cloned() {
        let button = teloxide::types::MenuButton::WebApp {
            text: app.i18n.get(app.defaults.lang, crate::key!("dashboard-btn"), None),
            web_app: teloxide::types::WebAppInfo { url },
        };
        if let Err(e) =
            telegram::send::call(|| bot.set_chat_menu_button().menu_button(button.clone()).into_future()).await
        {
            tracing::warn!(error = ?e, "could not set the menu button to the dashboard");
        }
    }
    let updates = match &config.webhook {
        Some(w) => {
            tracing::info!(listen = %w.listen, path = %w.path(), "receiving updates through the webhook (register it with `jiaxiao webhook set`)");
            Updates::Webhook { listen: w.listen, path: w.path(), secret: w.secret.clone() }
        }
        None => {
            tracing::info!("receiving updates by long polling");
            Updates::Polling { timeout: Duration::from_secs(10) }
        }
    };
    let opts = RunOptions { updates, http_listen: config.http_listen, jobs: true };
    let mut running = crate::run::start(bot, app, me, opts).await?;
    if let Some(addr) = running.http_addr {
        tracing::info!(%addr, "health and metrics at /healthz, /readyz, /metrics");
    }
    let failure = tokio::select! {
        signal = crate::run::shutdown_signal() => {
            tracing::info!(signal, "shutting down");
            None
        }
        why = running.wait() => {
            tracing::error!(reason = %why, "shutting down");
            Some(why)
        }
    };
    let clean = running.stop(Duration::from_secs(8)).await;
    if clean {
        tracing::info!("stopped cleanly");
    } else {
        tracing::warn!("stopped; some work did not finish in time (queued posts resume at the next start)");
    }
    // Stopped by itself: a non-zero exit, so that a supervisor restarts it.
    match failure {
        Some(why) => Err(anyhow::anyhow!(why)),
        None => Ok(()),
    }
}

async fn webhook_command(command: WebhookCommand) -> ExitCode {
    let config = match load_config() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let bot = bot_for(&config);
    let result: anyhow::Result<()> = async {
        match command {
            WebhookCommand::Set { drop_pending } => {
                let Some(w) = &config.webhook else {
                    anyhow::bail!("WEBHOOK_URL is not set: put the public https:// URL Telegram should call in it");
                };
                let allowed = telegram::allowed_updates();
                bot.set_webhook(w.url.clone())
                    .secret_token(w.secret.clone())
                    .allowed_updates(allowed)
                    .drop_pending_updates(drop_pending)
                    .await?;
                println!("webhook set: {} (secret from WEBHOOK_SECRET)", w.url);
            }
            WebhookCommand::Info => {
                let info = bot.get_webhook_info().await?;
                match &info.url {
                    Some(url) => println!("url: {url}"),
                    None => println!("url: (none: the bot uses long polling)"),
                }
                println!("pending updates: {}", info.pending_update_count);
                if let Some(m) = &info.last_error_message {
                    println!("last error: {m}");
                }
            }
            WebhookCommand::Delete => {
                bot.delete_webhook().await?;
                println!("webhook removed (updates are kept for long polling)");
            }
        }
        Ok(())
    }
    .await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jiaxiao: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn forget_group(chat: i64) -> ExitCode {
    let config = match load_config() {
        Ok(c) => c,
        Err(code) => return code,
    };
    if chat >= 0 {
        eprintln!("jiaxiao: {chat} is not a group chat id (group ids are negative, e.g. -1001234567890)");
        return ExitCode::from(2);
    }
    if config.redis_url.is_none() {
        eprintln!("jiaxiao: REDIS_URL is not set: without Redis nothing is kept after the bot stops");
        return ExitCode::from(2);
    }
    let result = async {
        let store = open_store(&config).await?;
        let title = store.group(chat).await?.map(|g| g.title);
        let n = store.forget_group(chat).await?;
        anyhow::Ok((title, n))
    }
    .await;
    match result {
        Ok((title, n)) => {
            println!(
                "forgot group {chat}{}: {n} stored entries deleted",
                title.map(|t| format!(" ({t})")).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jiaxiao: {e:#}");
            ExitCode::FAILURE
        }
    }
}
