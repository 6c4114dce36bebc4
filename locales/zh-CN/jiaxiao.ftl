# 家校 Jiaxiao — 简体中文。每个键在 en/jiaxiao.ftl 中也必须存在（有测试检查）。

## 身份
role-name-admin = 管理员
role-name-teacher = 班主任/老师
role-name-committee = 家委会
role-name-parent = 家长
who-managers = 管理员和老师
who-moderators = 管理员、老师和家委会

## 通用
refused = 抱歉，{ $command } 只有{ $who }可以使用。
args-too-long = 参数太长了（最多 { $max } 个字符）。
unknown-command = 我不认识这个命令。发送 /help 查看可用命令。

## 入群问候
greeting =
    大家好，我是家校助手 🤝 我帮助班级家长群保持清爽、有用：
    • 老师发通知，家长一键确认，不用再刷“收到”；
    • 每天的运动、屏幕时间和睡觉提醒（/remind）；
    • 每周一、三、五晚上一节简短的家庭教育小课堂；
    • 提醒管理员注意违规收费、校外培训广告、公布排名、给家长布置作业、广告等政策禁止的消息；
    • 有人短时间内刷屏时，温和地提醒一下。
    请班主任：把我设为管理员（需要“删除消息”权限），再用 /settings 设置时区、年级和语言，用 /role 回复家委会成员的消息来设置身份。发送 /help 查看全部命令。

## 命令说明（命令菜单与 /help）
cmd-help = 查看我可以使用的命令
cmd-start = 开始使用，查看说明
cmd-role = 查看或设置身份（回复某人的消息）
cmd-settings = 查看或修改本群设置

help-group =
    您在本群的身份：{ $role }
    您可以使用：
    { $commands }
help-private =
    您好！我是家校助手，服务班级家长群：通知一键确认、每日提醒、家庭教育小课堂和违规消息提醒。
    把我加入班级群后，老师可以在群里完成设置。
    私聊可用命令：
    { $commands }

## /role
role-usage = 用法：回复某位成员的消息发送 /role teacher|committee|parent，或者 /role teacher @用户名。单独发送 /role 查看全部身份。
role-unknown = 没有“{ $given }”这个身份。可以设置的身份：teacher（老师）、committee（家委会）、parent（家长）。
role-unknown-user = 我还没有在本群见过 { $username }。请让对方先在群里发一条消息，或者直接回复对方的消息来设置。
role-not-bots = 不能给机器人设置身份。
role-is-admin = { $name } 是群管理员，已经拥有全部权限，不需要另外设置。
role-set = 已将 { $name } 设为：{ $role }。
role-list = 本群身份：
    { $roles }
role-list-empty = 本群还没有设置老师或家委会。回复某位成员的消息发送 /role teacher 即可设置。

## /settings
settings-show =
    本群设置：
    • 语言 lang：{ $lang }
    • 时区 tz：{ $tz }
    • 年级 grade：{ $grade }
    • 违规消息处理 moderation：{ $moderation }
    • 免打扰时段 quiet：{ $quiet }
    • 小课堂 lessons：{ $lessons }
    • 刷屏提醒 flood：{ $flood }
    • 违规禁言次数 warnlimit：{ $warnlimit }
    • 周日晚的本周小结图 weekly：{ $weekly }
    修改示例：/settings tz Asia/Shanghai，/settings grade junior，/settings quiet 21:30-07:00
settings-saved =
    已保存。
    { $settings }
settings-off = 关闭
settings-missing-value = 请在“{ $key }”后面写上新的值，例如 /settings tz Asia/Shanghai。
settings-unknown-key = 没有“{ $given }”这项设置。可以修改：lang、tz、grade、moderation、quiet、lessons、flood、warnlimit、weekly。
settings-bad-lang = 不支持“{ $given }”。语言可选：zh-CN（简体中文）或 en（English）。
settings-bad-tz = “{ $given }”不是有效的时区。请使用 IANA 时区名称，例如 Asia/Shanghai、Asia/Hong_Kong、Europe/London。
settings-bad-grade = “{ $given }”不是有效的年级。可选：kindergarten（幼儿园）、primary（小学）、junior（初中）、senior（高中）。
settings-bad-moderation = “{ $given }”不是有效的处理方式。可选：flag（提醒管理员）、delete（直接删除）、off（关闭）。
settings-bad-quiet = “{ $given }”不是有效的时段。格式为 HH:MM-HH:MM，例如 21:30-07:00；关闭请用 off。

