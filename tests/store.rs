//! One behavioural suite, run against the memory store and the Redis store.

mod support;

use chrono::{DateTime, Duration as Days, Utc};
use jiaxiao::model::{Grade, Group, Lang, Member, Role, Settings};
use jiaxiao::store::{
    BroadcastStore, Counter, Enqueued, Flag, GroupStore, MemoryStore, ModEntry, Notice, OutMessage, OutboxItem,
    RedisStore, RoleStore, Store, Subscription,
};
use std::time::Duration;

fn member(id: u64, name: &str, username: Option<&str>) -> Member {
    Member { user_id: id, name: name.to_owned(), username: username.map(str::to_owned), lang: None }
}

async fn groups_and_settings_persist(s: &dyn Store) {
    assert!(s.group(-1).await.unwrap().is_none());
    let mut g = Group::new(-1, "三年二班", Settings::default());
    g.settings.lang = Lang::En;
    g.settings.grade = Grade::Junior;
    s.put_group(&g).await.unwrap();
    assert_eq!(s.group(-1).await.unwrap(), Some(g.clone()));
    s.put_group(&Group::new(-2, "other", Settings::default())).await.unwrap();
    assert_eq!(s.active_groups().await.unwrap(), vec![-2, -1]);
    g.active = false;
    s.put_group(&g).await.unwrap();
    assert_eq!(s.active_groups().await.unwrap(), vec![-2]);
    assert!(!s.group(-1).await.unwrap().unwrap().active);
}

async fn roles_set_list_and_reset(s: &dyn Store) {
    s.set_role(-5, 10, Role::Teacher).await.unwrap();
    s.set_role(-5, 11, Role::Committee).await.unwrap();
    s.set_role(-6, 10, Role::Committee).await.unwrap();
    assert_eq!(s.role(-5, 10).await.unwrap(), Some(Role::Teacher));
    assert_eq!(s.role(-6, 10).await.unwrap(), Some(Role::Committee));
    assert_eq!(s.roles(-5).await.unwrap(), vec![(10, Role::Teacher), (11, Role::Committee)]);
    s.set_role(-5, 10, Role::Parent).await.unwrap();
    assert_eq!(s.role(-5, 10).await.unwrap(), None);
    assert_eq!(s.roles(-5).await.unwrap(), vec![(11, Role::Committee)]);
}

async fn roster_finds_members_by_username(s: &dyn Store) {
    s.remember(-7, &member(1, "王老师", Some("WangLaoshi"))).await.unwrap();
    s.remember(-7, &member(2, "李妈妈", None)).await.unwrap();
    assert_eq!(s.member_by_username(-7, "@wanglaoshi").await.unwrap().unwrap().user_id, 1);
    assert_eq!(s.member_by_username(-8, "wanglaoshi").await.unwrap(), None);
    assert_eq!(s.member(-7, 2).await.unwrap().unwrap().name, "李妈妈");
    assert_eq!(s.members(-7).await.unwrap().len(), 2);
    // The username moves to someone else: the old owner no longer answers to it.
    s.remember(-7, &member(3, "New", Some("wanglaoshi"))).await.unwrap();
    assert_eq!(s.member_by_username(-7, "wanglaoshi").await.unwrap().unwrap().user_id, 3);
}

async fn migration_moves_everything(s: &dyn Store) {
    let g = Group::new(-100, "old", Settings { grade: Grade::Senior, ..Settings::default() });
    s.put_group(&g).await.unwrap();
    s.set_role(-100, 1, Role::Teacher).await.unwrap();
    s.remember(-100, &member(1, "T", Some("t"))).await.unwrap();
    s.migrate_group(-100, -1001234567890).await.unwrap();
    let moved = s.group(-1001234567890).await.unwrap().unwrap();
    assert_eq!(moved.chat_id, -1001234567890);
    assert_eq!(moved.settings.grade, Grade::Senior);
    assert!(s.group(-100).await.unwrap().is_none());
    assert_eq!(s.role(-1001234567890, 1).await.unwrap(), Some(Role::Teacher));
    assert_eq!(s.member_by_username(-1001234567890, "t").await.unwrap().unwrap().user_id, 1);
    assert!(s.active_groups().await.unwrap().contains(&-1001234567890));
    assert!(!s.active_groups().await.unwrap().contains(&-100));
    // Idempotent.
    s.migrate_group(-100, -1001234567890).await.unwrap();
    assert_eq!(s.role(-1001234567890, 1).await.unwrap(), Some(Role::Teacher));
}

async fn claims_are_exclusive_until_released(s: &dyn Store) {
    assert!(s.claim_once("lesson:-1:2026-W37-1", Duration::from_secs(60)).await.unwrap());
    assert!(!s.claim_once("lesson:-1:2026-W37-1", Duration::from_secs(60)).await.unwrap());
    s.release_once("lesson:-1:2026-W37-1").await.unwrap();
    assert!(s.claim_once("lesson:-1:2026-W37-1", Duration::from_secs(60)).await.unwrap());
    assert!(s.claim_once("short", Duration::from_millis(20)).await.unwrap());
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert!(s.claim_once("short", Duration::from_millis(20)).await.unwrap(), "claims expire");
}

