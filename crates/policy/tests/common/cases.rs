// Hand-written labelled cases shared by `tests/policy_cases.rs`, `benches/policy.rs` and the
// engine's unit tests, edited here (each round adds its own); none is copied from the dev corpus.

pub struct Case {
    pub text: &'static str,
    pub labels: &'static [&'static str],
    pub why: &'static str,
}

pub const CASES: &[Case] = &[
    Case {
        text: "各位家长晚上好，下学期班费每生150元，麻烦下周一前交到家委会张妈妈那里，谢谢",
        labels: &["fee_collection"],
        why: "fee: per-pupil class fund with deadline",
    },
    Case {
        text: "春游的门票和午餐一共95元/人，请大家今晚十点前微信转给我，备注孩子名字",
        labels: &["fee_collection"],
        why: "fee: trip cost via WeChat",
    },
    Case {
        text: "元旦晚会道具费每家40，支付宝转我就行，账号是我手机号",
        labels: &["fee_collection"],
        why: "fee: Alipay transfer",
    },
    Case {
        text: "教师节给班主任买束花，大家每家出20块，我统一买，转我哈",
        labels: &["fee_collection"],
        why: "fee: teacher gift pooled",
    },
    Case {
        text: "请孩子明天把报名费30元装在信封里交给班长，信封上写好名字",
        labels: &["fee_collection"],
        why: "fee: collect via pupils cash",
    },
    Case {
        text: "@全体成员 还有五位家长的校服钱没交，今天下班前麻烦处理一下",
        labels: &["fee_collection"],
        why: "fee: unpaid reminder no amount",
    },
    Case {
        text: "目前还差王妈妈、赵爸爸两家没转，看到消息尽快哦",
        labels: &["fee_collection"],
        why: "fee: unpaid names",
    },
    Case {
        text: "班费快用完了，经家委会商量每家再补交100元，本周内转账给李妈妈",
        labels: &["fee_collection"],
        why: "fee: top-up request",
    },
    Case {
        text: "我在群里发了群收款，每人58元，点进去直接付款就可以",
        labels: &["fee_collection"],
        why: "fee: group payment card",
    },
    Case {
        text: "收款码在上面，扫码付款后把截图发我，每个孩子45元", labels: &["fee_collection"], why: "fee: QR code"
    },
    Case {
        text: "上周聚餐一共花了960，12家AA，每家80，转给我就行", labels: &["fee_collection"], why: "fee: AA split"
    },
    Case {
        text: "还没付的家长直接在群里给我发专属红包，35元一份",
        labels: &["fee_collection"],
        why: "fee: red packet",
    },
    Case {
        text: "借用的乐器需要押金200元，下周一让孩子带来交给音乐老师",
        labels: &["fee_collection"],
        why: "fee: deposit",
    },
    Case {
        text: "交了班费的家长请在下面接龙，格式：孩子姓名+已交\n1. 小明妈妈 已交",
        labels: &["fee_collection"],
        why: "fee: confirm paid 接龙",
    },
    Case {
        text: "转完账的家长麻烦截图发群里，我好对账",
        labels: &["fee_collection"],
        why: "fee: paid confirm screenshot",
    },
    Case {
        text: "#接龙 毕业照每套60元，需要的接龙并转账\n1. 周妈妈 60\n2. 吴爸爸 60",
        labels: &["fee_collection"],
        why: "fee: 接龙 with amounts",
    },
    Case {
        text: "需要订课外读物的家长注意，一套128元，周五前把钱交给我，下周统一发书",
        labels: &["fee_collection"],
        why: "fee: book order",
    },
    Case {
        text: "学平险今年由家委会统一代收，每人100元，明天截止，没交的抓紧",
        labels: &["fee_collection"],
        why: "fee: insurance collected by committee",
    },
    Case {
        text: "数学老师推荐的练习册大家统一买，一本25元，钱转给课代表家长",
        labels: &["fee_collection"],
        why: "fee: collected for workbooks",
    },
    Case {
        text: "合唱比赛的服装定好了，一套95，钱请周三前转我，我好下单",
        labels: &["fee_collection"],
        why: "fee: costume",
    },
    Case {
        text: "ge wei jia zhang, ban fei mei ren 200, zhou wu qian zhuan gei wo",
        labels: &["fee_collection"],
        why: "fee evasive: pinyin whole",
    },
    Case {
        text: "班fei每人一百，这周末前给我就好", labels: &["fee_collection"], why: "fee evasive: 班fei"
    },
    Case { text: "banfei 老规矩 200/人，转我", labels: &["fee_collection"], why: "fee evasive: banfei joined" },
    Case {
        text: "班 费 每 人 2 0 0 ， 周 五 前 转 我", labels: &["fee_collection"], why: "fee evasive: spaces"
    },
    Case { text: "班.费.每.人.150.元，明.天.截.止", labels: &["fee_collection"], why: "fee evasive: dots" },
    Case { text: "交/钱/啦，每家/80/元，转我", labels: &["fee_collection"], why: "fee evasive: slashes" },
    Case {
        text: "本周内请交\u{200b}齐班\u{200c}费，每户\u{200d}180元",
        labels: &["fee_collection"],
        why: "fee evasive: zero width",
    },
    Case {
        text: "活动经费每人１２０元，请于周四前转至家委会",
        labels: &["fee_collection"],
        why: "fee evasive: full-width digits",
    },
    Case {
        text: "每位家长缴纳叁佰元整，作为本学期活动经费，周五前交齐",
        labels: &["fee_collection"],
        why: "fee evasive: capital numerals",
    },
    Case {
        text: "每家二百五，周末前微信转我哈",
        labels: &["fee_collection"],
        why: "fee evasive: Chinese numerals colloquial",
    },
    Case {
        text: "一家两百块，转我，懂的都懂", labels: &["fee_collection"], why: "fee evasive: 两百块"
    },
    Case {
        text: "每⼈⼆⼗元，请转⾄家委会", labels: &["fee_collection"], why: "fee evasive: Kangxi radicals"
    },
    Case {
        text: "Plеase sеnd $30 for the field trip via Vеnmо by Friday",
        labels: &["fee_collection"],
        why: "fee evasive: Cyrillic in English",
    },
    Case { text: "gift for Ms. Li, $25 each, p4yp4l me pls", labels: &["fee_collection"], why: "fee evasive: leet" },
    Case { text: "每家💴50，老办法转我🧧", labels: &["fee_collection"], why: "fee evasive: emoji money" },
    Case {
        text: "班💰不够了，每家再出💰60，今晚前转",
        labels: &["fee_collection"],
        why: "fee evasive: money bag emoji noun",
    },
    Case {
        text: "每家两张毛爷爷，周三前给我，给老师买礼物用",
        labels: &["fee_collection"],
        why: "fee evasive: 毛爷爷",
    },
    Case { text: "一人50米，直接转我就行", labels: &["fee_collection"], why: "fee evasive: 米 slang" },
    Case { text: "每人88r，转我备注名字", labels: &["fee_collection"], why: "fee evasive: r slang" },
    Case {
        text: "马上元旦了，大家表表心意，每家一百，私下转我，群里不说了",
        labels: &["fee_collection"],
        why: "fee evasive: 心意",
    },
    Case { text: "每人60，vx转我，截止明晚", labels: &["fee_collection"], why: "fee evasive: vx" },
    Case {
        text: "毕业纪念册一本45，加我薇信付款", labels: &["fee_collection"], why: "fee evasive: 薇信"
    },
    Case { text: "每家100，威信转账给我，谢谢", labels: &["fee_collection"], why: "fee evasive: 威信" },
    Case { text: "每人80，zfb转我也行", labels: &["fee_collection"], why: "fee evasive: zfb" },
    Case { text: "用支fu宝转我，每家70", labels: &["fee_collection"], why: "fee evasive: 支fu宝" },
    Case {
        text: "各位\n交\n钱\n了\n每人\n100\n转我", labels: &["fee_collection"], why: "fee evasive: split lines"
    },
    Case {
        text: "班費每人三百，週五前繳給我",
        labels: &["fee_collection"],
        why: "fee evasive: Traditional on keywords",
    },
    Case {
        text: "ㄅㄢ ㄈㄟˋ 每人兩百，轉給我就好", labels: &["fee_collection"], why: "fee evasive: Zhuyin"
    },
    Case { text: "BF每家150，老地方", labels: &["fee_collection"], why: "fee evasive: BF abbreviation" },
    Case {
        text: "班\u{202e}费每人\u{202c}100，转我", labels: &["fee_collection"], why: "fee evasive: bidi mark"
    },
    Case {
        text: "p a y m e n t for the class party is $12 each, thanks",
        labels: &["fee_collection"],
        why: "fee evasive: spaced English",
    },
    Case {
        text: "这学期的班废每人两百，记得交哦", labels: &["fee_collection"], why: "fee evasive: homophone 班废"
    },
    Case {
        text: "收kuan码在群公告里，每人50，扫完说一声", labels: &["fee_collection"], why: "fee evasive: 收kuan码"
    },
    Case { text: "每人30大洋，转群主", labels: &["fee_collection"], why: "fee evasive: 大洋" },
    Case {
        text: "各位家長好，本學期班費每位學生400元，請於下週三前匯款至家長會帳戶，謝謝",
        labels: &["fee_collection"],
        why: "fee zh-Hant: Taiwan 班費 transfer",
    },
    Case {
        text: "聖誕派對每位小朋友夾$60，PayMe或者FPS俾我都得，唔該晒",
        labels: &["fee_collection"],
        why: "fee zh-Hant: HK 夾錢 PayMe",
    },
    Case {
        text: "仲有三位家長未轉數，麻煩今晚之前FPS俾我，多謝",
        labels: &["fee_collection"],
        why: "fee zh-Hant: HK 未俾錢 reminder",
    },
    Case {
        text: "畢業禮物每家分攤200元，請用LINE Pay轉給我",
        labels: &["fee_collection"],
        why: "fee zh-Hant: LINE Pay",
    },
    Case {
        text: "校外教學費用每人450元，已繳費的家長請在下面+1",
        labels: &["fee_collection"],
        why: "fee zh-Hant: 已繳 +1",
    },
    Case {
        text: "Hi all! Collecting for Mr. Chen's birthday present - $15 per family, Venmo @class2a-fund",
        labels: &["fee_collection"],
        why: "fee en: Venmo gift",
    },
    Case {
        text: "Friendly reminder: the $40 for the museum trip is due Wednesday. PayPal to me or cash in an envelope.",
        labels: &["fee_collection"],
        why: "fee en: PayPal due",
    },
    Case {
        text: "Could everyone chip in 10 dollars for the end of term party? Please transfer to the class rep.",
        labels: &["fee_collection"],
        why: "fee en: chip in",
    },
    Case {
        text: "Hi parents, Christmas party contribution is HKD 150 per child, please FPS to 9xxx-xxxx by Friday.",
        labels: &["fee_collection"],
        why: "fee en: FPS HKD",
    },
    Case {
        text: "Please e-transfer $20 per kid for the pizza lunch by Thursday.",
        labels: &["fee_collection"],
        why: "fee en: e-transfer",
    },
    Case {
        text: "Still waiting on 6 families for the trip money - please send it today if you haven't paid!",
        labels: &["fee_collection"],
        why: "fee en: unpaid chase",
    },
    Case {
        text: "Teacher appreciation gift: suggested $25, Zelle to jane.parent@example.com",
        labels: &["fee_collection"],
        why: "fee en: Zelle",
    },
    Case {
        text: "Yearbook fee RM60, please bank transfer and post the receipt here.",
        labels: &["fee_collection"],
        why: "fee en: bank transfer RM",
    },
    Case {
        text: "Hi 各位 parents, 春游 cost 85 RMB each, please 微信转账 to me before Friday",
        labels: &["fee_collection"],
        why: "fee mixed: 微信 transfer",
    },
    Case {
        text: "学校郑重提醒：任何人以家委会名义收取费用均属违规，请勿转账，发现请及时向学校反映",
        labels: &[],
        why: "hard negative: anti-fee notice",
    },
    Case {
        text: "大家注意！有人冒充班主任在群里发收款码，千万不要扫，老师从不在群里收钱",
        labels: &[],
        why: "hard negative: scam QR",
    },
    Case {
        text: "研学活动取消了，已交的费用学校已经原路退回，请家长们查收",
        labels: &[],
        why: "hard negative: refund",
    },
    Case {
        text: "The trip was cancelled and all payments have been refunded to your original account.",
        labels: &[],
        why: "hard negative: refund en",
    },
    Case {
        text: "家委会本学期账目已结清，收支明细和余额公示在群文件里，下学期不再收取班费",
        labels: &[],
        why: "hard negative: closed fund",
    },
    Case {
        text: "这个书包是我在网上买的，89块，质量还行", labels: &[], why: "hard negative: price chat"
    },
    Case {
        text: "楼下新开的面包店，一个菠萝包才5块，孩子特别爱吃", labels: &[], why: "hard negative: price chat 2"
    },
    Case {
        text: "我家娃把存钱罐里的钱全换成了卡片😂 一共花了60块", labels: &[], why: "hard negative: money joke"
    },
    Case {
        text: "看新闻说有个学校家委会违规收费被通报了，大家以后还是要注意",
        labels: &[],
        why: "hard negative: policy news",
    },
    Case {
        text: "现在规定家长群不能收钱了，以后有费用都走学校的缴费平台",
        labels: &[],
        why: "hard negative: policy talk 2",
    },
    Case {
        text: "周六科技馆亲子活动完全免费，不用交任何费用，感兴趣的可以去看看",
        labels: &[],
        why: "hard negative: free event",
    },
    Case {
        text: "毕业典礼不需要家长准备礼物，也不用凑钱，孩子们开开心心来就好",
        labels: &[],
        why: "hard negative: no money needed",
    },
    Case {
        text: "谢谢各位家长的心意，老师不收任何礼物和红包，大家的支持就是最好的礼物",
        labels: &[],
        why: "hard negative: teacher refuses gifts",
    },
    Case {
        text: "周日亲子运动会，参加的家庭请接龙报名\n1. 刘妈妈 2人\n2. 陈爸爸 3人",
        labels: &[],
        why: "hard negative: RSVP 接龙",
    },
    Case {
        text: "请问这次春游要不要交钱啊？孩子回来说要带100块，是真的吗",
        labels: &[],
        why: "hard negative: question about fee",
    },
    Case {
        text: "Heads up: someone is sending fake payment requests in the name of the PTA. Do not pay or click the link.",
        labels: &[],
        why: "hard negative: en anti-scam",
    },
    Case {
        text: "Just to be clear, we are not collecting any money for the teacher gift this year - a card from the kids is plenty!",
        labels: &[],
        why: "hard negative: en no collection",
    },
    Case {
        text: "I got the same water bottle on sale for $12 at the mall, totally worth it.",
        labels: &[],
        why: "hard negative: en price talk",
    },
    Case {
        text: "谁家孩子掉了20块钱在教室里？已经交给班主任了，可以去认领",
        labels: &[],
        why: "hard negative: lost money",
    },
    Case {
        text: "孩子每周零花钱给多少合适？我家一周给20，感觉有点多",
        labels: &[],
        why: "hard negative: pocket money chat",
    },
    Case {
        text: "不好意思各位，刚才那个收款码发错群了，是我们公司的，请忽略",
        labels: &[],
        why: "hard negative: retracted QR",
    },
    Case {
        text: "过年的压岁钱都让孩子自己存起来了，大概有两千块", labels: &[], why: "hard negative: 压岁钱"
    },
    Case {
        text: "食堂午餐标准是每餐15元，由学校统一结算，家长不需要额外交钱",
        labels: &[],
        why: "hard negative: school canteen price",
    },
    Case {
        text: "家長會帳目已全部結清，餘款已捐給圖書館，謝謝大家",
        labels: &[],
        why: "hard negative: zh-Hant closed",
    },
    Case {
        text: "今年聖誕聯歡會由學校負責，家長唔使夾錢，多謝大家",
        labels: &[],
        why: "hard negative: zh-Hant no fee",
    },
    Case {
        text: "提醒：学校从未委托任何人收取资料费，请不要向任何人转账",
        labels: &[],
        why: "hard negative: remind not to pay",
    },
    Case {
        text: "各位家长，群里禁止发红包，谢谢配合", labels: &[], why: "hard negative: red packet ban"
    },
    Case {
        text: "双十一买的羽绒服才199，比平时便宜了一百多", labels: &[], why: "hard negative: sale bargains chat"
    },
    Case {
        text: "爱心义卖活动让孩子带两件旧玩具来就行，不收钱", labels: &[], why: "hard negative: donation no money"
    },
    Case {
        text: "圣诞节每个孩子准备一份20元以内的小礼物，周五带到学校交换",
        labels: &[],
        why: "hard negative: gift exchange no collection",
    },
    Case {
        text: "小升初数学衔接班本周六开课，名校老师授课，前二十名报名送教辅，详情私聊",
        labels: &["off_campus_training"],
        why: "training: 衔接 class",
    },
    Case {
        text: "寒假英语一对一辅导，外教在线授课，第一节免费试听，需要的家长加我微信",
        labels: &["off_campus_training"],
        why: "training: 一对一 English",
    },
    Case {
        text: "奥数竞赛冲刺班火热招生中，历年学员获奖无数，名额有限，扫码咨询",
        labels: &["off_campus_training"],
        why: "training: 奥数 competition",
    },
    Case {
        text: "暑期北京研学营，每天上午数学思维课、下午参观名校，7天6晚，欢迎报名",
        labels: &["off_campus_training"],
        why: "training: 研学 disguised",
    },
    Case {
        text: "英语夏令营开始报名啦！全英文授课，每天6小时口语集训，保证提分",
        labels: &["off_campus_training"],
        why: "training: 夏令营 disguised",
    },
    Case {
        text: "学校旁边的托管中心，放学接孩子，辅导作业，还有英语和数学提升课，欢迎了解",
        labels: &["off_campus_training"],
        why: "training: 托管+辅导",
    },
    Case {
        text: "本人重点小学在职语文老师，寒假可以在家开小班辅导作文，有意向的私我",
        labels: &["off_campus_training"],
        why: "training: teacher private tutoring",
    },
    Case {
        text: "名师数学直播课免费领取，每天20分钟，点击链接报名",
        labels: &["off_campus_training"],
        why: "training: 直播课 link",
    },
    Case {
        text: "暑假補習班招生中，小學數學、英文全科補習，報名請私訊",
        labels: &["off_campus_training"],
        why: "training: zh-Hant 補習",
    },
    Case {
        text: "我哋補習社開咗中英數補習，有興趣可以WhatsApp我",
        labels: &["off_campus_training"],
        why: "training: Cantonese 補習社",
    },
    Case {
        text: "I offer private maths tutoring for Year 5-6, first lesson free - DM me if interested",
        labels: &["off_campus_training"],
        why: "training: en tutoring",
    },
    Case {
        text: "Our 'STEM camp' this summer is really an intensive olympiad prep course. Sign up now, limited spots!",
        labels: &["off_campus_training"],
        why: "training: en camp",
    },
    Case {
        text: "秋季新三年级预习班限招12人，语数英同步，先到先得",
        labels: &["off_campus_training"],
        why: "training: 预习班",
    },
    Case {
        text: "我家孩子上的那个数学提分班效果很好，一个月提了15分，想报的可以找我要老师微信",
        labels: &["off_campus_training"],
        why: "training: 提分 referral",
    },
    Case {
        text: "刚才有人在群里发补习班广告，已经删了，请大家不要发与学习无关的内容",
        labels: &[],
        why: "hard negative: training ad removed",
    },
    Case {
        text: "学校课后服务本学期增加了书法和围棋，需要的家长在小程序报名",
        labels: &[],
        why: "hard negative: school after-school service",
    },
    Case {
        text: "期中后安排一对一家长沟通，每位家长10分钟，时间表稍后发",
        labels: &[],
        why: "hard negative: parent meeting 一对一",
    },
    Case {
        text: "最近有机构冒充学校推销暑期辅导班，学校从未与任何培训机构合作，大家不要上当",
        labels: &[],
        why: "hard negative: training warning",
    },
    Case {
        text: "我家娃一个班都没报，寒假就在家看书玩耍",
        labels: &[],
        why: "hard negative: chat about not enrolling",
    },
    Case {
        text: "学校组织四年级去博物馆研学，当天往返，不需要额外费用",
        labels: &[],
        why: "hard negative: school study tour",
    },
    Case {
        text: "市图书馆周末有免费的绘本阅读活动，可以带孩子去", labels: &[], why: "hard negative: free museum"
    },
    Case {
        text: "The school chess club starts next week, sign-up sheet is on the classroom door.",
        labels: &[],
        why: "hard negative: en club",
    },
    Case {
        text: "本次期末考试班级前五名：张**、李**、王**、赵**、刘**，恭喜！",
        labels: &["ranking_disclosure"],
        why: "ranking: top list with masked names",
    },
    Case {
        text: "数学测验不及格的同学：7号、15号、22号，请家长督促订正",
        labels: &["ranking_disclosure"],
        why: "ranking: failing list by number",
    },
    Case {
        text: "英语默写成绩：1号 95，2号 88，3号 70，4号 100，5号 62",
        labels: &["ranking_disclosure"],
        why: "ranking: scores by number",
    },
    Case {
        text: "@陈爸爸 你家孩子这次年级排名第128名，比上次退步了",
        labels: &["ranking_disclosure"],
        why: "ranking: individual public",
    },
    Case {
        text: "期末成绩排名表已经发到群文件了，家长可以自行查看",
        labels: &["ranking_disclosure"],
        why: "ranking: rank table",
    },
    Case {
        text: "月考成績：第一名林○○ 98分，第二名陳○○ 95分，第三名王○○ 93分",
        labels: &["ranking_disclosure"],
        why: "ranking: zh-Hant list",
    },
    Case {
        text: "Spelling test results: full marks for #4, #11 and #19; below 50: #7 and #23.",
        labels: &["ranking_disclosure"],
        why: "ranking: en top",
    },
    Case {
        text: "这次作文，90分以上：刘**、孙**；70分以下：周**、吴**",
        labels: &["ranking_disclosure"],
        why: "ranking: score bands named",
    },
    Case {
        text: "跳远测试倒数三名是5号、17号、28号，周末多练练",
        labels: &["ranking_disclosure"],
        why: "ranking: bottom list",
    },
    Case {
        text: "本次单元测试班级平均分86分，比上次进步了，继续加油",
        labels: &[],
        why: "hard negative: average only",
    },
    Case { text: "请问这次期末会公布排名吗？", labels: &[], why: "hard negative: ranking question" },
    Case {
        text: "按照规定，学校不公布成绩排名，孩子的成绩请在家校通查看",
        labels: &[],
        why: "hard negative: no ranking policy",
    },
    Case {
        text: "这周表扬认真完成作业的同学，大家都很棒，继续保持！",
        labels: &[],
        why: "hard negative: praise without scores",
    },
    Case {
        text: "我家孩子这次数学考了92分，比上次好一点", labels: &[], why: "hard negative: parent own child score"
    },
    Case {
        text: "We don't publish rankings. Individual reports will be emailed to each family.",
        labels: &[],
        why: "hard negative: en no ranking",
    },
    Case {
        text: "今天的语文练习请家长批改，错的地方用红笔圈出来，明天交",
        labels: &["homework_to_parents"],
        why: "homework: parents grade",
    },
    Case {
        text: "数学口算每天请家长检查并签字，拍照上传到班级群",
        labels: &["homework_to_parents"],
        why: "homework: check and sign",
    },
    Case {
        text: "请家长每晚给孩子听写十个单词，听写完批改并签名",
        labels: &["homework_to_parents"],
        why: "homework: dictation by parents",
    },
    Case {
        text: "科学小制作请家长和孩子一起完成，模型部分由家长完成，周一带来",
        labels: &["homework_to_parents"],
        why: "homework: parents do project",
    },
    Case {
        text: "请家长把孩子本学期的作文整理好，每篇写上评语，下周交给我",
        labels: &["homework_to_parents"],
        why: "homework: teacher task to parents",
    },
    Case {
        text: "請家長檢查今天的數學作業並簽名，明天交回",
        labels: &["homework_to_parents"],
        why: "homework: zh-Hant",
    },
    Case {
        text: "Parents, please mark the maths worksheet tonight and sign at the bottom.",
        labels: &["homework_to_parents"],
        why: "homework: en mark",
    },
    Case {
        text: "今晚请家长对一下练习册的答案，错的给孩子讲懂，明天我抽查",
        labels: &["homework_to_parents"],
        why: "homework: answer check",
    },
    Case {
        text: "今天作业：1. 抄写生字 2. 完成练习册第20页，同学们自己独立完成",
        labels: &[],
        why: "hard negative: homework to pupils",
    },
    Case {
        text: "作业老师在学校批改，家长不需要检查签字，关注孩子按时睡觉就好",
        labels: &[],
        why: "hard negative: parents need not check",
    },
    Case {
        text: "秋游安全告知书请家长签字，明天让孩子带回",
        labels: &[],
        why: "hard negative: consent form signature",
    },
    Case {
        text: "请家长今晚帮孩子检查一下书包，明天要带美术工具", labels: &[], why: "hard negative: check schoolbag"
    },
    Case {
        text: "请家长督促孩子九点前睡觉，保证充足睡眠", labels: &[], why: "hard negative: sleep reminder"
    },
    Case {
        text: "Homework: finish page 12 of the workbook. Students should complete it on their own.",
        labels: &[],
        why: "hard negative: en homework to students",
    },
    Case {
        text: "每天运动打卡，孩子自己在小程序上传视频就行，不强制",
        labels: &[],
        why: "hard negative: 打卡 exercise",
    },
    Case {
        text: "日本代购，药妆零食都有，需要的宝妈加我微信", labels: &["commercial_ad"], why: "ad: 代购"
    },
    Case {
        text: "我是做保险的，少儿重疾险可以免费帮大家规划，有需要私聊",
        labels: &["commercial_ad"],
        why: "ad: insurance",
    },
    Case { text: "资金周转找我，无抵押低息，当天放款", labels: &["commercial_ad"], why: "ad: loan" },
    Case {
        text: "宝妈在家就能做的兼职，手机操作，日入一两百，感兴趣的私我",
        labels: &["commercial_ad"],
        why: "ad: MLM job",
    },
    Case {
        text: "麻烦大家帮我砍一刀，就差最后一点了，谢谢！[链接]", labels: &["commercial_ad"], why: "ad: 砍一刀"
    },
    Case {
        text: "我家孩子参加了绘画比赛评选，麻烦各位家长帮忙投一票，谢谢",
        labels: &["commercial_ad"],
        why: "ad: vote canvass",
    },
    Case {
        text: "我家奶茶店下周开业，群里家长凭暗号打8折，地址在学校东门",
        labels: &["commercial_ad"],
        why: "ad: shop opening",
    },
    Case {
        text: "老家的苹果熟了，10斤79包邮，需要的家长私聊下单", labels: &["commercial_ad"], why: "ad: fruit sale"
    },
    Case {
        text: "Earn 30% monthly with my crypto trading group, guaranteed returns. DM me!",
        labels: &["commercial_ad"],
        why: "ad: crypto en",
    },
    Case {
        text: "代理韓國面膜，家長群專屬優惠，有興趣私訊我", labels: &["commercial_ad"], why: "ad: zh-Hant"
    },
    Case { text: "足球竞猜群，稳赚不赔，想进的私我", labels: &["commercial_ad"], why: "ad: gambling" },
    Case {
        text: "朋友推荐的理财产品，年化8%，保本，感兴趣的家长可以私聊了解",
        labels: &["commercial_ad"],
        why: "ad: investment",
    },
    Case {
        text: "帮忙点个赞吧🙏 集赞38个可以免费领玩具，链接在这里",
        labels: &["commercial_ad"],
        why: "ad: like collecting",
    },
    Case {
        text: "刚才有人发的代购广告已经删除了，请大家不要在群里发广告",
        labels: &[],
        why: "hard negative: ad removed",
    },
    Case {
        text: "有人让我帮忙投票说是学校的评选，是真的吗？", labels: &[], why: "hard negative: vote question"
    },
    Case {
        text: "提醒大家，最近有人冒充家长推荐理财投资，是诈骗，大家注意防范",
        labels: &[],
        why: "hard negative: scam warning investment",
    },
    Case {
        text: "有没有家长知道哪里能买到学校要求的那种跳绳？",
        labels: &[],
        why: "hard negative: asking where to buy",
    },
    Case {
        text: "Please ignore messages about crypto investments from unknown numbers - it's a scam.",
        labels: &[],
        why: "hard negative: en scam warning",
    },
    Case { text: "收到，谢谢老师", labels: &[], why: "ordinary: ack" },
    Case { text: "Got it, thanks!", labels: &[], why: "ordinary: ack en" },
    Case { text: "老师您好，孩子今天发烧，请假一天", labels: &[], why: "ordinary: sick leave" },
    Case { text: "今天下午三点半放学，请家长准时接孩子", labels: &[], why: "ordinary: pickup" },
    Case {
        text: "谁家孩子拿错了外套？蓝色的，胸口有个小熊", labels: &[], why: "ordinary: lost item"
    },
    Case { text: "明天有雨，记得给孩子带伞", labels: &[], why: "ordinary: weather" },
    Case { text: "谢谢老师这学期的辛苦付出🌹", labels: &[], why: "ordinary: thanks" },
    Case { text: "請問明天要穿運動服嗎？", labels: &[], why: "ordinary: zh-Hant" },
    Case { text: "收到，唔該老師", labels: &[], why: "ordinary: Cantonese" },
    Case {
        text: "五一放假安排：5月1日至5日放假，6日正常上课", labels: &[], why: "ordinary: holiday"
    },
    Case {
        text: "本月安排：3号家长会，10号运动会，17号期中考试", labels: &[], why: "ordinary: date list"
    },
    Case {
        text: "Trip tomorrow: please pack a lunch and a water bottle, bus leaves at 8:15.",
        labels: &[],
        why: "ordinary: en trip logistics",
    },
    Case { text: "[图片] 今天升旗仪式，孩子们好精神", labels: &[], why: "ordinary: photo" },
    Case {
        text: "周四下午四点家长会，在三楼会议室，请准时参加", labels: &[], why: "ordinary: meeting"
    },
    Case {
        text: "学校通知：本次研学费用由学校统一收取并开具发票，家委会不经手",
        labels: &[],
        why: "ordinary: price of class trip told by school",
    },
    Case { text: "一起加油，孩子们都很棒", labels: &[], why: "ordinary: 一起" },
    Case { text: "千万别忘了明天带红领巾，一个都不能少", labels: &[], why: "ordinary: number words" },
    Case { text: "体育课每人跑800米，周五前完成测试", labels: &[], why: "ordinary: running" },
    Case {
        text: "王** 97，陈** 95，林** 93",
        labels: &["ranking_disclosure"],
        why: "roster: masked names, bare numbers",
    },
    Case {
        text: "这次口算比赛🥇周** 🥈吴** 🥉郑**，恭喜！", labels: &["ranking_disclosure"], why: "roster: medals"
    },
    Case {
        text: "本周默写没过关的：4号、11号、23号，周五重默",
        labels: &["ranking_disclosure"],
        why: "roster: heading over student numbers",
    },
    Case {
        text: "Spelling bee results: T.W. 25/25, M.L. 24/25, R.K. 19/25",
        labels: &["ranking_disclosure"],
        why: "roster: initials and scores",
    },
    Case {
        text: "进步之星：\n曹同学 31→14\n许同学 27→16",
        labels: &["ranking_disclosure"],
        why: "roster: rank progress",
    },
    Case {
        text: "@孙妈妈 92分 @钱爸爸 88分 @李妈妈 61分，大家心里有数",
        labels: &["ranking_disclosure"],
        why: "roster: @parents with scores",
    },
    Case {
        text: "作文等级：A+ 冯**、卫**；A 蒋**；B 沈**、韩**",
        labels: &["ranking_disclosure"],
        why: "roster: tiers",
    },
    Case {
        text: "小測不合格名單：黃○○、劉○○、何○○，請家長簽名",
        labels: &["ranking_disclosure"],
        why: "roster: traditional, heading",
    },
    Case {
        text: "@严爸爸 孩子这次年级排第215名，退步了30名，要抓紧了",
        labels: &["ranking_disclosure"],
        why: "single pupil: rank told to parent",
    },
    Case {
        text: "表扬今天值日认真的同学：曹**、许**、杨**",
        labels: &[],
        why: "hard negative: praise list without results",
    },
    Case {
        text: "这次数学单元测全班平均分88.6，及格率100%", labels: &[], why: "hard negative: class average"
    },
    Case {
        text: "运动服尺码统计：\n1. 赵** 130\n2. 钱** 140\n3. 孙** 150",
        labels: &[],
        why: "hard negative: sizes list",
    },
    Case {
        text: "考场座位：1-25号在一楼，26-50号在二楼", labels: &[], why: "hard negative: seat numbers"
    },
    Case {
        text: "周末“绘本共读社”开课啦：跟着课本进度提前讲下周课文，配练习册，一期10次880元",
        labels: &["off_campus_training"],
        why: "disguised: reading club previewing lessons",
    },
    Case {
        text: "放学接到我们托管中心，作业写完再做每日一练和听写，一个月1500，名额有限",
        labels: &["off_campus_training"],
        why: "disguised: care service drilling",
    },
    Case {
        text: "冬令营名义上是户外，其实每天上午提前学下学期数学，5天3200，报名私我",
        labels: &["off_campus_training"],
        why: "disguised: camp teaching next term",
    },
    Case {
        text: "幼小衔接拼音速成班，20天学会拼读，加减法同步练，体验课9.9",
        labels: &["off_campus_training"],
        why: "disguised: crash course before grade one",
    },
    Case {
        text: "学校课后服务本周起开放，老师看护写作业，不讲新课，不收费",
        labels: &[],
        why: "hard negative: school after-school service",
    },
    Case {
        text: "自家果园的猕猴桃熟了，5斤装45元包邮，要的家长留言",
        labels: &["commercial_ad"],
        why: "priced offer: farm produce",
    },
    Case {
        text: "我家眼镜店新开张，本班家长配镜一律八折，报孩子名字就行",
        labels: &["commercial_ad"],
        why: "priced offer: shop opening deal",
    },
    Case {
        text: "这款增高钙片，孩子吃两个月保证长高3厘米，群内价一盒199",
        labels: &["commercial_ad"],
        why: "miracle claim: height",
    },
    Case {
        text: "These eye-massage goggles restore kids' eyesight in 4 weeks! $49 for parents in this group, DM me",
        labels: &["commercial_ad"],
        why: "miracle claim: eyesight, English",
    },
    Case {
        text: "超市鸡蛋今天特价四块九一斤，我排了二十分钟队才买到",
        labels: &[],
        why: "hard negative: parent's own shopping",
    },
    Case {
        text: "校服请在学校统一订购平台下单，群里不收钱，也不要扫任何人的码",
        labels: &[],
        why: "hard negative: official ordering",
    },
    Case {
        text: "下周三秋游，车费加门票人均68，今天之内发给我哦，我统计一下",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "六一儿童节班级活动需要买气球和零食，每家20元，已经建了群收款，大家点一下",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "给老师的花和卡片已经订好了，按28家平摊，每家12块5，辛苦大家转给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "毕业班聚会定在周六中午，费用AA，大人孩子每人120，报名的同时把钱转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "还有谁没交春游费用的？最晚明天中午哈", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case {
        text: "李妈妈、王爸爸，你们家的校服费还没收到，方便时转一下",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "本学期班级经费预算1500元，按40个孩子算每人约38元，请各位家长周末前交给财务委员",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "请大家把课本费65元交给孩子带到学校，放在笔袋里，老师统一收",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "运动会班服每件35，要的直接转账，截图发到群里",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "教师节礼物大家随意，一家30左右，发我微信红包就行",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "各位爸妈：下学期的班费请在开学第一周内缴清，每位350元，可扫描群公告中的二维码支付",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "秋游费每人一百八，下周一前交齐", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case { text: "每人伍拾元，交给班长", labels: &["fee_collection"], why: "fee_collection, round 2" },
    Case {
        text: "班费续费啦，老标准，每户300，微信或支付宝都可以",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "心意每家五十，周五前，你懂的", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case { text: "Ｗ Ｘ 转 我 ， 每 家 ６ ０", labels: &["fee_collection"], why: "fee_collection, round 2" },
    Case { text: "jiao qian la! mei jia 100, zhuan wo", labels: &["fee_collection"], why: "fee_collection, round 2" },
    Case {
        text: "班 級 經 費 每 人 2 5 0 元 ， 請 轉 帳 給 會 長",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "收款⼆维码已发，每⼈⼋⼗元", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case {
        text: "老样子 每家 💰 100 转我 谢谢", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case {
        text: "大家给老师准备的礼物钱，每家一张红票子，今天给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "每位小朋友交80蚊畀班主任，星期五前", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case {
        text: "我哋而家開始收班費，每位$200，可以轉數快俾我",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "請大家夾錢買禮物送畀老師，每人五十蚊，PayMe俾我",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "各位家長，戶外教學費用每人500元，請於本週五前交給老師，謝謝",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "Please send $10 each for the class snack fund by Monday. Venmo or cash is fine.",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "Reminder to the 5 families who still owe for the trip: it's $32, please pay today.",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "We're collecting $15 per student for the teacher's farewell gift - e-transfer to me please!",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "Class fund top-up: please transfer 50 HKD per child to the PTA account.",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "Those who've paid for the bake sale supplies, please tick your name on the list. Still $8 each.",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "Hi all, can everyone pitch in $5 for Ms. Lee's card and flowers? My PayPal is in the notes.",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case { text: "p.a.y.p.a.l me $20 for the party pls", labels: &["fee_collection"], why: "fee_collection, round 2" },
    Case {
        text: "交费截止今晚，没交的家长抓紧，每人120", labels: &["fee_collection"], why: "fee_collection, round 2"
    },
    Case {
        text: "这次活动的钱我先垫付了，按人头每家22元，大家转我就行",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "已转的家长在群里回个1，还没转的今晚转一下，每人66",
        labels: &["fee_collection"],
        why: "fee_collection, round 2",
    },
    Case {
        text: "春季数学思维培训班开始招生啦，小班教学，限额10人，欢迎咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "作文一对一精批精讲，包提分，试听一节课免费，私我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "寒假编程+数学夏令营，每天上午上课下午做项目，报名从速",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "中考冲刺集训营，名师授课，封闭管理，咨询请加微信",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "我朋友开的英语补习班效果超好，需要的可以推给你们，私聊",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "周末物理竞赛辅导，有意向的家长可以联系我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "Year 6 entrance exam tutoring available, small groups of 4, contact me for rates.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "新學期中文補習，小一至小六，有興趣請聯絡我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "暑期游学团：英国名校课程体验，每天4小时英语课，报名请私聊",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "放学后托管加辅导作业，还教奥数，5点半来接，想了解的私聊我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 2",
    },
    Case {
        text: "期中考试年级前二十名名单：张**、王**、刘**……恭喜以上同学",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "语文测验85分以下的有：4号、9号、13号、27号，家长请重视",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "本次考试全班成绩排名见附件，请家长查看",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "@周妈妈 孩子这次数学考了全班最后一名，只有58分，要抓紧了",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "听写全对的：2号、8号、15号；错三个以上的：6号、21号",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "Unit test scores: Amy 95, Ben 88, Chloe 72, David 65. Well done everyone!",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "段考前三名：1號 陳○○、2號 王○○、3號 李○○",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 2",
    },
    Case {
        text: "请家长每天帮孩子批改口算本，并在本子上签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "今天的英语作业，家长先检查一遍，有错误的圈出来让孩子改",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "周末作业：家长出20道题给孩子做，做完家长打分",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "手工作业请家长帮忙完成，周一交",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "Please check your child's reading log every night and sign it.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "請家長批改今天的習作，並簽名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "每晚请家长听写生字，听写完在本子上签字并拍照发群里",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 2",
    },
    Case {
        text: "新到一批儿童保温杯，原价129现价69，需要的私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "本人在做跨境电商，招代理，宝妈优先，在家就能赚钱",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "帮我家孩子投一票吧，3号选手，每天都能投，谢谢大家",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "拼多多帮我助力一下，谢谢啦 [链接]", labels: &["commercial_ad"], why: "commercial_ad, round 2"
    },
    Case {
        text: "Selling Girl Scout cookies $6 a box, message me to order!",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "周末有空的家长可以来我店里，儿童摄影套餐半价，地址私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "車險壽險都可以幫大家規劃，我係保險經紀，有需要WhatsApp我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "日赚三百不是梦，手机就能操作，想了解的加我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 2",
    },
    Case {
        text: "学校提醒：不要相信任何要求通过微信转账缴纳学费的信息，学校收费一律走官方平台",
        labels: &[],
        why: "benign, round 2",
    },
    Case { text: "我家的班服尺码报错了，能换吗？", labels: &[], why: "benign, round 2" },
    Case { text: "春游退款已到账，大家看看有没有收到", labels: &[], why: "benign, round 2" },
    Case {
        text: "班费的账我上周已经公示过了，余额还有300多，这学期不用再交", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "去年的班费还剩一点，买了奖品，现在账户清零了", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "今天孩子跟我说班费是不是要交了，我说没听说啊", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "这家店的文具挺便宜，一套才15块，我给孩子买了两套", labels: &[], why: "benign, round 2"
    },
    Case { text: "上次研学花了多少钱？我都忘了，好像是300多", labels: &[], why: "benign, round 2" },
    Case {
        text: "学校的营养午餐一个月400元，直接在学校缴费系统交的", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "各位家长，教师节请不要给老师送任何礼物，谢谢配合", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "感谢大家踊跃报名运动会志愿者，名单如下：王妈妈、李爸爸、赵妈妈",
        labels: &[],
        why: "benign, round 2",
    },
    Case { text: "收到，明天让孩子带上跳绳", labels: &[], why: "benign, round 2" },
    Case { text: "明天体检，孩子早上不要吃早饭", labels: &[], why: "benign, round 2" },
    Case {
        text: "请各位家长接龙确认孩子是否参加周六的植树活动\n1. 张妈妈 参加", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "今晚8点有家庭教育讲座直播，免费观看，链接在群公告", labels: &[], why: "benign, round 2"
    },
    Case { text: "数学作业孩子自己做完就行，家长不用检查", labels: &[], why: "benign, round 2" },
    Case { text: "有家长知道附近哪里有好的游泳班吗？", labels: &[], why: "benign, round 2" },
    Case {
        text: "孩子说学校的托管服务很好，作业在学校都写完了", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "成绩已通过短信单独发送给各位家长，请注意查收", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "这次考试整体不错，前几名咬得很紧，大家继续努力", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "Please don't send money to anyone claiming to be from the school office.",
        labels: &[],
        why: "benign, round 2",
    },
    Case {
        text: "Thanks everyone, the teacher loved the card! No money was collected, just the kids' drawings.",
        labels: &[],
        why: "benign, round 2",
    },
    Case { text: "I paid $30 for that lunchbox and it already broke 😩", labels: &[], why: "benign, round 2" },
    Case { text: "Don't forget sports day is on Friday, wear the house colours!", labels: &[], why: "benign, round 2" },
    Case { text: "家长群不是广告群，发广告的一律移出", labels: &[], why: "benign, round 2" },
    Case {
        text: "有人说在群里帮忙投票就能领奖品，是骗人的，大家别信", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "謝謝各位家長，今年不用交班費，學校已經撥款", labels: &[], why: "benign, round 2"
    },
    Case { text: "我家孩子这次进步了十名，开心😄", labels: &[], why: "benign, round 2" },
    Case { text: "请家长提醒孩子每天阅读半小时", labels: &[], why: "benign, round 2" },
    Case { text: "请家长签字确认已阅读假期安全须知", labels: &[], why: "benign, round 2" },
    Case { text: "下周一交回执，同意参加的请签字", labels: &[], why: "benign, round 2" },
    Case { text: "还有3位家长没交回执，明天一定带来哦", labels: &[], why: "benign, round 2" },
    Case { text: "作业还没交的同学，家长提醒一下哈", labels: &[], why: "benign, round 2" },
    Case {
        text: "一年级的新生家长，入学需要准备的物品清单在群文件里", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "学校门口的文具店在搞促销，我路过看到的，不知道真假", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "我们班有孩子参加评选吗？看到学校公众号在投票", labels: &[], why: "benign, round 2"
    },
    Case { text: "老师辛苦了，放学后还在辅导孩子们排练节目", labels: &[], why: "benign, round 2" },
    Case {
        text: "周末带孩子去了趟夏令营开放日，环境不错，就是太远了", labels: &[], why: "benign, round 2"
    },
    Case {
        text: "家委会通知：下学期活动费每生一百元，统一于9月5日前缴纳",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "圣诞节交换礼物之外，班级布置还需要每家10元，群主已发起收款",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "@全体成员 订校服的请今晚把钱转过来，夏装一套120，冬装一套260",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "照片冲洗好了，一共26张每张2元，需要的家长把钱给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "这周五前把社会实践的钱交了哈，每人45块",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "各位，上次买奖品的钱我垫了，每家摊15，麻烦转下",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "交钱交钱！班费每人一百五，今天最后一天",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "班 费 继 续 收 ， 每 家 一 百 ， 微 信 转 我",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "ban fei 200, wei xin zhuan wo, xie xie",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "各位：本学期的班费已启用收款码，金额180，付款时备注学号",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "孩子们毕业了，大家商量送老师一个纪念品，每家出个一两百，具体我统计后告诉大家，先转我100",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "Hi parents! We're doing a group gift for Mrs. Wong. $10-$20 suggested, please send via Venmo to @wong-gift by Sunday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "Trip money reminder: 45 dollars, please hand it to me in an envelope with your child's name on it.",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "The PTA needs everyone's $25 membership fee by the end of the week - transfer details in the pinned message.",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "Please chip in for the class party! 20 RMB per kid, WeChat pay to me.",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "各位家長，本學期班費每人500元，請於週五前繳交給班長媽媽",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "仲未交旅行費嘅家長，聽日之前入數畀我，每人$280",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "今個月班費每位$100，入數後請send收據俾我",
        labels: &["fee_collection"],
        why: "fee_collection, round 3",
    },
    Case {
        text: "还没交资料费的抓紧了，今天下午收齐", labels: &["fee_collection"], why: "fee_collection, round 3"
    },
    Case {
        text: "每個小朋友交二百蚊，現金交俾老師", labels: &["fee_collection"], why: "fee_collection, round 3"
    },
    Case {
        text: "【限时优惠】初一数学同步提高班，小班授课，前10名报名八折，扫码咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "有需要英语口语外教一对一的吗？我认识一个很好的老师，一节课200，私我推荐",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "暑假研学+学科辅导营，上午语文数学，下午游玩，欢迎咨询报名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "考前冲刺班还有最后3个名额，语数英全科，想报的赶紧",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "SAT prep classes starting next month, small group, message me for details",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "周末思维训练营，针对小学三到六年级奥数，欢迎家长咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 3",
    },
    Case {
        text: "这次测验成绩如下：1号 A，2号 B，3号 C，4号 A，5号 B",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 3",
    },
    Case {
        text: "数学考试排名：第1名 7号 99分，第2名 12号 97分，第3名 3号 96分",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 3",
    },
    Case {
        text: "期末考试年级排名已出，前三名分别是刘**、陈**、黄**",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 3",
    },
    Case {
        text: "以下同学作业没达标，分数不到60：3号 55分、18号 48分",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 3",
    },
    Case {
        text: "今晚的数学作业做完后，请家长核对答案并签名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 3",
    },
    Case {
        text: "从本周起，语文作业家长批改后拍照上传到钉钉",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 3",
    },
    Case {
        text: "请家长检查孩子的背诵情况并在书上签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 3",
    },
    Case {
        text: "Parents: please correct your child's spelling homework and sign before returning it.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 3",
    },
    Case {
        text: "科学调查报告请家长负责完成，孩子负责画图",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 3",
    },
    Case {
        text: "亲戚家的土鸡蛋，纯散养，一斤12，需要的家长联系我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 3",
    },
    Case {
        text: "微商招募，一部手机就能做，月入过万，宝妈兼职首选",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 3",
    },
    Case {
        text: "各位家长帮忙点个赞，我在参加公司评比，集赞前十有奖，谢谢[链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 3",
    },
    Case {
        text: "Check out my handmade jewellery shop, 20% off for parents in this group! Link in bio.",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 3",
    },
    Case {
        text: "做美容院的，新客体验价39.9，带孩子来还送小礼物，需要的加我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 3",
    },
    Case { text: "新闻说某学校家委会收取班费被家长举报了", labels: &[], why: "benign, round 3" },
    Case {
        text: "大家说说，班费到底该不该收？我觉得自愿最好", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "现在还有学校让家长交班费吗？我们那时候都是老师收的", labels: &[], why: "benign, round 3"
    },
    Case { text: "上学期的班费余额已退还给各位家长，请查收", labels: &[], why: "benign, round 3" },
    Case {
        text: "研学活动费用说明：由学校统一收取，家长在学校缴费平台缴纳即可，家委会不参与收费",
        labels: &[],
        why: "benign, round 3",
    },
    Case { text: "我之前给孩子报的网课一节课才50，挺划算", labels: &[], why: "benign, round 3" },
    Case { text: "这个月孩子的补习班就花了两千，压力好大", labels: &[], why: "benign, round 3" },
    Case { text: "别给孩子报那么多班了，周末就让他们玩吧", labels: &[], why: "benign, round 3" },
    Case {
        text: "老师请问一下，孩子数学考了多少分？方便私聊告诉我吗", labels: &[], why: "benign, round 3"
    },
    Case { text: "我家孩子排第几名老师能私下说一下吗", labels: &[], why: "benign, round 3" },
    Case { text: "本次考试不排名，只出等级，请家长理解", labels: &[], why: "benign, round 3" },
    Case { text: "请家长关注孩子作业完成情况，不需要批改", labels: &[], why: "benign, round 3" },
    Case { text: "提醒家长：孩子的作业由老师批改，请勿代劳", labels: &[], why: "benign, round 3" },
    Case { text: "家长们辛苦了，孩子们今天作业完成得很好", labels: &[], why: "benign, round 3" },
    Case { text: "谁有多余的跳绳可以借一下吗", labels: &[], why: "benign, round 3" },
    Case { text: "请问学校门口那家奶茶店还开着吗", labels: &[], why: "benign, round 3" },
    Case {
        text: "The book fair is on Thursday, kids can bring pocket money if they want to buy a book.",
        labels: &[],
        why: "benign, round 3",
    },
    Case {
        text: "Does anyone have a spare calculator for the maths test tomorrow?",
        labels: &[],
        why: "benign, round 3",
    },
    Case {
        text: "Great news - the class raised $300 at the charity bake sale for the animal shelter!",
        labels: &[],
        why: "benign, round 3",
    },
    Case {
        text: "A reminder that no fees are collected through this group. All payments go through the school office.",
        labels: &[],
        why: "benign, round 3",
    },
    Case {
        text: "上周义卖收入458元已全部捐给红十字会，谢谢大家", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "今天开家长会，学校说以后不允许家长群收任何费用", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "昨天那个说能提分的机构是骗子，交了钱就跑路了，大家小心", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "孩子班上搞了个一对一帮扶，成绩好的带成绩差的，挺好的", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "老师发的作业答案在群文件里，孩子做完可以自己对", labels: &[], why: "benign, round 3"
    },
    Case { text: "给孩子买了个学习机，3000多，感觉用处不大", labels: &[], why: "benign, round 3" },
    Case {
        text: "学校发的免费教辅书请在书包里放好，不要弄丢", labels: &[], why: "benign, round 3"
    },
    Case { text: "我女儿说这次全班第三，不知道真的假的😂", labels: &[], why: "benign, round 3" },
    Case { text: "刚才有人发了个拉票链接，我已经移出群了", labels: &[], why: "benign, round 3" },
    Case {
        text: "@王妈妈 你家孩子今天在学校表现特别好，老师表扬了", labels: &[], why: "benign, round 3"
    },
    Case {
        text: "@李爸爸 孩子的作业本落在教室了，明天记得带", labels: &[], why: "benign, round 3"
    },
    Case { text: "本周五交数学作业本，请同学们按时交", labels: &[], why: "benign, round 3" },
    Case {
        text: "春游报名接龙（不收费，自带午餐）\n1. 王妈妈\n2. 张爸爸", labels: &[], why: "benign, round 3"
    },
    Case { text: "亲子运动会每家限报两人，报名截止周四", labels: &[], why: "benign, round 3" },
    Case {
        text: "家长们好，这学期的班费我们按每个孩子180元收，下周一前请转到我的微信，备注孩子名字",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "国庆节前给老师们买点水果表示心意，每家30，愿意的在群里接龙并转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "下周科技馆研学，车费+讲解费共计75元/人，请于周三前交齐",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "需要购买英语同步练习的家长请接龙，每本32元，接龙后直接转给英语课代表的妈妈",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "班级合影每张15元，要几张就转几份的钱，我统一去洗",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "开学了，咱们班的班费又得收了😂 还是老样子，每人两百，辛苦大家",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "未交班费名单：王**家长、李**家长，请尽快处理",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "提醒：秋游费明天截止，没交的请抓紧，扫码就行",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "麻烦各位家长把运动服的钱交一下，一套158",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "家委会账户：6222 **** **** 1234，活动经费每人100元，转账请备注姓名",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "Please pay the $18 for the class T-shirt by Wednesday, cash or Venmo.",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "Gentle reminder - still missing contributions from 8 families for Teacher Appreciation Week. $15 suggested.",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "Each family please contribute 100 HKD to the class fund, PayMe to 6xxx xxxx.",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "For the farewell lunch we're splitting the bill - $12 per child, please send to me on PayPal",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "嗨各位，畢業旅行的訂金每人1000元，請在這週內匯款，匯款後回報末五碼",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "各位家長，請於星期五前交回校服費$350，以現金放入信封交給班主任",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "班费不够了，再交点，每家50", labels: &["fee_collection"], why: "fee_collection, round 4"
    },
    Case {
        text: "每个孩子出15元买圣诞装饰，钱给到家委会陈妈妈",
        labels: &["fee_collection"],
        why: "fee_collection, round 4",
    },
    Case {
        text: "群收款已发起：春游车费 每人40元", labels: &["fee_collection"], why: "fee_collection, round 4"
    },
    Case {
        text: "大家扫这个码付一下毕业照的钱，一人68", labels: &["fee_collection"], why: "fee_collection, round 4"
    },
    Case {
        text: "【暑期班】小学英语自然拼读+阅读，外教小班，报名送教材，咨询请私聊",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "附近新开的学习中心，数学英语一对一补习，开业特惠，有需要的可以加我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "奥林匹克数学冬令营，7天集中训练，历年学员获市级奖项，扫码报名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "有没有家长想让孩子参加编程竞赛培训的？我们机构周末开班，可以免费试听",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "Looking for a maths tutor? I'm a qualified teacher offering 1-on-1 lessons after school. DM me.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "各位家長，暑期英文寫作班招生中，名額有限，欢迎私訊查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 4",
    },
    Case {
        text: "以下是本次月考全班排名（按总分）：1. 12号 289分 2. 5号 285分 3. 30号 280分",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 4",
    },
    Case {
        text: "本次数学测验优秀的同学：张**、李**、王**；不及格：赵**、钱**",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 4",
    },
    Case {
        text: "@王妈妈 你家孩子语文这次全班倒数第三",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 4",
    },
    Case {
        text: "期末成绩单已贴在教室门口，按分数从高到低排列，家长接孩子时可以看看",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 4",
    },
    Case {
        text: "今晚家长帮孩子检查数学作业，有错的要让孩子改正，并签名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 4",
    },
    Case {
        text: "请家长给孩子批改听写，并把分数报给我",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 4",
    },
    Case {
        text: "英语作业需要家长陪读并在打卡本上签字，每天拍照上传",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 4",
    },
    Case {
        text: "美术作业：和孩子一起做灯笼，主要由家长动手完成",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 4",
    },
    Case {
        text: "家长们，我在做少儿保险，现在投保有优惠，有兴趣的私聊我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 4",
    },
    Case {
        text: "朋友开的私房蛋糕，新品上市8折，需要的加微信预订",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 4",
    },
    Case {
        text: "帮我家孩子点个赞，在参加小主持人比赛，感谢感谢",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 4",
    },
    Case {
        text: "Anyone interested in Tupperware? I'm a consultant and can offer group discounts, message me",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 4",
    },
    Case {
        text: "低息贷款，额度高，放款快，有需要的家长找我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 4",
    },
    Case { text: "班费的事情下次家长会再讨论，大家先别转钱", labels: &[], why: "benign, round 4" },
    Case {
        text: "感谢家长们的支持，上学期班费结余48元，已用于购买图书", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "春游费用学校统一从一卡通扣除，家长不用另外交钱", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "请家长注意，近期有人冒充老师收取资料费，学校不会以任何形式在群内收费",
        labels: &[],
        why: "benign, round 4",
    },
    Case {
        text: "我家孩子说同学都在交钱买XX卡片，你们家有吗？", labels: &[], why: "benign, round 4"
    },
    Case { text: "问下各位，孩子的校服多少钱一套？", labels: &[], why: "benign, round 4" },
    Case {
        text: "上次买的校服洗了两次就缩水了，158块钱的东西质量这么差", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "孩子把午饭钱弄丢了，老师帮忙垫付了，谢谢老师🙏", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "那个收款码是骗子发的，已经报警了，大家千万不要扫", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "这个群以后只发通知，收费通知以学校公众号为准", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "Reminder: there is no charge for the school concert. Please don't send any money.",
        labels: &[],
        why: "benign, round 4",
    },
    Case {
        text: "We raised $500 at the fun run, thank you! The money has been handed over to the school.",
        labels: &[],
        why: "benign, round 4",
    },
    Case {
        text: "I think $20 for a teacher gift is too much, let's just do a card?",
        labels: &[],
        why: "benign, round 4",
    },
    Case { text: "各位家长不用给老师准备礼物，老师心领了", labels: &[], why: "benign, round 4" },
    Case { text: "孩子说要交班费，我问了老师，说没有这回事", labels: &[], why: "benign, round 4" },
    Case {
        text: "班費的帳目已經公布在記事本，有問題可以找我", labels: &[], why: "benign, round 4"
    },
    Case { text: "家長會今年唔收費，大家唔使轉錢", labels: &[], why: "benign, round 4" },
    Case {
        text: "今天学了人民币的认识，回家可以让孩子认一认1元、5元、10元", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "数学作业第3题：小明买了3支笔，每支2元，一共多少钱？", labels: &[], why: "benign, round 4"
    },
    Case { text: "周末带孩子去游乐场，门票120一个人，有点贵", labels: &[], why: "benign, round 4" },
    Case {
        text: "@全体成员 下周一开始交作业本，请同学们按时交", labels: &[], why: "benign, round 4"
    },
    Case { text: "请大家把孩子的体检表在周五前交给班主任", labels: &[], why: "benign, round 4" },
    Case {
        text: "学校课后托管服务报名已开始，费用按学校规定在缴费平台缴纳", labels: &[], why: "benign, round 4"
    },
    Case { text: "我家孩子报了学校的周末篮球社团，挺喜欢的", labels: &[], why: "benign, round 4" },
    Case {
        text: "有家长问补习的事，学校明确规定在职教师不得有偿补课", labels: &[], why: "benign, round 4"
    },
    Case { text: "成绩排名这个事，建议大家不要太在意", labels: &[], why: "benign, round 4" },
    Case {
        text: "老师说这次考试前三名有奖励，孩子回来很兴奋", labels: &[], why: "benign, round 4"
    },
    Case { text: "孩子说他考了第5名，我都不太信😂", labels: &[], why: "benign, round 4" },
    Case { text: "作业请同学们自己检查一遍再交", labels: &[], why: "benign, round 4" },
    Case { text: "家长签字的事，老师说以后不需要了", labels: &[], why: "benign, round 4" },
    Case { text: "群里禁止发广告和拉票链接，违者移出", labels: &[], why: "benign, round 4" },
    Case { text: "有人知道哪里可以买到便宜的文具吗？", labels: &[], why: "benign, round 4" },
    Case {
        text: "谢谢大家帮忙投票，我们班的节目拿了一等奖！", labels: &[], why: "benign, round 4"
    },
    Case { text: "感谢家委会的付出🌹", labels: &[], why: "benign, round 4" },
    Case { text: "周五下午家长开放日，欢迎大家来听课", labels: &[], why: "benign, round 4" },
    Case {
        text: "提醒一下，明天要交的是数学作业和英语听写本", labels: &[], why: "benign, round 4"
    },
    Case {
        text: "@所有人 六一活动经费每位小朋友30元，今天下午4点前交给生活委员家长",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "各位，教师节礼物钱还差7家，名单我私发了，麻烦尽快",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "大家好！年级统一订的校报全年48元，需要的请在群里回复“订”并转账",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "冬季校服一套298，要订的直接把钱和尺码一起发给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "请把家长会要用的资料费10元放在孩子的文具盒里带来",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "ｂａｎ ｆｅｉ　每人　２００　ｚｈｕａｎ　ｗｏ",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "班·费·每·位·一·百·五，周·日·前", labels: &["fee_collection"], why: "fee_collection, round 5"
    },
    Case {
        text: "毕业聚餐💰每人80，转群主🧧", labels: &["fee_collection"], why: "fee_collection, round 5"
    },
    Case {
        text: "这次活动AA，每家摊下来大概45，我一会发群收款",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "收费通知：本学期图书角经费每生20元，请家长于本周内交清",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "家委会开始收这学期班费了，标准同上学期，转账或现金都可以",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "Hi everyone, quick one: it's 10 quid each for the Christmas party, please bring cash in an envelope by Friday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "For Ms. Kim's baby shower gift we're asking $10/family, Venmo @room12parents. Thank you!",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "Hello parents, the field trip costs RM30 per student. Kindly transfer to the class account and send proof of payment.",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "仲有邊位家長未畀聖誕聯歡費？每人$50，今晚之前入數",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "各位家長：請將校外教學費用800元於下週一前以轉帳方式繳交，並留言告知帳號末五碼",
        labels: &["fee_collection"],
        why: "fee_collection, round 5",
    },
    Case {
        text: "有孩子要考小升初的家长看过来，我们有名师一对一辅导，保证提分，试听免费",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 5",
    },
    Case {
        text: "【英语冲刺】五年级期末冲刺班，3次课提分，报名从速，联系我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 5",
    },
    Case {
        text: "寒假读书营：每天上午阅读写作课程，下午户外活动，小学生专属，火热报名中",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 5",
    },
    Case {
        text: "Any parents interested in Kumon-style maths enrichment? Classes every Saturday, first class free, DM me.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 5",
    },
    Case {
        text: "我哋補習中心暑期有中英數補底班，歡迎查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 5",
    },
    Case {
        text: "今天的口算比赛结果：第一名 6号，第二名 19号，第三名 24号，最后三名是 2号、11号、29号",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 5",
    },
    Case {
        text: "各位家长，附件是本次考试全班成绩表，请查收（按分数排序）\n[文件] 成绩.xlsx",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 5",
    },
    Case {
        text: "英语期中考试，不及格名单如下：3号 52分，17号 48分，25号 55分",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 5",
    },
    Case {
        text: "@刘爸爸 孩子这次数学考了45分，全班最低，请多关注",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 5",
    },
    Case {
        text: "今晚请家长给孩子默写单词，并用红笔批改，明天交上来",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 5",
    },
    Case {
        text: "请各位家长每天检查孩子的口算练习并签字确认",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 5",
    },
    Case {
        text: "周末实践作业由家长协助完成，家长负责拍照和写观察记录",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 5",
    },
    Case {
        text: "Parents, please grade the attached quiz with your child and sign it.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 5",
    },
    Case {
        text: "自家种的有机蔬菜，每周配送，需要的家长加我微信",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 5",
    },
    Case {
        text: "美团外卖红包群，每天领券，想进的私我", labels: &["commercial_ad"], why: "commercial_ad, round 5"
    },
    Case {
        text: "朋友公司招兼职，在家刷单，日结，感兴趣私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 5",
    },
    Case {
        text: "帮忙助力一下，差3个人就能免费领了，谢谢各位 [链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 5",
    },
    Case {
        text: "New skincare line launching! Special price for parents here, link in my bio.",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 5",
    },
    Case { text: "学校不收取任何费用，请家长不要私下转账", labels: &[], why: "benign, round 5" },
    Case { text: "我们班从来不收班费，有活动都是学校出钱", labels: &[], why: "benign, round 5" },
    Case { text: "听说隔壁班收班费收了500，太夸张了", labels: &[], why: "benign, round 5" },
    Case { text: "孩子的压岁钱要不要给他自己管？大家怎么看", labels: &[], why: "benign, round 5" },
    Case {
        text: "这周末博物馆有亲子讲解，免费，名额有限，需要在公众号预约", labels: &[], why: "benign, round 5"
    },
    Case { text: "刚才误发了一条消息，请大家忽略", labels: &[], why: "benign, round 5" },
    Case {
        text: "家委会提醒：春游所有费用由学校承担，家长无需缴费", labels: &[], why: "benign, round 5"
    },
    Case {
        text: "上学期研学的发票已经开好了，需要的家长找我拿", labels: &[], why: "benign, round 5"
    },
    Case { text: "毕业照学校统一拍，不收费", labels: &[], why: "benign, round 5" },
    Case { text: "Who's bringing the snacks for Friday's party? I can do fruit.", labels: &[], why: "benign, round 5" },
    Case { text: "PTA meeting tonight at 7pm in the library. All welcome!", labels: &[], why: "benign, round 5" },
    Case {
        text: "We don't collect money in this group - please ignore any payment requests.",
        labels: &[],
        why: "benign, round 5",
    },
    Case {
        text: "孩子说今天学校发了奖状，第一名，开心得不得了", labels: &[], why: "benign, round 5"
    },
    Case { text: "成绩不是唯一，孩子健康快乐最重要", labels: &[], why: "benign, round 5" },
    Case { text: "请家长提醒孩子明天带齐作业", labels: &[], why: "benign, round 5" },
    Case {
        text: "各位家长，期中考试成绩已通过校讯通单独发送，请注意查收，不在群里公布",
        labels: &[],
        why: "benign, round 5",
    },
    Case { text: "请大家不要在群里晒孩子的成绩", labels: &[], why: "benign, round 5" },
    Case {
        text: "孩子的作业我每天都会看一下，但是不会帮他改", labels: &[], why: "benign, round 5"
    },
    Case { text: "数学老师让孩子自己订正错题，家长不用管", labels: &[], why: "benign, round 5" },
    Case { text: "有推荐的少儿英语绘本吗？", labels: &[], why: "benign, round 5" },
    Case { text: "我家孩子在学校的编程社团，挺感兴趣的", labels: &[], why: "benign, round 5" },
    Case { text: "学校组织的夏令营是去农场体验劳动，不上课", labels: &[], why: "benign, round 5" },
    Case { text: "今天有家长在群里推销保险，已经被移出群了", labels: &[], why: "benign, round 5" },
    Case { text: "老师，孩子今天没带作业本，明天补交可以吗", labels: &[], why: "benign, round 5" },
    Case { text: "收到，我家已经交了", labels: &[], why: "benign, round 5" },
    Case { text: "好的，明天交", labels: &[], why: "benign, round 5" },
    Case {
        text: "#接龙 班服订购 尺码+件数，一件85元\n1. 王妈妈 M 1件\n2. 李爸爸 L 2件",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "教师节给老师准备了礼物，大家随意，转给我就行",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "教师节大家每家发个红包给班主任表示一下心意吧",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "Please bring $5 on Friday for the charity non-uniform day.",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "Kindly settle the $30 balance for the camp by tomorrow.",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "The cost is $15 per child, due Monday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "请家长每天给孩子听写十个生字，写完签名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 6",
    },
    Case {
        text: "亲子活动接龙报名，每家限2人\n1. 王妈妈\n2. 李妈妈", labels: &[], why: "benign, round 6"
    },
    Case {
        text: "毕业礼物的事我们就不搞了，给老师写张卡片就好", labels: &[], why: "benign, round 6"
    },
    Case { text: "Kids can bring a small toy for show and tell on Friday.", labels: &[], why: "benign, round 6" },
    Case { text: "给老师买礼物这种事，我觉得还是别弄了", labels: &[], why: "benign, round 6" },
    Case { text: "请家长督促孩子每天练字，不用签字", labels: &[], why: "benign, round 6" },
    Case {
        text: "班费不够了再交点钱，每家50，转我", labels: &["fee_collection"], why: "fee_collection, round 6"
    },
    Case {
        text: "不好意思再提醒一下，没交班费的家长今天转一下哈",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case {
        text: "Sorry, please ignore the last message - the correct amount is $25 each, Venmo me.",
        labels: &["fee_collection"],
        why: "fee_collection, round 6",
    },
    Case { text: "春游取消了，费用会原路退款，请注意查收", labels: &[], why: "benign, round 6" },
    Case {
        text: "孩子说今天老师让交20元买作业本，有人知道吗？", labels: &[], why: "benign, round 7"
    },
    Case { text: "上次春游每人交了150，感觉有点贵", labels: &[], why: "benign, round 7" },
    Case { text: "去年我们班的班费是每人200，今年还不知道", labels: &[], why: "benign, round 7" },
    Case { text: "班费的事情我不管，找家委会", labels: &[], why: "benign, round 7" },
    Case { text: "老师辛苦了，这是孩子的作业，请您批改", labels: &[], why: "benign, round 7" },
    Case { text: "请问家长需要帮孩子检查作业吗？", labels: &[], why: "benign, round 7" },
    Case { text: "学校规定：不允许要求家长批改作业", labels: &[], why: "benign, round 7" },
    Case {
        text: "期中考试成绩单已发，孩子们都很努力，第一名的同学进步很大", labels: &[], why: "benign, round 7"
    },
    Case { text: "恭喜我们班在运动会上获得年级第一名！", labels: &[], why: "benign, round 7" },
    Case { text: "班级第3名的小组获得了流动红旗", labels: &[], why: "benign, round 7" },
    Case { text: "明天数学考试，请家长提醒孩子带好文具", labels: &[], why: "benign, round 7" },
    Case { text: "今晚8点直播家长课堂，免费，链接见群公告", labels: &[], why: "benign, round 7" },
    Case { text: "我们小区有个托管班，有人去过吗？怎么样", labels: &[], why: "benign, round 7" },
    Case { text: "有没有靠谱的英语家教推荐？私聊我", labels: &[], why: "benign, round 7" },
    Case { text: "这家补习班我们报过，不推荐", labels: &[], why: "benign, round 7" },
    Case { text: "I paid the trip fee online already, was that right?", labels: &[], why: "benign, round 7" },
    Case {
        text: "Did everyone get the email about the trip payment? The school says to use the online portal.",
        labels: &[],
        why: "benign, round 7",
    },
    Case {
        text: "Reminder: book fair Thursday, bring money if your child wants to buy a book.",
        labels: &[],
        why: "benign, round 7",
    },
    Case { text: "My kid says he got 95 on the test, so proud!", labels: &[], why: "benign, round 7" },
    Case { text: "Does anyone know a good maths tutor near school?", labels: &[], why: "benign, round 7" },
    Case { text: "各位家長，學校通知明天停課，請留意電郵", labels: &[], why: "benign, round 7" },
    Case { text: "學校話唔好喺群組收錢，大家注意", labels: &[], why: "benign, round 7" },
    Case {
        text: "请大家在学校的小程序上缴纳午餐费，家委会不经手", labels: &[], why: "benign, round 7"
    },
    Case { text: "家委会成员名单：王妈妈、李爸爸、张妈妈", labels: &[], why: "benign, round 7" },
    Case { text: "1号、2号、3号同学明天值日", labels: &[], why: "benign, round 7" },
    Case { text: "请3号、15号、22号同学明天早上7:30到校排练", labels: &[], why: "benign, round 7" },
    Case {
        text: "五年级数学竞赛获奖名单：一等奖 王**、二等奖 李**",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, relabelled in round 12: pupils grouped by an academic result (eight of nine writers of the training sets label such lists so)",
    },
    Case {
        text: "本学期班费每人300元，周五截止", labels: &["fee_collection"], why: "fee_collection, round 7"
    },
    Case { text: "班費每位350，下週一前", labels: &["fee_collection"], why: "fee_collection, round 7" },
    Case {
        text: "大家好，春游每人85，老规矩", labels: &["fee_collection"], why: "fee_collection, round 7"
    },
    Case {
        text: "毕业纪念册每人45，需要的接龙", labels: &["fee_collection"], why: "fee_collection, round 7"
    },
    Case {
        text: "秋游车费每人60元，请家长们尽快", labels: &["fee_collection"], why: "fee_collection, round 7"
    },
    Case {
        text: "Trip fee is $25 per child, please pay by Friday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 7",
    },
    Case {
        text: "Each family $10 for the teacher's gift, thanks everyone!",
        labels: &["fee_collection"],
        why: "fee_collection, round 7",
    },
    Case {
        text: "请家长检查孩子的作业，检查完签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 7",
    },
    Case {
        text: "暑期数学提高班开始报名，小班教学，需要的家长私聊",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 7",
    },
    Case {
        text: "这次考试第一名是王**，98分；第二名李**，95分",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 7",
    },
    Case {
        text: "我家开的水果店，新鲜水果每天到货，群里家长九折，需要的加我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 7",
    },
    Case {
        text: "圣诞派对请孩子把交换的礼物交给老师，每人准备一份20元左右的礼物",
        labels: &[],
        why: "benign, round 8",
    },
    Case { text: "每人准备一份20元左右的礼物，周五带来交换", labels: &[], why: "benign, round 8" },
    Case { text: "请把礼物交给班长，由班长统一分发", labels: &[], why: "benign, round 8" },
    Case {
        text: "给老师的礼物大家凑钱吧，每家30，转给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 8",
    },
    Case {
        text: "Teacher gift: please Venmo me whatever you'd like to chip in by Friday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 8",
    },
    Case { text: "Please send the gift bags in with your child on Friday.", labels: &[], why: "benign, round 8" },
    Case {
        text: "各位家長好，本週五班遊車資每人一百五十元，請小朋友帶來交給導師",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "家長會決議本學期班費每人八百元，請於10/15前匯入班級帳戶",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "仲有幾位家長未交謝師宴費用，每位$300，請盡快轉數俾我",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "聖誕禮物交換之外，每個小朋友夾$30買派對食物，PayMe我就得",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "請還沒繳交畢業紀念冊費用的家長，這兩天內完成繳費，一本500元",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "大家好～老師生日快到了，我們一起合買禮物，每家100元，LINE轉帳給我喔",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "暑假數理資優營開放報名，每天上午數學課、下午科學實驗，名額有限",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 9",
    },
    Case {
        text: "我係補習老師，教小學中英數，可以上門，有需要PM我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 9",
    },
    Case {
        text: "期中考全班前十名：1.陳○○ 2.林○○ 3.王○○ 4.張○○ 5.李○○",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 9",
    },
    Case {
        text: "今次數學測驗唔合格嘅同學：5號、12號、20號，請家長督促溫習",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 9",
    },
    Case {
        text: "請家長每晚幫小朋友默書，默完批改同簽名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 9",
    },
    Case {
        text: "今日嘅中文工作紙請家長改好，錯嘅幫佢哋改正",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 9",
    },
    Case {
        text: "我有做日本代購，零食藥妝都有，有興趣可以WhatsApp我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 9",
    },
    Case {
        text: "幫手投一票俾我個仔，參加緊繪畫比賽，唔該晒！[連結]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 9",
    },
    Case {
        text: "學校通知：本學期不收班費，請家長勿私下轉帳", labels: &[], why: "benign, round 9"
    },
    Case {
        text: "家長會帳目已公告在聯絡簿，餘額已退還各位家長", labels: &[], why: "benign, round 9"
    },
    Case { text: "請問今年畢業旅行要另外繳費嗎？", labels: &[], why: "benign, round 9" },
    Case { text: "我哋唔好搞咁多夾錢嘅嘢啦，老師都話唔使", labels: &[], why: "benign, round 9" },
    Case { text: "聽日學校旅行，記得帶水同帽，唔使帶錢", labels: &[], why: "benign, round 9" },
    Case {
        text: "成績單已經派咗，唔會公開排名，有問題私訊老師", labels: &[], why: "benign, round 9"
    },
    Case {
        text: "小朋友的作業老師會在學校批改，家長不用簽名", labels: &[], why: "benign, round 9"
    },
    Case { text: "有冇家長知道邊度有好嘅補習社？想了解下", labels: &[], why: "benign, round 9" },
    Case {
        text: "Hi all, we're organising end-of-year flowers for Mrs. Patel. $8 per family - please e-transfer to class.parent@example.com by June 10.",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "Friendly nudge: 4 families still haven't sent their $20 for the field trip. Cash or PayPal is fine.",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "Could you please send $15 in a labelled envelope for the pumpkin patch trip?",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "Class party fund: we need $5 from each child. Please Venmo @Sarah-ClassRep.",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "Yearbook orders close Friday: $35 each, pay via the link I posted or cash to me.",
        labels: &["fee_collection"],
        why: "fee_collection, round 9",
    },
    Case {
        text: "Private tutoring for 11+ exams, experienced teacher, message me for availability.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 9",
    },
    Case {
        text: "Summer 'adventure camp' with daily maths and English lessons - book now, spaces limited!",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 9",
    },
    Case {
        text: "Test results: Jack 92, Lily 88, Sam 75, Mia 61. Please help your child practise.",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 9",
    },
    Case {
        text: "Parents, please check your child's maths homework every night and sign the log.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 9",
    },
    Case {
        text: "Hey everyone! I'm selling scented candles for a fundraiser at my work - $10 each, DM me to order.",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 9",
    },
    Case {
        text: "Join my team and earn from home! Only 1 hour a day. DM for details 💰",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 9",
    },
    Case {
        text: "The school has asked parents not to collect money for teacher gifts this year.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Trip money is collected by the school office through the online portal, not by class parents.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Thanks to everyone who contributed to the food drive - we collected 120 cans!",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Does anyone have a recommendation for a piano teacher? Asking for a friend.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Reminder: report cards come out Friday. Please don't share other children's results in this chat.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Homework: pages 10-11. Kids should work independently; parents do not need to check.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "We spent about $40 on the class party decorations last year, just so you know.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "Anyone else getting scam texts about unpaid school fees? Don't click the links.",
        labels: &[],
        why: "benign, round 9",
    },
    Case {
        text: "各位家长：经家委会讨论，本学期班级活动经费按每生150元收取，请于9月20日前通过微信转给财务委员李妈妈，谢谢支持！",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "【收费提醒】校服费每套210元，明天中午12点截止，请还没交的家长抓紧",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "班费余额只剩30多了，下学期要搞活动，麻烦大家每家再转80过来",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "春游租车费用我先垫付了，一共960，每个孩子24元，大家方便时转我一下",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "每人 ５ ０ 元 ， 请 转 家 委 会", labels: &["fee_collection"], why: "fee_collection, round 10"
    },
    Case {
        text: "班\u{200b}费\u{200b}每\u{200b}人\u{200b}一\u{200b}百\u{200b}八",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "请各位在周五前把120元的研学费用交给班长，现金或微信都可以",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "教师节咱们凑个份子，每家50，我去订花篮",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "老师生日，大家出点心意，每人20，转群主统一买蛋糕",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "Hi parents, friendly reminder that the $12 for the class photo is due Thursday. Please send cash in a named envelope.",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "Mixed: 各位 parents，end of term party 每家 $15，please PayPal 给我 before Friday",
        labels: &["fee_collection"],
        why: "fee_collection, round 10",
    },
    Case {
        text: "初中数学提前学，暑假衔接小班，报名请联系我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 10",
    },
    Case {
        text: "【学霸训练营】寒假7天封闭学习，名师授课，提分保障",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 10",
    },
    Case {
        text: "我们机构有英语外教一对一，专攻口语和考试，首节课免费，私我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 10",
    },
    Case {
        text: "本周听写成绩：满分的有5号、8号、13号；不及格的有2号、19号",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 10",
    },
    Case {
        text: "@张妈妈 你家孩子这次期中排名全班第35名",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 10",
    },
    Case {
        text: "每天的口算题卡请家长批改并签字，周五交",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 10",
    },
    Case {
        text: "请家长帮孩子完成手工作业，下周一带到学校参加评比",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 10",
    },
    Case {
        text: "各位宝妈，我在做母婴用品团购，价格比超市便宜，需要的拉你进群",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 10",
    },
    Case {
        text: "朋友的民宿开业了，群里家长预订打8折，需要的私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 10",
    },
    Case {
        text: "家委会说明：本学期活动经费由学校拨付，不向家长收取任何费用", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "学校食堂饭卡充值请在学校公众号办理，不要在群里转账", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "上周秋游一共花了2800元，账目明细见群文件，已结清", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "我家孩子这次数学考了100分，老师还表扬了他😄", labels: &[], why: "benign, round 10"
    },
    Case { text: "请问这次春游大概要多少钱？", labels: &[], why: "benign, round 10" },
    Case { text: "刚才有家长问班费的事，我们班不收班费", labels: &[], why: "benign, round 10" },
    Case {
        text: "刚才那个链接是砍一刀的，已经让发的家长撤回了", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "今天英语课学了how much is it，孩子回家一直问东西多少钱😂", labels: &[], why: "benign, round 10"
    },
    Case { text: "数学作业：完成课本第25页，家长不需要批改", labels: &[], why: "benign, round 10" },
    Case { text: "请家长关注孩子的视力，每天户外活动两小时", labels: &[], why: "benign, round 10" },
    Case {
        text: "谁家孩子捡到一个红包？里面有50元，是我家孩子的压岁钱", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "今天学校发了一张研学活动的通知，费用由学校承担，家长签字同意即可",
        labels: &[],
        why: "benign, round 10",
    },
    Case {
        text: "本周五召开家长会，会上会介绍下学期的研学安排", labels: &[], why: "benign, round 10"
    },
    Case {
        text: "Class photos are ready to view online; ordering is optional and handled by the photographer directly.",
        labels: &[],
        why: "benign, round 10",
    },
    Case {
        text: "PSA: the PTA will never ask you to transfer money via WhatsApp.",
        labels: &[],
        why: "benign, round 10",
    },
    Case {
        text: "I'll bring cupcakes for the party, no need to chip in for mine!",
        labels: &[],
        why: "benign, round 10",
    },
    Case {
        text: "【寒假特训】小学语数英同步提高，10人精品小班，资深教师授课，报名热线见图",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "孩子数学跟不上的家长可以了解一下我们的思维训练课，免费测评",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "学而思同款课程，价格只要一半，有需要的家长加我了解",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "新概念英语暑期班，零基础到流利口语，试听课已开放预约",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "暑期游学：澳洲名校插班学习两周，全英文授课，名额仅剩5个",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "周末作文私教课，一对一指导，包教包会，联系我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "本人985在读研究生，寒假可以辅导初中数学物理，价格优惠，私聊",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "托管班招生：接送+午餐+作业辅导+英语课，离学校200米",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "我们是XX教育，暑期开设小升初衔接课程，详情咨询下方二维码",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "竞赛数学集训，目标华杯赛，往届学员多人获奖，报名私信",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "Summer reading camp with daily phonics and comprehension lessons, book a free trial now!",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "Looking for students for my SAT/ACT prep course, small group, contact me for fees.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "暑期英語營：每日外籍老師授課，全英語環境，歡迎報名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 11",
    },
    Case {
        text: "我们家做的手工辣椒酱，纯天然无添加，一瓶25，需要的私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "招聘：宝妈兼职客服，在家就能做，日结工资，有意者加微信",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "给大家推荐一个省钱APP，购物返现，注册链接在这里",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "本人二手房出售，学区房，有需要的家长联系我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "帮忙扫码关注一下公众号，谢谢大家，[二维码]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "儿童摄影工作室六一特惠，全家福套餐199，预约请私信",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "有没有需要买车的家长？我在4S店上班，内部价，可以找我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "Please vote for my daughter's painting in the online contest! Link below, thank you!!",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "I'm doing a fundraiser selling chocolate bars, $2 each, message me if you want some.",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "做微商的朋友招代理，零门槛，在家带娃也能赚",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "家裡自產的高山茶，一斤800，有需要的家長可以私訊我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 11",
    },
    Case {
        text: "学校课后服务有作业辅导和兴趣社团，免费参加，自愿报名", labels: &[], why: "benign, round 11"
    },
    Case { text: "别给孩子报太多班了，累坏了", labels: &[], why: "benign, round 11" },
    Case { text: "我家娃的英语老师挺好的，不过是学校的老师", labels: &[], why: "benign, round 11" },
    Case { text: "问一下，大家孩子都报了什么兴趣班？", labels: &[], why: "benign, round 11" },
    Case {
        text: "刚才有人发了补习班广告，我已经移出群了，请大家注意", labels: &[], why: "benign, round 11"
    },
    Case {
        text: "学校提醒：严禁在职教师有偿补课，发现请举报", labels: &[], why: "benign, round 11"
    },
    Case { text: "附近那个托管班听说被查了，大家注意甄别", labels: &[], why: "benign, round 11" },
    Case { text: "买了学校推荐的课外书，孩子很喜欢", labels: &[], why: "benign, round 11" },
    Case {
        text: "孩子想学画画，有没有家长知道哪里有好的美术班？", labels: &[], why: "benign, round 11"
    },
    Case {
        text: "推荐大家看一本书《正面管教》，对亲子沟通很有帮助", labels: &[], why: "benign, round 11"
    },
    Case {
        text: "Our school's summer camp is free for all students, sign-up forms in the office.",
        labels: &[],
        why: "benign, round 11",
    },
    Case { text: "Please do not post ads in this group. Thanks.", labels: &[], why: "benign, round 11" },
    Case {
        text: "Does anyone know if the library has free tutoring on Saturdays?",
        labels: &[],
        why: "benign, round 11",
    },
    Case { text: "刚才那个卖货的已经被踢了", labels: &[], why: "benign, round 11" },
    Case { text: "请大家帮忙转发一下寻人启事，谢谢", labels: &[], why: "benign, round 11" },
    Case { text: "大家帮忙给我们班的合唱节目加油！", labels: &[], why: "benign, round 11" },
    Case {
        text: "运动会需要统一买班旗和加油棒，预计每人12元左右，多退少补，请大家今天转给体育委员家长",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "本学期的打印费、活动费合计每生85元，已发起群收款，请点击付款",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "@全体家长 春游费用明细：车费35+门票40=75元/人，请周三前交齐，逾期视为不参加",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "有需要订校服的家长，每套168，钱直接转给我，备注孩子姓名和尺码",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "家委会决定给每位老师准备新年礼物，每家出30元，自愿参与，参与的接龙并转账",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "还剩最后两位家长没交班费了，麻烦尽快，谢谢配合",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "秋游的钱还没交的，明天早上让孩子带到学校给我",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "按之前说的，毕业晚会每家出100，已经交了的不用管，没交的这两天转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "班級基金不夠了，每位家長再補500元，請匯到班級帳戶",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "Hi everyone, the class fund is running low, could each family please top up $20 via PayPal?",
        labels: &["fee_collection"],
        why: "fee_collection, round 12",
    },
    Case {
        text: "关于班费的问题，学校已经明确不允许家委会收取，请大家理解", labels: &[], why: "benign, round 12"
    },
    Case { text: "我不同意收班费，有什么需要可以找学校", labels: &[], why: "benign, round 12" },
    Case {
        text: "上学期班费结余已退回每位家长的微信，请查收", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "学校通知：校服由学校统一订购，费用在学校缴费平台支付，请勿私下转账",
        labels: &[],
        why: "benign, round 12",
    },
    Case {
        text: "昨天收到的转账我都退回去了，这次活动取消了，大家看一下有没有收到退款",
        labels: &[],
        why: "benign, round 12",
    },
    Case {
        text: "家长们，咱们班的班费账本我放在群文件了，每一笔都有记录", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "我们家孩子去年的研学花了3000多，今年不打算去了", labels: &[], why: "benign, round 12"
    },
    Case { text: "这个季度的水电费又涨了，生活不易啊", labels: &[], why: "benign, round 12" },
    Case { text: "孩子想参加学校的合唱团，需要交钱吗？", labels: &[], why: "benign, round 12" },
    Case {
        text: "老师说书本费开学时在学校统一缴纳，不用在群里交", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "孩子的午餐费记得在APP上充值，是学校的官方平台", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "请家长签字确认孩子的假期安全承诺书，明天带回", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "今天的作业是背诵课文，家长听孩子背一遍就行，不用签字", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "各位家长，本周的成绩单已经发到每个家长的私信里了，请查收", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "运动会获奖名单：跳绳一等奖 3号、跑步二等奖 15号，恭喜！", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "教育局发文：严禁组织学生参加校外培训，大家注意", labels: &[], why: "benign, round 12"
    },
    Case { text: "最近有人冒充学校收取研学费用，请大家谨慎", labels: &[], why: "benign, round 12" },
    Case {
        text: "有家长推荐过的那个英语网课，我试了一下，不太适合我家孩子", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "恭喜我们班的小明同学获得区作文比赛一等奖！", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "期末考试时间安排已发群公告，请家长帮孩子做好复习计划", labels: &[], why: "benign, round 12"
    },
    Case {
        text: "请家长今晚批阅孩子的数学测试卷，错题用红笔圈出，明天交回",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "单元卷第三大题请家长按对错打分，分数写在卷子右上角",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "每天请家长给孩子出10道口算题，做完打个分，周五把本子交上来",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "请家长出一套计算题给孩子练，做完批改好拍照发我",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "朗读作业：家长听孩子读课文，根据表现打1-5颗星，记录在作业本上",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "口语练习请家长给孩子打分，满分10分，填在打卡表里",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "请家长帮孩子做一份手抄报，主题是安全教育，下周一交",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "科学课需要一个火山模型，请家长和孩子一起制作，周三带到学校",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "请每位家长为孩子写一篇读后感，不少于300字，周五交给我",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "请各位家长帮孩子做一个课件，介绍自己的家乡，发到我邮箱",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "今天的听写请家长报单词，听写完批改并签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "古诗背诵请家长检查，背会了在本子上签名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "請家長幫小朋友改好默書，再簽名，明天交返",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "家長請幫忙批改工作紙，錯的地方圈出來",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "Parents, please mark tonight's spelling test and sign the bottom of the page.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "Please check your child's workbook and initial each page before Friday.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "Parents, please grade the reading quiz with the answer key and write the score on top.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "Parents, please help your child make a poster about recycling and send it in on Monday.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "练习册答案已发，请家长对答案批改，把正确率报给我",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "周末作业由家长来出题，孩子完成后家长打分签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 13",
    },
    Case {
        text: "同学们，复习卷自己做完对照答案订正，不需要家长批改", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "作业请孩子独立完成，家长不用签字，批改由老师负责", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "家长签字不是必须的，有空看看孩子写得怎么样就行", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "规定不允许让家长批改作业，这点学校一直在执行", labels: &[], why: "benign, round 13"
    },
    Case { text: "请家长帮孩子准备好明天美术课的工具", labels: &[], why: "benign, round 13" },
    Case { text: "请家长给孩子准备一个文件袋，用来装试卷", labels: &[], why: "benign, round 13" },
    Case { text: "孩子的手抄报得了一等奖，谢谢老师的指导", labels: &[], why: "benign, round 13" },
    Case { text: "我家孩子做作业太慢了，大家都是怎么陪的？", labels: &[], why: "benign, round 13" },
    Case {
        text: "Kids: finish your worksheet on your own and check it yourself.",
        labels: &[],
        why: "benign, round 13",
    },
    Case { text: "Parents do not need to sign the reading log this week.", labels: &[], why: "benign, round 13" },
    Case { text: "请问手工作业需要家长帮忙吗？", labels: &[], why: "benign, round 13" },
    Case { text: "这周的作业是背古诗，孩子自己完成哦", labels: &[], why: "benign, round 13" },
    Case {
        text: "暑期数学先修班开始招生，初一上册内容提前学完，试听免费",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "五年级语文提高班，阅读作文专项突破，周末两天开课，名额有限",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "晚托班招生：放学接送，作业辅导，老师逐题批改，每月1800",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "午托+作业辅导，离学校步行五分钟，欢迎家长咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "成绩不理想？一线老师一对一辅导，快速提分，先免费听一节",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "小升初英语冲刺课，名校老师授课，扫码预约试听",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "初二物理同步辅导，小班授课，每周两次，私聊了解",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "寒假编程班开课啦，Python入门到竞赛，早鸟价优惠",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "退休教师上门辅导小学数学，每小时150，有需要联系我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "暑假英语学习营，每天外教授课四小时，还有单词闯关，报名从速",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "中考物理押题班，真题讲解，最后几个名额",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "我朋友开的作文班效果很好，现在报名有优惠，想了解的私我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "升中面試班，小組練習，暑假開班，有興趣WhatsApp我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "暑期補習班，中英數全包，導師經驗豐富，歡迎查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "One-to-one maths tutoring for Year 5-6, experienced teacher, free trial lesson, DM me",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "Private tutor available for reading and writing, $50 per hour, message me for slots",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "11+ exam prep course starting in September, small groups, book now",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "Summer reading program at our tuition centre - spaces limited, register now!",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 13",
    },
    Case {
        text: "学校晚托由老师看管写作业，不收费，需要的家长接龙报名", labels: &[], why: "benign, round 13"
    },
    Case { text: "社区公益托管，免费，只负责看护不上课", labels: &[], why: "benign, round 13" },
    Case { text: "有没有家长知道附近哪家托管班靠谱？", labels: &[], why: "benign, round 13" },
    Case { text: "请问大家孩子暑假都报了什么班？", labels: &[], why: "benign, round 13" },
    Case { text: "那家补习班我们上过，不推荐，老师换得太勤", labels: &[], why: "benign, round 13" },
    Case { text: "刚才的补习班广告已删除，大家别加陌生人", labels: &[], why: "benign, round 13" },
    Case { text: "学校课后服务有作业辅导，放学后在教室进行", labels: &[], why: "benign, round 13" },
    Case { text: "Can anyone recommend a maths tutor near the school?", labels: &[], why: "benign, round 13" },
    Case {
        text: "The school's homework club is free and runs on Tuesdays in the library.",
        labels: &[],
        why: "benign, round 13",
    },
    Case {
        text: "教育局提醒：警惕以研学名义开展的学科培训，发现请举报", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "我家孩子说想学编程，大家觉得几年级开始合适？", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "孩子这次考了全班最后一名，我得好好陪他复习", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "我在做一个理财产品，年化8%，保本，有兴趣的私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "注册这个APP就送20元，邀请码在下面，大家帮我填一下",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "足彩推荐群，胜率超高，想进的私我", labels: &["commercial_ad"], why: "commercial_ad, round 13"
    },
    Case {
        text: "USDT搬砖，日收益2%，稳定不亏，加我了解", labels: &["commercial_ad"], why: "commercial_ad, round 13"
    },
    Case {
        text: "本人做保险多年，重疾险医疗险都可以出方案，有需要私信",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "儲蓄計劃回報穩定，可以幫小朋友準備教育基金，有興趣PM我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "自家果园的橙子熟了，10斤68包邮，需要的家长私聊下单",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "闲置转让：儿童自行车九成新，200出，同城自提，有意私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "工厂直销学生文具套装，原价99现在49，下单链接[链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "新店开业，全场八折，报我们班级名字再送小礼品，地址在学校对面",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "宝妈兼职，在家就能做，日结，想了解的加我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "中秋月饼礼盒预订中，送老师送亲戚都合适，私我订购",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "麻烦大家帮我孩子投一票，是15号，每天都能投，感谢感谢[链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "帮忙点一下助力，就差两个人了，拜托大家[链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "Selling my son's old bike, great condition, $80, DM me if interested",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "I'm a financial advisor - happy to help with education savings plans, message me!",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "Use my referral code for 20% off your first order, link in my profile",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case {
        text: "Please vote for my daughter's drawing in the library contest, one vote per day [link] thanks!",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 13",
    },
    Case { text: "刚才那个卖理财的已经踢了，大家别私加", labels: &[], why: "benign, round 13" },
    Case { text: "学生意外险是自愿的，学校只是转发通知", labels: &[], why: "benign, round 13" },
    Case {
        text: "大家注意，群里有人发投资链接，是骗子，不要点", labels: &[], why: "benign, round 13"
    },
    Case { text: "请问谁知道附近哪里买校服比较便宜？", labels: &[], why: "benign, round 13" },
    Case { text: "我在网上买的这个书包才59，质量挺好", labels: &[], why: "benign, round 13" },
    Case { text: "刚才的投票链接我删了，群规不允许拉票", labels: &[], why: "benign, round 13" },
    Case { text: "谢谢大家帮忙投票，孩子的作品入选了！", labels: &[], why: "benign, round 13" },
    Case {
        text: "周末跳蚤市场是学校办的，孩子们自己带旧书来交换", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "Someone posted a crypto link earlier - it's a scam, I've removed it.",
        labels: &[],
        why: "benign, round 13",
    },
    Case { text: "Does anyone know a good bike shop near the school?", labels: &[], why: "benign, round 13" },
    Case {
        text: "转过账的家长在下面报个名字，有一笔80的没备注",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "王老师要调走了，咱们表示表示，每家五十，私聊转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "教师节大家意思一下，一家一百，转给我统一买花",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case { text: "茶点费10元/人，私我转就行", labels: &["fee_collection"], why: "fee_collection, round 13" },
    Case { text: "材料费30块/人，今晚前转我", labels: &["fee_collection"], why: "fee_collection, round 13" },
    Case {
        text: "mei ren wu shi kuai, jin wan zhuan gei wo",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "ban fei mei jia er bai, zhou wu qian zhuan wo",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "Ten dollars each for the class party, please send it to me by Friday",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "Twenty bucks per family for the teacher's gift - Venmo me please",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case {
        text: "交过钱的家长回复一下，我对一下账，每人60",
        labels: &["fee_collection"],
        why: "fee_collection, round 13",
    },
    Case { text: "Paid $40 for my kid's sneakers last week, so expensive!", labels: &[], why: "benign, round 13" },
    Case { text: "I spent $25 on school supplies today, prices are crazy", labels: &[], why: "benign, round 13" },
    Case { text: "我买的那双运动鞋花了三百多，太贵了", labels: &[], why: "benign, round 13" },
    Case {
        text: "今天老师讲了人民币的认识，孩子回来一直数硬币😂", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "学校说这次研学的钱不用在群里交，走学校缴费平台", labels: &[], why: "benign, round 13"
    },
    Case { text: "大家不用表示什么，老师心领了，谢谢各位", labels: &[], why: "benign, round 13" },
    Case {
        text: "转过账的那位家长，钱已经原路退回了，请查收", labels: &[], why: "benign, round 13"
    },
    Case { text: "每人准备一份10元以内的小礼物，周五交换", labels: &[], why: "benign, round 13" },
    Case {
        text: "这次数学没及格的：3号、11号、24号，请家长重视",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 13",
    },
    Case {
        text: "期中考试未达标名单：王**、李**、赵**，周末加强练习",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 13",
    },
    Case {
        text: "英语口语需要补考的同学：5号、18号，下周二补考",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 13",
    },
    Case { text: "这次考试全班都及格了，大家辛苦了", labels: &[], why: "benign, round 13" },
    Case {
        text: "没及格的同学老师会单独联系家长，不在群里说", labels: &[], why: "benign, round 13"
    },
    Case {
        text: "数学思维训练营开营啦，每天三节课，限招20人，扫码报名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "初三化学一对一，985老师，保证提分，加微信咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "寒假英语衔接班，新概念第二册，团报立减200",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "托管+辅导一站式：接孩子、吃晚饭、写作业、老师检查，欢迎来电",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "English tutoring for kids, online, $30/session, whatsapp me",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "小學功課輔導班，專人跟功課，歡迎家長查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 14",
    },
    Case {
        text: "学校的托管是免费的，老师只看着写作业，不辅导", labels: &[], why: "benign, round 14"
    },
    Case {
        text: "孩子数学一直跟不上，要不要报个补习班？大家怎么看", labels: &[], why: "benign, round 14"
    },
    Case {
        text: "Is anyone else's kid doing the summer reading challenge at the library? It's free.",
        labels: &[],
        why: "benign, round 14",
    },
    Case {
        text: "请家长周末陪孩子完成一份科学小报，家长负责查资料和排版",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 14",
    },
    Case {
        text: "默写本请家长批改后签字拍照上传",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 14",
    },
    Case {
        text: "Parents, please correct the maths homework tonight and sign it.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 14",
    },
    Case {
        text: "家长在家给孩子听写20个词语并打分，分数发群里",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 14",
    },
    Case { text: "老师说作业不用家长签字了，大家轻松点", labels: &[], why: "benign, round 14" },
    Case { text: "孩子写完作业我都会看一眼，但不会帮他改", labels: &[], why: "benign, round 14" },
    Case {
        text: "买保险找我，少儿重疾险性价比高，欢迎咨询",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 14",
    },
    Case {
        text: "朋友圈有我家的农家蜂蜜，纯天然，需要的私我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 14",
    },
    Case {
        text: "帮我砍一刀吧，谢谢大家[链接]", labels: &["commercial_ad"], why: "commercial_ad, round 14"
    },
    Case {
        text: "Join my team and earn from home! DM me for details",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 14",
    },
    Case {
        text: "招聘兼职打字员，日结200，宝妈学生均可，联系我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 14",
    },
    Case {
        text: "大家小心，最近有人在家长群里推销保险，别理会", labels: &[], why: "benign, round 14"
    },
    Case { text: "谁家有二手的儿童自行车？想买一辆", labels: &[], why: "benign, round 14" },
    Case {
        text: "给班主任的毕业礼物，一家表示一下，五十就行，私聊转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 14",
    },
    Case {
        text: "Ten dollars each for Ms. Green's flowers, Venmo me by Friday",
        labels: &["fee_collection"],
        why: "fee_collection, round 14",
    },
    Case {
        text: "活动费人均30元，周三前交给家委会", labels: &["fee_collection"], why: "fee_collection, round 14"
    },
    Case { text: "这双鞋买的时候花了199，太贵了", labels: &[], why: "benign, round 14" },
    Case {
        text: "I paid $20 for the field trip myself online, through the school portal.",
        labels: &[],
        why: "benign, round 14",
    },
    Case {
        text: "我们小区门口新开的奶茶店，开业酬宾第二杯半价，报“三年二班”再送小料",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "朋友开的儿童理发店周年庆，剪发特价29，家长群专享，有需要私我预约",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "少儿摄影工作室新店开业，全家福特价299，报暗号“家长群”加送相框",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "防蓝光护眼台灯，厂家直供，家长群专享价比实体店便宜一半，需要的私聊",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "我們家開的文具店週年慶，全館八折，說是三年級家長再送筆記本",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "Grand opening at my bakery this weekend — 20% off birthday cakes, mention this group for a free cookie box!",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "下周去香港，可以帮大家代购奶粉和药品，收8%代购费，需要的列清单给我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "日韩化妆品代购，每周发货，跑腿费按件算，有需要加我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "Going to the outlets on Saturday, happy to shop for anyone — 10% service fee, send me your list",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "急用钱的家长可以找我，不看征信，最快当天到账，额度3千到5万",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "資金周轉困難？免抵押，秒批，當天到賬，私訊我了解",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "信用卡还款周转、装修周转都可以办，利息低，凭身份证就能借",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "Need cash fast? Same-day cash, no credit check, message me",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "招几位宝妈做副业，在手机上动动手指，一天赚一两百，不用押金",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "寻宝妈兼职，每天抽一小时，收入可观，无需囤货，名额有限",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "在家帶娃也能有收入，做副業一天賺兩三百，唔使押金，有興趣私我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "Hi mamas! I just started with a clean-beauty brand and I'm looking for a few people to try it, message me for samples",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "Stay-at-home mums, earn extra income from your phone, no deposit needed, DM me",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "求大家帮我点一下，还差0.3元就能提现了，谢谢谢谢 [链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "拼多多帮忙砍一刀，差一点就免费拿了，感谢各位 [链接]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "幫忙助力一下，點進去就行，唔該晒 [連結]",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "提醒各位家长：群里有人发网贷广告，说什么不看征信当天到账，都是骗局，千万别信",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "刚才那个“宝妈副业一天赚两百”的广告已经删了，发广告的人也移出群了",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "有人知道学校附近哪里有配眼镜便宜点的店吗？孩子近视加深了", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "我最近在找副业，有没有人知道靠谱的？白天要带娃", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "学校通知：严禁在家长群发广告、代购、拉票链接，违者移出群聊", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "Beware of anyone offering same-day loans in this group — it is a scam, please block and report.",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "这家奶茶店开业那天我去了，排队好久，味道一般", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "我从代购那里买的奶粉，后来发现是假的，大家注意", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "外教一对一英语口语，每节30分钟，报年课送12节，先免费试听一节",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "数学一对一，每次两小时，十次课一个课包，暑假期间还有优惠",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "英文外教小班，一期16次课，周六上午上课，欢迎私聊了解",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "一對一英文家教，一期十堂，每堂45分鐘，有興趣私訊我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "1-on-1 English lessons with a native teacher, 25 minutes per lesson, buy a package of 40 and get 8 free — DM me",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "我认识一位速算老师，下个月在社区活动室开班，一期12次课，想报的可以了解下",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "珠心算班周六开课，两位老师带，口算速度提升明显，名额有限",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "口算速算提升班，暑假一期10次课，欢迎家长咨询报名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "我們中心開設珠心算班，一期十二堂課，歡迎查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "暑假初二物理预习，我们工作室请的是重点中学老师，一期8次课，每次两小时，欢迎咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "安親班招生中：課後接送、作業指導、英文加強，歡迎家長到中心參觀",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "课后接送+作业指导+英语加强，我们托管中心还有少量名额",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "補習社暑期課程：功課輔導、默書溫習、中英數加強，歡迎查詢",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "Our centre runs 11+ preparation on Saturdays, with mock papers every fortnight — message for details.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "Tutoring for GCSE maths and English, weekly mock exams, small groups, limited places.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "Summer Adventure Camp: outdoor fun plus a daily two-hour maths acceleration session and vocabulary drills. Register now!",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "名师直播课“阅读理解提分”，9.9元听5节课，扫码进群领取",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "有人知道附近哪里有教珠心算的吗？想给孩子报一个", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "学校课后服务有口算小组，校内老师带，免费参加，自愿报名", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "学校托管只负责看护，老师不辅导作业，请家长知悉", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "Does anyone know a good 11+ tutor near the school? Thanks in advance.",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "刚才发补习班广告的人已经移出群了，大家不要加他", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "我家孩子报过一个外教一对一，感觉一般，不太推荐", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "请家长把孩子这周的错题整理到错题本上，标好知识点，周一我检查",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "请家长帮孩子把数学错题抄到错题本，并写上正确解法",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "每天的口算练习请家长计时并打分，填写在记录表上，周五带回学校",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "本月的阅读记录卡请家长每天填写并评分（优/良/中），月底收回",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "明天学新课，请家长先把第五课学一遍，再给孩子讲解，讲完在课本上签字",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "請家長先把課文讀一遍，再給孩子講解，並在課本上簽名",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "Please have parents complete the project poster and write the summary paragraph by Monday.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "Please ask parents to finish the reading log and grade each entry A, B or C.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "请家长在家给孩子默写生字，批改后在本子上写评语并拍照上传",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "错题整理到错题本上，这是同学们自己完成的作业，家长不用帮忙", labels: &[], why: "benign, round 15"
    },
    Case { text: "阅读记录卡由孩子自己填写，家长不需要评分", labels: &[], why: "benign, round 15" },
    Case {
        text: "Pupils should complete the project poster on their own; parents do not need to help.",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "家长会上老师讲了错题本的用法，大家可以参考一下", labels: &[], why: "benign, round 15"
    },
    Case { text: "请家长提醒孩子按时睡觉，晚上十点前上床", labels: &[], why: "benign, round 15" },
    Case {
        text: "期中数学成绩（按学号）：01 96，02 81，03 73，04 99，05 65，06 88",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "英语小测得分：12 88；13 92；14 57；15 100，其余见表",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "本周作文等级：A+ 李**、赵**；C 的有孙**、钱**，请C等的家长多督促",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "默写等级：A 的有周**、吴**，B 的有郑**，其余同学待提高",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "聽寫成績：1號 95，2號 72，3號 88，4號 60",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "Spelling test results: Amy 18/20, Ben 12/20, Chloe 20/20, Dan 9/20.",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "本次考试全班平均分85，整体不错，具体成绩老师私发给各位家长", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "作文等级分A、B、C三档，评分标准见附件，不公布个人等级", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "明天的体检按学号顺序进行，01到15号上午，16到30号下午", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "下周考试时间：周一 8:30，周二 9:45，周三 10:15，请按时到校", labels: &[], why: "benign, round 15"
    },
    Case { text: "成绩不公布，需要了解孩子情况的请私聊老师", labels: &[], why: "benign, round 15" },
    Case {
        text: "畢業旅行每人三千五，麻煩這週內ㄓㄨㄢˇ給我，備註孩子座號",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "校外教學費用一人四百，請ㄐㄧㄠ給班長，週三截止",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "謝師宴每家ㄈㄨˋ五百，匯到家長會帳戶", labels: &["fee_collection"], why: "fee_collection, round 15"
    },
    Case {
        text: "班主任生病住院，家委会组织去看望，每家随意，最少30，转给我统一买",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "给李老师的生日礼物，大家自愿，至少20块，今晚前转我",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "元旦联欢会零食经费，每家起码50，微信转我，我统一采购",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "Collecting for Mrs. Lee's farewell gift, any amount, minimum $10, please Venmo me by Friday.",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "秋游门票加午餐两百五一位，周五前转给家委会",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case {
        text: "上学期班费结余已按每家9.8元退到大家微信，明细在群相册，班费账户正式关闭",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "研学取消了，费用已经按每人120元原路退回，请查收", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "班费群收款已关闭，剩余的钱已全部用于购买图书，账目公示见群文件",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "有人说要交资料费，是真的吗？老师好像没通知", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "學校提醒：請勿在群內收取任何費用，如有疑問請聯絡校務處", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "The leftover class fund has been refunded, $6.50 to each family, and the account is closed.",
        labels: &[],
        why: "benign, round 15",
    },
    Case {
        text: "英语自然拼读体验课，19.9元上3节，扫码报名",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "作文名师直播课，1元试听两节，扫码进群领取讲义",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "新開嘅兒童攝影室開張優惠，親子相特價$388，講“家長群”再送相架",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "网贷额度提升、信用卡周转，当天到账，有需要的家长私聊我",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "轻松副业：动动手指转发文章，一天赚50-100，宝妈学生都可以",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 15",
    },
    Case {
        text: "速算老师周末开班，一期十次课，专练口算和心算，感兴趣的私我",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "We offer exam prep for the entrance tests, with mock exams every other week. Get in touch to book a trial.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 15",
    },
    Case {
        text: "请家长先学习本单元的解题方法，再教给孩子，讲完签字确认",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 15",
    },
    Case {
        text: "口算比赛成绩：05 100，09 98，11 97，前三名奖励小红花",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 15",
    },
    Case {
        text: "畢業禮物每位家長最少$100，FPS俾我，星期五前",
        labels: &["fee_collection"],
        why: "fee_collection, round 15",
    },
    Case { text: "谁知道小区附近的眼镜店有没有学生优惠？", labels: &[], why: "benign, round 15" },
    Case {
        text: "老师说错题本是给孩子自己整理的，家长看一眼就行，不用签字", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "退费已完成：夏令营取消，每家300元已退到原支付账户", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "本学期的口算达标测试由学校统一组织，不收费，成绩只发给本人", labels: &[], why: "benign, round 15"
    },
    Case {
        text: "楼下新开的烘焙店开业酬宾，生日蛋糕8折，说是咱们班家长再送一盒曲奇",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "急需资金周转的家长可以找我，凭身份证就能借，额度最高5万，秒批",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "寻找几位宝妈一起做副业，每天抽空一小时，收入可观，无需囤货",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "Hey mums! I've recently joined a skincare company and I'm looking for a few people to try samples, DM me",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "日本药妆代购，本周出发，需要的家长列清单，收10%跑腿费",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "我家開的補習用品文具店週年慶，全館九折，報班級名字再打折",
        labels: &["commercial_ad"],
        why: "commercial_ad, round 16",
    },
    Case {
        text: "暑假物理预习，我们工作室请的是重点中学老师，一期10次课，每次两小时",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 16",
    },
    Case {
        text: "少儿编程一对一，每节45分钟，买20节送4节，欢迎家长咨询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 16",
    },
    Case {
        text: "补习社暑期招生：小一至小六中英数，功课辅导加默书温习，欢迎查询",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 16",
    },
    Case {
        text: "We run a weekend 11+ preparation course with weekly mock exams. Limited places, message for details.",
        labels: &["off_campus_training"],
        why: "off_campus_training, round 16",
    },
    Case {
        text: "请家长把孩子本周的听写错字整理出来，每个错字抄三遍让家长批注后拍照发我",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 16",
    },
    Case {
        text: "每天的口算练习请家长计时并评分，填写在记录表上，周五交回",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 16",
    },
    Case {
        text: "Parents, please finish the family history worksheet with your child and grade the spelling section.",
        labels: &["homework_to_parents"],
        why: "homework_to_parents, round 16",
    },
    Case {
        text: "数学小测成绩：1号 98，2号 76，3号 85，4号 59，5号 100",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 16",
    },
    Case {
        text: "这次默写优秀的有：李**、陈**、周**；不合格的有：吴**、郑**",
        labels: &["ranking_disclosure"],
        why: "ranking_disclosure, round 16",
    },
    Case {
        text: "给老师的结业礼物，每家自愿，至少30元，今晚前ㄓㄨㄢˇ我",
        labels: &["fee_collection"],
        why: "fee_collection, round 16",
    },
    Case {
        text: "春游的大巴车费每位45，週四前转给我，谢谢各位",
        labels: &["fee_collection"],
        why: "fee_collection, round 16",
    },
    Case {
        text: "上学期的班费剩余已经按每家8.5元原路退回，班费群收款已关闭，感谢大家",
        labels: &[],
        why: "benign, round 16",
    },
    Case {
        text: "有人知道附近哪里有靠谱的珠心算班吗？想给孩子报一个", labels: &[], why: "benign, round 16"
    },
    Case {
        text: "提醒大家：最近有人在群里发网贷广告，说不看征信当天到账，都是骗局，千万别信",
        labels: &[],
        why: "benign, round 16",
    },
    Case {
        text: "昨晚群里那条让每家交60块给老师买礼物的消息，不是我们家委会发的，发消息的号已经移出群了",
        labels: &[],
        why: "benign, round 17: a retold request with a verdict naming who did not send it",
    },
    Case {
        text: "有家长问我是不是要交资料费每人35，扫码付款。我查过了，那条通知系他人冒充学校发布，大家别理",
        labels: &[],
        why: "benign, round 17: verdict on a retold notice",
    },
    Case {
        text: "Please disregard the message asking everyone to Venmo $30 for the class party. That was not me. — Mrs. Green",
        labels: &[],
        why: "benign, round 17: English retelling, verdict in the next sentence",
    },
    Case {
        text: "上学期剩下的班费已经退了，原路返回到各位的微信，大家查一下",
        labels: &[],
        why: "benign, round 17: refund",
    },
    Case {
        text: "学校的暑期托管由学校和社区合办，免费，只负责看护和阅读，不讲新课",
        labels: &[],
        why: "benign, round 17: school-run free care",
    },
    Case {
        text: "群主已清理刚才的代购广告和拉票链接，大家不用点",
        labels: &[],
        why: "benign, round 17: removal notice",
    },
    Case {
        text: "有冒充老师的号在私聊要钱，大家注意。这次春游车费每人45元，请转给家委会王妈妈，周五截止",
        labels: &["fee_collection"],
        why: "fee, round 17: a warning and then a real collection",
    },
    Case {
        text: "班费每人100元转给李妈妈，周五前交齐。之前群里那个自称老师的号不是我们班的，别理",
        labels: &["fee_collection"],
        why: "fee, round 17: a verdict on another message in the next sentence; the collection stays",
    },
    Case {
        text: "下周研学门票学校出，但是午餐和保险要自理，一共四十八块，周三前交给生活委员",
        labels: &["fee_collection"],
        why: "fee, round 17: a fee waived in one clause, another asked in the next",
    },
    Case {
        text: "学校食堂不再供应午点，家委会商量后每人每月十五元，统一收，周五前转给王妈妈",
        labels: &["fee_collection"],
        why: "fee, round 17: 不再 bears on its own clause",
    },
    Case {
        text: "这学期的伙食补贴 人均 ㈡㈤㈠ 交给生活老师",
        labels: &["fee_collection"],
        why: "fee, round 17: parenthesised numerals",
    },
    Case {
        text: "毕业纪念品初步计划每家出个三五百，多的自愿，转给班长",
        labels: &["fee_collection"],
        why: "fee, round 17: an approximate range",
    },
    Case {
        text: "学校组织看电影，票价三十，去的家长在群里发红包给我，我统一买票",
        labels: &["fee_collection"],
        why: "fee, round 17: a ticket price and a red packet",
    },
    Case {
        text: "运动会班服的钱多收了，每家退6块，我已经发了红包，大家点一下领取就行",
        labels: &[],
        why: "benign, round 17: a refund by red packet",
    },
    Case {
        text: "秋游费用按学校通知在校园平台缴纳，班级群里不收费，也不接龙",
        labels: &[],
        why: "benign, round 17: a negation after the request covers the sentence",
    },
    Case {
        text: "家长们好，下学期要学小数了，我们几个老师开了个预习班，每周日下午，把新课先讲一遍",
        labels: &["off_campus_training"],
        why: "training, round 17: a preview class offered",
    },
    Case {
        text: "期中复习冲刺营开课啦，两天过完全册重点，团报更优惠",
        labels: &["off_campus_training"],
        why: "training, round 17: a revision camp",
    },
    Case {
        text: "第一梯队：陈** 刘** 黄**\n第二梯队：吴** 郑** 冯**\n其他同学加油",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: pupils under tier headings",
    },
    Case {
        text: "数学单元测不及格同学座号：3、11、26，请家长督促订正",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: seat numbers under a fail heading",
    },
    Case {
        text: "The following students did not reach the pass mark: #6, #13 and #20.",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: numbers under a fail heading in English",
    },
    Case {
        text: "还没交回执的：5号 9号 12号，明天记得带来",
        labels: &[],
        why: "benign, round 17: numbers in a reminder are not scores",
    },
    Case {
        text: "推荐一款儿童鱼油，我家孩子就在用，我这有渠道，比官网便宜一半，要的私我",
        labels: &["commercial_ad"],
        why: "ad, round 17: a parent with a channel",
    },
    Case {
        text: "有需要装宽带的吗，新装一年两百九，送路由器，私聊",
        labels: &["commercial_ad"],
        why: "ad, round 17: a service pitched",
    },
    Case {
        text: "同上次，转给学习委员妈妈，备注学号",
        labels: &["fee_collection"],
        why: "fee, round 17: an amount meant but not said, with a payee",
    },
    Case {
        text: "未交名单：3、8、15、27号，大家自觉",
        labels: &["fee_collection"],
        why: "fee, round 17: numbers under an unpaid heading",
    },
    Case {
        text: "Remaining families please send $25 to the usual place by Friday",
        labels: &["fee_collection"],
        why: "fee, round 17: send an amount",
    },
    Case {
        text: "毕业照的钱今天之内💰到位的家长请回复1，没到位的私我",
        labels: &["fee_collection"],
        why: "fee, round 17: not yet arrived",
    },
    Case {
        text: "只要群里出现让大家转钱的收款码，第一时间截图给老师，不管是谁发的",
        labels: &[],
        why: "benign, round 17: a conditional warning",
    },
    Case {
        text: "这个群收款是谁发起的？我看不到发起人",
        labels: &[],
        why: "benign, round 17: asking who started a collection",
    },
    Case {
        text: "还差六家没回复家长会时间，今晚八点前在接龙里报一下",
        labels: &[],
        why: "benign, round 17: not replied is not unpaid",
    },
    Case {
        text: "学校统一用非税缴费平台收费，有电子票据，有疑问打教务处电话",
        labels: &[],
        why: "benign, round 17: the official platform",
    },
    Case {
        text: "寒假滑雪营开始招募啦，每天下午两小时数学思维加英语阅读，玩也玩了学也学了",
        labels: &["off_campus_training"],
        why: "training, round 17: a camp teaching two subjects",
    },
    Case {
        text: "周末陪读服务，陪孩子写作业，作文当天批改讲评，按次收费",
        labels: &["off_campus_training"],
        why: "training, round 17: a care service that marks essays",
    },
    Case {
        text: "@王妈妈 @赵爸爸 @孙妈妈 几位家长注意，孩子这次数学都没有及格，周末多练练",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: parents told in the group their children failed",
    },
    Case {
        text: "端午手工作业：做一个香囊，请家长缝制，孩子帮忙装香料",
        labels: &["homework_to_parents"],
        why: "homework, round 17: a craft for the parent",
    },
    Case {
        text: "每天的作业请家长批改完再交，我只看订正",
        labels: &["homework_to_parents"],
        why: "homework, round 17: parents mark before it is handed in",
    },
    Case {
        text: "净水器厂家直销，免费安装，群里家长有需要的私聊",
        labels: &["commercial_ad"],
        why: "ad, round 17: an appliance with a way to buy",
    },
    Case {
        text: "夏令营就是玩，爬山划船烧烤，不学数学也不学英语，纯放松",
        labels: &[],
        why: "benign, round 17: a camp said not to teach",
    },
    Case {
        text: "贰佰元/户，老方式，本周内",
        labels: &["fee_collection"],
        why: "fee, round 17: a per-household sum, the usual way, a deadline",
    },
    Case {
        text: "本周活动人均45，私聊我",
        labels: &["fee_collection"],
        why: "fee, round 17: a per-head share with a contact",
    },
    Case {
        text: "已经收到30位家长的心意啦，还有两位没跟上，看到麻烦处理下",
        labels: &["fee_collection"],
        why: "fee, round 17: a chase for the gift",
    },
    Case {
        text: "老师在钉钉发的我转过来大家看看：学号4、11、29的同学这次要补考",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: forwarding is not a transfer",
    },
    Case {
        text: "扫码免费领绘本一套，只需付邮费9.9",
        labels: &["commercial_ad"],
        why: "ad, round 17: free with postage is a seller's offer, not a collection",
    },
    Case {
        text: "Anyone else pay $60 for those school water bottles? Found the same one online for $18 lol",
        labels: &[],
        why: "benign, round 17: a price of one's own purchase",
    },
    Case {
        text: "小升初录取结果：外国语中学 周某某、吴某某；实验中学 郑某某、王某某",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: admissions under school headings",
    },
    Case {
        text: "单科状元：语文韩**，数学秦**，英语尤**",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: top scorers by subject",
    },
    Case {
        text: "期末排名放在班级相册了，有需要的家长自己去看",
        labels: &["ranking_disclosure"],
        why: "ranking, round 17: a ranking published in the album",
    },
    Case {
        text: "给孩子买份保险吧，意外加重疾，一年三百多，我可以帮大家免费做方案",
        labels: &["commercial_ad"],
        why: "ad, round 17: insurance offered by a parent",
    },
    Case {
        text: "三年前大家凑钱买投影仪的账目我整理好了：当时收了5200，买了一台，剩的钱换了灯泡，现在一分不剩",
        labels: &[],
        why: "benign, round 17: the accounts of a fund long closed",
    },
    Case {
        text: "秋游因为下雨取消了，每人退180，一周内原路退回",
        labels: &[],
        why: "benign, round 17: a refund without a unit",
    },
    Case {
        text: "小时候我妈每学期给我五块钱班费都要念叨半天，现在物价涨太多了",
        labels: &[],
        why: "benign, round 17: a childhood memory",
    },
    Case {
        text: "那个收款码不是我的！！他盗了我的头像，大家别扫",
        labels: &[],
        why: "benign, round 17: a teacher disowning a payment code",
    },
    Case {
        text: "Heads up: someone messaged me pretending to be the class rep, asking $30 per family for \"Sports Day shirts\" via a Venmo handle I didn't recognize. The school never uses Venmo.",
        labels: &[],
        why: "benign, round 17: an English retelling with names",
    },
    Case {
        text: "有没有家长给孩子请过数学家教的？想问问大家是报班还是自己教",
        labels: &[],
        why: "benign, round 17: asking, not selling (and 请过数学 is not 过数)",
    },
    Case {
        text: "吐槽一下我们报的那个英语班，一节课两百，孩子啥也没学到，白花钱",
        labels: &[],
        why: "benign, round 17: a complaint about a class",
    },
    Case {
        text: "推荐市儿童医院的呼吸科，挂号费好像是25，孩子吃了两天药就好转了",
        labels: &[],
        why: "benign, round 17: a doctor's fee, and 好转了 is not a transfer",
    },
    Case {
        text: "刚才转错群了，那个转账截图是我家自己买菜的，大家忽略哈",
        labels: &[],
        why: "benign, round 17: a screenshot posted to the wrong group",
    },
    Case {
        text: "学校组织爱心义卖，由学校大队部负责，所得款项全部捐出，自愿参加，也不分摊任何费用",
        labels: &[],
        why: "benign, round 17: a school-run charity sale",
    },
    Case {
        text: "家长会上讲期中考试整体情况，不会公布个人成绩和排名",
        labels: &[],
        why: "benign, round 17: no individual results",
    },
    Case {
        text: "双减以后老师不让家长批改作业了，以前每天对答案对到十点",
        labels: &[],
        why: "benign, round 17: parents no longer mark",
    },
    Case {
        text: "运动会的水和面包每人十五元，交给体育委员的家长",
        labels: &["fee_collection"],
        why: "fee, round 17: a payee by any committee role",
    },
    Case {
        text: "打印店催了，资料的钱今天务必结清，每人贰拾伍",
        labels: &["fee_collection"],
        why: "fee, round 17: settle now is a request, not a closed fund",
    },
    Case {
        text: "根据区教育局要求，本学期教辅资料费每生三百元，请今晚前扫码缴纳",
        labels: &["fee_collection"],
        why: "fee, round 17: an authority named to collect is not news talk",
    },
    Case {
        text: "班级基金又见底啦，老规矩 二百/家，私我",
        labels: &["fee_collection"],
        why: "fee, round 17: a per-household sum written 200/家",
    },
    Case {
        text: "聽日旅行嘅車費仲有幾位未交，$45一位，唔該今晚PayMe俾我，唔係我要自己墊",
        labels: &["fee_collection"],
        why: "fee, round 17: 唔係 is only 'not', not a verdict",
    },
    Case {
        text: "每家再夾$150啦，戶口同之前一樣",
        labels: &["fee_collection"],
        why: "fee, round 17: Cantonese top-up to the same account",
    },
    Case {
        text: "之前我墊咗嘅材料錢學校已經報咗，大家唔使再夾",
        labels: &[],
        why: "benign, round 17: no more chipping in",
    },
    Case {
        text: "頭先嗰個叫大家過數嘅唔係我呀！！係假冒嘅，千祈唔好俾錢",
        labels: &[],
        why: "benign, round 17: a Cantonese disowning of a request",
    },
    Case {
        text: "Spring picnic: we're splitting the pavilion, 25 each. Send it over to Mrs. Shah when you get a sec",
        labels: &["fee_collection"],
        why: "fee, round 17: English payee",
    },
    Case {
        text: "运动会买了水和横幅，一共860，算下来每家20.5，零头我出",
        labels: &["fee_collection"],
        why: "fee, round 18: a per-family share said alone",
    },
    Case {
        text: "每户再补12，补完就结清了",
        labels: &["fee_collection"],
        why: "fee, round 18: 补完就结清 is what paying will do, not a closed fund",
    },
    Case {
        text: "期中给孩子们买点水果，一家 廿 元，今晚 V 我",
        labels: &["fee_collection"],
        why: "fee, round 18: 廿 is twenty and V 我 with spaces is a transfer",
    },
    Case {
        text: "冲一下班级基金，每家❷⓿",
        labels: &["fee_collection"],
        why: "fee, round 18: dingbat digits are digits",
    },
    Case {
        text: "还没 zhuan 班费的家长抓紧，今晚截止",
        labels: &["fee_collection"],
        why: "fee, round 18: pinyin set off by spaces",
    },
    Case {
        text: "班服的钱就差你了 @吴妈妈",
        labels: &["fee_collection"],
        why: "fee, round 18: 就差你了 chases one family",
    },
    Case {
        text: "班费同上学期，已经交的在下面回覆「已缴」，方便我核对",
        labels: &["fee_collection"],
        why: "fee, round 18: 回覆 is a confirmation cue",
    },
    Case {
        text: "3号、15号、26号还没缴，拜托看到处理一下",
        labels: &["fee_collection"],
        why: "fee, round 18: a list of numbers who have not paid",
    },
    Case {
        text: "其余同学的书本费麻烦今天补上",
        labels: &["fee_collection"],
        why: "fee, round 18: the rest asked to pay",
    },
    Case {
        text: "班级活动费 = 45，周五截",
        labels: &["fee_collection"],
        why: "fee, round 18: a named fee, its sum and a due date",
    },
    Case {
        text: "大家把钱转到群收款里，就不用一个个加好友了",
        labels: &["fee_collection"],
        why: "fee, round 18: 不用一个个加好友 is not a fee negation",
    },
    Case {
        text: "有意愿的家长每人出80就好，不方便的请忽略",
        labels: &["fee_collection"],
        why: "fee, round 18: an opt-out is not a retraction",
    },
    Case {
        text: "Committee note: the gift is 5o per family, usual PayNow",
        labels: &["fee_collection"],
        why: "fee, round 18: a letter o after a digit is a zero",
    },
    Case {
        text: "Class gift kitty: an Andrew Jackson per household, Venmo me",
        labels: &["fee_collection"],
        why: "fee, round 18: banknote slang in English",
    },
    Case {
        text: "Anyone who hasn't paid for the bus yet, it's $12, please do it today",
        labels: &["fee_collection"],
        why: "fee, round 18: who hasn't paid",
    },
    Case {
        text: "我们班从来不收钱，有人私下找你们收钱的请不要理",
        labels: &[],
        why: "benign, round 18: 请不要理 warns, it does not ask",
    },
    Case {
        text: "有家长了解过学校旁边新开的那个托管吗？靠谱吗",
        labels: &[],
        why: "benign, round 18: a parent asking about a service",
    },
    Case {
        text: "I heard Class 3A is collecting $80 per family for flowers, is that even allowed?",
        labels: &[],
        why: "benign, round 18: retelling another class's collection, with a name that is not a new sentence",
    },
    Case {
        text: "Refunds went back via PayNow — $9 each. Tell me if yours didn't arrive.",
        labels: &[],
        why: "benign, round 18: a dash does not end the refund's sentence",
    },
    Case {
        text: "孩子忘带钱买文具，小卖部老板说明天给就行",
        labels: &[],
        why: "benign, round 18: 忘带钱 is not paying",
    },
    Case {
        text: "学校的功课辅导班是免费的，逢周三放学后在礼堂",
        labels: &[],
        why: "benign, round 18: a free school-run homework club",
    },
    Case {
        text: "家长们注意，严禁以家委会名义收费，类似接龙交钱的消息请不要再发",
        labels: &[],
        why: "benign, round 18: a ban on collections",
    },
    Case {
        text: "体检表还没交的，麻烦明天让孩子带来", labels: &[], why: "benign, round 18: a form, not money"
    },
    Case {
        text: "学校收费公示栏在门口，公示以外让你交钱的都可以拒绝",
        labels: &[],
        why: "benign, round 18: parents may refuse",
    },
    Case {
        text: "School rules: no collecting money in this chat; all fees go through the office.",
        labels: &[],
        why: "benign, round 18: a rule against collecting",
    },
    Case {
        text: "暑假那个研学营其实每天上六节语数英，有家长了解过吗？报名找王老师 微信:wang_edu",
        labels: &["off_campus_training"],
        why: "training, round 18: a question with a sign-up contact is still an offer",
    },
    Case {
        text: "又要每家补60，之前根本没商量过，这个不合理吧，我家不出",
        labels: &[],
        why: "benign, round 18: a parent objecting to a top-up",
    },
    Case {
        text: "教育局通知转发：以下行为属违规：家委会收费；以托管名义补课。请知悉",
        labels: &[],
        why: "benign, round 18: a banned list under its heading",
    },
    Case {
        text: "班主任通知：学校统一收取下学期资料费220元，请扫描下方二维码缴费，周五前完成",
        labels: &["fee_collection"],
        why: "fee, round 18: a payment code posted in the group is a collection, whoever runs it",
    },
    Case {
        text: "各位家长：校服费统一由学校收取，请登录学校缴费平台自行缴纳，群里不收任何费用",
        labels: &[],
        why: "benign, round 18: the school's own billing",
    },
    Case {
        text: "优秀（90分以上）：陈**、林*、吴**\n良好（80-89分）：郑*、何**",
        labels: &["ranking_disclosure"],
        why: "ranking, round 18: score bands over masked names",
    },
    Case {
        text: "刚有人私加我推销一对一数学辅导，说是咱班家长介绍的，我没理他，大家注意",
        labels: &[],
        why: "benign, round 18: a report of a tutor's private approach",
    },
    Case {
        text: "昨天看到一条短信'您孩子的教材费未缴清，请缴纳298元'，学校说根本没发过，别信",
        labels: &[],
        why: "benign, round 18: a retold scam text in ASCII quotes",
    },
    Case {
        text: "那个'校长'不是真的！真校长怎么可能让大家在群里交'捐款每人300'，已经踢了",
        labels: &[],
        why: "benign, round 18: an impersonator's request retold and disowned",
    },
    Case {
        text: "我们去年暑假报过一个'编程营'，结果天天做奥数卷子，后来申请退了",
        labels: &[],
        why: "benign, round 18: a parent's own experience of a disguised camp",
    },
    Case { text: "扣1是什么意思呀？我刚进群", labels: &[], why: "benign, round 18: a newcomer's question" },
    Case {
        text: "打印费30块先收起来总没错，不交的话下周就没练习卷了，周一交给班长妈妈",
        labels: &["fee_collection"],
        why: "fee, round 18: a collection with a pay-or-else",
    },
    Case {
        text: "美术课分组如下：\nA组：3号、8号、14号\nB组：5号、10号、21号\n每组带一盒彩笔",
        labels: &[],
        why: "benign, round 18: groups for a class, no scores",
    },
    Case {
        text: "分组名单（按成绩分组）：\nA组：王** 96、李* 94\nB组：赵* 81",
        labels: &["ranking_disclosure"],
        why: "ranking, round 18: groups by score are a ranking",
    },
    Case {
        text: "体质测试下周二：50米跑、跳绳，请穿运动鞋",
        labels: &[],
        why: "benign, round 18: 50米 is a distance here",
    },
    Case {
        text: "本学期班级平均分：语文86.5、数学88.2，个人成绩不在群里公布",
        labels: &[],
        why: "benign, round 18: class averages only",
    },
    Case {
        text: "Results of the trip-date poll: Friday wins with 21 votes. Thanks for voting!",
        labels: &[],
        why: "benign, round 18: a poll's result",
    },
    Case {
        text: "Class fund report: opening £90, spent £71.20 on the end-of-term party, £18.80 rolls over to next term.",
        labels: &[],
        why: "benign, round 18: a fund report",
    },
    Case {
        text: "Oops, I accidentally sent $30 to the wrong Emily — if that's you, could you send it back?",
        labels: &[],
        why: "benign, round 18: a payment sent by mistake",
    },
    Case {
        text: "二手的口风琴有没有人愿意让给我们？我们可以付点钱",
        labels: &[],
        why: "benign, round 18: a parent offering to buy",
    },
    Case {
        text: "家委会没有收款码。凡是在群里以家委会名义让你扫码转账的，一律不要理会",
        labels: &[],
        why: "benign, round 18: a conditional warning",
    },
    Case {
        text: "本群组不开放团购、代购和拉票，请大家见谅",
        labels: &[],
        why: "benign, round 18: the group's own rule against ads",
    },
    Case {
        text: "毕业照的钱学校已经统一交了，三年级二班每人交的35块下周退还",
        labels: &[],
        why: "benign, round 18: a refund to come",
    },
    Case {
        text: "运动会合影每家30，想要的接龙，周五前转给我",
        labels: &["fee_collection"],
        why: "fee, round 18: a collection with a list and a deadline",
    },
    Case {
        text: "壹佰贰拾元整，家委会收",
        labels: &["fee_collection"],
        why: "fee, round 19: capital numerals and who collects",
    },
    Case {
        text: "班服钱每人參佰，週五截止",
        labels: &["fee_collection"],
        why: "fee, round 19: 參 as a numeral, a deadline",
    },
    Case {
        text: "Bus fee 25 due Friday",
        labels: &["fee_collection"],
        why: "fee, round 19: an English fee and its sum",
    },
    Case {
        text: "周日野餐AA，人均摊下来38，参加的私我",
        labels: &["fee_collection"],
        why: "fee, round 19: a per-head share a few words after 人均",
    },
    Case {
        text: "还有谁没转？收齐了我好去订蛋糕",
        labels: &["fee_collection"],
        why: "fee, round 19: chasing who has not transferred",
    },
    Case {
        text: "老师的礼物钱还没出的家长，私我一下",
        labels: &["fee_collection"],
        why: "fee, round 19: those who have not chipped in",
    },
    Case {
        text: "每人两张粉的，周四前交给我", labels: &["fee_collection"], why: "fee, round 19: banknotes by colour"
    },
    Case {
        text: "我记得以前春游是要交车费的，这次要不要带钱？",
        labels: &[],
        why: "benign, round 19: a parent asking, remembering",
    },
    Case {
        text: "校运会项目：60米、200米、400米，报名表明天交给体育委员",
        labels: &[],
        why: "benign, round 19: race distances, a form handed in",
    },
    Case {
        text: "语文作业老规矩：订正完自己读一遍，明天早读交给小组长",
        labels: &[],
        why: "benign, round 19: homework handed to a group leader",
    },
    Case {
        text: "班费的事大家都清楚了。\n周五要穿校服。\n请大家准时转给我回执。",
        labels: &[],
        why: "benign, round 19: a fee word and a request three sentences apart",
    },
    Case {
        text: "女儿说要交“那个”，我问过家委会了，每家80，大家转给周妈妈就行",
        labels: &["fee_collection"],
        why: "fee, round 20: hearsay in its own clause, then the parent's own request",
    },
    Case {
        text: "孩子回来说明天要交30元，是真的吗？",
        labels: &[],
        why: "benign, round 20: a parent asking about what the child said",
    },
    Case {
        text: "下学期伙食费每人1200，各位先转我，我统一交到学校财务",
        labels: &["fee_collection"],
        why: "fee, round 20: a parent collecting for the school's billing",
    },
    Case {
        text: "伙食费每人1200，请登录学校缴费平台自行缴纳，群里不收",
        labels: &[],
        why: "benign, round 20: the school's own platform",
    },
    Case {
        text: "收🌸款🌸码🌸在🌸相🌸册，每🌸人🌸伍🌸拾",
        labels: &["fee_collection"],
        why: "fee, round 20: an emoji between every two characters",
    },
    Case {
        text: "家委会定了份小礼物，名字后面写上金额接龙就行",
        labels: &["fee_collection"],
        why: "fee, round 20: a chain with amounts",
    },
    Case {
        text: "We're asking for $15 per family for the party, Venmo to the class rep please",
        labels: &["fee_collection"],
        why: "fee, round 20: 'we're asking for' is a request, not a report",
    },
    Case {
        text: "上次春游的钱收齐后已经全部用完，账目在群文件，结余0元",
        labels: &[],
        why: "benign, round 20: a closed fund's last word",
    },
    Case {
        text: "Mr. Chen sent the gift card back, so everyone's $20 was transferred back this morning.",
        labels: &[],
        why: "benign, round 20: money transferred back",
    },
    Case {
        text: "本群不接受任何商业推广，包括但不限于保险、理财、团购链接，谢谢配合",
        labels: &[],
        why: "benign, round 20: a group rule listing banned ads",
    },
    Case {
        text: "团购的事大家私下说就好，别在班级群里发链接啦",
        labels: &[],
        why: "benign, round 20: asking to keep group-buys out of the group",
    },
    Case {
        text: "朋友圈好多拼音衔接班，我问了老师，一年级会从头教，不用报班",
        labels: &[],
        why: "benign, round 20: a parent passing on that no class is needed",
    },
    Case {
        text: "小区有个退休老师带孩子提前学数学衔接，还空一个位置，谁家要？",
        labels: &["off_campus_training"],
        why: "training, round 20: a seat left in a crash course",
    },
    Case {
        text: "朗读打卡排行榜：1. 高** 540分钟 2. 罗** 500分钟 3. 唐** 420分钟",
        labels: &["ranking_disclosure"],
        why: "ranking, round 20: a check-in leaderboard ranks the pupils",
    },
    Case {
        text: "这款护眼灯用了以后近视度数降下来了，家长价168，要的私我",
        labels: &["commercial_ad"],
        why: "ad, round 20: a miracle claim with a price",
    },
    Case {
        text: "各位家长，期末前请家长帮孩子做好复习计划，早睡早起",
        labels: &[],
        why: "benign, round 20: a study plan is not homework",
    },
    Case {
        text: "元宵节给老师的花，每家那份数目我晚上私发大家，明天中午前弄好",
        labels: &["fee_collection"],
        why: "fee, round 21: the share is sent to each family in private",
    },
    Case {
        text: "Teachers' Day gift: we'll split it evenly, I'll text each family their share tonight",
        labels: &["fee_collection"],
        why: "fee, round 21: each family is told its share in private (English)",
    },
    Case {
        text: "Plеase trаnsfer the ᴄʟᴀꜱꜱ ꜰᴜɴᴅ 150 by Friday",
        labels: &["fee_collection"],
        why: "fee, round 21: Latin small capitals and Cyrillic letters",
    },
    Case {
        text: "春游门票每个宝贝60，今晚前转给班长妈妈",
        labels: &["fee_collection"],
        why: "fee, round 21: a per-child sum with 宝贝",
    },
    Case {
        text: "初步定每家50元，完全自愿，不方便的忽略就好，参加的转我备注名字",
        labels: &["fee_collection"],
        why: "fee, round 21: 'those who can't, ignore this' is no retraction",
    },
    Case {
        text: "体检报告装信封由孩子带回，今晚8点前有疑问的请私信我",
        labels: &[],
        why: "benign, round 21: results in an envelope, not money",
    },
    Case {
        text: "群规：老师不会要求家长批改作业，有事请私聊",
        labels: &[],
        why: "benign, round 21: a group rule says parents are not asked to mark",
    },
    Case {
        text: "谁家孩子把50块钱夹在作业本里了？老师发现的，放在讲台上，家长来拿一下",
        labels: &[],
        why: "benign, round 21: money found in a book",
    },
    Case {
        text: "门口有人发传单写着“提分秘籍”，跟学校没任何关系，直接扔掉就行",
        labels: &[],
        why: "benign, round 21: a warning about a flyer",
    },
    Case {
        text: "有人在卖所谓的内部押题卷，99元一套，学校从未出售，请不要购买",
        labels: &[],
        why: "benign, round 21: a warning about fake exam papers",
    },
    Case {
        text: "We will not be sharing scores in this chat; individual reports will come to you privately.",
        labels: &[],
        why: "benign, round 21: results go to each family privately",
    },
    Case {
        text: "老师让每人带15元交给小组长，买手工材料",
        labels: &["fee_collection"],
        why: "fee, round 22: 让每人 asks every family",
    },
    Case { text: "已转，学号23", labels: &["fee_collection"], why: "fee, round 22: a reply in a payment chain" },
    Case {
        text: "文具钱我先垫了，大家开学还我就行，一人二十",
        labels: &["fee_collection"],
        why: "fee, round 22: paying back a parent who advanced the money",
    },
    Case {
        text: "春游取消了，已交的车费下周一前全部退到原支付账户",
        labels: &[],
        why: "benign, round 22: a refund to the original account",
    },
    Case {
        text: "那个拉票链接我没点，挺可疑的",
        labels: &[],
        why: "benign, round 22: a parent distrusting a vote link",
    },
    Case {
        text: "每份试卷都要家长打好分再签字，明天交",
        labels: &["homework_to_parents"],
        why: "homework, round 22: 打好分",
    },
];