## 家庭教育小课堂
cmd-lesson = 发送本群的下一节小课堂（/lesson <编号> 发送指定一节）
cmd-lessons = 查看最近的小课堂和家长反馈
cmd-lesson-private = 给我发下一节小课堂
cmd-subscribe = 每周一、三、五私信收到小课堂（可加年级，如 /subscribe junior）
cmd-unsubscribe = 不再私信接收小课堂
lesson-kind-fact = 小知识
lesson-kind-tip = 小行动
lesson-kind-growth = 成长加油站
lesson-footer = 依据《关于健全学校家庭社会协同育人机制的意见》第{ $clause }条 · 家校小课堂
lesson-btn-useful = 👍 有用
lesson-btn-tried = ✅ 试过了
lesson-after-quiet = 现在是免打扰时段，这节小课堂将在 { $time } 发出。
lesson-none = 暂时没有可发送的小课堂。
lesson-unknown = 没有编号为“{ $given }”的小课堂。发送 /lesson 获取下一节。
lesson-usage = 用法：/lesson 发送下一节，或 /lesson <编号> 发送指定一节。
lessons-none-yet = 本群还没有发过小课堂。默认每周一、三、五 20:00 发送，可用 /settings lessons 修改。
lessons-line = • { $title }：👍 { $useful }  ✅ { $tried }
lessons-summary =
    最近的小课堂和家长反馈：
    { $lines }
    发送时间：{ $schedule }
subscribe-usage = 用法：/subscribe 或 /subscribe kindergarten|primary|junior|senior
subscribed = 已订阅！每周一、三、五 20:00（北京时间）私信给您发一节小课堂（年级：{ $grade }）。随时发送 /unsubscribe 退订。
unsubscribed = 已退订，不会再私信发送小课堂。想看时发送 /lesson 即可。
feedback-thanks = 谢谢您的反馈！
feedback-already = 已经记录过您的反馈了，谢谢！
settings-bad-lessons = “{ $given }”不是有效的小课堂时间。格式：/settings lessons mon,wed,fri 20:00；关闭请用 /settings lessons off。

## 消息管理
cmd-modlog = 查看最近十条消息管理记录
mod-cat-fee-collection = 违规收费
mod-cat-off-campus-training = 校外培训广告
mod-cat-ranking-disclosure = 公布成绩排名
mod-cat-homework-to-parents = 给家长布置作业
mod-cat-commercial-ad = 广告
mod-card =
    ⚠️ 规则命中：这条消息可能属于“{ $category }”
    规则：{ $rule }
    依据：{ $source }
    请管理员、老师或家委会处理。
mod-card-review =
    👀 请看一下：这条消息可能属于“{ $category }”
    { $why }
    相关规定：{ $rule }
    依据：{ $source }
    机器人没有自动处理；请管理员、老师或家委会判断。
mod-why-model = 没有规则命中；学习模型认为它与这类消息的例子相近（{ $score }%），如“{ $hint }”。
mod-why-group = 没有规则命中；本群管理员以前删除过相似的消息。
mod-why-llm = 没有规则命中；大语言模型的第二意见认为如此。
mod-card-withdrawn = ✅ 已撤回：第二意见认为这条消息大概没有问题。
mod-btn-delete = 🗑 删除
mod-btn-allow = ✅ 不违规
mod-card-deleted = 🗑 { $by } 已删除一条“{ $category }”消息。
mod-card-allowed = ✅ { $by } 认为这条消息不违规，本群以后不再提示相同内容。
mod-auto-deleted = 🗑 已删除 { $name } 的一条消息（{ $category }）。如有疑问请联系老师或家委会。
mod-dm =
    您在“{ $group }”发的一条消息已被自动删除。
    { $details }