fn item(id: &str, chat: i64, due: DateTime<Utc>) -> OutboxItem {
    OutboxItem {
        id: id.to_owned(),
        chat,
        due,
        attempts: 0,
        message: OutMessage {
            text: format!("text {id}"),
            html: true,
            buttons: vec![vec![("👍".into(), "lf:u:x".into())]],
            ..OutMessage::default()
        },
        lesson: Some("w01-fact-x".into()),
        notice: None,
        paid: false,
        unless_acked: None,
    }
}

async fn outbox_is_exactly_once_and_ordered(s: &dyn Store) {
    let t0 = DateTime::parse_from_rfc3339("2026-09-07T12:00:00Z").unwrap().with_timezone(&Utc);
    let c = Counter::group_lessons(-1);
    assert_eq!(s.enqueue(&item("b", -1, t0 + Days::minutes(5)), Some((&c, 0))).await.unwrap(), Enqueued::New);
    assert_eq!(s.counter(&c).await.unwrap(), 1);
    // Same id again: nothing happens, the counter does not move.
    assert_eq!(s.enqueue(&item("b", -1, t0), Some((&c, 1))).await.unwrap(), Enqueued::Duplicate);
    assert_eq!(s.counter(&c).await.unwrap(), 1);
    // Stale expectation: conflict, nothing queued.
    assert_eq!(s.enqueue(&item("c", -1, t0), Some((&c, 0))).await.unwrap(), Enqueued::Conflict);
    assert_eq!(s.enqueue(&item("a", -2, t0), None).await.unwrap(), Enqueued::New);
    assert_eq!(s.queued().await.unwrap(), 2);
    assert_eq!(s.next_due().await.unwrap(), Some(t0));
    assert_eq!(s.due(t0, 10).await.unwrap().iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), vec!["a"]);
    let both = s.due(t0 + Days::hours(1), 10).await.unwrap();
    assert_eq!(both.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), vec!["a", "b"]);
    assert_eq!(both[1], item("b", -1, t0 + Days::minutes(5)), "items round-trip");
    // Leases are exclusive, only for queued and due items, and hand back the item as it is now.
    let ttl = Duration::from_secs(30);
    assert_eq!(s.lease("b", "me", t0, ttl).await.unwrap(), None, "not due yet");
    assert_eq!(s.lease("zz", "me", t0, ttl).await.unwrap(), None, "not queued");
    assert_eq!(s.lease("a", "me", t0, ttl).await.unwrap().map(|i| i.id), Some("a".to_owned()));
    assert_eq!(s.lease("a", "other", t0, ttl).await.unwrap(), None);
    assert!(s.due(t0, 10).await.unwrap().is_empty(), "a leased item is not listed");
    let mut later = item("a", -2, t0 + Days::hours(2));
    later.attempts = 1;
    assert!(s.reschedule(&later, "me").await.unwrap());
    assert_eq!(s.lease("a", "me", t0 + Days::hours(1), ttl).await.unwrap(), None, "rescheduled later");
    assert_eq!(s.lease("a", "me", t0 + Days::hours(2), ttl).await.unwrap().unwrap().attempts, 1);
    assert_eq!(s.due(t0 + Days::hours(1), 10).await.unwrap().len(), 1);
    assert!(s.complete("a", "me").await.unwrap());
    assert_eq!(s.lease("a", "me", t0 + Days::hours(3), ttl).await.unwrap(), None, "sent: never again");
    assert!(s.complete("b", "me").await.unwrap(), "completing an item nobody holds is fine");
    assert_eq!(s.queued().await.unwrap(), 0);
    assert_eq!(s.next_due().await.unwrap(), None);
    // Completed ids stay known: a restarted scheduler cannot send the slot again.
    assert_eq!(s.enqueue(&item("a", -2, t0), None).await.unwrap(), Enqueued::Duplicate);
}

async fn feedback_counts_each_person_once(s: &dyn Store) {
    assert!(s.add_feedback(-1, "w01", "useful", 7).await.unwrap());
    assert!(!s.add_feedback(-1, "w01", "useful", 7).await.unwrap());
    assert!(s.add_feedback(-1, "w01", "tried", 7).await.unwrap());
    assert!(s.add_feedback(-1, "w01", "useful", 8).await.unwrap());
    assert_eq!(s.feedback_count(-1, "w01", "useful").await.unwrap(), 2);
    assert_eq!(s.feedback_count(-1, "w01", "tried").await.unwrap(), 1);
    assert_eq!(s.feedback_count(-2, "w01", "useful").await.unwrap(), 0);
    let t = Utc::now();
    s.log_lesson(-1, "w01", t - Days::days(2)).await.unwrap();
    s.log_lesson(-1, "w02", t).await.unwrap();
    let log = s.lesson_log(-1, 5).await.unwrap();
    assert_eq!(log.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), vec!["w02", "w01"]);
    // Feedback and progress move with a group upgraded to a supergroup.
    s.put_group(&Group::new(-1, "g", Settings::default())).await.unwrap();
    let c = Counter::group_lessons(-1);
    s.enqueue(&item("p", -1, t), Some((&c, 0))).await.unwrap();
    s.migrate_group(-1, -1009).await.unwrap();
    assert_eq!(s.feedback_count(-1009, "w01", "useful").await.unwrap(), 2);
    assert_eq!(s.counter(&Counter::group_lessons(-1009)).await.unwrap(), 1);
    assert_eq!(s.lesson_log(-1009, 5).await.unwrap().len(), 2);
}

