"""Self-check questions of lesson 4 (投诉处理, complaint handling); see coursekit.quiz.

Numeric answers are computed here by coursekit.complaints, never typed in.
"""

from coursekit.complaints import TARP_BUY_AGAIN, ZONES, complaint_iceberg, complaint_outcome, satisfaction
from coursekit.quiz import Choice, Number


def questions():
    """The questions of this lesson, built when a quiz asks for them (their answers are
    computed from the course data and coursekit's formulas, so importing costs nothing)."""
    zone_options = {
        "satisfied": {"zh": "满意", "en": "Satisfied"},
        "neutral": {"zh": "基本满意（符合期望）", "en": "Neutral (as expected)"},
        "dissatisfied": {"zh": "不满意", "en": "Dissatisfied"},
    }
    zone_why = {
        "satisfied": {
            "zh": "这是素材幻灯片写反了的规则（素材原文“期望 > 实际绩效 → 满意”）。实绩低于期望，客户会失望，而不是满意。",
            "en": "That is the seed slide's backwards rule ('expectation > performance → satisfied'). "
            "Performance below expectation disappoints.",
        },
        "neutral": {
            "zh": "差距是 6 − 8 = −2 分，超出了 ±0.5 分的容忍区间，不能算“基本满意”。",
            "en": "The gap is 6 − 8 = −2 points, well outside the ±0.5 zone of tolerance: not neutral.",
        },
        "dissatisfied": {
            "zh": "差距 = 实绩 − 期望 = 6 − 8 = −2 分，低于容忍区间：不满意（Oliver 1980）。",
            "en": "Gap = performance − expectation = 6 − 8 = −2 points, below the zone of tolerance: dissatisfied "
            "(Oliver 1980).",
        },
    }

    # Q1: expectation 8, performance 6 on a 10-point scale
    q1_zone = satisfaction(expectation=8, performance=6)

    # Q2: 20 complaints a month; 4 % of dissatisfied customers complain to the firm, 1 % to third parties
    q2_all = 20 / 0.04
    q2 = complaint_iceberg(q2_all, complain_share=0.04, third_party_share=0.01)
    q2_silent, q2_third = q2["silent"], q2["third_party"]

    # Q3: the TARP anchors, who buys again most (a major problem)
    tarp = {key: 100 * share for key, share in TARP_BUY_AGAIN["major"].items()}
    tarp_order = sorted(tarp, key=tarp.get)

    # Q8: 2,500 dissatisfied customers a month, handled as in the lesson; complaint rate 4 % or 20 %
    def kept(share):
        out = complaint_outcome(2500 * share, 0.8, 7, 5000, complain_share=share)
        return out["stay"] + out["noncomplainers_stay"]

    q8_low, q8_high = kept(0.04), kept(0.2)

    return [
        Choice(
            prompt={
                "zh": "一位客户对送货的期望是 8 分（满分 10 分），实际感受到的是 6 分。按“期望—不一致”模型，"
                "容忍区间为 ±0.5 分，他的感受是：",
                "en": "A customer expected delivery to score 8 (out of 10) and experienced 6. By the "
                "expectation–disconfirmation model with a ±0.5 zone of tolerance, the customer is:",
            },
            options=[zone_options[zone] for zone in ZONES],
            correct=ZONES.index(q1_zone),
            hint={
                "zh": "先算差距 = 实绩 − 期望，再看它是否超出 ±0.5 分。",
                "en": "First compute gap = performance − expectation, then compare it with ±0.5.",
            },
            explanations=[zone_why[zone] for zone in ZONES],
        ),
        Number(
            prompt={
                "zh": "某门店每月收到 20 件投诉。按本课的约定：4% 的不满意客户向企业投诉，另有 1% 找第三方（消协、媒体），"
                "其余的沉默。每月有多少位沉默的不满意客户？（保留整数）",
                "en": "A store receives 20 complaints a month. By the lesson's convention, 4 % of dissatisfied customers "
                "complain to the firm, another 1 % go to third parties (consumer associations, media) and the rest "
                "stay silent. How many silent dissatisfied customers are there a month? (A whole number.)",
            },
            answer=float(q2_silent),
            decimals=0,
            hint={
                "zh": "先求不满意的客户总数：20 ÷ 4%；再减去投诉的 20 位和找第三方的（总数 × 1%）。",
                "en": "First all dissatisfied customers: 20 ÷ 4 %; then subtract the 20 who complained and those who "
                "went to third parties (all × 1 %).",
            },
            explanation={
                "zh": f"20 ÷ 0.04 = {q2_all:.0f} 位不满意的客户；{q2_third:.0f} 位找第三方，{q2_silent:.0f} 位沉默："
                f"每一件投诉背后约有 {q2_silent / 20:.2f} 位沉默的客户（投诉冰山；模拟器和 complaint_outcome 用同一约定）。"
                f"填 {q2_all - 20:.0f} 是把找第三方的也算成了沉默的。",
                "en": f"20 ÷ 0.04 = {q2_all:.0f} dissatisfied customers; {q2_third:.0f} go to third parties and "
                f"{q2_silent:.0f} stay silent: about {q2_silent / 20:.2f} silent customers behind every complaint (the "
                f"iceberg; the simulator and complaint_outcome use the same convention). {q2_all - 20:.0f} would count "
                "the third-party customers as silent too.",
            },
        ),
        Choice(
            prompt={
                "zh": "TARP 调查了遇到严重问题的客户后来还买不买。哪一组客户再次购买的比例最高？",
                "en": "TARP asked customers with a major problem whether they would buy again. Which group was the "
                "most likely to buy again?",
            },
            options=[
                {"zh": "遇到问题却没有投诉的客户", "en": "Those who did not complain"},
                {"zh": "投诉了、问题没有解决的客户", "en": "Those who complained and were not helped"},
                {"zh": "投诉后问题得到解决的客户", "en": "Those whose complaint was resolved"},
                {"zh": "投诉后问题迅速得到解决的客户", "en": "Those whose complaint was resolved quickly"},
            ],
            correct=3,
            hint={
                "zh": "想一想第 7 节的 TARP 图：沉默的客户和投诉的客户，谁还有被挽回的机会？",
                "en": "Recall the TARP chart of section 7: who can still be won back, the silent or the complainers?",
            },
            explanations=[
                {
                    "zh": f"最低：只有 {tarp['did_not_complain']:.0f}%。企业不知道他们的问题，也就无从补救。",
                    "en": f"The lowest: only {tarp['did_not_complain']:.0f} %. The firm never learns of their problem, "
                    "so it cannot recover them.",
                },
                {
                    "zh": f"{tarp['not_resolved']:.0f}%：仅仅能开口投诉，就比沉默的客户（{tarp['did_not_complain']:.0f}%）高。",
                    "en": f"{tarp['not_resolved']:.0f} %: merely being able to complain beats staying silent "
                    f"({tarp['did_not_complain']:.0f} %).",
                },
                {
                    "zh": f"{tarp['resolved']:.0f}%：解决了问题，大多数人留下；但还不是最高。",
                    "en": f"{tarp['resolved']:.0f} %: once helped, most stay; but not the most.",
                },
                {
                    "zh": f"对：{tarp['resolved_quickly']:.0f}%。解决得又快又好，投诉的客户反而最可能留下——"
                    "所以企业应该让客户更容易投诉。（从低到高："
                    + " < ".join(f"{tarp[k]:.0f}%" for k in tarp_order) + "；1970–80 年代美国的调查数字。）",
                    "en": f"Right: {tarp['resolved_quickly']:.0f} %. Helped quickly and well, complainers are the most "
                    "likely to stay, so a firm should make complaining easy. (Lowest to highest: "
                    + " < ".join(f"{tarp[k]:.0f} %" for k in tarp_order) + "; US surveys of the 1970s–80s.)",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "师傅装完空调才告诉客户，还要另付 200 元“辅材费”，事先没有任何人提过。"
                "这件投诉主要涉及客户的哪一项权利？",
                "en": "Only after installing an air conditioner does the technician say the customer must pay "
                "another 200 yuan for 'installation materials'; nobody mentioned it before. Which customer right "
                "does this complaint mainly concern?",
            },
            options=[
                {"zh": "安全权", "en": "The right to safety"},
                {"zh": "知情权", "en": "The right to be informed"},
                {"zh": "选择权", "en": "The right to choose"},
                {"zh": "受尊重权", "en": "The right to respect"},
            ],
            correct=1,
            hint={
                "zh": "客户不满的是哪一点：人身财产受到威胁、事先不知道价格、不能自己选，还是人格没有被尊重？",
                "en": "What is the customer upset about: a threat to person or property, not being told the price "
                "beforehand, having no choice, or being treated without respect?",
            },
            explanations=[
                {
                    "zh": "安全权（《消费者权益保护法》第七条）管的是人身和财产不受损害；这里没有人受伤、东西也没坏。",
                    "en": "The right to safety (Consumer Rights Protection Law, art. 7) is about harm to person or "
                    "property; nobody was hurt and nothing was damaged here.",
                },
                {
                    "zh": "对：知情权（第八条）包括知悉商品和服务的价格、售后服务等真实情况。收费项目应在服务前说清楚，"
                    "事后才说，客户就失去了比较和拒绝的机会（参考答案表中“价格与收费”一行）。",
                    "en": "Right: the right to be informed (art. 8) covers the true price and the after-sales "
                    "terms. Charges must be stated before the service; announced afterwards, they leave the customer "
                    "no chance to compare or refuse.",
                },
                {
                    "zh": "选择权（第九条）是自主选择经营者、品种和服务方式；客户并没有被强迫选哪一家。"
                    "（事先说明了收费，客户才谈得上选择——根子在“不知情”。）",
                    "en": "The right to choose (art. 9) is about freely choosing the seller, product and service; "
                    "nobody forced a choice on the customer. (Only a customer told the charge beforehand can choose: "
                    "the root is not being informed.)",
                },
                {
                    "zh": "受尊重权（第十四条）是人格尊严、民族风俗习惯和个人信息受到尊重和保护；这里的问题是收费没说清，"
                    "不是不尊重。",
                    "en": "The right to respect (art. 14) covers personal dignity, ethnic customs and personal "
                    "information; the problem here is an undisclosed charge, not disrespect.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "一位客户的投诉信寄到公司，问题需要两周调查。按处理原则，企业现在应该：",
                "en": "A customer's complaint letter arrives; the problem needs two weeks of investigation. By the "
                "handling principles, the firm should now:",
            },
            options=[
                {
                    "zh": "等调查有了结论再回信，免得说错话",
                    "en": "Wait for the findings before replying, to avoid saying anything wrong",
                },
                {
                    "zh": "立即回信：感谢来信、说明正在调查、约定答复日期",
                    "en": "Reply at once: thank, say it is being investigated, promise a date",
                },
                {
                    "zh": "信函投诉很少，不必回复，重点处理电话投诉",
                    "en": "Letters are rare; skip them and focus on phone complaints",
                },
                {"zh": "回信说明这是客户使用不当造成的", "en": "Reply that the customer misused the product"},
            ],
            correct=1,
            hint={
                "zh": "想想“处理及时”和“态度诚恳”两条原则：拖延的每一天意味着什么？",
                "en": "Think of the principles 'timely' and 'sincere': what does each day of delay mean?",
            },
            explanations=[
                {
                    "zh": "拖得越久客户越生气，向亲友诉说的机会越多。即使一时不能解决，也要先答复。",
                    "en": "The longer the wait, the angrier the customer and the more people hear about it. Even "
                    "without a fix, answer first.",
                },
                {
                    "zh": "对：先答复再解决。客户知道企业重视他的意见，会较快平静下来。",
                    "en": "Right: answer first, fix next. Customers who know they are heard calm down sooner.",
                },
                {
                    "zh": "“对批评企业的来信都要答复”。课程数据中信函答复最慢，恰恰是要改进的地方。",
                    "en": "'Answer every critical letter.' In the course data letters are answered slowest: exactly "
                    "what to improve.",
                },
                {
                    "zh": "不争辩、不指责：海尔的维修员没有指责用洗衣机洗地瓜的农民，而是把需求反馈给了公司。",
                    "en": "Do not argue or blame: Haier's repairman did not blame the farmers who washed sweet "
                    "potatoes; he passed the need on to the company.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "顾客抱怨等了很久才接通。77 号客服哪一种回答最好？",
                "en": "A caller complains about a long wait. Which reply by agent No. 77 is best?",
            },
            options=[
                {
                    "zh": "“那是我们领导的事，我也想人多点呀！”",
                    "en": "'That is for our managers; I'd like more staff too!'",
                },
                {"zh": "“今天电话特别多，您有什么事？”", "en": "'There are a lot of calls today. What do you want?'"},
                {
                    "zh": "“让您久等了，真对不起。我马上帮您处理；您提的等候问题我会记录下来反馈给公司。”",
                    "en": "'Sorry to keep you waiting. Let me deal with this right away; I will also log the "
                    "waiting problem and pass it on.'",
                },
                {
                    "zh": "“高峰时段都这样，您可以换个时间再打。”",
                    "en": "'Peak hours are always like this; try another time.'",
                },
            ],
            correct=2,
            hint={
                "zh": "好的回答：承认客户的感受、不推卸责任、马上解决、把问题当作改进的信息。",
                "en": "A good reply acknowledges the feeling, blames nobody, solves now and treats the problem as "
                "information for improvement.",
            },
            explanations=[
                {
                    "zh": "把责任推给领导，等于告诉客户“公司管理很差”，客户当场就骂“你们领导真蠢”。",
                    "en": "Blaming managers tells the caller the company is badly run; the caller's answer was "
                    "'your managers are stupid'.",
                },
                {
                    "zh": "只有解释没有道歉，客户的时间被当作不值钱。礼貌之外还要解决问题。",
                    "en": "An excuse without an apology treats the caller's time as worthless. Politeness is not enough.",
                },
                {
                    "zh": "对：道歉、马上处理、以“我们”的身份承担，并把等候问题作为信息反馈（排班是管理层的事）。",
                    "en": "Right: apologise, act at once, speak for the company, and pass the waiting problem on as "
                    "information (staffing is management's job).",
                },
                {
                    "zh": "把问题推回给客户。课程数据显示，等得越久满意度越低，问题在排班，不在客户。",
                    "en": "This pushes the problem back to the customer. The course data show ratings fall with the "
                    "wait: the problem is staffing, not the caller.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "Albrecht & Zemke（1985）转述的 TARP 数字，通常怎样表述？",
                "en": "How are the TARP figures reported by Albrecht & Zemke (1985) usually worded?",
            },
            options=[
                {
                    "zh": "每收到 1 件投诉，背后还有 26 位遇到问题的客户，其中 6 位的问题是严重的",
                    "en": "For every complaint received, 26 more customers have problems, 6 of them serious",
                },
                {
                    "zh": "每收到 1 件投诉，背后有 26 位沉默的客户，他们的问题都很严重",
                    "en": "Behind every complaint stand 26 silent customers, all with serious problems",
                },
                {"zh": "每 100 位不满意的客户中，有 26 位会投诉", "en": "26 of every 100 dissatisfied customers complain"},
                {"zh": "不满意的客户中有 80% 会诋毁企业", "en": "80 % of dissatisfied customers run the firm down"},
            ],
            correct=0,
            hint={
                "zh": "想想“96% 听不到”：1 件投诉 + 26 位 = 27 位，1/27 约是 4%。",
                "en": "Think of 'never hears from 96 %': 1 complaint + 26 = 27 customers, and 1/27 is about 4 %.",
            },
            explanations=[
                {
                    "zh": "对：一般企业听不到 96% 不满意客户的声音；每件投诉背后还有 26 位遇到问题的客户，其中 6 位是严重问题。",
                    "en": "Right: the average firm never hears from 96 % of its unhappy customers; behind each "
                    "complaint are 26 more customers with problems, 6 of them serious.",
                },
                {
                    "zh": "常见的误读：26 位是“遇到问题的客户”，其中只有 6 位是严重问题，不是个个严重。",
                    "en": "A common misreading: the 26 are customers with problems, only 6 of them serious.",
                },
                {
                    "zh": "反了：投诉的只是约 4%（1/27），不是 26%。",
                    "en": "Backwards: only about 4 % (1/27) complain, not 26 %.",
                },
                {
                    "zh": "这是素材里没有出处的数字，在这些研究中找不到；本课没有采用。",
                    "en": "That is a seed figure without a source, not found in these studies; the lesson does not use it.",
                },
            ],
        ),
        Number(
            prompt={
                "zh": "每月有 2,500 位不满意的客户（这个数不变），投诉按第 7 节“算一算”的方式处理（7 天答复、解决八成，每位客户 5,000 元）。"
                "投诉率从 4% 提高到 20% 后，2,500 位中最后留下的客户（投诉后留下的 + 沉默却仍再买的）共多少位？"
                "（用 complaints.complaint_outcome 算，保留整数）",
                "en": "A firm has 2,500 dissatisfied customers a month (fixed); complaints are handled as in section 7 "
                "(answered in 7 days, 80 % resolved, 5,000 yuan a customer). With 20 % instead of 4 % complaining, "
                "how many of the 2,500 stay in the end (complainers who stay + silent customers who still buy)? "
                "(Use complaints.complaint_outcome; round to a whole number.)",
            },
            answer=float(round(q8_high)),
            decimals=0,
            hint={
                "zh": "投诉件数 = 2,500 × 0.2；complaint_outcome(500, 0.8, 7, 5000, complain_share=0.2)，"
                "再把 stay 和 noncomplainers_stay 相加。",
                "en": "Complaints = 2,500 × 0.2; complaint_outcome(500, 0.8, 7, 5000, complain_share=0.2), then add "
                "stay and noncomplainers_stay.",
            },
            explanation={
                "zh": f"投诉率 4% 时留下 {q8_low:.0f} 位，20% 时留下 {q8_high:.0f} 位：不满意的客户数不变，开口的人越多，"
                "企业越有机会补救。（固定的必须是不满意的客户数；如果固定投诉件数，调高投诉率等于假设不满意的客户变少了。）",
                "en": f"{q8_low:.0f} stay at 4 %, {q8_high:.0f} at 20 %: with the same dissatisfied customers, the more "
                "speak up, the more the firm can recover. (What stays fixed must be the dissatisfied customers; fixing "
                "the complaints instead would assume fewer dissatisfied customers.)",
            },
        ),
        Choice(
            prompt={
                "zh": "海川电器的记录中，24 小时内答复的投诉客户 12 个月内再次购买的比例更高。由此可以得出什么结论？",
                "en": "In Haichuan's records, customers answered within 24 hours bought again more often within 12 "
                "months. What follows?",
            },
            options=[
                {"zh": "快速答复一定使客户再次购买", "en": "A fast answer certainly makes customers buy again"},
                {
                    "zh": "两者相关，但不能证明因果：问题的轻重、团队的水平可能同时影响答复速度和客户去留",
                    "en": "They go together, but that proves no cause: problem severity or team skill may drive both",
                },
                {"zh": "答复速度与再次购买无关", "en": "Response speed has nothing to do with buying again"},
                {"zh": "只要答复快，问题解不解决都一样", "en": "As long as the answer is fast, fixing the problem does not matter"},
            ],
            correct=1,
            hint={
                "zh": "相关和因果有什么区别？还有什么会同时影响“答复快不快”和“客户走不走”？",
                "en": "What separates correlation from cause? What else could affect both the speed and who stays?",
            },
            explanations=[
                {
                    "zh": "言过其实：这是观察数据（而且是模拟数据），只显示了相关。",
                    "en": "Too strong: these are observational (and synthetic) data; they show association only.",
                },
                {
                    "zh": "对：要确认因果，需要更小心的比较（例如同样轻重的问题之间比较），或者做实验。",
                    "en": "Right: a cause needs a more careful comparison (e.g. among problems of the same severity) or "
                    "an experiment.",
                },
                {
                    "zh": "数据里确实有差别（见第 5 节的表），不能说无关；只是不能直接说成因果。",
                    "en": "The data do show a difference (section 5's table); it is just not proof of a cause.",
                },
                {
                    "zh": "第 5 节的表里，同样的答复速度下解决得越彻底，再次购买的比例越高：及时和彻底各有作用。",
                    "en": "In section 5's table, at the same speed, fuller resolution goes with more repurchase: "
                    "speed and resolution both matter.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "比较各渠道的答复用时，本课用中位数而不是平均数。为什么？",
                "en": "To compare response times by channel the lesson uses the median, not the mean. Why?",
            },
            options=[
                {"zh": "中位数总是比平均数小", "en": "The median is always smaller than the mean"},
                {
                    "zh": "少数拖了很久的投诉会把平均数拉高，中位数（正中间那件）不受它们影响",
                    "en": "A few very slow cases pull the mean up; the median (the middle case) is not moved by them",
                },
                {"zh": "pandas 不能计算平均数", "en": "pandas cannot compute a mean"},
                {"zh": "中位数把所有投诉加起来", "en": "The median adds up all the cases"},
            ],
            correct=1,
            hint={
                "zh": "把答复用时从小到大排好，正中间的那个数是什么？极端值对它有影响吗？",
                "en": "Sort the response times: what is the middle value, and do extreme values move it?",
            },
            explanations=[
                {
                    "zh": "不一定：数据向上偏斜时中位数常常更小，但这不是选它的理由。",
                    "en": "Not always: in right-skewed data it often is, but that is not the reason to use it.",
                },
                {
                    "zh": "对：答复用时有少数极慢的投诉，中位数更能代表“一件普通的投诉等多久”。",
                    "en": "Right: a few extremely slow cases exist; the median better describes how long a typical "
                    "case waits.",
                },
                {"zh": "pandas 的 .mean() 就是平均数。", "en": "pandas' .mean() computes the mean."},
                {"zh": "那是求和（.sum()），不是中位数。", "en": "That is a sum (.sum()), not a median."},
            ],
        ),
        Choice(
            prompt={
                "zh": "问卷里“成本”一项，客户的实绩打了 9 分（满分 10 分）。这表示：",
                "en": "In the survey a customer rates 'cost' performance 9 out of 10. This means:",
            },
            options=[
                {"zh": "价格很高，很贵", "en": "The price is high: expensive"},
                {"zh": "很物有所值、很划算", "en": "Very good value for money"},
                {"zh": "企业的成本很高", "en": "The firm's costs are high"},
                {"zh": "客户不在乎价格", "en": "The customer does not care about price"},
            ],
            correct=1,
            hint={
                "zh": "五项属性的分数都是“越高越好”。",
                "en": "All five attributes are scored 'higher is better'.",
            },
            explanations=[
                {
                    "zh": "容易误读：这一项分数越高，表示越划算，不是越贵。所以模拟器里把它写作“物有所值（成本）”。",
                    "en": "An easy misreading: a higher score means better value, not a higher price; the simulator "
                    "labels it 'value for money (cost)'.",
                },
                {
                    "zh": "对：和其他四项一样，分数越高越好——越物有所值。",
                    "en": "Right: like the other four, higher is better: better value for money.",
                },
                {
                    "zh": "问卷问的是客户的感受，不是企业的成本。",
                    "en": "The survey asks about the customer's view, not the firm's costs.",
                },
                {
                    "zh": "分数说的是价格让客户满不满意，不是客户在不在乎；在不在乎是“权重”。",
                    "en": "The score says how the price satisfies, not how much it matters; that is the weight.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "某公司用“每月投诉件数越少，奖金越高”考核客服部门。最可能的后果是：",
                "en": "A firm pays its service team more the fewer complaints it records a month. The likely result:",
            },
            options=[
                {"zh": "客户更满意", "en": "Customers become more satisfied"},
                {
                    "zh": "员工把投诉压下不报、渠道变得难找，企业失去补救的机会",
                    "en": "Staff suppress complaints and channels get harder to find; the firm loses chances to recover",
                },
                {"zh": "没有影响", "en": "No effect"},
                {"zh": "投诉会变多", "en": "Complaints increase"},
            ],
            correct=1,
            hint={
                "zh": "结合投诉冰山想一想：投诉少，一定是不满少吗？",
                "en": "Think of the iceberg: do fewer complaints mean fewer dissatisfied customers?",
            },
            explanations=[
                {
                    "zh": "投诉少可能只是客户不说了；企业要的是更少的不满，不是更少的投诉。",
                    "en": "Fewer complaints may just mean customers stopped talking; a firm wants less dissatisfaction, "
                    "not fewer complaints.",
                },
                {
                    "zh": "对：在不满一定时，投诉越多越好。更好的指标是不满意率、首次答复时间、一次解决率、投诉客户的再次购买率。",
                    "en": "Right: with dissatisfaction fixed, more complaints are better. Better measures: share "
                    "dissatisfied, time to first answer, first-contact resolution, complainers' repurchase rate.",
                },
                {
                    "zh": "考核会改变员工的做法：记下的投诉少了，不满并没有少。",
                    "en": "Incentives change behaviour: fewer complaints get recorded, not fewer problems.",
                },
                {
                    "zh": "考核奖励的是“少”，员工会想办法让记录变少。",
                    "en": "The bonus rewards fewer; staff will find ways to record fewer.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "“服务补救悖论”说：补救得好，客户会比从没出错时更满意。de Matos 等（2007）的元分析发现：",
                "en": "The 'service recovery paradox' says a good recovery leaves customers happier than no failure at "
                "all. The meta-analysis of de Matos et al. (2007) found:",
            },
            options=[
                {"zh": "对满意度、再次购买意愿和口碑都有这种效果", "en": "The effect holds for satisfaction, repurchase intention and word of mouth"},
                {
                    "zh": "对满意度有这种效果，对再次购买意愿和口碑却没有显著效果",
                    "en": "It holds for satisfaction, but not significantly for repurchase intention or word of mouth",
                },
                {"zh": "完全没有这种效果", "en": "No such effect at all"},
                {"zh": "所以企业应该故意出错再补救", "en": "So firms should fail on purpose and then recover"},
            ],
            correct=1,
            hint={
                "zh": "第二课时末尾拓展中的“文献中的分歧”：补救能不能代替第一次就做好？",
                "en": "The extension at the end of period 2, 'disagreement in the literature': can recovery replace doing it right first time?",
            },
            explanations=[
                {
                    "zh": "言过其实：元分析只在满意度上看到这种效果。",
                    "en": "Too strong: the meta-analysis found it for satisfaction only.",
                },
                {
                    "zh": "对：补救是亡羊补牢，不能代替第一次就做好。",
                    "en": "Right: recovery mends the fence; it does not replace doing it right the first time.",
                },
                {
                    "zh": "对满意度确有效果，不能说完全没有。",
                    "en": "There is an effect on satisfaction, so not none at all.",
                },
                {
                    "zh": "不可取：出错的客户很多根本不投诉（冰山），企业连补救的机会都没有。",
                    "en": "Unwise: many customers who meet a failure never complain (the iceberg), so there is no chance "
                    "to recover them.",
                },
            ],
        ),
    ]