mod-needs-rights = 我需要“删除消息”的管理员权限才能自动删除；在获得权限之前，我会改为提醒管理员处理。
mod-not-allowed = 只有管理员、老师和家委会可以处理这条消息。
mod-expired = 这条记录已过期或无法识别。
mod-already = 这条消息已经处理过了。
mod-done = 已处理，谢谢！
mod-restricted = { $name } 已有 { $count } 次违规被确认，已被禁言一天。
mod-restrict-failed = { $name } 已有 { $count } 次违规被确认，但我没有权限禁言（需要“限制成员”权限），请管理员处理。
flood-reminder = { $name }，短时间内发了很多条消息，其他家长可能看不过来，可以合并成一条发哦 🙏
modlog-empty = 还没有消息管理记录。
modlog =
    最近的消息管理记录：
    { $lines }
modlog-withdrawn = 经第二意见撤回
modlog-flagged = 已提醒
modlog-auto-deleted = 已自动删除
modlog-deleted = 已删除
modlog-allowed = 标记为不违规
settings-bad-flood = “{ $given }”不是有效的刷屏规则。格式：条数/秒数，例如 /settings flood 8/30；关闭请用 off。
settings-bad-warnlimit = “{ $given }”不是有效的次数。请用 1 到 50 之间的数字，例如 /settings warnlimit 3；关闭请用 off。

## 星期与取值
day-mon = 周一
day-tue = 周二
day-wed = 周三
day-thu = 周四
day-fri = 周五
day-sat = 周六
day-sun = 周日
list-separator = 、
weekly = { $days } { $time }
grade-kindergarten = 幼儿园
grade-primary = 小学
grade-junior = 初中
grade-senior = 高中
moderation-flag = 提醒管理员
moderation-delete = 直接删除
moderation-off = 关闭

## 通知与确认
cmd-notice = 发布通知，家长一键确认（/notice 通知内容）
cmd-status = 查看最近通知的确认情况
notice-usage = 用法：/notice 通知内容，例如 /notice 明天上午8点在校门口集合，请穿校服。
notice-too-long = 通知太长了（最多 { $max } 个字）。
notice-post =
    📢 通知（{ $author }）
    
    { $text }
notice-btn = ✅ 收到（{ $count }）
notice-queued = 现在是免打扰时段，这条通知将在 { $time } 发出。
notice-acked = 已确认，谢谢！
notice-already = 您已经确认过了。
notice-expired = 这条通知已过期或无法识别。
status-none = 最近没有通知。发送 /notice 通知内容 即可发布。
status =
    最近通知的确认情况：
    
    { $lines }
status-line = 📢 { $title }（{ $time }）：{ $acked } 人已确认
status-all = 已见到的家长都确认了 👍
status-missing = 未确认：{ $names }
status-missing-more = 未确认：{ $names } 等另外 { $more } 人

## 每日提醒
cmd-remind = 查看或设置每日提醒（运动、屏幕时间、睡觉）
reminder-kind-exercise = 校外运动一小时
reminder-kind-screen = 控制屏幕时间
reminder-kind-bedtime = 按时睡觉
remind-none =
    本群还没有设置每日提醒。例如：
    /remind exercise 17:30（校外运动一小时）
    /remind screen 19:30（控制屏幕时间）
    /remind bedtime（按年级的就寝时间提前半小时提醒）
remind-list =
    本群的每日提醒（时区 { $tz }）：
    { $lines }
    取消提醒：/remind off 名称，例如 /remind off screen
remind-saved =
    已保存。
    { $list }
remind-usage = 用法：/remind 查看；/remind exercise|screen|bedtime HH:MM 设置；/remind off exercise|screen|bedtime 取消。
remind-bad-kind = 没有“{ $given }”这种提醒。可选：exercise（运动）、screen（屏幕时间）、bedtime（睡觉）。
remind-bad-time = “{ $given }”不是有效的时间，请用 HH:MM 格式，例如 17:30。
remind-needs-time = 请写上提醒时间，例如 /remind { $kind } 17:30。

## 群发
cmd-broadcast = 老师：把一条通知发到您任教的所有群（/broadcast 通知内容）
broadcast-usage = 用法：/broadcast 通知内容。通知会发到您担任老师或管理员的每个群，家长可以一键确认。
broadcast-no-groups = 您还不是任何一个有我的群里的老师或管理员。请在班级群里让管理员用 /role teacher 设置您的身份。
broadcast-confirm = 要把这条通知发到以下 { $count } 个群吗？{ $groups }
broadcast-btn-send = 发送到 { $count } 个群
broadcast-btn-cancel = 取消
broadcast-sent = 已发到 { $count } 个群：{ $groups }。免打扰时段内会在时段结束后发出。
broadcast-sent-short = 正在发到 { $count } 个群。
broadcast-cancelled = 已取消，没有发送。
broadcast-more = 等另外 { $more } 个群
broadcast-btn-list = 查看全部群
broadcast-btn-summary = 返回摘要
broadcast-list-page =
    第 { $from }–{ $to } 个群（共 { $count } 个）：
    { $groups }