async fn subscriptions_round_trip(s: &dyn Store) {
    let sub = Subscription { lang: Lang::En, grade: Grade::Junior };
    s.set_subscription(42, Some(&sub)).await.unwrap();
    assert_eq!(s.subscription(42).await.unwrap(), Some(sub.clone()));
    assert_eq!(s.subscriptions().await.unwrap(), vec![(42, sub)]);
    s.set_subscription(42, None).await.unwrap();
    assert!(s.subscriptions().await.unwrap().is_empty());
}

async fn moderation_flags_log_allow_and_warnings(s: &dyn Store) {
    let at = Utc::now();
    let flag = Flag {
        message_id: 77,
        sender: Some(5),
        sender_name: "某家长".into(),
        category: "fee_collection".into(),
        rule: "fee.amount_request".into(),
        excerpt: "每人交200元".into(),
        fingerprint: 0xdead_beef_dead_beef,
        at,
        card: Some(78),
        resolved: false,
        source: "model".into(),
        grams: vec![3, 17, 99],
    };
    s.put_flag(-1, &flag).await.unwrap();
    assert_eq!(s.flag(-1, 77).await.unwrap(), Some(flag.clone()));
    assert_eq!(s.flag(-1, 78).await.unwrap(), None);
    for (i, action) in ["flagged", "deleted", "allowed"].iter().enumerate() {
        let e = ModEntry {
            at: at + Days::seconds(i as i64),
            message_id: 77 + i as i32,
            sender: Some(5),
            sender_name: "某家长".into(),
            category: "fee_collection".into(),
            rule: "r".into(),
            action: action.to_string(),
            by: None,
            excerpt: None,
        };
        s.log_moderation(-1, &e, (i == 0).then_some("每人交200元")).await.unwrap();
    }
    let log = s.moderation_log(-1, 10).await.unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), vec!["allowed", "deleted", "flagged"]);
    assert_eq!(log[2].excerpt.as_deref(), Some("每人交200元"));
    assert_eq!(log[0].excerpt, None);
    assert_eq!(s.moderation_log(-1, 2).await.unwrap().len(), 2);
    s.allow(-1, u64::MAX).await.unwrap();
    s.allow(-1, 7).await.unwrap();
    assert_eq!(s.allow_list(-1).await.unwrap(), vec![7, u64::MAX]);
    assert_eq!(s.add_warning(-1, 5).await.unwrap(), 1);
    assert_eq!(s.add_warning(-1, 5).await.unwrap(), 2);
    s.reset_warnings(-1, 5).await.unwrap();
    assert_eq!(s.add_warning(-1, 5).await.unwrap(), 1);
    s.migrate_group(-1, -1007).await.unwrap();
    assert_eq!(s.allow_list(-1007).await.unwrap().len(), 2);
    assert_eq!(s.moderation_log(-1007, 10).await.unwrap().len(), 3);
}

async fn migration_keeps_what_the_new_id_already_has(s: &dyn Store) {
    s.set_role(-300, 1, Role::Teacher).await.unwrap();
    s.set_role(-300, 2, Role::Committee).await.unwrap();
    s.set_role(-1003, 1, Role::Committee).await.unwrap();
    s.add_warning(-300, 9).await.unwrap();
    s.add_warning(-300, 9).await.unwrap();
    s.add_warning(-1003, 9).await.unwrap();
    s.migrate_group(-300, -1003).await.unwrap();
    assert_eq!(s.role(-1003, 1).await.unwrap(), Some(Role::Committee), "set after the upgrade: kept");
    assert_eq!(s.role(-1003, 2).await.unwrap(), Some(Role::Committee), "only under the old id: moved");
    assert_eq!(s.add_warning(-1003, 9).await.unwrap(), 2, "the new id's count is kept, not added to");
}

