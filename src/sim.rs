//! The real bot — same routing tree, handlers, store code and jobs — running against the built-in
//! Telegram stand-in on a manual clock. Used by `jiaxiao demo`, the end-to-end tests and the
//! benchmarks; nothing here is a mock of the bot itself.

use crate::clock::{Clock, ManualClock};
use crate::content::Content;
use crate::i18n::I18n;
use crate::jobs::ratelimit::Limits;
use crate::model::Lang;
use crate::standin::StandIn;
use crate::store::DynStore;
use crate::telegram::{self, App, AppParts, Defaults};
use std::sync::Arc;
use std::time::Duration;
use teloxide::dispatching::ShutdownToken;
use teloxide::prelude::*;
use teloxide::update_listeners::Polling;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A running bot wired to a stand-in.
pub struct SimBot {
    pub standin: StandIn,
    pub app: Arc<App>,
    pub clock: ManualClock,
    pub bot: Bot,
    stop: watch::Sender<bool>,
    jobs: Vec<JoinHandle<()>>,
    dispatcher: JoinHandle<()>,
    token: ShutdownToken,
}

/// Options for [`SimBot::start`].
pub struct SimOptions {
    pub store: DynStore,
    pub clock: ManualClock,
    pub limits: Limits,
    /// Start the outbox sender and the schedulers (off for tests that drive them by hand).
    pub jobs: bool,
    /// Receive updates through a webhook on this address (with this secret) instead of long polling.
    pub webhook: Option<(std::net::SocketAddr, String)>,
    /// A second-opinion language model.
    pub llm: Option<crate::telegram::llm::LlmConfig>,
}

impl SimBot {
    pub async fn start(standin: StandIn, opts: SimOptions) -> anyhow::Result<SimBot> {
        let bot = Bot::new(StandIn::TOKEN).set_api_url(standin.api_url());
        let me = bot.get_me().await?;
        let content = Content::embedded().map_err(|p| anyhow::anyhow!("content: {} problems", p.len()))?;
        let clock: Arc<dyn Clock> = Arc::new(opts.clock.clone());
        let parts = AppParts {
            store: opts.store,
            i18n: I18n::load()?,
            content,
            clock,
            defaults: Defaults { lang: Lang::ZhCn, tz: "Asia/Shanghai".to_owned() },
            limits: opts.limits,
            classifier: crate::policy::Classifier::builtin()?,
            llm: opts.llm,
        };
        let app = Arc::new(App::new(parts, bot.clone()));
        telegram::register_commands(&bot, &app.i18n).await?;
        let (stop, stopped) = watch::channel(false);
        let jobs = if opts.jobs { app.start_jobs(stopped) } else { Vec::new() };
        let mut dispatcher = telegram::dispatcher(bot.clone(), app.clone(), me, false);
        let token = dispatcher.shutdown_token();
        let errors = teloxide::error_handlers::LoggingErrorHandler::with_custom_text("update listener error");
        let dispatcher = match opts.webhook {
            Some((addr, secret)) => {
                let url = url::Url::parse(&format!("http://{addr}/telegram-webhook"))?;
                let options = teloxide::update_listeners::webhooks::Options::new(addr, url).secret_token(secret);
                let listener = teloxide::update_listeners::webhooks::axum(bot.clone(), options).await?;
                tokio::spawn(async move { dispatcher.dispatch_with_listener(listener, errors).await })
            }
            None => {
                // A short long-poll so that stopping (and restarting) takes well under a second.
                let listener = Polling::builder(bot.clone()).timeout(Duration::from_millis(500)).build();
                tokio::spawn(async move { dispatcher.dispatch_with_listener(listener, errors).await })
            }
        };
        Ok(SimBot { standin, app, clock: opts.clock, bot, stop, jobs, dispatcher, token })
    }

    /// Stops the dispatcher and the jobs (the stand-in keeps running, the store keeps its state).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Ok(done) = self.token.shutdown() {
            let _ = tokio::time::timeout(Duration::from_secs(5), done).await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(5), self.dispatcher).await;
        for job in self.jobs {
            let _ = tokio::time::timeout(Duration::from_secs(5), job).await;
        }
    }

    /// Waits until every pushed update was taken and no new call reached the stand-in for `quiet`.
    pub async fn settle(&self, quiet: Duration) {
        self.standin.wait_consumed(Duration::from_secs(10)).await;
        let mut last = self.standin.calls().len();
        loop {
            tokio::time::sleep(quiet).await;
            let now = self.standin.calls().len();
            if now == last {
                return;
            }
            last = now;
        }
    }
}
