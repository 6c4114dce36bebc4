//! The real bot — same routing tree, handlers, store code, jobs and runner ([`crate::run`]) —
//! running against the built-in Telegram stand-in on a manual clock. Used by `jiaxiao demo`, the
//! end-to-end tests and the benchmarks; nothing here is a mock of the bot itself.

use crate::clock::{Clock, ManualClock};
use crate::content::Content;
use crate::i18n::I18n;
use crate::jobs::ratelimit::Limits;
use crate::model::Lang;
use crate::run::{RunOptions, Running, Updates};
use crate::standin::StandIn;
use crate::store::DynStore;
use crate::telegram::{self, App, AppParts, Defaults};
use std::sync::Arc;
use std::time::Duration;
use teloxide::prelude::*;

/// A running bot wired to a stand-in.
pub struct SimBot {
    pub standin: StandIn,
    pub app: Arc<App>,
    pub clock: ManualClock,
    pub bot: Bot,
    /// Where `/healthz`, `/readyz` and `/metrics` answer (when asked for).
    pub http_addr: Option<std::net::SocketAddr>,
    /// Where the webhook answers (in webhook mode).
    pub webhook_addr: Option<std::net::SocketAddr>,
    running: Running,
}

/// Options for [`SimBot::start`].
pub struct SimOptions {
    pub store: DynStore,
    pub clock: ManualClock,
    pub limits: Limits,
    /// Start the outbox sender and the schedulers (off for tests that drive them by hand).
    pub jobs: bool,
    /// Receive updates through a webhook on this address (port 0: any free port) with this secret,
    /// at `/telegram-webhook`, instead of long polling. The webhook is not registered with the
    /// stand-in: the test does that (as an operator runs `jiaxiao webhook set`).
    pub webhook: Option<(std::net::SocketAddr, String)>,
    /// A second-opinion language model.
    pub llm: Option<crate::telegram::llm::LlmConfig>,
}

impl SimOptions {
    /// Memory store, default limits, jobs on, long polling.
    pub fn new(store: DynStore, clock: ManualClock) -> SimOptions {
        SimOptions { store, clock, limits: Limits::default(), jobs: true, webhook: None, llm: None }
    }
}

/// More options: the HTTP listener and paid broadcasts.
#[derive(Default)]
pub struct SimExtras {
    /// Serve `/healthz`, `/readyz`, `/metrics` on this address (port 0: any free port).
    pub http_listen: Option<std::net::SocketAddr>,
    pub paid_broadcasts: bool,
    /// A sending budget of this copy's own instead of the store's shared one (to show what
    /// per-copy limits do).
    pub limiter: Option<Arc<dyn crate::jobs::limiter::SendLimiter>>,
}

impl SimBot {
    pub async fn start(standin: StandIn, opts: SimOptions) -> anyhow::Result<SimBot> {
        SimBot::start_with(standin, opts, SimExtras::default()).await
    }

    pub async fn start_with(standin: StandIn, opts: SimOptions, extras: SimExtras) -> anyhow::Result<SimBot> {
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
            limiter: extras.limiter,
            classifier: crate::policy::Classifier::builtin()?,
            llm: opts.llm,
            paid_broadcasts: extras.paid_broadcasts,
        };
        let app = Arc::new(App::new(parts, bot.clone()));
        telegram::register_commands(&bot, &app.i18n).await?;
        let updates = match opts.webhook {
            Some((listen, secret)) => Updates::Webhook { listen, path: "/telegram-webhook".to_owned(), secret },
            // A short long-poll so that stopping (and restarting) takes well under a second.
            None => Updates::Polling { timeout: Duration::from_millis(500) },
        };
        let run = RunOptions { updates, http_listen: extras.http_listen, jobs: opts.jobs };
        let running = crate::run::start(bot.clone(), app.clone(), me, run).await?;
        Ok(SimBot {
            standin,
            app,
            clock: opts.clock,
            bot,
            http_addr: running.http_addr,
            webhook_addr: running.webhook_addr,
            running,
        })
    }

    /// The webhook URL of this copy (webhook mode).
    pub fn webhook_url(&self) -> Option<String> {
        self.webhook_addr.map(|a| format!("http://{a}/telegram-webhook"))
    }

    /// Stops the bot as SIGTERM does (the stand-in keeps running, the store keeps its state); true
    /// when everything stopped in time.
    pub async fn stop(self) -> bool {
        self.running.stop(Duration::from_secs(10)).await
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