async fn notices_and_acknowledgements(s: &dyn Store) {
    let at = Utc::now();
    let n = |id: &str, at| Notice {
        id: id.into(),
        author: "王老师".into(),
        author_id: Some(1),
        title: "明天春游".into(),
        at,
        message_id: None,
    };
    s.put_notice(-1, &n("a", at)).await.unwrap();
    s.put_notice(-1, &n("b", at + Days::minutes(1))).await.unwrap();
    assert_eq!(s.notice_by_message(-1, 42).await.unwrap(), None);
    s.put_notice(-1, &Notice { message_id: Some(42), ..n("a", at) }).await.unwrap();
    assert_eq!(s.notice_by_message(-1, 42).await.unwrap().unwrap().id, "a");
    assert_eq!(
        s.recent_notices(-1, 5).await.unwrap().iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        vec!["b", "a"]
    );
    assert!(s.ack(-1, "a", 7).await.unwrap());
    assert!(!s.ack(-1, "a", 7).await.unwrap(), "once per person");
    assert!(s.ack(-1, "a", 3).await.unwrap());
    assert!(s.ack(-1, "b", 7).await.unwrap());
    assert_eq!(s.acks(-1, "a").await.unwrap(), vec![3, 7]);
    s.migrate_group(-1, -1008).await.unwrap();
    assert_eq!(s.acks(-1008, "a").await.unwrap(), vec![3, 7]);
    assert_eq!(s.notice_by_message(-1008, 42).await.unwrap().unwrap().id, "a");
}

async fn group_samples_keep_the_newest(s: &dyn Store) {
    use jiaxiao::policy::group::MAX_SAMPLES;
    use jiaxiao::policy::{Category, GroupSample};
    let sample = |i: u32, fine: bool| GroupSample { category: Category::FeeCollection, fine, grams: vec![i, i + 1] };
    assert!(s.samples(-1).await.unwrap().is_empty());
    for i in 0..(MAX_SAMPLES as u32 + 3) {
        s.add_sample(-1, &sample(i, i % 2 == 0)).await.unwrap();
    }
    let got = s.samples(-1).await.unwrap();
    assert_eq!(got.len(), MAX_SAMPLES, "only the newest are kept");
    assert_eq!(got[0], sample(3, false), "oldest first");
    assert_eq!(got.last().unwrap(), &sample(MAX_SAMPLES as u32 + 2, true));
    assert!(s.samples(-2).await.unwrap().is_empty(), "per group");
    s.migrate_group(-1, -1009).await.unwrap();
    assert_eq!(s.samples(-1009).await.unwrap().len(), MAX_SAMPLES);
    assert!(s.samples(-1).await.unwrap().is_empty());
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod memory {
            use super::*;
            $( #[tokio::test] async fn $name() { super::$name(&MemoryStore::new()).await; } )*
        }
        mod redis {
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let store: RedisStore = support::redis_store(stringify!($name)).await;
                    super::$name(&store).await;
                    store.delete_prefix().await.unwrap();
                }
            )*
        }
        /// The same suite against a real three-master Redis Cluster (`.ci/run` starts one).
        mod cluster {
            use super::*;
            $(
                #[tokio::test]
                #[ignore = "needs a Redis Cluster (REDIS_CLUSTER_URL, tools/redis-cluster.sh); run by .ci/run"]
                async fn $name() {
                    let store: RedisStore = support::cluster_store(stringify!($name)).await;
                    super::$name(&store).await;
                    store.delete_prefix().await.unwrap();
                }
            )*
        }
    };
}

/// Leases belong to their owner: another sender cannot complete or reschedule them, renewing keeps
/// them, releasing (shutdown) or running out frees them at once for anyone.
async fn outbox_leases_are_owned_renewed_and_released(s: &dyn Store) {
    let t0 = DateTime::parse_from_rfc3339("2026-09-07T12:00:00Z").unwrap().with_timezone(&Utc);
    for id in ["x", "y", "z"] {
        s.enqueue(&item(id, -3, t0), None).await.unwrap();
    }
    let long = Duration::from_secs(30);
    assert!(s.lease("x", "copy-a", t0, long).await.unwrap().is_some());
    assert!(!s.complete("x", "copy-b").await.unwrap(), "not b's to complete");
    assert!(!s.reschedule(&item("x", -3, t0 + Days::hours(1)), "copy-b").await.unwrap(), "nor to reschedule");
    assert!(!s.renew("x", "copy-b", long).await.unwrap());
    assert!(s.renew("x", "copy-a", long).await.unwrap());
    assert_eq!(s.queued().await.unwrap(), 3, "nothing was removed by the wrong owner");
    // Released on shutdown: listed and leasable again at once.
    s.release("x", "copy-b").await.unwrap();
    assert!(s.lease("x", "copy-b", t0, long).await.unwrap().is_none(), "only the owner releases");
    s.release("x", "copy-a").await.unwrap();
    assert!(s.due(t0, 10).await.unwrap().iter().any(|i| i.id == "x"));
    assert!(s.lease("x", "copy-b", t0, long).await.unwrap().is_some());
    assert!(s.complete("x", "copy-b").await.unwrap());
    // Another item of the same chat waits while a sender posts into it: posts keep their order.
    assert!(s.lease("y", "copy-a", t0, long).await.unwrap().is_some());
    assert!(s.lease("z", "copy-b", t0, long).await.unwrap().is_none(), "the chat is busy with copy A");
    assert!(s.complete("y", "copy-a").await.unwrap());
    assert!(s.lease("z", "copy-b", t0, long).await.unwrap().is_some(), "free once A is done");
    // A late reschedule never brings back an item that was sent meanwhile.
    assert!(s.complete("z", "copy-b").await.unwrap());
    assert!(!s.reschedule(&item("z", -3, t0 + Days::hours(1)), "copy-a").await.unwrap());
    assert!(!s.complete("z", "copy-a").await.unwrap(), "nor is it completed (and recorded) twice");
    assert_eq!(s.queued().await.unwrap(), 0);
    // A lease that ran out (its owner died) is anyone's. A short lease, and wall time for it to run
    // out (as for claims above); exclusivity is checked with the long ones.
    s.enqueue(&item("w", -4, t0), None).await.unwrap();
    assert!(s.lease("w", "dead", t0, Duration::from_millis(20)).await.unwrap().is_some());
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert!(s.lease("w", "alive", t0, long).await.unwrap().is_some(), "the dead copy's item is taken over");
    assert!(!s.complete("w", "dead").await.unwrap(), "the dead copy's late completion is refused");
    assert!(!s.reschedule(&item("w", -4, t0 + Days::hours(1)), "dead").await.unwrap());
    assert!(s.complete("w", "alive").await.unwrap());
    assert!(s.due(t0, 10).await.unwrap().is_empty());
}

