"""Self-check questions of lesson 4 (投诉处理, complaint handling); see coursekit.quiz.

Numeric answers are computed here by coursekit.complaints, never typed in.
"""

from coursekit.complaints import TARP_BUY_AGAIN, ZONES, complaint_outcome, satisfaction, stay_probability
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
            "zh": "这是素材幻灯片写反了的规则（“期望 > 实际绩效 → 满意”）。实绩低于期望，客户会失望，而不是满意。",
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

    # Q2: 20 complaints a month, 4 % of dissatisfied customers complain
    q2_silent = complaint_outcome(20, resolution=1, response_days=0, value_per_customer=0)["noncomplainers"]
    q2_all = 20 + q2_silent

    # Q3: a major problem, fully resolved, but the first answer comes after 7 days
    q3_stay = 100 * stay_probability(resolution=1, response_days=7, severity="major")
    p0, p1, p2 = (100 * TARP_BUY_AGAIN["major"][key] for key in ("not_resolved", "resolved", "resolved_quickly"))

    same_day = 100 * stay_probability(1, 0)  # the same problem, answered the same day

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
                "zh": "先算差距 = 实际绩效 − 期望，再看它是否超出 ±0.5 分。",
                "en": "First compute gap = performance − expectation, then compare it with ±0.5.",
            },
            explanations=[zone_why[zone] for zone in ZONES],
        ),
        Number(
            prompt={
                "zh": "某门店每月收到 20 件投诉。如果只有 4% 的不满意客户会向企业投诉，每月还有多少位不满意的客户"
                "从未向企业投诉（沉默的客户）？",
                "en": "A store receives 20 complaints a month. If only 4 % of dissatisfied customers complain to the "
                "firm, how many dissatisfied customers a month never complain (the silent ones)?",
            },
            answer=float(q2_silent),
            hint={
                "zh": "先求不满意的客户总数：20 ÷ 4%；再减去投诉的 20 位。",
                "en": "First the number of dissatisfied customers: 20 ÷ 4 %; then subtract the 20 who complained.",
            },
            explanation={
                "zh": f"20 ÷ 0.04 = {q2_all:.0f} 位不满意的客户，其中 {q2_silent:.0f} 位不投诉：每一件投诉背后约有 "
                f"{q2_silent / 20:.0f} 位沉默的客户（投诉冰山）。",
                "en": f"20 ÷ 0.04 = {q2_all:.0f} dissatisfied customers, {q2_silent:.0f} of whom never complain: "
                f"about {q2_silent / 20:.0f} silent customers behind every complaint (the complaint iceberg).",
            },
        ),
        Number(
            prompt={
                "zh": "按课程模型 stay_probability（TARP 数据为锚点），一位遇到严重问题的客户投诉后，问题最终完全解决，"
                "但企业 7 天后才第一次答复。他再次购买的概率是百分之几？（填数字，例如 50 表示 50%）",
                "en": "With the course model stay_probability (anchored on the TARP figures), a customer with a major "
                "problem complains; the problem is fully resolved, but the first answer comes after 7 days. What "
                "is the chance (in %) that this customer buys again? (Type a number, e.g. 50 for 50 %.)",
            },
            answer=float(round(q3_stay, 2)),
            unit="percent",
            hint={
                "zh": "运行 complaints.stay_probability(resolution=1, response_days=7)；“迅速解决”的加成每 7 天减半。",
                "en": "Run complaints.stay_probability(resolution=1, response_days=7); "
                "the 'quick' bonus halves every 7 days.",
            },
            explanation={
                "zh": f"{p0:.0f}% + ({p1:.0f}% − {p0:.0f}%) + ({p2:.0f}% − {p1:.0f}%) × 0.5 = {q3_stay:.0f}%："
                f"同样解决了问题，当天答复是 {same_day:.0f}%。",
                "en": f"{p0:.0f} % + ({p1:.0f} % − {p0:.0f} %) + ({p2:.0f} % − {p1:.0f} %) × 0.5 = {q3_stay:.0f} %: "
                f"the same fix keeps {same_day:.0f} % when answered the same day.",
            },
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
    ]
