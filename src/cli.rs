//! The `jiaxiao` command line. Errors the operator can fix are one clear line on stderr and exit code 2;
//! nothing here panics on bad configuration.

use crate::clock::SystemClock;
use crate::config::Config;
use crate::i18n::I18n;
use crate::jobs::ratelimit::Limits;
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
    Demo,
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
        Command::Demo => with_runtime(crate::demo::run()),
        Command::Classify { jsonl } => crate::policy::cli::classify_command("jiaxiao", jsonl),
        Command::Lessons { command: LessonsCommand::Check { dir } } => crate::content::check_command(dir.as_deref()),
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

async fn run() -> ExitCode {
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("jiaxiao: .env could not be read: {e}");
        return ExitCode::from(2);
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("jiaxiao: {e}");
            return ExitCode::from(2);
        }
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
            tracing::info!(redis = %crate::config::redact_url(url), prefix = %config.redis_prefix, "state is kept in Redis");
            Ok(Arc::new(store))
        }
        None => {
            tracing::warn!("REDIS_URL is not set: state is kept IN MEMORY ONLY and is lost when the bot stops");
            Ok(Arc::new(MemoryStore::new()))
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let i18n = I18n::load()?;
    let mut bot = Bot::new(config.token.clone());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
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
        classifier,
        llm: config.llm.clone(),
    };
    let app = Arc::new(App::new(parts, bot.clone()));
    if let Err(e) = telegram::register_commands(&bot, &app.i18n).await {
        tracing::warn!(error = %e, "could not register the command menu");
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let jobs = app.start_jobs(stopped);
    let mut dispatcher = telegram::dispatcher(bot.clone(), app, me, true);
    // Both return on Ctrl-C / SIGTERM.
    match &config.webhook {
        Some(w) => {
            let mut options = teloxide::update_listeners::webhooks::Options::new(w.listen, w.url.clone());
            if let Some(secret) = &w.secret {
                options = options.secret_token(secret.clone()); // validated in Config
            }
            let listener = teloxide::update_listeners::webhooks::axum(bot, options)
                .await
                .map_err(|e| anyhow::anyhow!("could not start the webhook on {}: {e}", w.listen))?;
            tracing::info!(listen = %w.listen, "receiving updates through the webhook");
            let errors = teloxide::error_handlers::LoggingErrorHandler::with_custom_text("webhook listener error");
            dispatcher.dispatch_with_listener(listener, errors).await;
        }
        None => {
            tracing::info!("receiving updates by long polling");
            dispatcher.dispatch().await;
        }
    }
    tracing::info!("shutting down: letting background jobs finish their current step");
    let _ = stop.send(true);
    for job in jobs {
        let _ = tokio::time::timeout(Duration::from_secs(10), job).await;
    }
    Ok(())
}