broadcast-paid = 本次将作为付费群发：每秒最多 1000 条，而不是 30 条。超出每秒免费 30 条的部分，Telegram 每条收取 0.1 星，本次最多约 { $stars } 星，从机器人的余额中扣除。
broadcast-already = 这条群发已经处理过了。
broadcast-expired = 这条群发已过期或不是您发起的。

## Running at scale
try-again = 抱歉，刚才没能完成。请稍后再试。
list-more = ……另有 { $more } 项

## Weekly picture
weekly-title = 本周小结（{ $from } – { $to }）
weekly-checkins = 每日打卡：完成的家庭数
weekly-notices = 通知确认率
weekly-notice-label = { $date } 通知
weekly-none = 本周没有打卡和通知
weekly-caption = 本周小结：{ $checkins } 次打卡；{ $notices } 条通知，平均 { $rate }% 已确认。只统计数量，不列姓名。可用 /settings weekly off 关闭。
checkin-btn = ✅ 今天做到了
checkin-btn-count = ✅ 今天做到了 · { $count } 家
checkin-counted = 已记下，谢谢！今天共有 { $count } 个家庭做到了。
checkin-already = 今天已经记过了。
checkin-other-day = 这是 { $date } 的提醒，只能在当天打卡。
settings-bad-weekly = “{ $given }”不是 on 或 off。请用 /settings weekly on 或 /settings weekly off。
settings-on = 开启

## Notices in private, chasing
notice-link-btn = 🔔 私聊接收 · 向老师提问
notice-btn-private = ✅ 收到
link-not-member = 这个链接属于一个我还没见过您的群。请先在班级群里发过言，或请老师把您加入群。
chase-btn = 📨 私信提醒未确认的 { $count } 位家长（{ $time } 的通知）
chase-done = 已安排私信提醒 { $reached } 位；此前已提醒过 { $before } 位；{ $unreachable } 位还没有开启与机器人的私聊。
chase-report =
    通知“{ $title }”：以下家长还没有开启与机器人的私聊，无法私信提醒：
    { $names }{ $more ->
        [0] {""}
       *[other] 等另外 { $more } 位
    }
    可以请他们点通知下方的“私聊接收”按钮，或打开：{ $link }

## Questions to the teacher
cmd-ask = 私下向老师提问（不会出现在群里）
ask-btn = ❓ 向老师提问
ask-no-group = 我还没有在任何班级群里见过您。请先在班级群里发过言，再来提问。
ask-choose = 想问哪个群的老师？请选择：
ask-write = 请写下要问“{ $group }”老师的问题（直接回复这条消息即可）。问题只会私下转给老师，不会出现在群里。
ask-too-long = 问题太长了，请控制在 { $max } 字以内。
ask-limit = 今天向这个群的老师提问已达 { $max } 次，请明天再问；紧急的事请直接联系老师。
ask-muted = 老师今天暂不接收提问，请明天再问；紧急的事请直接联系老师。
ask-no-teacher = 这个群的老师还没有开启与机器人的私聊，暂时无法转达。请在群里请老师私聊机器人发送 /start。
ask-sent = 已私下转给 { $count } 位老师。老师回复后，我会在这里告诉您。
ask-to-teacher =
    ❓ “{ $group }”的家长 { $name } 私下提问：

    { $question }

    回复这条消息即可作答，答案只发给这位家长。
ask-reply-btn = ↩️ 回复
ask-mute-btn = 🔕 今天不再接收这位家长的提问
ask-reply-prompt = 请写下回复，我会私下转给这位家长。
ask-answer =
    老师回复了您在“{ $group }”的提问：

    { $answer }
ask-answered = 已私下转给家长。
ask-parent-gone = 这位家长已关闭与机器人的私聊，回复无法送达。
ask-gone = 这个提问已过期或不属于您。
ask-muted-done = 好的，这位家长今天的提问不再转给您们。
private-hint = 想私下问老师，请发送 /ask 加上您的问题；查看全部功能请发送 /help。

