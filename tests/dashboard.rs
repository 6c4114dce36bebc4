//! The dashboard (Mini App): its API through HTTP (every `cargo test`), and the real page in Debian's
//! Chromium driven through ChromeDriver (W3C WebDriver over HTTP), against the page the bot serves
//! on its HTTP listener and the Bot API stand-in (`#[ignore]`d without a browser; `.ci/run` installs
//! `chromium` and `chromium-driver` and runs them).

mod support;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use jiaxiao::clock::ManualClock;
use jiaxiao::jobs::ratelimit::Limits;
use jiaxiao::model::Role;
use jiaxiao::sim::{SimBot, SimExtras, SimOptions};
use jiaxiao::standin::{Call, MemberStatus, StandIn, TgChat, TgUser};
use jiaxiao::store::MemoryStore;
use jiaxiao::webapp::auth;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use support::chat::*;

fn teacher() -> TgUser {
    TgUser::new(3001, "王老师").lang("zh-hans")
}
fn mum() -> TgUser {
    TgUser::new(3002, "李妈妈").lang("zh-hans")
}
fn dad() -> TgUser {
    TgUser::new(3003, "张爸爸").lang("zh-hans")
}
fn grandma() -> TgUser {
    TgUser::new(3004, "陈奶奶").lang("zh-hans")
}
fn committee() -> TgUser {
    TgUser::new(3005, "赵家委").lang("zh-hans")
}
fn classes() -> [TgChat; 3] {
    [
        TgChat::supergroup(-1003100000001, "三年二班"),
        TgChat::supergroup(-1003100000002, "三年三班"),
        TgChat::supergroup(-1003100000003, "四年一班"),
    ]
}

fn now() -> DateTime<Utc> {
    Shanghai.with_ymd_and_hms(2026, 9, 7, 10, 0, 0).unwrap().with_timezone(&Utc)
}

/// A signed `initData` for `user`, as Telegram would hand it to the page.
fn init_data(user: &TgUser) -> String {
    let json = json!({"id": user.id, "first_name": user.first_name, "language_code": "zh-hans"}).to_string();
    auth::sign(&auth::secret_key(StandIn::TOKEN), &json, now().timestamp())
}

struct World {
    sim: SimBot,
    base: String,
    notice: String,
    flagged: i32,
}

/// The teacher runs three classes; in the first a notice was acknowledged by one of three parents
/// (李妈妈 started the bot), and a fee request waits for a decision.
async fn world() -> World {
    let standin = StandIn::start().await.unwrap();
    let s = &standin;
    let opts = SimOptions {
        store: Arc::new(MemoryStore::new()),
        clock: ManualClock::new(now()),
        limits: Limits { group_per_min: 1000, ..Limits::default() },
        jobs: true,
        webhook: None,
        llm: None,
    };
    let extras = SimExtras { http_listen: Some("127.0.0.1:0".parse().unwrap()), ..SimExtras::default() };
    let sim = SimBot::start_with(standin.clone(), opts, extras).await.unwrap();
    for class in classes() {
        s.set_member_status(&class, &teacher(), MemberStatus::Creator, false);
        s.add_bot(&class, &teacher());
        reply_containing(s, class.id, "/settings").await;
        s.send_text(&class, &teacher(), "/settings grade primary");
        reply_containing(s, class.id, "已保存").await;
    }
    let class = &classes()[0];
    for p in [mum(), dad(), grandma(), committee()] {
        s.send_text(class, &p, "老师好");
    }
    sim.app.store.set_role(class.id, committee().id as u64, Role::Committee).await.unwrap();
    s.user_started_bot(&mum(), true);
    s.send_text(&TgChat::private(&mum()), &mum(), "/start");
    reply_containing(s, mum().id, "").await;
    s.send_text(class, &teacher(), "/notice 周五秋游，请带水和帽子");
    let posted = s
        .wait_for(
            "sendMessage",
            |c| c.params["chat_id"].as_i64() == Some(class.id) && c.params["reply_markup"].to_string().contains("nt:"),
            WAIT,
        )
        .await
        .unwrap();
    let data = button_with(&posted, "nt:");
    let q = s.press_button(class, &grandma(), card_id(&posted), &data);
    callback_answer(s, &q).await;
    let fee = s.send_text(class, &dad(), "各位家长，班费每人200元，今晚前转给我");
    s.wait_for("sendMessage", move |c| c.params["reply_parameters"]["message_id"].as_i64() == Some(fee as i64), WAIT)
        .await
        .expect("a moderation card");
    let base = format!("http://{}", sim.http_addr.unwrap());
    World { sim, base, notice: data.trim_start_matches("nt:").to_owned(), flagged: fee }
}