/// The per-user index `/broadcast` reads: groups where someone is teacher or a known admin.
async fn managed_groups_come_from_roles_and_admins(s: &dyn Store) {
    s.set_role(-10, 7, Role::Teacher).await.unwrap();
    s.set_role(-11, 7, Role::Committee).await.unwrap();
    s.set_admin(-12, 7, true).await.unwrap();
    s.set_admin(-13, 8, true).await.unwrap();
    assert_eq!(s.managed_groups(7).await.unwrap(), vec![-12, -10]);
    assert_eq!(s.admins(-12).await.unwrap(), vec![7]);
    s.set_role(-10, 7, Role::Parent).await.unwrap();
    s.set_admin(-12, 7, false).await.unwrap();
    assert!(s.managed_groups(7).await.unwrap().is_empty());
    s.set_role(-14, 7, Role::Teacher).await.unwrap();
    s.set_admin(-14, 9, true).await.unwrap();
    s.migrate_group(-14, -1000000000014).await.unwrap();
    assert_eq!(s.managed_groups(7).await.unwrap(), vec![-1000000000014], "the index follows a migration");
    assert_eq!(s.managed_groups(9).await.unwrap(), vec![-1000000000014]);
    assert_eq!(s.managed_groups(8).await.unwrap(), vec![-13]);
}

/// `jiaxiao forget-group`: nothing of the group is left, other groups are untouched.
async fn forgetting_a_group_deletes_all_of_it(s: &dyn Store) {
    let t0 = DateTime::parse_from_rfc3339("2026-09-07T12:00:00Z").unwrap().with_timezone(&Utc);
    for chat in [-20, -21] {
        s.put_group(&Group::new(chat, "g", Settings::default())).await.unwrap();
        s.set_role(chat, 1, Role::Teacher).await.unwrap();
        s.set_admin(chat, 2, true).await.unwrap();
        s.remember(chat, &member(3, "P", None)).await.unwrap();
        s.enqueue(&item(&format!("post{chat}"), chat, t0), None).await.unwrap();
        let notice = Notice {
            id: "n1".into(),
            author: "T".into(),
            author_id: Some(1),
            title: "t".into(),
            at: t0,
            message_id: Some(5),
        };
        s.put_notice(chat, &notice).await.unwrap();
        s.ack(chat, "n1", 3).await.unwrap();
        s.allow(chat, 42).await.unwrap();
    }
    assert!(s.forget_group(-20).await.unwrap() > 0);
    assert!(s.group(-20).await.unwrap().is_none());
    assert!(s.roles(-20).await.unwrap().is_empty());
    assert!(s.admins(-20).await.unwrap().is_empty());
    assert!(s.members(-20).await.unwrap().is_empty());
    assert!(s.notice(-20, "n1").await.unwrap().is_none());
    assert!(s.acks(-20, "n1").await.unwrap().is_empty());
    assert!(s.allow_list(-20).await.unwrap().is_empty());
    assert_eq!(s.active_groups().await.unwrap(), vec![-21]);
    assert_eq!(s.managed_groups(1).await.unwrap(), vec![-21]);
    assert_eq!(s.managed_groups(2).await.unwrap(), vec![-21]);
    let queued: Vec<String> = s.due(t0, 10).await.unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(queued, vec!["post-21"]);
    assert_eq!(s.members(-21).await.unwrap().len(), 1, "the other group is untouched");
    assert_eq!(s.member_groups(3).await.unwrap(), vec![-21], "the member's index forgets the group");
}

