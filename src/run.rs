//! Running the bot: the dispatcher (long polling or the webhook), the supervised background jobs and
//! the HTTP listener, started together and stopped in order — the same code for `jiaxiao run`, the
//! demo and the end-to-end tests.
//!
//! Stopping ([`Running::stop`], on SIGTERM or SIGINT in production): stop taking updates (the
//! webhook answers 503 so that Telegram retries elsewhere), let the handlers in flight finish, stop
//! the jobs (the outbox finishes the sends in flight and completes or releases their items), then
//! close the HTTP listener.

use crate::http::{self, Health};
use crate::jobs::JobSet;
use crate::telegram::{self, App};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use teloxide::dispatching::ShutdownToken;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners::Polling;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How updates arrive.
#[derive(Debug, Clone)]
pub enum Updates {
    /// `getUpdates` long polling, with this timeout.
    Polling { timeout: Duration },
    /// A webhook registered by the operator (`jiaxiao webhook set`), received on `listen` at `path`.
    Webhook { listen: SocketAddr, path: String, secret: String },
}

/// What [`start`] needs besides the app.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub updates: Updates,
    /// `/healthz`, `/readyz`, `/metrics` (and the webhook when it is the same address); `None`: off.
    pub http_listen: Option<SocketAddr>,
    /// Start the background jobs (off for tests that drive them by hand).
    pub jobs: bool,
}

/// A running bot.
pub struct Running {
    token: ShutdownToken,
    /// Stops the update listener alone (the webhook answers 503 from then on), before the
    /// dispatcher is asked to finish.
    listener: teloxide::stop::StopToken,
    /// Ends with an error when the dispatcher could not start (its own `getMe` failed).
    dispatcher: JoinHandle<Result<(), String>>,
    app: Arc<App>,
    jobs: JobSet,
    stop_jobs: watch::Sender<bool>,
    stop_http: watch::Sender<bool>,
    servers: Vec<JoinHandle<()>>,
    /// Where `/healthz`, `/readyz` and `/metrics` answer.
    pub http_addr: Option<SocketAddr>,
    /// Where the webhook answers.
    pub webhook_addr: Option<SocketAddr>,
    pub health: Arc<Health>,
}

/// Starts everything; returns once the listeners are bound (so a webhook can be posted to at once).
pub async fn start(bot: Bot, app: Arc<App>, me: Me, opts: RunOptions) -> anyhow::Result<Running> {
    crate::metrics::install();
    let (stop_jobs, jobs_stopped) = watch::channel(false);
    let jobs = if opts.jobs { app.start_jobs(jobs_stopped) } else { JobSet::new() };
    let health = Health::new(app.store.clone(), jobs.health());
    health.telegram_ok(); // the caller got `me` from getMe
    let (stop_http, http_stopped) = watch::channel(false);
    let mut servers = Vec::new();
    let mut dispatcher = telegram::dispatcher(bot.clone(), app.clone(), me);
    let token = dispatcher.shutdown_token();
    let errors = teloxide::error_handlers::LoggingErrorHandler::with_custom_text("update listener error");

    let mut http_addr = None;
    let mut webhook_addr = None;
    // Health, metrics and the dashboard (`/app`, `/api`) share the listener; a reverse proxy exposes
    // only the dashboard's paths.
    let admin = opts
        .http_listen
        .map(|addr| (addr, http::router(health.clone()).merge(crate::webapp::router(app.clone(), bot.clone()))));
    let dispatcher = match opts.updates {
        Updates::Polling { timeout } => {
            if let Some((addr, router)) = admin {
                let (bound, task) = serve(addr, router, http_stopped.clone()).await?;
                http_addr = Some(bound);
                servers.push(task);
            }
            let mut listener = Polling::builder(bot).timeout(timeout).build();
            let stop = teloxide::update_listeners::UpdateListener::stop_token(&mut listener);
            let task = tokio::spawn(async move {
                dispatcher.try_dispatch_with_listener(listener, errors).await.map_err(|e| e.to_string())
            });
            (task, stop)
        }
        Updates::Webhook { listen, path, secret } => {
            let (mut listener, route) = telegram::webhook::webhook(&path, secret);
            let stop = teloxide::update_listeners::UpdateListener::stop_token(&mut listener);
            match admin {
                Some((addr, router)) if addr == listen => {
                    let (bound, task) = serve(addr, router.merge(route), http_stopped.clone()).await?;
                    (http_addr, webhook_addr) = (Some(bound), Some(bound));
                    servers.push(task);
                }
                admin => {
                    if let Some((addr, router)) = admin {
                        let (bound, task) = serve(addr, router, http_stopped.clone()).await?;
                        http_addr = Some(bound);
                        servers.push(task);
                    }
                    let (bound, task) = serve(listen, route.merge(http::liveness()), http_stopped.clone()).await?;
                    webhook_addr = Some(bound);
                    servers.push(task);
                }
            }
            let task = tokio::spawn(async move {
                dispatcher.try_dispatch_with_listener(listener, errors).await.map_err(|e| e.to_string())
            });
            (task, stop)
        }
    };
    let (dispatcher, listener) = dispatcher;
    Ok(Running {
        token,
        listener,
        dispatcher,
        app,
        jobs,
        stop_jobs,
        stop_http,
        servers,
        http_addr,
        webhook_addr,
        health,
    })
}