async fn get(url: &str, init: Option<&str>) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut req = reqwest::Client::new().get(url).header("Origin", "https://evil.example");
    if let Some(i) = init {
        req = req.header("Authorization", format!("tma {i}"));
    }
    let r = req.send().await.unwrap();
    let (status, headers) = (r.status().as_u16(), r.headers().clone());
    (status, r.json().await.unwrap_or(Value::Null), headers)
}

#[tokio::test]
async fn the_api_checks_init_data_and_shows_each_person_only_their_groups() {
    let w = world().await;
    let [a, b, _] = classes();
    // No or forged initData: 401.
    assert_eq!(get(&format!("{}/api/me", w.base), None).await.0, 401);
    let forged = init_data(&teacher()).replace("3001", "3002");
    assert_eq!(get(&format!("{}/api/me", w.base), Some(&forged)).await.0, 401);
    let stale = auth::sign(
        &auth::secret_key(StandIn::TOKEN),
        &json!({"id": teacher().id, "first_name": "王老师"}).to_string(),
        now().timestamp() - 2 * 86_400,
    );
    assert_eq!(get(&format!("{}/api/me", w.base), Some(&stale)).await.0, 401);
    // The teacher sees her three groups; no CORS header is ever sent.
    let (status, me, headers) = get(&format!("{}/api/me", w.base), Some(&init_data(&teacher()))).await;
    assert_eq!(status, 200);
    assert_eq!(me["groups"].as_array().unwrap().len(), 3, "{me}");
    assert!(headers.get("access-control-allow-origin").is_none());
    let (_, notices, _) = get(&format!("{}/api/groups/{}/notices", w.base, a.id), Some(&init_data(&teacher()))).await;
    let n = &notices["notices"][0];
    assert_eq!((n["acked"].as_u64(), n["audience"].as_u64()), (Some(1), Some(3)), "{notices}");
    // The committee member: moderation only, in her group only.
    let committee = init_data(&committee());
    let (_, me, _) = get(&format!("{}/api/me", w.base), Some(&committee)).await;
    assert_eq!(me["groups"].as_array().unwrap().len(), 1);
    assert_eq!(me["groups"][0]["role"], "committee");
    assert_eq!(get(&format!("{}/api/groups/{}/notices", w.base, a.id), Some(&committee)).await.0, 403);
    let (status, flags, _) = get(&format!("{}/api/groups/{}/flags", w.base, a.id), Some(&committee)).await;
    assert_eq!(status, 200);
    assert_eq!(flags["open"][0]["message"].as_i64(), Some(w.flagged as i64), "{flags}");
    assert_eq!(get(&format!("{}/api/groups/{}/flags", w.base, b.id), Some(&committee)).await.0, 403);
    // A parent sees no group and can read none; only their own questions (no text: where, when, answered).
    let ask = jiaxiao::store::Ask {
        id: "q1".into(),
        chat: a.id,
        parent: dad().id as u64,
        parent_name: "张爸爸".into(),
        at: now(),
        answered: true,
    };
    w.sim.app.store.put_ask(&ask).await.unwrap();
    let (_, me, _) = get(&format!("{}/api/me", w.base), Some(&init_data(&dad()))).await;
    assert!(me["groups"].as_array().unwrap().is_empty());
    assert_eq!(me["my_questions"].as_array().unwrap().len(), 1, "{me}");
    assert_eq!(me["my_questions"][0]["answered"], true);
    let (_, other, _) = get(&format!("{}/api/me", w.base), Some(&init_data(&grandma()))).await;
    assert!(other["my_questions"].as_array().unwrap().is_empty(), "never someone else's");
    assert_eq!(get(&format!("{}/api/groups/{}/flags", w.base, a.id), Some(&init_data(&dad()))).await.0, 403);
    assert_eq!(get(&format!("{}/api/groups/abc/flags", w.base), Some(&init_data(&dad()))).await.0, 400);
    // Changes need JSON: a form post from another site is refused.
    let r = reqwest::Client::new()
        .post(format!("{}/api/groups/{}/flags/{}", w.base, a.id, w.flagged))
        .header("Authorization", format!("tma {}", init_data(&teacher())))
        .form(&[("action", "delete")])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());

    // Schedules: set in place, validated; a parent cannot.
    let post = |path: String, init: String, body: Value| async move {
        let r = reqwest::Client::new()
            .post(path)
            .header("Authorization", format!("tma {init}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json::<Value>().await.unwrap_or(Value::Null))
    };
    let sched = format!("{}/api/groups/{}/schedules", w.base, a.id);
    let teacher_init = init_data(&teacher());
    let (status, saved) = post(sched.clone(), teacher_init.clone(), json!({"kind": "exercise", "time": "17:30"})).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["reminders"]["exercise"], "17:30");
    let (status, _) = post(sched.clone(), teacher_init.clone(), json!({"kind": "exercise", "time": "25:61"})).await;
    assert_eq!(status, 400);
    let (status, saved) =
        post(sched.clone(), teacher_init.clone(), json!({"kind": "lessons", "time": "19:30", "days": "tue,thu"})).await;
    assert_eq!((status, saved["lessons"]["days"].as_str()), (200, Some("tue,thu")), "{saved}");
    let (status, _) = post(sched.clone(), init_data(&dad()), json!({"kind": "exercise", "time": null})).await;
    assert_eq!(status, 403);
    let group = w.sim.app.store.group(a.id).await.unwrap().unwrap();
    assert_eq!(group.settings.reminders.get("exercise").map(|t| t.to_string()).as_deref(), Some("17:30"));
    assert_eq!(group.settings.lessons.unwrap().at().to_string(), "19:30");

    // /dashboard in private: the web_app button to JIAXIAO_PUBLIC_URL (here set directly).
    let s = &w.sim.standin;
    s.user_started_bot(&teacher(), true);
    s.send_text(&TgChat::private(&teacher()), &teacher(), "/dashboard");
    assert!(reply_containing(s, teacher().id, "JIAXIAO_PUBLIC_URL").await.contains("https"));
    w.sim.app.public_url.set(url::Url::parse("https://bot.example.edu.cn/app").unwrap()).unwrap();
    s.send_text(&TgChat::private(&teacher()), &teacher(), "/dashboard");
    let tid = teacher().id;
    let opened = s
        .wait_for(
            "sendMessage",
            move |c| {
                c.params["chat_id"].as_i64() == Some(tid) && c.params["reply_markup"].to_string().contains("web_app")
            },
            WAIT,
        )
        .await
        .expect("a web_app button");
    assert_eq!(
        opened.params["reply_markup"]["inline_keyboard"][0][0]["web_app"]["url"],
        "https://bot.example.edu.cn/app"
    );

    // Someone who leaves the group loses its dashboard with their role.
    s.set_member_status(&a, &self::committee(), MemberStatus::Left, true);
    // teloxide handles one chat's updates in order: once a later command is answered, the leave
    // has been handled.
    s.send_text(&a, &teacher(), "/settings grade primary");
    reply_containing(s, a.id, "已保存").await;
    assert!(w.sim.app.store.role(a.id, self::committee().id as u64).await.unwrap().is_none());
    assert_eq!(get(&format!("{}/api/groups/{}/flags", w.base, a.id), Some(&committee)).await.0, 403);
    let (_, me, _) = get(&format!("{}/api/me", w.base), Some(&committee)).await;
    assert!(me["groups"].as_array().unwrap().is_empty(), "{me}");

    // At most 120 requests a minute per person.
    let mut last = 0;
    for _ in 0..130 {
        last = get(&format!("{}/api/me", w.base), Some(&init_data(&grandma()))).await.0;
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
    w.sim.stop().await;
}

// ------------------------------------------------------------------ the browser

struct Driver {
    process: std::process::Child,
    url: String,
    session: String,
    http: reqwest::Client,
}

impl Driver {
    async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process = std::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver (apt-get install chromium chromium-driver)");
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let mut ready = false;
        for _ in 0..100 {
            if let Ok(r) = http.get(format!("{url}/status")).send().await
                && r.json::<Value>().await.is_ok_and(|v| v["value"]["ready"] == true)
            {
                ready = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(ready, "chromedriver did not start");
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,640"]
        }}}});
        let r: Value = http.post(format!("{url}/session")).json(&caps).send().await.unwrap().json().await.unwrap();
        let session = r["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {r}")).to_owned();
        let d = Driver { process, url, session, http };
        // Finding an element waits for it (the page loads its data after start).
        d.cmd("timeouts", json!({"implicit": 10_000})).await;
        d
    }

    async fn cmd(&self, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}/{path}", self.url, self.session);
        let r: Value = self.http.post(url).json(&body).send().await.unwrap().json().await.unwrap();
        r["value"].clone()
    }

    /// Loads `url` afresh (a change of the fragment alone would not reload the page).
    async fn open(&self, url: &str) {
        self.cmd("url", json!({"url": "about:blank"})).await;
        self.cmd("url", json!({"url": url})).await;
    }

    async fn find(&self, css: &str) -> String {
        let v = self.cmd("element", json!({"using": "css selector", "value": css})).await;
        v["element-6066-11e4-a52e-4f735466cecf"].as_str().unwrap_or_else(|| panic!("no element {css}: {v}")).to_owned()
    }

    async fn text(&self, css: &str) -> String {
        let id = self.find(css).await;
        let url = format!("{}/session/{}/element/{id}/text", self.url, self.session);
        let r: Value = self.http.get(url).send().await.unwrap().json().await.unwrap();
        r["value"].as_str().unwrap_or_default().to_owned()
    }

    async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.cmd(&format!("element/{id}/click"), json!({})).await;
    }

    async fn count(&self, css: &str) -> usize {
        let v = self.cmd("elements", json!({"using": "css selector", "value": css})).await;
        v.as_array().map_or(0, Vec::len)
    }

    /// Saves a screenshot next to the test binaries' scratch files; returns the path.
    async fn screenshot(&self, name: &str) -> std::path::PathBuf {
        use base64::Engine;
        let url = format!("{}/session/{}/screenshot", self.url, self.session);
        let r: Value = self.http.get(url).send().await.unwrap().json().await.unwrap();
        let png = base64::engine::general_purpose::STANDARD.decode(r["value"].as_str().unwrap()).unwrap();
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dashboard-{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn app_url(base: &str, init: &str) -> String {
    let mut fragment = url::form_urlencoded::Serializer::new(String::new());
    fragment.append_pair("tgWebAppData", init);
    fragment.append_pair("tgWebAppThemeParams", r##"{"bg_color":"#ffffff","button_color":"#3390ec"}"##);
    format!("{base}/app#{}", fragment.finish())
}

async fn wait_call(s: &StandIn, method: &str, pred: impl Fn(&Call) -> bool + Send + 'static) -> Call {
    s.wait_for(method, pred, WAIT).await.unwrap_or_else(|| panic!("no {method}"))
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver (apt-get install chromium chromium-driver); run by .ci/run"]
async fn in_a_browser_a_teacher_reminds_privately_clears_a_flag_and_switches_to_english() {
    let w = world().await;
    let s = w.sim.standin.clone();
    let class = classes()[0].clone();
    let d = Driver::start().await;

    // A forged initData: the page says 401 and shows nothing.
    let forged = init_data(&teacher()).replace("3001", "3002");
    d.open(&app_url(&w.base, &forged)).await;
    d.find("#error[data-status='401']").await;
    assert_eq!(d.count(".notice").await, 0);

    d.open(&app_url(&w.base, &init_data(&teacher()))).await;
    assert_eq!(d.count("#group-select option").await, 3, "three classes");
    d.click(&format!("#group-select option[value='{}']", class.id)).await;
    let rate = d.text(&format!("#rate-{}", w.notice)).await;
    assert!(rate.contains("1/3") && rate.contains("33%"), "{rate}");
    println!("{}", d.screenshot("notices").await.display());

    d.click(&format!("#remind-{}", w.notice)).await;
    d.find(&format!("#reminded-{}[data-queued='1']", w.notice)).await;
    let mum_id = mum().id;
    wait_call(&s, "copyMessage", move |c| c.params["chat_id"].as_i64() == Some(mum_id)).await;

    d.click("#tab-moderation").await;
    d.click(&format!("#allow-{}", w.flagged)).await;
    d.find(&format!("#decided-{}[data-result='done']", w.flagged)).await;
    let chat = class.id;
    let edit = wait_call(&s, "editMessageText", move |c| c.params["chat_id"].as_i64() == Some(chat)).await;
    assert!(text_of(&edit).contains("王老师") && text_of(&edit).contains("不违规"), "{}", text_of(&edit));
    println!("{}", d.screenshot("moderation").await.display());

    d.click("#lang-toggle").await;
    // The page marks its language once the English texts are in.
    d.find("html[lang='en']").await;
    let english = d.text("#tab-notices").await;
    assert_eq!(english, "Notices");
    d.click("#tab-week").await;
    d.find("#week-title").await;
    println!("{}", d.screenshot("week-en").await.display());

    // Schedules are edited in place.
    d.click("#tab-schedules").await;
    d.find("#time-exercise").await;
    d.cmd("execute/sync", json!({"script": "document.getElementById('time-exercise').value = '17:45'", "args": []}))
        .await;
    d.click("#save-exercise").await;
    d.find("#saved-exercise[data-saved='17:45']").await;
    let g = w.sim.app.store.group(class.id).await.unwrap().unwrap();
    assert_eq!(g.settings.reminders.get("exercise").map(|t| t.to_string()).as_deref(), Some("17:45"));
    // A desktop window too.
    d.cmd("window/rect", json!({"width": 1280, "height": 800})).await;
    println!("{}", d.screenshot("schedules-desktop").await.display());

    // The committee member sees moderation only.
    d.open(&app_url(&w.base, &init_data(&committee()))).await;
    d.find("#modlog").await;
    assert_eq!(d.count("#group-select option").await, 1);
    let hidden = d
        .cmd("execute/sync", json!({"script": "return document.getElementById('tab-notices').hidden", "args": []}))
        .await;
    assert_eq!(hidden, Value::Bool(true));
    println!("{}", d.screenshot("committee").await.display());

    // A parent sees only their own week.
    d.open(&app_url(&w.base, &init_data(&grandma()))).await;
    d.find("#my-week").await;
    assert_eq!(d.count(".notice").await + d.count(".flag").await, 0);
    let tabs = d
        .cmd(
            "execute/sync",
            json!({"script": "return getComputedStyle(document.getElementById('tabs')).display", "args": []}),
        )
        .await;
    assert_eq!(tabs, "none", "a parent sees no tabs");
    w.sim.stop().await;
}