/// Every copy reads the changes published after its cursor; a new reader starts from now.
async fn the_change_feed_reaches_every_reader(s: &dyn Store) {
    let (none, a) = s.changes_since(None).await.unwrap();
    assert!(none.is_empty());
    s.put_group(&Group::new(-30, "g", Settings::default())).await.unwrap();
    s.publish_change("x:1").await.unwrap();
    let (seen, a2) = s.changes_since(Some(&a)).await.unwrap();
    assert_eq!(seen, vec!["g:-30".to_owned(), "x:1".to_owned()]);
    let (again, _) = s.changes_since(Some(&a)).await.unwrap();
    assert_eq!(again, seen, "another reader with the same cursor sees the same");
    let (nothing, _) = s.changes_since(Some(&a2)).await.unwrap();
    assert!(nothing.is_empty());
    s.set_admin(-30, 5, true).await.unwrap();
    s.set_admin(-30, 5, true).await.unwrap();
    let (admins, _) = s.changes_since(Some(&a2)).await.unwrap();
    assert_eq!(admins, vec!["a:-30".to_owned()], "only a real change is announced");
    s.ping().await.unwrap();
}

/// Two copies' budgets from the same store are one: 20 a minute into one group however the sends
/// are split, and a 429 pause set by one holds the other (all sending when the chat had room) (the 30-a-second window is checked in the
/// limiter's unit tests, where time is not a Redis round trip).
async fn the_sending_budget_is_one_for_every_copy(s: &dyn Store) {
    use jiaxiao::jobs::limiter::Budget;
    let limits = jiaxiao::jobs::ratelimit::Limits::default();
    let (a, b) = (s.send_limiter(limits), s.send_limiter(limits));
    let mut granted = 0;
    for i in 0..30 {
        let l = if i % 2 == 0 { &a } else { &b };
        if l.try_acquire(-1, Budget::Free).await.is_ok() {
            granted += 1;
        }
    }
    assert_eq!(granted, 20, "20 a minute into one group, across both copies");
    let wait = b.try_acquire(-1, Budget::Free).await.unwrap_err();
    assert!(wait > Duration::from_secs(50), "until the minute is over: {wait:?}");
    a.pause(Some(-2), Duration::from_secs(5)).await;
    let wait = b.try_acquire(-2, Budget::Free).await.unwrap_err();
    assert!(wait > Duration::from_secs(3), "a 429 pause from one copy holds the other: {wait:?}");
    assert!(b.try_acquire(-99, Budget::Paid).await.is_ok(), "paid broadcasts have a budget of their own");
    // A 429 for a private chat whose one-a-second window is full holds that chat only …
    assert!(a.try_acquire(77, Budget::Free).await.is_ok());
    a.too_many_requests(77, Duration::from_secs(5)).await;
    assert!(b.try_acquire(77, Budget::Free).await.unwrap_err() > Duration::from_secs(3), "the chat is held");
    assert!(b.try_acquire(-5, Budget::Free).await.is_ok(), "other chats go on");
    // … but one for a group with room in its window can only be the bot-wide limit: all sending
    // waits, in every copy.
    assert!(a.try_acquire(-6, Budget::Free).await.is_ok());
    a.too_many_requests(-6, Duration::from_secs(5)).await;
    let wait = b.try_acquire(-7, Budget::Free).await.unwrap_err();
    assert!(wait > Duration::from_secs(3), "a bot-wide 429 holds every chat: {wait:?}");
}

