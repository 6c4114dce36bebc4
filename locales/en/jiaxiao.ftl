# Jiaxiao — English. Every key here must also exist in zh-CN/jiaxiao.ftl (a test checks).

## Roles
role-name-admin = admin
role-name-teacher = teacher
role-name-committee = parent committee
role-name-parent = parent
who-managers = admins and teachers
who-moderators = admins, teachers and the parent committee

## General
refused = Sorry, only { $who } can use { $command }.
args-too-long = That is too long (at most { $max } characters).
unknown-command = I don't know that command. Send /help to see what I can do.

## Greeting when added to a group
greeting =
    Hello everyone, I'm Jiaxiao 🤝 I help keep this class group calm and useful:
    • teachers' notices acknowledged with one tap, no flood of "received";
    • daily reminders for exercise, screen time and bedtime (/remind);
    • a short family-education lesson on Monday, Wednesday and Friday evenings;
    • a heads-up to moderators about messages that policy bans: fee collection, off-campus training ads, published rankings, homework for parents, and ads;
    • a gentle word when someone floods the group.
    Teacher: please make me an admin (with "delete messages"), then use /settings for time zone, grade and language, and reply to a committee member's message with /role committee. Send /help for all commands.

## Command descriptions (menu and /help)
cmd-help = show the commands I may use
cmd-start = get started
cmd-role = show or set roles (reply to someone's message)
cmd-settings = show or change this group's settings

help-group =
    Your role in this group: { $role }
    You can use:
    { $commands }
help-private =
    Hello! I'm Jiaxiao, an assistant for class parent groups: one-tap notice acknowledgements, daily reminders, family-education micro-lessons and a heads-up about banned messages.
    Add me to your class group and the teacher can set me up there.
    In this private chat you can use:
    { $commands }

## /role
role-usage = Usage: reply to a member's message with /role teacher|committee|parent, or send /role teacher @username. Send /role alone to list roles.
role-unknown = There is no role "{ $given }". Roles you can set: teacher, committee, parent.
role-unknown-user = I haven't seen { $username } in this group yet. Ask them to post a message first, or reply to one of their messages.
role-not-bots = Bots can't be given a role.
role-is-admin = { $name } is a group admin and already has every right.
role-set = { $name } is now: { $role }.
role-list = Roles in this group:
    { $roles }
role-list-empty = No teacher or committee member has been set yet. Reply to a member's message with /role teacher to set one.

## /settings
settings-show =
    Settings of this group:
    • language (lang): { $lang }
    • time zone (tz): { $tz }
    • grade: { $grade }
    • moderation: { $moderation }
    • quiet hours (quiet): { $quiet }
    • micro-lessons (lessons): { $lessons }
    • flood reminder (flood): { $flood }
    • violations before a one-day mute (warnlimit): { $warnlimit }
    • weekly picture on Sunday evening (weekly): { $weekly }
    For example: /settings tz Asia/Shanghai, /settings grade junior, /settings quiet 21:30-07:00
settings-saved =
    Saved.
    { $settings }
settings-off = off
settings-missing-value = Please give a value after "{ $key }", for example /settings tz Asia/Shanghai.
settings-unknown-key = There is no setting "{ $given }". You can change: lang, tz, grade, moderation, quiet, lessons, flood, warnlimit, weekly.
settings-bad-lang = "{ $given }" is not supported. Languages: zh-CN (Simplified Chinese) or en (English).
settings-bad-tz = "{ $given }" is not a time zone I know. Use an IANA zone name such as Asia/Shanghai, Asia/Hong_Kong or Europe/London.
settings-bad-grade = "{ $given }" is not a grade. Choose kindergarten, primary, junior or senior.
settings-bad-moderation = "{ $given }" is not a moderation mode. Choose flag (tell moderators), delete (remove at once) or off.
settings-bad-quiet = "{ $given }" is not a time window. Use HH:MM-HH:MM, for example 21:30-07:00, or off.

## Micro-lessons
cmd-lesson = post this group's next micro-lesson (/lesson <id> for a given one)
cmd-lessons = recent micro-lessons and parents' feedback
cmd-lesson-private = send me my next micro-lesson
cmd-subscribe = get a micro-lesson privately every Mon, Wed and Fri (add a grade, e.g. /subscribe junior)
cmd-unsubscribe = stop private micro-lessons
lesson-kind-fact = Fact
lesson-kind-tip = Tip
lesson-kind-growth = Growth
lesson-footer = Based on clause { $clause } of the 2023 guidelines on school–family–society co-education · Jiaxiao lessons
lesson-btn-useful = 👍 Useful
lesson-btn-tried = ✅ Tried it
lesson-after-quiet = It is quiet hours now; this lesson will be posted at { $time }.
lesson-none = There is no lesson to send right now.
lesson-unknown = There is no lesson with id "{ $given }". Send /lesson for the next one.
lesson-usage = Usage: /lesson for the next lesson, or /lesson <id> for a given one.
lessons-none-yet = No lesson has been posted here yet. By default they come Monday, Wednesday and Friday at 20:00; change it with /settings lessons.
lessons-line = • { $title }: 👍 { $useful }  ✅ { $tried }
lessons-summary =
    Recent lessons and parents' feedback:
    { $lines }
    Schedule: { $schedule }
subscribe-usage = Usage: /subscribe or /subscribe kindergarten|primary|junior|senior
subscribed = Subscribed! You'll get a micro-lesson privately every Monday, Wednesday and Friday at 20:00 (China time), grade: { $grade }. Send /unsubscribe at any time.
unsubscribed = Unsubscribed: no more private lessons. Send /lesson whenever you want one.
feedback-thanks = Thank you for the feedback!
feedback-already = Your feedback is already counted, thank you!
settings-bad-lessons = "{ $given }" is not a lesson schedule. Use /settings lessons mon,wed,fri 20:00, or /settings lessons off.

## Moderation
cmd-modlog = the latest ten moderation events
mod-cat-fee-collection = fee collection
mod-cat-off-campus-training = off-campus training ad
mod-cat-ranking-disclosure = published scores or rankings
mod-cat-homework-to-parents = homework for parents
mod-cat-commercial-ad = advertising
mod-card =
    ⚠️ Rule match: this message may be { $category }
    Rule: { $rule }
    Source: { $source }
    An admin, teacher or committee member can decide.
mod-card-review =
    👀 Please take a look: this message might be { $category }
    { $why }
    Related rule: { $rule }
    Source: { $source }
    Nothing was done automatically; an admin, teacher or committee member can decide.
mod-why-model = No rule matched; the learned model finds it close to examples of this kind ({ $score }%), e.g. “{ $hint }”.
mod-why-group = No rule matched; moderators of this group removed similar messages before.
mod-why-llm = No rule matched; a language model's second opinion thinks so.
mod-card-withdrawn = ✅ Withdrawn: a second opinion finds this message is probably fine.
mod-btn-delete = 🗑 Delete
mod-btn-allow = ✅ Not a violation
mod-card-deleted = 🗑 { $by } deleted a message ({ $category }).
mod-card-allowed = ✅ { $by } marked this as not a violation; the same text will not be flagged here again.
mod-auto-deleted = 🗑 I removed a message from { $name } ({ $category }). Questions? Ask the teacher or the parent committee.
mod-dm =
    A message you posted in "{ $group }" was removed automatically.
    { $details }
mod-needs-rights = I need the admin right "delete messages" to remove messages; until then I will flag them for the moderators instead.
mod-not-allowed = Only admins, teachers and the parent committee can decide on this message.
mod-expired = This item has expired or is not recognised.
mod-already = This message has already been handled.
mod-done = Done, thank you!
mod-restricted = { $name } has { $count } confirmed violations and is muted for a day.
mod-restrict-failed = { $name } has { $count } confirmed violations, but I lack the right to mute ("restrict members"); an admin please step in.
flood-reminder = { $name }, that's a lot of messages in a short time; others may not keep up. Could you put them into one? 🙏
modlog-empty = No moderation events yet.
modlog =
    Latest moderation events:
    { $lines }
modlog-withdrawn = withdrawn by the second opinion
modlog-flagged = flagged
modlog-auto-deleted = removed automatically
modlog-deleted = deleted
modlog-allowed = marked not a violation
settings-bad-flood = "{ $given }" is not a flood rule. Use messages/seconds, for example /settings flood 8/30, or off.
settings-bad-warnlimit = "{ $given }" is not a valid count. Use a number from 1 to 50, for example /settings warnlimit 3, or off.

## Days and values
day-mon = Mon
day-tue = Tue
day-wed = Wed
day-thu = Thu
day-fri = Fri
day-sat = Sat
day-sun = Sun
list-separator = {", "}
weekly = { $days } at { $time }
grade-kindergarten = kindergarten
grade-primary = primary school
grade-junior = junior high
grade-senior = senior high
moderation-flag = tell moderators
moderation-delete = remove at once
moderation-off = off

## Notices and acknowledgements
cmd-notice = post a notice parents acknowledge with one tap (/notice your text)
cmd-status = who has acknowledged the recent notices
notice-usage = Usage: /notice your text, for example /notice Tomorrow we meet at the school gate at 8:00; please wear uniform.
notice-too-long = That notice is too long (at most { $max } characters).
notice-post =
    📢 Notice ({ $author })
    
    { $text }
notice-btn = ✅ Received ({ $count })
notice-queued = It is quiet hours now; this notice will be posted at { $time }.
notice-acked = Acknowledged, thank you!
notice-already = You have already acknowledged this notice.
notice-expired = This notice has expired or is not recognised.
status-none = No notices lately. Post one with /notice your text.
status =
    Acknowledgements of recent notices:
    
    { $lines }
status-line = 📢 { $title } ({ $time }): { $acked } acknowledged
status-all = Every parent the bot has seen has acknowledged 👍
status-missing = Not yet: { $names }
status-missing-more = Not yet: { $names } and { $more } more

## Daily reminders
cmd-remind = show or set daily reminders (exercise, screen time, bedtime)
reminder-kind-exercise = an hour of exercise out of school
reminder-kind-screen = screen time
reminder-kind-bedtime = bedtime
remind-none =
    No daily reminders are set yet. For example:
    /remind exercise 17:30 (an hour of exercise out of school)
    /remind screen 19:30 (screen time)
    /remind bedtime (half an hour before the grade's bedtime)
remind-list =
    Daily reminders of this group (time zone { $tz }):
    { $lines }
    To remove one: /remind off name, e.g. /remind off screen
remind-saved =
    Saved.
    { $list }
remind-usage = Usage: /remind to list; /remind exercise|screen|bedtime HH:MM to set; /remind off exercise|screen|bedtime to remove.
remind-bad-kind = There is no reminder "{ $given }". Choose exercise, screen or bedtime.
remind-bad-time = "{ $given }" is not a time. Use HH:MM, for example 17:30.
remind-needs-time = Please add a time, for example /remind { $kind } 17:30.

## Broadcasts
cmd-broadcast = teachers: send a notice to all your class groups (/broadcast your text)
broadcast-usage = Usage: /broadcast your text. It goes to every group where you are teacher or admin, with the one-tap acknowledge button.
broadcast-no-groups = You are not a teacher or admin in any group I am in. Ask an admin there to set you with /role teacher.
broadcast-confirm = Send this notice to these { $count } groups? { $groups }
broadcast-btn-send = Send to { $count } groups
broadcast-btn-cancel = Cancel
broadcast-sent = Sent to { $count } group(s): { $groups }. In quiet hours it goes out when they end.
broadcast-sent-short = Sending to { $count } groups.
broadcast-cancelled = Cancelled; nothing was sent.
broadcast-more = {" "}and { $more } more
broadcast-btn-list = Show all groups
broadcast-btn-summary = Summary
broadcast-list-page =
    Groups { $from }–{ $to } of { $count }:
    { $groups }
broadcast-paid = It goes out as a paid broadcast: up to 1,000 messages a second instead of 30. Telegram charges 0.1 Star for each message beyond the free 30 a second, here at most about { $stars } Stars from the bot's balance.
broadcast-already = This broadcast has already been handled.
broadcast-expired = This broadcast has expired or is not yours.

## Running at scale
try-again = Sorry, I could not do that just now. Please try again in a moment.
list-more = … and { $more } more

## Weekly picture
weekly-title = This week ({ $from } – { $to })
weekly-checkins = Daily check-ins: families who did it
weekly-notices = Notices acknowledged
weekly-notice-label = Notice { $date }
weekly-none = No check-ins or notices this week
weekly-caption = This week: { $checkins ->
        [one] 1 check-in
       *[other] { $checkins } check-ins
    }; { $notices ->
        [one] 1 notice
       *[other] { $notices } notices
    }, { $rate }% acknowledged on average. Counts only, no names. Turn off with /settings weekly off.
checkin-btn = ✅ Done today
checkin-btn-count = ✅ Done today · { $count ->
        [one] 1 family
       *[other] { $count } families
    }
checkin-counted = Counted, thank you! { $count ->
        [one] 1 family has
       *[other] { $count } families have
    } done it today.
checkin-already = You already checked in today.
checkin-other-day = This reminder was for { $date }; check-ins count on their own day only.
settings-bad-weekly = "{ $given }" is not on or off. Use /settings weekly on or /settings weekly off.
settings-on = on

## Notices in private, chasing
notice-link-btn = 🔔 Get it privately · ask the teacher
notice-btn-private = ✅ Got it
link-not-member = This link belongs to a group where I haven't seen you yet. Post a message in the class group first, or ask the teacher to add you.
chase-btn = 📨 Remind the { $count } parents who haven't acknowledged (notice of { $time }) privately
chase-done = Private reminders queued for { $reached }; { $before } were reminded before; { $unreachable } have not opened a private chat with the bot.
chase-report =
    Notice "{ $title }": these parents have not opened a private chat with the bot, so they could not be reminded:
    { $names }{ $more ->
        [0] {""}
       *[other] and { $more } more
    }
    Ask them to press "Get it privately" under the notice, or to open: { $link }

## Questions to the teacher
cmd-ask = ask the teacher privately (never shown in the group)
ask-btn = ❓ Ask the teacher
ask-no-group = I haven't seen you in a class group yet. Post a message in your class group first, then ask.
ask-choose = Which group's teacher would you like to ask?
ask-write = Please write your question for the teacher of "{ $group }" (just reply to this message). It goes to the teacher privately, never to the group.
ask-too-long = That is too long; please keep it under { $max } characters.
ask-limit = You have asked this group's teachers { $max } times today; please ask again tomorrow. For anything urgent, contact the teacher directly.
ask-muted = The teacher is not taking questions today; please ask again tomorrow. For anything urgent, contact the teacher directly.
ask-no-teacher = None of this group's teachers has opened a private chat with the bot yet, so I cannot pass it on. Ask the teacher to send /start to the bot privately.
ask-sent = Passed privately to { $count } teacher(s). I'll tell you here when they answer.
ask-to-teacher =
    ❓ A parent in "{ $group }", { $name }, asks privately:

    { $question }

    Reply to this message to answer; the answer goes to this parent only.
ask-reply-btn = ↩️ Reply
ask-mute-btn = 🔕 No more questions from this parent today
ask-reply-prompt = Please write your answer; I'll pass it to the parent privately.
ask-answer =
    The teacher answered your question in "{ $group }":

    { $answer }
ask-answered = Passed to the parent privately.
ask-parent-gone = This parent has closed the private chat with the bot; the answer cannot be delivered.
ask-gone = This question has expired or is not yours.
ask-muted-done = OK: this parent's questions today will not be passed to you.
private-hint = To ask the teacher privately, send /ask followed by your question; /help lists everything I can do.

## Parents' own records
cmd-me = my check-ins this week
me-none = No check-ins in the last 7 days. When a daily reminder comes, press "✅ Done today" (only counts are shown, never names).
me-line = { $kind }: { $marks } ({ $days }/7 days)
me-week =
    Your week ({ $from } – { $to }):
    { $lines }
    Only you can see this.
cmd-settings-private = my settings: language, time zone, child's grade
psettings-auto = automatic
psettings-show =
    Your settings:
    • language (lang): { $lang }
    • time zone (tz): { $tz }
    • child's grade: { $grade }
    For example: /settings lang en, /settings tz Asia/Shanghai, /settings grade junior
psettings-usage = Usage: /settings to show; /settings lang zh-CN|en; /settings tz ZONE; /settings grade kindergarten|primary|junior|senior.
cmd-remind-private = my own daily reminders (at my time and zone)
premind-none =
    You have no private reminders yet. For example:
    /remind exercise 17:30 (an hour of exercise out of school)
    /remind screen 19:30 (screen time)
    /remind bedtime (half an hour before the grade's bedtime)
premind-list =
    Your daily reminders (time zone { $tz }):
    { $lines }
    To remove one: /remind off name, e.g. /remind off screen
cmd-forgetme = delete everything the bot keeps about me
forgetme-done =
    Deleted what I kept about you:
    • settings and private reminders: { $profile }
    • lesson subscription: { $subscription }
    • group member records: { $rosters } group(s)
    • roles: { $roles }
    • notice acknowledgements: { $acks }
    • check-ins: { $checkins }
    • questions: { $asks }
    • moderation records: { $moderation }
    Groups keep only their anonymous check-in totals. If you post in a group again, I will note your name again to count notice acknowledgements.
chase-start-bot = Send /start to the bot privately to receive the list.

## The dashboard (Mini App)
dash-title = Jiaxiao · class dashboard
dash-tab-groups = Groups
dash-tab-notices = Notices
dash-tab-moderation = Moderation
dash-tab-week = This week
dash-no-groups = You are not a teacher, administrator or committee member of any group yet.
dash-members = Members known
dash-moderation-mode = Moderation
dash-reminders = Daily reminders
dash-next-lesson = Next micro-lesson
dash-none = none
dash-acked = Acknowledged
dash-missing = Not yet
dash-all-acked = Every parent the bot knows has acknowledged 👍
dash-remind = 📨 Remind those who haven't, privately
dash-reminded = Private reminders queued for {"{"}queued{"}"}; {"{"}before{"}"} reminded before; {"{"}unreachable{"}"} have not opened a private chat with the bot
dash-no-notices = No notices yet.
dash-open-flags = Waiting for a decision
dash-no-flags = Nothing waiting.
dash-delete = 🗑 Delete
dash-allow = ✅ Not a violation
dash-log = Latest decisions
dash-source = Source
dash-checkins = Daily check-ins (families who did it)
dash-rates = Notices acknowledged
dash-error = Something went wrong; please try again
dash-language = Language
dash-role-admin = admin
dash-role-teacher = teacher
dash-role-committee = committee
cmd-dashboard = open the class dashboard (notices, moderation, this week)
dashboard-open = Press the button to open the class dashboard:
dashboard-btn = 📊 Open the dashboard
dashboard-not-configured = The dashboard is not enabled yet: whoever runs the bot sets JIAXIAO_PUBLIC_URL (an https address that reaches the bot's /app page).
dash-tab-schedules = Schedules
dash-lessons = Family-education micro-lessons
dash-off = Off
dash-save = Save
dash-saved = Saved
dash-bad-time = That time or day list is not valid (e.g. 17:30; mon,wed,fri)
dash-feedback = Recent lessons and parents' feedback
dash-my-week = My check-ins this week
dash-my-questions = My questions to the teacher
dash-answered = answered
dash-waiting = waiting for an answer
