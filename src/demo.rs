//! `jiaxiao demo`: a simulated school day in a class group, run by the real bot against the built-in
//! stand-in on a manual clock, printed as a timestamped transcript. No token, network or Redis.

use crate::clock::{Clock, ManualClock};
use crate::jobs::ratelimit::Limits;
use crate::sim::{SimBot, SimOptions};
use crate::standin::{Event, MemberStatus, StandIn, TgChat, TgUser};
use crate::store::MemoryStore;
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use serde_json::Value;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Prints the transcript as events arrive, stamped with the simulated local time.
fn spawn_printer(standin: &StandIn, clock: ManualClock, bot_id: i64) -> tokio::task::JoinHandle<()> {
    let mut rx = standin.subscribe();
    tokio::spawn(async move {
        loop {
            let ev = match rx.recv().await {
                Ok(ev) => ev,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return,
            };
            let stamp = clock.now().with_timezone(&Shanghai).format("%H:%M");
            if let Some(line) = describe(&ev, bot_id) {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "[{stamp}] {line}");
            }
        }
    })
}

fn name(user: &Value) -> String {
    user["first_name"].as_str().unwrap_or("?").to_owned()
}

fn indent(text: &str) -> String {
    // Lessons are HTML; show them as a reader would.
    let plain = strip_tags(text);
    plain.lines().collect::<Vec<_>>().join("\n        ")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

fn describe(ev: &Event, bot_id: i64) -> Option<String> {
    match ev {
        Event::Update(u) => {
            if let Some(m) = u.get("message").or_else(|| u.get("edited_message")) {
                let who = name(&m["from"]);
                let text = m["text"].as_str().or_else(|| m["caption"].as_str()).unwrap_or("");
                if text.is_empty() {
                    return None;
                }
                let reply = m["reply_to_message"]["from"]["first_name"]
                    .as_str()
                    .map(|n| format!(" (replying to {n})"))
                    .unwrap_or_default();
                Some(format!("{who}{reply}: {}", indent(text)))
            } else if let Some(c) = u.get("my_chat_member") {
                let status = c["new_chat_member"]["status"].as_str().unwrap_or("");
                let verb = if matches!(status, "left" | "kicked") { "removes" } else { "adds" };
                Some(format!(
                    "{} {verb} the bot in \"{}\"",
                    name(&c["from"]),
                    c["chat"]["title"].as_str().unwrap_or("")
                ))
            } else if let Some(q) = u.get("callback_query") {
                let data = q["data"].as_str().unwrap_or("");
                let label = q["message"]["reply_markup"]["inline_keyboard"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|row| row.as_array().into_iter().flatten())
                    .find(|b| b["callback_data"].as_str() == Some(data))
                    .and_then(|b| b["text"].as_str())
                    .unwrap_or(data)
                    .to_owned();
                Some(format!("{} taps [{label}]", name(&q["from"])))
            } else {
                None
            }
        }
        Event::Call(call) => {
            let p = &call.params;
            let private = p["chat_id"].as_i64().is_some_and(|c| c > 0 && c != bot_id);
            let to = if private { " (privately)" } else { "" };
            match call.method.as_str() {
                "sendMessage" => {
                    Some(format!("🤖 Jiaxiao{to}: {}{}", indent(p["text"].as_str().unwrap_or("")), buttons_of(p)))
                }
                "copyMessage" => Some(format!(
                    "🤖 Jiaxiao{to}: (a copy of the notice, message #{} of the group){}",
                    p["message_id"],
                    buttons_of(p)
                )),
                "sendPhoto" => {
                    Some(format!("🤖 Jiaxiao posts a picture: {}", indent(p["caption"].as_str().unwrap_or(""))))
                }
                "editMessageText" => {
                    Some(format!("🤖 Jiaxiao (edits its message): {}", indent(p["text"].as_str().unwrap_or(""))))
                }
                "editMessageReplyMarkup" => {
                    let label = p["reply_markup"]["inline_keyboard"][0][0]["text"].as_str().unwrap_or("");
                    Some(format!("🤖 Jiaxiao (updates the button): [{label}]"))
                }
                "deleteMessage" => Some(format!("🤖 Jiaxiao deletes message #{}", p["message_id"])),
                "answerCallbackQuery" => p["text"].as_str().map(|t| format!("🤖 Jiaxiao (pop-up): {t}")),
                "restrictChatMember" => Some(format!("🤖 Jiaxiao restricts user {} for a day", p["user_id"])),
                _ => None,
            }
        }
    }
}

/// The buttons of a call's inline keyboard, on their own line.
fn buttons_of(p: &Value) -> String {
    let buttons: Vec<String> = p["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["text"].as_str().map(|t| format!("[{t}]")))
        .collect();
    if buttons.is_empty() { String::new() } else { format!("\n        {}", buttons.join(" ")) }
}

/// The latest bot message of `method` to `chat` with a button whose data starts with `prefix`: its
/// message id and that button's data.
fn latest_button(standin: &StandIn, method: &str, chat: i64, prefix: &str) -> Option<(i32, String)> {
    standin.calls_to(method).into_iter().rev().find_map(|c| {
        if c.params["chat_id"].as_i64() != Some(chat) {
            return None;
        }
        let data = c.params["reply_markup"]["inline_keyboard"]
            .as_array()?
            .iter()
            .flat_map(|row| row.as_array().cloned().unwrap_or_default())
            .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
            .find(|d| d.starts_with(prefix))?;
        Some((c.response["result"]["message_id"].as_i64().unwrap_or_default() as i32, data))
    })
}

fn button_in(standin: &StandIn, chat: i64, prefix: &str) -> Option<(i32, String)> {
    latest_button(standin, "sendMessage", chat, prefix)
}

/// The latest private copy of a notice sent to `user`, with its button starting with `prefix`.
fn private_button(standin: &StandIn, user: i64, prefix: &str) -> Option<(i32, String)> {
    latest_button(standin, "copyMessage", user, prefix)
}

/// The latest notice: its message id and its button's data.
fn notice_for(standin: &StandIn, chat: i64) -> Option<(i32, String)> {
    standin.calls_to("sendMessage").into_iter().rev().find_map(|c| {
        let data = c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str()?.to_owned();
        (c.params["chat_id"].as_i64() == Some(chat) && data.starts_with("nt:"))
            .then(|| (c.response["result"]["message_id"].as_i64().unwrap_or_default() as i32, data))
    })
}

/// The moderation card replying to `message_id`: its message id and its "delete" button's data.
fn card_for(standin: &StandIn, chat: i64, message_id: i32) -> Option<(i32, String)> {
    standin.calls_to("sendMessage").into_iter().find_map(|c| {
        let replies_to = c.params["reply_parameters"]["message_id"].as_i64() == Some(message_id as i64);
        let data = c.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str()?.to_owned();
        (c.params["chat_id"].as_i64() == Some(chat) && replies_to && data.starts_with("md:"))
            .then(|| (c.response["result"]["message_id"].as_i64().unwrap_or_default() as i32, data))
    })
}

/// Local time on the demo's Monday.
fn at(h: u32, m: u32) -> DateTime<Utc> {
    on_day(0, h, m)
}

/// Local time `day` days after the demo's Monday.
fn on_day(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Shanghai.with_ymd_and_hms(2026, 9, 7 + day, h, m, 0).single().expect("valid demo time").with_timezone(&Utc)
}

pub async fn run(serve: bool) -> ExitCode {
    match scenes(serve).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jiaxiao demo failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn scenes(serve: bool) -> anyhow::Result<()> {
    let standin = StandIn::start().await?;
    let clock = ManualClock::new(at(7, 30));
    standin.set_clock(Some(clock.now().timestamp()));
    let store = Arc::new(MemoryStore::new());
    // With --serve, the dashboard is served on a local port (the HTTP listener of `run`).
    let extras = crate::sim::SimExtras {
        http_listen: serve.then(|| std::net::SocketAddr::from(([127, 0, 0, 1], 0))),
        ..Default::default()
    };
    let sim = SimBot::start_with(
        standin.clone(),
        // The day is simulated in a few seconds: Telegram's 20 posts a minute per group would hold
        // the afternoon's posts back for real minutes, so the demo allows more.
        SimOptions {
            store,
            clock: clock.clone(),
            limits: Limits { group_per_min: 600, ..Limits::default() },
            jobs: true,
            webhook: None,
            llm: None,
        },
        extras,
    )
    .await?;
    let printer = spawn_printer(&standin, clock.clone(), standin.bot_user().id);
    let quiet = Duration::from_millis(60);
    let set_time = |h, m| {
        clock.set(at(h, m));
        standin.set_clock(Some(at(h, m).timestamp()));
    };

    let teacher = TgUser::new(1001, "王老师").username("wang_laoshi").lang("zh-hans");
    let mum = TgUser::new(1002, "李妈妈").username("li_mama").lang("zh-hans");
    let dad = TgUser::new(1003, "张爸爸").lang("zh-hans");
    let grandma = TgUser::new(1005, "陈奶奶").lang("zh-hans");
    let class = TgChat::supergroup(-1001234567890, "三年二班 家长群");
    standin.set_member_status(&class, &teacher, MemberStatus::Creator, false);

    println!("Jiaxiao demo — Monday 7 September 2026 in \"三年二班 家长群\" (times are Asia/Shanghai)\n");
    println!("— Morning: the class teacher installs the bot —");
    standin.add_bot(&class, &teacher);
    sim.settle(quiet).await;
    set_time(7, 31);
    let hello = standin.send_text(&class, &mum, "王老师早上好！我是李妈妈，家委会的。");
    sim.settle(quiet).await;
    set_time(7, 32);
    standin.send_reply(&class, &teacher, "/role committee", hello);
    sim.settle(quiet).await;
    set_time(7, 33);
    standin.send_text(&class, &dad, "/role teacher");
    sim.settle(quiet).await;
    set_time(7, 34);
    standin.send_text(&class, &teacher, "/settings tz Mars/Olympus");
    sim.settle(quiet).await;
    standin.send_text(&class, &teacher, "/settings grade primary");
    sim.settle(quiet).await;
    standin.send_text(&class, &teacher, "/remind exercise 17:30");
    sim.settle(quiet).await;
    standin.send_text(&class, &teacher, "/remind bedtime");
    sim.settle(quiet).await;
    set_time(7, 36);
    standin.send_text(&class, &dad, "/help");
    sim.settle(quiet).await;
    set_time(7, 40);
    standin.send_text(&class, &grandma, "老师好，我是陈小雨的奶奶，平时我来接送。");
    sim.settle(quiet).await;
    // The teacher and two parents open the private chat with the bot (so it may write to them).
    for who in [&teacher, &mum, &grandma] {
        standin.user_started_bot(who, true);
        standin.send_text(&TgChat::private(who), who, "/start");
        sim.settle(quiet).await;
    }

    println!("\n— Mid-morning: a notice, acknowledged with one tap instead of a flood of 收到 —");
    set_time(9, 0);
    standin.send_text(&class, &teacher, "/notice 周五上午秋游，8:00在校门口集合，请给孩子带水和帽子。");
    sim.settle(quiet).await;
    if let Some((notice, data)) = notice_for(&standin, class.id) {
        set_time(9, 2);
        standin.press_button(&class, &mum, notice, &data);
        sim.settle(Duration::from_millis(2_200)).await;
        set_time(9, 3);
        standin.send_reply(&class, &dad, "收到！🙏", notice);
        sim.settle(Duration::from_millis(2_200)).await;
        set_time(9, 10);
        standin.send_text(&class, &teacher, "/status");
        sim.settle(quiet).await;
        if let Some((status, chase)) = button_in(&standin, class.id, "nc:") {
            println!("\n— The teacher reminds those who have not acknowledged, privately —");
            set_time(9, 11);
            standin.press_button(&class, &teacher, status, &chase);
            sim.settle(Duration::from_millis(300)).await;
            if let Some((copy, ack)) = private_button(&standin, grandma.id, "pa:") {
                set_time(9, 15);
                standin.press_button(&TgChat::private(&grandma), &grandma, copy, &ack);
                sim.settle(Duration::from_millis(1_200)).await;
            }
        }
    }

    println!("\n— Noon: a fee request, a warning about fees, an ad, a warning that hides a fee request, and a");
    println!("  \"please take a look\" from the learned model —");
    let outsider = TgUser::new(1004, "小王").lang("zh-hans");
    set_time(12, 10);
    let fee = standin.send_text(
        &class,
        &dad,
        "各位家长，给老师买教师节礼物，每人50元，今晚前转给我（微信），没转的我会单独提醒",
    );
    sim.settle(quiet).await;
    if let Some(card) = card_for(&standin, class.id, fee) {
        set_time(12, 11);
        standin.press_button(&class, &dad, card.0, &card.1);
        sim.settle(quiet).await;
        set_time(12, 12);
        standin.press_button(&class, &mum, card.0, &card.1);
        sim.settle(quiet).await;
    }
    set_time(12, 20);
    standin.send_text(&class, &mum, "提醒大家：学校和家委会从不在群里收钱，看到收款码请不要转账。");
    sim.settle(quiet).await;
    set_time(12, 30);
    let ad = standin.send_text(&class, &outsider, "暑期奥数衔接班火热招生🔥 名师一对一提分，前10名报名立减300，私聊我");
    sim.settle(quiet).await;
    if let Some(card) = card_for(&standin, class.id, ad) {
        set_time(12, 31);
        standin.press_button(&class, &teacher, card.0, &card.1);
        sim.settle(quiet).await;
    }
    set_time(12, 32);
    standin.send_text(
        &class,
        &mum,
        "谨防诈骗，别信陌生人发的收款码！\n真正的通知在这：下周春游门票加午餐每人85元，周三前转家委会李妈妈。",
    );
    sim.settle(quiet).await;
    set_time(12, 33);
    let look = standin.send_text(&class, &outsider, "我老公是卖车的，最近有优惠，想换车的家长可以联系我");
    sim.settle(quiet).await;
    if let Some(card) = card_for(&standin, class.id, look) {
        set_time(12, 34);
        let allow = card.1.replacen("md:d:", "md:n:", 1);
        standin.press_button(&class, &teacher, card.0, &allow);
        sim.settle(quiet).await;
    }
    set_time(12, 35);
    standin.send_text(&class, &mum, "/modlog");
    sim.settle(quiet).await;

    println!("\n— Afternoon and evening: reminders with a check-in, and Monday's micro-lesson, on schedule —");
    set_time(17, 30);
    sim.settle(Duration::from_millis(300)).await;
    if let Some((reminder, data)) = button_in(&standin, class.id, "ck:") {
        set_time(18, 40);
        standin.press_button(&class, &mum, reminder, &data);
        sim.settle(Duration::from_millis(300)).await;
        set_time(18, 45);
        standin.press_button(&class, &grandma, reminder, &data);
        sim.settle(Duration::from_millis(2_200)).await;
        standin.press_button(&class, &grandma, reminder, &data);
        sim.settle(quiet).await;
    }
    println!("\n— A question to the teacher, in private: nothing appears in the group —");
    set_time(19, 0);
    standin.send_text(&TgChat::private(&mum), &mum, "/ask 孩子最近作业写到很晚，是不是作业太多？想私下和您聊聊。");
    sim.settle(Duration::from_millis(300)).await;
    if let Some((question, _)) = button_in(&standin, teacher.id, "ar:") {
        set_time(19, 20);
        standin.send_reply(
            &TgChat::private(&teacher),
            &teacher,
            "李妈妈您好，书面作业按规定在一小时内。明天放学后我们当面聊聊孩子的时间安排。",
            question,
        );
        sim.settle(Duration::from_millis(1_200)).await;
    }
    set_time(19, 59);
    sim.settle(quiet).await;
    set_time(20, 0);
    sim.settle(Duration::from_millis(300)).await;
    set_time(20, 5);
    if let Some(lesson) = standin.calls_to("sendMessage").iter().rev().find(|c| c.params["parse_mode"] == "HTML") {
        let id = lesson.response["result"]["message_id"].as_i64().unwrap_or_default() as i32;
        let data =
            lesson.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].as_str().unwrap_or("").to_owned();
        standin.press_button(&class, &mum, id, &data);
        sim.settle(quiet).await;
        standin.press_button(&class, &mum, id, &data);
        sim.settle(quiet).await;
    }
    set_time(20, 10);
    standin.send_text(&class, &teacher, "/lessons");
    sim.settle(quiet).await;
    set_time(20, 50);
    sim.settle(Duration::from_millis(300)).await;

    println!("\n— Later: the class switches to English for an exchange family —");
    set_time(21, 0);
    standin.send_text(&class, &teacher, "/settings lang en");
    sim.settle(quiet).await;
    standin.send_text(&class, &dad, "/help");
    sim.settle(quiet).await;

    println!("\n— Night: the teacher sends tomorrow's change to all her classes from a private chat —");
    set_time(21, 10);
    standin.user_started_bot(&teacher, true);
    standin.send_text(
        &TgChat::private(&teacher),
        &teacher,
        "/broadcast 明天下午有雷雨，放学时间提前到15:30，请家长按时接孩子。",
    );
    sim.settle(Duration::from_millis(300)).await;

    println!("\n— Wednesday and Friday afternoons, in brief —");
    for (day, who) in [(2, vec![&mum, &dad, &grandma]), (4, vec![&mum, &grandma])] {
        let t = on_day(day, 17, 30);
        clock.set(t);
        standin.set_clock(Some(t.timestamp()));
        sim.settle(Duration::from_millis(300)).await;
        if let Some((reminder, data)) = button_in(&standin, class.id, "ck:") {
            for parent in who {
                standin.press_button(&class, parent, reminder, &data);
                sim.settle(quiet).await;
            }
            sim.settle(Duration::from_millis(2_200)).await;
        }
    }

    println!("\n— Sunday 19:00: the week in one picture (counts only, no names) —");
    let sunday = on_day(6, 19, 0);
    clock.set(sunday);
    standin.set_clock(Some(sunday.timestamp()));
    let mut photos = Vec::new();
    for _ in 0..100 {
        photos = standin.uploaded_photos(class.id);
        if !photos.is_empty() {
            break;
        }
        sim.settle(Duration::from_millis(50)).await;
    }
    if let Some((png, _)) = photos.pop() {
        let file = std::env::temp_dir().join("jiaxiao-demo-weekly.png");
        std::fs::write(&file, png)?;
        println!("        (the picture, {} bytes, is saved to {})", std::fs::metadata(&file)?.len(), file.display());
    }

    println!("\n— A parent in private: her own week, then she asks the bot to forget her —");
    let private = TgChat::private(&mum);
    standin.send_text(&private, &mum, "/me");
    sim.settle(Duration::from_millis(1_200)).await;
    standin.send_text(&private, &mum, "/forgetme");
    sim.settle(Duration::from_millis(1_200)).await;

    if let Some(addr) = sim.http_addr.filter(|_| serve) {
        // The demo's own sign-in: initData signed with the stand-in's token, which only the demo
        // knows; `run` has no such thing (Telegram signs with the real token).
        let key = crate::webapp::auth::secret_key(StandIn::TOKEN);
        let user = serde_json::json!({"id": teacher.id, "first_name": teacher.first_name, "language_code": "zh-hans"});
        let init = crate::webapp::auth::sign(&key, &user.to_string(), clock.now().timestamp());
        let fragment = url::form_urlencoded::Serializer::new(String::new()).append_pair("tgWebAppData", &init).finish();
        println!("\n— The class dashboard over the demo's state, signed in as 王老师 —");
        println!("        open http://{addr}/app#{fragment}");
        println!("        (Ctrl-C to stop; the sign-in is valid for a day of the demo's clock)");
        printer.abort();
        let _ = tokio::signal::ctrl_c().await;
    }
    sim.stop().await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    printer.abort();
    standin.shutdown();
    println!("\nEnd of the demo. Every reply above came from the real handlers; Telegram was the built-in stand-in.");
    Ok(())
}
