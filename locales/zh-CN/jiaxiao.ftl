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
    • 老师的通知一键确认，不用再刷“收到”；
    • 每天的运动、用眼和睡觉提醒；
    • 每周三次简短的家庭教育小课堂；
    • 提醒管理员注意违规收费、广告等政策禁止的消息。
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
    修改示例：/settings tz Asia/Shanghai，/settings grade junior，/settings quiet 21:30-07:00
settings-saved =
    已保存。
    { $settings }
settings-off = 关闭
settings-missing-value = 请在“{ $key }”后面写上新的值，例如 /settings tz Asia/Shanghai。
settings-unknown-key = 没有“{ $given }”这项设置。可以修改：lang、tz、grade、moderation、quiet、lessons。
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
lesson-kind-fact = 周一·小知识
lesson-kind-tip = 周三·小行动
lesson-kind-growth = 周五·成长加油站
lesson-footer = 依据《关于健全学校家庭社会协同育人机制的意见》第{ $clause }条 · 家校小课堂
lesson-btn-useful = 👍 有用
lesson-btn-tried = ✅ 试过了
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