/// Private settings, the groups a person was seen in, check-ins once a day, questions, and
/// forgetting a person.
async fn people_profiles_checkins_questions_and_forgetting(s: &dyn Store) {
    use jiaxiao::store::{Ask, Profile};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 7).unwrap();
    let mut p = Profile { started: true, ..Profile::default() };
    s.put_profile(50, &p).await.unwrap();
    assert!(s.reminding_users().await.unwrap().is_empty());
    p.reminders.insert("bedtime".into(), jiaxiao::model::HhMm::at(21, 0));
    s.put_profile(50, &p).await.unwrap();
    assert_eq!(s.profile(50).await.unwrap(), Some(p.clone()));
    assert_eq!(s.reminding_users().await.unwrap(), vec![50]);
    s.remember(-60, &member(50, "小明妈妈", Some("ming_mum"))).await.unwrap();
    s.remember(-61, &member(50, "小明妈妈", None)).await.unwrap();
    s.remember(-61, &member(51, "小红爸爸", None)).await.unwrap();
    assert_eq!(s.member_groups(50).await.unwrap(), vec![-61, -60]);
    // Check-ins: once per person, kind and day; counts without names.
    assert_eq!(s.check_in(-60, 50, "exercise", day).await.unwrap(), Some(1));
    assert_eq!(s.check_in(-60, 50, "exercise", day).await.unwrap(), None, "once a day");
    assert_eq!(s.check_in(-60, 51, "exercise", day).await.unwrap(), Some(2));
    assert_eq!(s.check_in(-60, 50, "bedtime", day).await.unwrap(), Some(1));
    assert_eq!(s.check_in(-60, 50, "exercise", day.succ_opt().unwrap()).await.unwrap(), Some(1), "a new day");
    let counts = s.checkin_counts(-60, day, day).await.unwrap();
    assert_eq!(counts, vec![(day, "bedtime".to_owned(), 1), (day, "exercise".to_owned(), 2)]);
    let mine = s.user_checkins(50, day, day + Days::days(6)).await.unwrap();
    assert_eq!(mine.len(), 3);
    assert_eq!(mine[0], (day, -60, "bedtime".to_owned()));
    // Questions.
    let t0 = Utc::now();
    let ask =
        Ask { id: "q1".into(), chat: -60, parent: 50, parent_name: "小明妈妈".into(), at: t0, answered: false };
    s.put_ask(&ask).await.unwrap();
    s.link_ask_message(70, 900, -60, "q1").await.unwrap();
    assert_eq!(s.ask_for_message(70, 900).await.unwrap(), Some((-60, "q1".to_owned())));
    assert_eq!(s.ask_for_message(71, 900).await.unwrap(), None, "only that teacher's message");
    assert_eq!(s.ask(-60, "q1").await.unwrap(), Some(ask.clone()));
    assert_eq!(s.asks_by(-60, 50).await.unwrap(), vec![ask.clone()]);
    assert!(s.asks_by(-60, 51).await.unwrap().is_empty(), "only one's own");
    assert_eq!(s.count_ask(-60, 50, day).await.unwrap(), 1);
    assert_eq!(s.count_ask(-60, 50, day).await.unwrap(), 2);
    s.mute_asks(-60, 50, Some(t0 + Days::days(1))).await.unwrap();
    assert!(s.asks_muted_until(-60, 50).await.unwrap().is_some());
    s.set_pending(50, Some("ask:-60"), Duration::from_secs(60)).await.unwrap();
    assert_eq!(s.pending(50).await.unwrap().as_deref(), Some("ask:-60"));
    // Acknowledgements and a role, then forget the person: nothing of them is left.
    let notice = Notice {
        id: "n1".into(),
        author: "T".into(),
        author_id: Some(70),
        title: "t".into(),
        at: t0,
        message_id: Some(3),
    };
    s.put_notice(-60, &notice).await.unwrap();
    s.ack(-60, "n1", 50).await.unwrap();
    s.ack(-60, "n1", 51).await.unwrap();
    s.set_role(-61, 50, Role::Committee).await.unwrap();
    let report = s.forget_user(50).await.unwrap();
    let total = |what: &str| report.iter().find(|(w, _)| *w == what).map(|(_, n)| *n).unwrap_or(0);
    assert!(
        total("profile") >= 1 && total("rosters") == 2 && total("acks") == 1 && total("checkins") >= 2,
        "{report:?}"
    );
    assert!(total("asks") == 1 && total("roles") >= 1, "{report:?}");
    assert_eq!(s.profile(50).await.unwrap(), None);
    assert!(s.reminding_users().await.unwrap().is_empty());
    assert!(s.member_groups(50).await.unwrap().is_empty());
    assert_eq!(s.member(-60, 50).await.unwrap(), None);
    assert_eq!(s.member_by_username(-60, "ming_mum").await.unwrap(), None);
    assert_eq!(s.acks(-60, "n1").await.unwrap(), vec![51], "only their own acknowledgement goes");
    assert_eq!(s.role(-61, 50).await.unwrap(), None);
    assert!(s.user_checkins(50, day, day + Days::days(6)).await.unwrap().is_empty());
    assert_eq!(s.ask(-60, "q1").await.unwrap(), None);
    assert_eq!(s.pending(50).await.unwrap(), None);
    assert_eq!(s.member(-61, 51).await.unwrap().unwrap().name, "小红爸爸", "others are untouched");
    assert_eq!(s.checkin_counts(-60, day, day).await.unwrap().len(), 2, "anonymous totals stay");
}

suite!(
    people_profiles_checkins_questions_and_forgetting,
    the_sending_budget_is_one_for_every_copy,
    outbox_leases_are_owned_renewed_and_released,
    managed_groups_come_from_roles_and_admins,
    forgetting_a_group_deletes_all_of_it,
    the_change_feed_reaches_every_reader,
    groups_and_settings_persist,
    roles_set_list_and_reset,
    roster_finds_members_by_username,
    migration_moves_everything,
    claims_are_exclusive_until_released,
    outbox_is_exactly_once_and_ordered,
    feedback_counts_each_person_once,
    subscriptions_round_trip,
    moderation_flags_log_allow_and_warnings,
    migration_keeps_what_the_new_id_already_has,
    notices_and_acknowledgements,
    group_samples_keep_the_newest,
);