async fn serve(
    addr: SocketAddr,
    router: axum::Router,
    mut stopped: watch::Receiver<bool>,
) -> anyhow::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e} (JIAXIAO_HTTP_LISTEN / WEBHOOK_LISTEN)"))?;
    let bound = listener.local_addr()?;
    let task = tokio::spawn(async move {
        let stop = async move {
            let _ = stopped.wait_for(|s| *s).await;
        };
        if let Err(e) = axum::serve(listener, router).with_graceful_shutdown(stop).await {
            tracing::error!(error = %e, "HTTP listener failed");
        }
    });
    tracing::info!(%bound, "HTTP listener up");
    Ok((bound, task))
}

impl Running {
    /// Waits until the dispatcher ends by itself, which only happens when something went wrong (its
    /// start-up `getMe` failed, or its listener gave up); says what.
    pub async fn wait(&mut self) -> String {
        match (&mut self.dispatcher).await {
            Ok(Ok(())) => "the update listener stopped".to_owned(),
            Ok(Err(e)) => format!("the dispatcher could not start: {e}"),
            Err(e) => format!("the dispatcher failed: {e}"),
        }
    }

    /// Stops in order within about `limit`: updates, handlers in flight, jobs, HTTP. True when every
    /// part stopped in time.
    pub async fn stop(self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        let mut clean = true;
        // Stop taking updates at once (the webhook answers 503, so Telegram retries elsewhere), and
        // stop waiting long for sending slots: what is in flight should finish within the limit.
        self.listener.stop();
        self.app.begin_shutdown();
        // The dispatcher may not have started yet ("idle"): try again for a moment.
        let mut shutdown = self.token.shutdown();
        for _ in 0..100 {
            if shutdown.is_ok() || self.dispatcher.is_finished() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            shutdown = self.token.shutdown();
        }
        let mut dispatcher = self.dispatcher;
        match shutdown {
            Ok(done) => {
                let budget = deadline.saturating_duration_since(tokio::time::Instant::now()) / 2;
                clean &= tokio::time::timeout(budget, async {
                    done.await;
                    let _ = (&mut dispatcher).await;
                })
                .await
                .is_ok();
            }
            Err(_) if dispatcher.is_finished() => {}
            Err(_) => clean = false,
        }
        if !dispatcher.is_finished() {
            dispatcher.abort();
        }
        let _ = self.stop_jobs.send(true);
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        clean &= self.jobs.join(left.max(Duration::from_millis(100))).await;
        let _ = self.stop_http.send(true);
        let left = deadline.saturating_duration_since(tokio::time::Instant::now()).max(Duration::from_millis(200));
        let _ = tokio::time::timeout(left, futures::future::join_all(self.servers)).await;
        clean
    }
}

/// Waits for SIGTERM (`docker stop`, `systemctl stop`) or SIGINT (Ctrl-C); returns its name.
pub async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = term.recv() => "SIGTERM",
            },
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; Ctrl-C only");
                let _ = tokio::signal::ctrl_c().await;
                "SIGINT"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "Ctrl-C"
    }
}