## Parents' own records
cmd-me = 我这一周的打卡
me-none = 最近 7 天还没有打卡。收到每日提醒时，点“✅ 今天做到了”即可（只记数量，不公布姓名）。
me-line = { $kind }：{ $marks }（{ $days }/7 天）
me-week =
    您的一周（{ $from } – { $to }）：
    { $lines }
    只有您自己能看到这些记录。
cmd-settings-private = 我的设置：语言、时区、孩子学段
psettings-auto = 自动
psettings-show =
    您的设置：
    • 语言 lang：{ $lang }
    • 时区 tz：{ $tz }
    • 孩子学段 grade：{ $grade }
    修改示例：/settings lang en，/settings tz Asia/Shanghai，/settings grade junior
psettings-usage = 用法：/settings 查看；/settings lang zh-CN|en；/settings tz 时区；/settings grade kindergarten|primary|junior|senior。
cmd-remind-private = 我自己的每日提醒（按我的时间和时区）
premind-none =
    您还没有设置私人提醒。例如：
    /remind exercise 17:30（校外运动一小时）
    /remind screen 19:30（控制屏幕时间）
    /remind bedtime（按学段睡眠时间提前半小时）
premind-list =
    您的每日提醒（时区 { $tz }）：
    { $lines }
    取消：/remind off 名称，例如 /remind off screen
cmd-forgetme = 删除机器人保存的关于我的全部信息
forgetme-done =
    已删除关于您的信息：
    • 个人设置与私人提醒：{ $profile } 项
    • 微课订阅：{ $subscription } 项
    • 群成员记录：{ $rosters } 个群
    • 角色：{ $roles } 项
    • 通知确认：{ $acks } 条
    • 打卡记录：{ $checkins } 条
    • 提问记录：{ $asks } 条
    • 审核记录：{ $moderation } 条
    各群只保留不含姓名的打卡总数。您以后在群里发言时，我会重新记下您的名字以便统计通知确认。
chase-start-bot = 私聊机器人发送 /start，即可收到名单。

## The dashboard (Mini App)
dash-title = 家校 · 班级看板
dash-tab-groups = 班级
dash-tab-notices = 通知
dash-tab-moderation = 消息管理
dash-tab-week = 本周
dash-no-groups = 您还不是任何群的老师、管理员或家委会成员。
dash-members = 已知成员
dash-moderation-mode = 违规消息处理
dash-reminders = 每日提醒
dash-next-lesson = 下一节小课堂
dash-none = 无
dash-acked = 已确认
dash-missing = 未确认
dash-all-acked = 已知的家长都已确认 👍
dash-remind = 📨 私信提醒未确认的家长
dash-reminded = 已安排私信提醒 {"{"}queued{"}"} 位；此前已提醒过 {"{"}before{"}"} 位；{"{"}unreachable{"}"} 位还没有开启与机器人的私聊
dash-no-notices = 还没有通知。
dash-open-flags = 待处理的消息
dash-no-flags = 没有待处理的消息。
dash-delete = 🗑 删除
dash-allow = ✅ 不违规
dash-log = 最近的处理记录
dash-source = 依据
dash-checkins = 每日打卡（完成的家庭数）
dash-rates = 通知确认率
dash-error = 出错了，请稍后再试
dash-language = 语言
dash-role-admin = 管理员
dash-role-teacher = 老师
dash-role-committee = 家委会
cmd-dashboard = 打开班级看板（通知、消息管理、本周数据）
dashboard-open = 点下面的按钮打开班级看板：
dashboard-btn = 📊 打开看板
dashboard-not-configured = 看板还没有启用：部署者需要设置 JIAXIAO_PUBLIC_URL（一个 https 地址，指向机器人的 /app 页面）。
dash-tab-schedules = 时间安排
dash-lessons = 家庭教育小课堂
dash-off = 关闭
dash-save = 保存
dash-saved = 已保存
dash-bad-time = 时间或日期格式不对（例如 17:30；mon,wed,fri）
dash-feedback = 最近的小课堂和家长反馈
dash-my-week = 我这一周的打卡
dash-my-questions = 我向老师的提问
dash-answered = 老师已回复
dash-waiting = 等待回复