#[tokio::test]
async fn redis_values_carry_a_schema_version_and_newer_ones_are_refused() {
    let store = support::redis_store("schema").await;
    store.put_group(&Group::new(-9, "g", Settings::default())).await.unwrap();
    let client = ::redis::Client::open(support::redis_url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let key = format!("{}{{c-9}}:group", store.prefix());
    let raw: String = ::redis::cmd("GET").arg(&key).query_async(&mut conn).await.unwrap();
    assert!(raw.contains("\"v\":1"), "{raw}");
    let newer = raw.replace("\"v\":1", "\"v\":99");
    let _: () = ::redis::cmd("SET").arg(&key).arg(newer).query_async(&mut conn).await.unwrap();
    let err = store.group(-9).await.unwrap_err();
    assert!(err.to_string().contains("schema version 99"), "{err}");
    store.delete_prefix().await.unwrap();
}

/// A server that still holds keys of the first layout (no hash tags) is upgraded on connect.
#[tokio::test]
async fn keys_of_the_first_layout_are_moved_on_connect() {
    let prefix = support::unique_prefix("layout");
    let client = ::redis::Client::open(support::redis_url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let group = serde_json::json!({"v": 1, "chat_id": -5, "title": "旧班", "active": true, "greeted": true,
        "settings": {"lang": "en"}});
    for (k, v) in [
        (format!("{prefix}group:-5"), group.to_string()),
        (format!("{prefix}outbox:item:x"), "{}".to_owned()),
        (format!("{prefix}flag:-5:77"), "{}".to_owned()),
    ] {
        let _: () = ::redis::cmd("SET").arg(k).arg(v).query_async(&mut conn).await.unwrap();
    }
    let _: () = ::redis::cmd("HSET")
        .arg(format!("{prefix}roles:-5"))
        .arg(7)
        .arg("teacher")
        .query_async(&mut conn)
        .await
        .unwrap();
    let b = serde_json::json!({"v": 1, "id": "9-1", "author": "T", "author_id": 9, "text": "停课", "targets": [-5],
        "at": "2026-09-07T02:00:00Z", "state": "confirmed"});
    let _: () = ::redis::cmd("HSET")
        .arg(format!("{prefix}broadcasts"))
        .arg("9-1")
        .arg(b.to_string())
        .query_async(&mut conn)
        .await
        .unwrap();
    let store = RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap();
    assert_eq!(store.group(-5).await.unwrap().unwrap().title, "旧班");
    assert_eq!(store.role(-5, 7).await.unwrap(), Some(Role::Teacher));
    assert_eq!(store.broadcast("9-1").await.unwrap().unwrap().text, "停课", "broadcasts move to expiring keys");
    assert_eq!(store.confirmed_broadcasts().await.unwrap().len(), 1);
    let exists = |k: String| {
        let client = client.clone();
        async move {
            let mut c = client.get_multiplexed_async_connection().await.unwrap();
            ::redis::cmd("EXISTS").arg(k).query_async::<bool>(&mut c).await.unwrap()
        }
    };
    assert!(exists(format!("{prefix}{{outbox}}:item:x")).await);
    assert!(exists(format!("{prefix}{{c-5}}:flag:77")).await);
    assert!(!exists(format!("{prefix}group:-5")).await);
    // A second connect finds the marker and leaves everything alone.
    let again = RedisStore::connect(&support::redis_url(), &prefix, Duration::from_secs(5)).await.unwrap();
    assert_eq!(again.group(-5).await.unwrap().unwrap().title, "旧班");
    store.delete_prefix().await.unwrap();
}

/// A `REDIS_URL` naming one cluster node still reaches every master (for `forget-group` and the
/// test clean-up, which scan).
#[tokio::test]
#[ignore = "needs a Redis Cluster (REDIS_CLUSTER_URL, tools/redis-cluster.sh); run by .ci/run"]
async fn one_seed_node_is_enough_to_reach_the_whole_cluster() {
    let first = support::cluster_url().split(',').next().unwrap().replacen("redis://", "redis+cluster://", 1);
    let prefix = support::unique_prefix("seed");
    let store = RedisStore::connect(&first, &prefix, Duration::from_secs(5)).await.unwrap();
    assert!(store.is_cluster());
    for chat in 1..=30 {
        store.put_group(&Group::new(-chat, "g", Settings::default())).await.unwrap();
    }
    assert!(store.forget_group(-7).await.unwrap() > 0);
    assert!(store.group(-7).await.unwrap().is_none());
    assert!(store.delete_prefix().await.unwrap() >= 29, "keys on every master were found");
    for chat in 1..=30 {
        assert!(store.group(-chat).await.unwrap().is_none());
    }
}

#[tokio::test]
async fn unreachable_or_malformed_redis_is_a_clear_error_not_a_hang() {
    let start = std::time::Instant::now();
    let err = RedisStore::connect("redis://127.0.0.1:1/", "x:", Duration::from_secs(2)).await.err().unwrap();
    assert!(err.to_string().contains("did not answer"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(10));
    let err = RedisStore::connect("not a url", "x:", Duration::from_secs(2)).await.err().unwrap();
    assert!(err.to_string().contains("REDIS_URL"), "{err}");
}
