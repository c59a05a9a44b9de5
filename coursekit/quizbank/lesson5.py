"""Self-check questions of lesson 5 (拓展, 客户终身价值：从订单记录看谁还是客户); see coursekit.quiz.

Numeric answers are computed here by coursekit (segments.purchase_summary, the fitted models
of customer_outlook.course_models, the holdout check of coursekit.holdout), never typed in.
"""

import pandas as pd

from coursekit import customer_outlook, data, holdout, repeat_buying, segments
from coursekit.quiz import Choice, Number

# Question 2 and 3: a small order log (weeks Monday–Sunday; two orders in the week of 6 January)
SMALL_LOG = pd.DataFrame({
    "customer_id": ["A"] * 4,
    "date": ["2025-01-06", "2025-01-08", "2025-02-03", "2025-03-10"],
    "revenue": [3000.0, 200.0, 1500.0, 800.0],
})
SMALL_LOG_END = "2025-03-30"
ONE_CUSTOMER = {"frequency": 8, "recency": 90, "T": 150}  # question 7: a customer of the course's model


def questions():
    """The questions of this lesson, built when a quiz asks for them (their answers are computed
    from the course data and coursekit's models, so importing costs nothing)."""
    small = segments.purchase_summary(SMALL_LOG, observation_end=SMALL_LOG_END, freq="W").iloc[0]
    bg_nbd, _ = customer_outlook.course_models()
    next_year = float(bg_nbd.expected_purchases(customer_outlook.YEAR_WEEKS, *ONE_CUSTOMER.values()))
    alive_one = float(bg_nbd.probability_alive(*ONE_CUSTOMER.values()))
    past_rate = ONE_CUSTOMER["frequency"] / ONE_CUSTOMER["T"] * customer_outlook.YEAR_WEEKS
    split = holdout.calibration_holdout(data.transactions(), "2024-12-31", "2025-12-31")
    model = repeat_buying.fit_bg_nbd(split)
    errors = holdout.forecast_errors(holdout.holdout_comparison(model, split))
    track = holdout.tracking_table(model, data.transactions(), "2024-12-31", "2025-12-31")
    track_2024, track_2025 = track[~track["holdout"]].iloc[-1], track.iloc[-1]
    track_error = 100 * float((track_2025["predicted"] - track_2024["predicted"])
                              / (track_2025["actual"] - track_2024["actual"]) - 1)
    model_error = 100 * float(errors.loc["model_forecast", "total_error"])
    model_mae = float(errors.loc["model_forecast", "mean_absolute_error"])
    types = data.customers().set_index("customer_id")["customer_type"]
    spend = customer_outlook.spend_independence(segments.purchase_summary(data.transactions(), freq="W"), types)
    overall, retail = float(spend.loc["all_customers", "correlation"]), float(spend.loc["retail", "correlation"])

    return [
        Choice(
            prompt={
                "zh": "海川电器卖家电，客户不签合同。公司怎样知道一位客户已经离开了？",
                "en": "Haichuan sells appliances without contracts. How does the firm know that a customer has left?",
            },
            options=[
                {"zh": "客户会打电话取消，公司记下日期。", "en": "The customer calls to cancel and the firm notes the date."},
                {"zh": "永远无法确定：只能从购买的时间推断他“还在不在”。",
                 "en": "It never knows for sure: it can only infer from the timing of purchases whether they are still there."},
                {"zh": "12 个月没有购买就一定是离开了。", "en": "Twelve months without a purchase means they have surely left."},
            ],
            correct=1,
            hint={"zh": "想一想非合同情境：没有人说再见。", "en": "Think of a non-contractual setting: nobody says goodbye."},
            explanations=[
                {"zh": "不对：那是合同情境（手机套餐、会员）。买家电的客户只是不再来了。",
                 "en": "No: that is a contractual setting (a phone plan, a membership). Appliance buyers simply stop coming."},
                {"zh": "对：非合同情境中离开是看不见的（Schmittlein, Morrison & Colombo 1987）；BG/NBD 从 x、tₓ、T 推断 P(alive)。",
                 "en": "Yes: in a non-contractual setting leaving is unseen (Schmittlein, Morrison & Colombo 1987); BG/NBD "
                 "infers P(alive) from x, tₓ and T."},
                {"zh": "不对：这是一条经验规则。一年买一次的客户沉默 12 个月很正常，一周买一次的客户沉默 12 周就值得担心。",
                 "en": "No: that is a rule of thumb. Twelve silent months are normal for a once-a-year buyer; for a weekly "
                 "buyer twelve silent weeks are already worrying."},
            ],
        ),
        Number(
            prompt={
                "zh": "客户 A 在 2025-01-06、2025-01-08、2025-02-03、2025-03-10 各下了一单（按周计，周一到周日算一周）。"
                "他的重复购买次数 x 是多少？",
                "en": "Customer A ordered on 2025-01-06, 2025-01-08, 2025-02-03 and 2025-03-10 (in weeks, Monday to "
                "Sunday). What is their number of repeat purchases x?",
            },
            answer=float(small["frequency"]),
            hint={"zh": "先数有购买的周，再减去第一次购买。", "en": "Count the weeks with a purchase, then subtract the first one."},
            explanation={
                "zh": f"1 月 6 日和 8 日在同一周，只算一次购买：有购买的周共 {small['frequency'] + 1:.0f} 个，"
                f"减去第一次，x = {small['frequency']:.0f}。",
                "en": f"6 and 8 January fall in the same week, one purchase: {small['frequency'] + 1:.0f} weeks with a "
                f"purchase, minus the first, x = {small['frequency']:.0f}.",
            },
        ),
        Number(
            prompt={
                "zh": f"还是客户 A：观察到 {SMALL_LOG_END}（一个星期日）为止。他现在的客户年龄 T 是多少周？",
                "en": f"Customer A again, observed until {SMALL_LOG_END} (a Sunday). What is their age T now, in weeks?",
            },
            answer=float(small["T"]),
            hint={"zh": "T = 观察结束的那一周 − 第一次购买的那一周。", "en": "T = the week observation ends − the week of the first purchase."},
            explanation={
                "zh": f"从 1 月 6 日那一周到 3 月 24–30 日那一周，T = {small['T']:.0f} 周；最后一次购买在第 "
                f"{small['recency']:.0f} 周（tₓ），之后沉默了 {small['T'] - small['recency']:.0f} 周。",
                "en": f"From the week of 6 January to the week of 24–30 March, T = {small['T']:.0f} weeks; the last "
                f"purchase was in week {small['recency']:.0f} (tₓ), silent for {small['T'] - small['recency']:.0f} weeks since.",
            },
        ),
        Choice(
            prompt={
                "zh": "两位客户都已经是第 156 周（T = 156），都有 10 次重复购买（x = 10）。甲最后一次购买在第 150 周，"
                "乙在第 100 周。谁的 P(alive) 更高？",
                "en": "Two customers are both in week 156 (T = 156) with 10 repeat purchases (x = 10). A last bought in "
                "week 150, B in week 100. Whose P(alive) is higher?",
            },
            options=[
                {"zh": "甲", "en": "A"},
                {"zh": "乙", "en": "B"},
                {"zh": "一样：购买次数相同", "en": "The same: they bought equally often"},
            ],
            correct=0,
            hint={"zh": "看热图：同一列（同样的 x），越往上（tₓ 越大）越亮。", "en": "Look at the heat map: in one column (same x), higher up (larger tₓ) is brighter."},
            explanations=[
                {"zh": "对：甲一直在买，6 周没来很正常；乙过去常买，却已经沉默了 56 周——很可能已经离开了。",
                 "en": "Yes: A keeps buying, six quiet weeks are normal; B used to buy often but has been silent for 56 "
                 "weeks — probably gone."},
                {"zh": "不对：乙沉默得太久了。对一位常来的客户，长时间的沉默正是离开的迹象。",
                 "en": "No: B has been silent too long. For a frequent buyer, a long silence is the sign of leaving."},
                {"zh": "不对：次数一样，最近一次购买的时间（tₓ）不一样，价值也就不一样——这就是 RFM 中 R 的意义。",
                 "en": "No: the same count, a different last purchase (tₓ), so a different value — the R of RFM."},
            ],
        ),
        Choice(
            prompt={"zh": "下面哪一条不是 BG/NBD 模型的假设？", "en": "Which of these is NOT an assumption of the BG/NBD model?"},
            options=[
                {"zh": "客户“活着”时按自己固定的速度随机地购买（什么时候买说不准，平均速度不变）。",
                 "en": "While \"alive\", a customer buys at random at their own steady rate (the timing is chance, "
                 "the average rate does not change)."},
                {"zh": "每次重复购买之后，客户都可能永远离开，概率是他自己的 p。",
                 "en": "After each repeat purchase a customer may leave for good, with their own probability p."},
                {"zh": "不同客户的购买速度和离开概率各不相同（Gamma 分布和 Beta 分布）。",
                 "en": "Purchase rates and drop-out chances differ across customers (gamma and beta distributions)."},
                {"zh": "投诉没有解决的客户离开得更快。", "en": "Customers whose complaints were not resolved leave faster."},
            ],
            correct=3,
            hint={"zh": "模型只用订单记录里的三个事实。", "en": "The model uses only the three facts of the order log."},
            explanations=[
                {"zh": "这是假设之一：购买速度 λ。", "en": "That is one of the assumptions: the purchase rate λ."},
                {"zh": "这是假设之一：离开概率 p。", "en": "That is one of the assumptions: the drop-out chance p."},
                {"zh": "这是假设之一：客户之间的差异（异质性）。", "en": "That is one of the assumptions: heterogeneity across customers."},
                {"zh": "对：模型不知道投诉（第 4 课），只看 x、tₓ、T。这正是它的局限之一：投诉记录里的信息要另外用上。",
                 "en": "Right: the model knows nothing of complaints (lesson 4), only x, tₓ and T. That is one of its "
                 "limits: what the complaint records say must be used separately."},
            ],
        ),
        Choice(
            prompt={
                "zh": "一位客户三年前买过一次，之后再也没来（x = 0）。BG/NBD 给他的 P(alive) 是多少？",
                "en": "A customer bought once three years ago and never came back (x = 0). What P(alive) does BG/NBD give?",
            },
            options=[{"zh": "接近 0", "en": "Close to 0"}, {"zh": "正好 100%", "en": "Exactly 100 %"},
                     {"zh": "大约 50%", "en": "About 50 %"}],
            correct=1,
            hint={"zh": "在这个模型里，客户什么时候才可能离开？", "en": "In this model, when can a customer leave?"},
            explanations=[
                {"zh": "常识会这么说，但模型不会：BG/NBD 只让客户在一次重复购买之后离开，没有重复购买（x = 0）的客户"
                 "在模型里不可能已经离开。",
                 "en": "Common sense says so, the model does not: BG/NBD lets customers leave only after a repeat "
                 "purchase, so a customer with none (x = 0) cannot have left in the model."},
                {"zh": "对：BG/NBD 只让客户在一次重复购买之后离开，没有重复购买的客户在模型里一定还“活着”——这是它的怪癖。"
                 "这类客户要另外判断（例如看他们的购买周期和服务记录）。",
                 "en": "Right: BG/NBD lets customers leave only after a repeat purchase, so one with none is surely "
                 "\"alive\" in the model — its known quirk. Judge such customers separately (their buying cycle, their "
                 "service records)."},
                {"zh": "不对：这不是一个折中的猜测。BG/NBD 只让客户在重复购买之后离开，x = 0 的客户在模型里一定还"
                 "“活着”，不管沉默多久。",
                 "en": "No: this is no halfway guess. BG/NBD lets customers leave only after a repeat purchase, so with "
                 "x = 0 the customer is surely \"alive\" in the model, however long the silence."},
            ],
        ),
        Number(
            prompt={
                "zh": f"用本课按周拟合的模型：一位客户 x = {ONE_CUSTOMER['frequency']}、tₓ = {ONE_CUSTOMER['recency']} 周、"
                f"T = {ONE_CUSTOMER['T']} 周，未来 52 周预计购买几次？保留两位小数。"
                "（bg_nbd.expected_purchases(52, x, tₓ, T)）",
                "en": f"With the lesson's weekly model: a customer with x = {ONE_CUSTOMER['frequency']}, tₓ = "
                f"{ONE_CUSTOMER['recency']} weeks, T = {ONE_CUSTOMER['T']} weeks. Expected purchases in the next 52 weeks? "
                "Two decimals. (bg_nbd.expected_purchases(52, x, tₓ, T))",
            },
            answer=next_year,
            decimals=2,
            hint={"zh": "t = 52（周），然后依次是 x、tₓ、T。", "en": "t = 52 (weeks), then x, tₓ, T in this order."},
            explanation={
                "zh": f"约 {next_year:.2f} 次。这位客户已经沉默 {ONE_CUSTOMER['T'] - ONE_CUSTOMER['recency']} 周，"
                f"P(alive) 只有 {alive_one:.0%}，所以预测比“照过去的速度”（x ÷ T × 52 ≈ {past_rate:.1f} 次）少。",
                "en": f"About {next_year:.2f}. The customer has been silent for {ONE_CUSTOMER['T'] - ONE_CUSTOMER['recency']} "
                f"weeks and P(alive) is only {alive_one:.0%}, so the forecast is below \"the past rate\" (x ÷ T × 52 ≈ {past_rate:.1f}).",
            },
        ),
        Choice(
            prompt={
                "zh": "为什么只用 2023–2024 年拟合模型，再去预测 2025 年？",
                "en": "Why fit the model on 2023–2024 only and then predict 2025?",
            },
            options=[
                {"zh": "在拟合用过的数据上，模型总是显得很准；只有预测它没见过的数据，才能检验它。",
                 "en": "On the data it was fitted to a model always looks good; only predicting data it has not seen tests it."},
                {"zh": "2025 年的数据不可靠。", "en": "The 2025 data are unreliable."},
                {"zh": "数据少一些，拟合更快。", "en": "Less data fits faster."},
            ],
            correct=0,
            hint={"zh": "想一想：考试题目提前给了学生，分数还能说明什么？", "en": "Think: if students saw the exam beforehand, what would the marks show?"},
            explanations=[
                {"zh": "对：这就是校准期与检验期（holdout）。检验通过之后，再用全部三年重新拟合，去预测 2026 年。",
                 "en": "Right: calibration and holdout. Once it passes, refit on all three years to predict 2026."},
                {"zh": "不对：2025 年的数据和其他年份一样完整；我们故意先不给模型看。",
                 "en": "No: 2025 is as complete as the other years; we hide it from the model on purpose."},
                {"zh": "不对：速度不是理由，检验才是。", "en": "No: speed is not the reason; the test is."},
            ],
        ),
        Number(
            prompt={
                "zh": "本课的检验：只用 2023–2024 年拟合的模型，预测 2025 年全部老客户的购买合计，比实际多（正数）或少（负数）"
                "百分之几？（填百分数，保留一位小数）",
                "en": "The lesson's check: the model fitted on 2023–2024 predicts the total 2025 purchases of all existing "
                "customers. By what percentage is it above (positive) or below (negative) what happened? (A percentage "
                "with one decimal)",
            },
            answer=round(model_error, 1),
            decimals=1,
            unit="percent",
            hint={"zh": "用第 4 节误差表（holdout.forecast_errors）的 total_error = 预测合计 ÷ 实际合计 − 1，再乘以 100；"
                  "不是追踪图的数：追踪图按整周切开，数的购买和客户略有不同。",
                  "en": "Use the error table of section 4 (holdout.forecast_errors): total_error = forecast total ÷ "
                  "actual total − 1, times 100; not the tracking plot's number, which cuts at whole weeks and so "
                  "counts slightly different purchases and customers."},
            explanation={
                "zh": f"{model_error:+.1f}%：一整年没见过的数据，合计只差这么多。每位客户的误差大得多（平均差 {model_mae:.1f} 次），"
                "所以模型适合看群体和排序，不适合给单个客户下定论。"
                f"追踪图上是 {track_error:+.1f}%：它按整周切开，2024 年 12 月 30 日—2025 年 1 月 5 日这一周整周算在 2024 年，"
                "也算进了这几天才第一次购买的客户；误差表只看 2024 年底以前来过的客户，他们 1 月 1–5 日的购买算进 2025 年。",
                "en": f"{model_error:+.1f} %: a whole unseen year, and the total is this close. Each customer's error is "
                f"much larger ({model_mae:.1f} purchases on average), so the model is for groups and rankings, not verdicts on "
                f"one customer. The tracking plot says {track_error:+.1f} %: it cuts at whole weeks, so the week of "
                "30 December 2024 – 5 January 2025 belongs to 2024 there, customers who first bought in those days "
                "included; the error table counts only the customers who came by the end of 2024, and their purchases "
                "of 1–5 January go to 2025.",
            },
        ),
        Choice(
            prompt={
                "zh": "在条件期望图中，2023–2024 年只买过一次（x = 0）的客户，朴素预测（“和去年一样多”）远低于实际。为什么？",
                "en": "In the conditional-expectations chart, for customers who bought only once in 2023–2024 (x = 0) the "
                "naive forecast (\"as many as last year\") is far below what happened. Why?",
            },
            options=[
                {"zh": "他们多是 2024 年才来的新客户：去年只有第一次购买，甚至一次也没有，可他们的购买才刚开始。",
                 "en": "They are mostly customers new in 2024: last year holds just their first purchase, or none, while "
                 "their buying has only begun."},
                {"zh": "朴素预测的公式算错了。", "en": "The naive formula is computed wrongly."},
                {"zh": "这些客户在 2025 年都收到了促销。", "en": "These customers all got a promotion in 2025."},
            ],
            correct=0,
            hint={"zh": "想一想 x = 0 的客户是哪些人、他们“去年”买了几次。", "en": "Think who the x = 0 customers are and how often they bought \"last year\"."},
            explanations=[
                {"zh": "对：模型知道新客户的 T 很短、购买率还看不清，于是按全体客户的情况去估计；朴素预测只会照抄去年。",
                 "en": "Right: the model knows a new customer's T is short and their rate still unclear, so it borrows from "
                 "all customers; the naive forecast just copies last year."},
                {"zh": "不对：公式没错，它只是太朴素了。", "en": "No: the formula is right, it is just naive."},
                {"zh": "不对：课程数据里没有这样的促销；而且模型同样不知道促销（这是它的局限）。",
                 "en": "No: the course data hold no such promotion; and the model knows nothing of promotions either (a limit)."},
            ],
        ),
        Choice(
            prompt={
                "zh": f"Gamma-Gamma 模型假设每次消费的金额与购买次数无关。课程数据中，全部回头客的相关系数是 {overall:.2f}，"
                f"零售客户内部只有 {retail:.2f}。这说明什么？",
                "en": f"The Gamma-Gamma model assumes spend per purchase is unrelated to how often one buys. In the course "
                f"data the correlation is {overall:.2f} over all repeat buyers, {retail:.2f} among retail customers. What does "
                "that show?",
            },
            options=[
                {"zh": "相关主要来自客户类型的混合：企业客户买得更勤、每次也买得更多；在同一类客户内部，假设大致成立。",
                 "en": "It comes mostly from mixing customer types: business customers buy more often and more each time; "
                 "within one type the assumption roughly holds."},
                {"zh": "假设完全成立，可以放心使用。", "en": "The assumption holds fully; use the model without a second thought."},
                {"zh": "模型完全不能用。", "en": "The model cannot be used at all."},
            ],
            correct=0,
            hint={"zh": "比较全体和零售客户内部的两个数。", "en": "Compare the number for everyone with the one within retail customers."},
            explanations=[
                {"zh": "对：可以按客户类型分别拟合，或至少记住：对买得少的企业客户，模型会把他们的金额往全体平均拉低。",
                 "en": "Right: fit it by customer type, or at least remember that for business customers with few purchases "
                 "the model pulls their spend down towards the overall mean."},
                {"zh": f"不对：{overall:.2f} 不是 0，假设在全体客户上并不成立。",
                 "en": f"No: {overall:.2f} is not 0; over all customers the assumption does not hold."},
                {"zh": "不对：在同一类客户内部相关很小；模型仍然有用，只是要分组看。",
                 "en": "No: within a type the correlation is small; the model is still useful, looked at by group."},
            ],
        ),
        Choice(
            prompt={
                "zh": "一位客户按过去三年的利润是铂金客户，可模型给他的 P(alive) 只有 1%。最合适的做法是？",
                "en": "By the last three years' profit a customer is platinum, but the model gives P(alive) = 1 %. What is "
                "the best thing to do?",
            },
            options=[
                {"zh": "照旧：按铂金客户的预算和服务继续投入。", "en": "Carry on: keep the platinum budget and service."},
                {"zh": "先查原因（服务记录、第 3 课的高风险名单），由专人联系、尝试挽回；不要再把他未来的利润算进计划。",
                 "en": "Find out why first (service records, lesson 3's at-risk list), have someone contact them and try to "
                 "win them back; stop counting their future profit in the plans."},
                {"zh": "从客户数据库中删除。", "en": "Delete them from the customer database."},
            ],
            correct=1,
            hint={"zh": "过去的利润看的是过去，P(alive) 看的是将来。", "en": "Past profit looks back, P(alive) looks ahead."},
            explanations=[
                {"zh": "不对：这是“看起来很值钱，其实可能已经走了”的客户（像第 2 课的 C00603），照旧投入多半是浪费。",
                 "en": "No: this customer looks valuable but has probably left (like lesson 2's C00603); carrying on is "
                 "mostly wasted."},
                {"zh": "对：P(alive) 低是一个信号，不是判决；挽回一位大客户的价值，正是第 2、3 课算过的账。",
                 "en": "Right: a low P(alive) is a signal, not a verdict; winning back a big customer is worth what lessons "
                 "2 and 3 computed."},
                {"zh": "不对：客户档案是企业的资产（第 1 课）；离开的原因和挽回的机会都在里面。",
                 "en": "No: customer records are an asset (lesson 1); the reasons for leaving and the chance to win them "
                 "back are in there."},
            ],
        ),
        Choice(
            prompt={
                "zh": "本课的模型终身价值和第 2 课的公式 CLV = Σ m·rᵗ/(1+i)ᵗ 是什么关系？",
                "en": "How does this lesson's model lifetime value relate to lesson 2's CLV = Σ m·rᵗ/(1+i)ᵗ?",
            },
            options=[
                {"zh": "折现的约定相同（每年的毛利在年末到账、除以 (1+i)ᵗ），但 rᵗ 换成了每位客户自己每年的预计购买"
                 "（由他的 P(alive) 和购买速度算出）。",
                 "en": "The same discounting (each year's margin at its end, divided by (1+i)ᵗ), but rᵗ is replaced by the "
                 "customer's own expected purchases each year (from their P(alive) and purchase rate)."},
                {"zh": "完全不同：本课不折现。", "en": "Entirely different: this lesson does not discount."},
                {"zh": "完全相同：所有客户用同一个保持率。", "en": "Exactly the same: one retention rate for everyone."},
            ],
            correct=0,
            hint={"zh": "第 2 课的保持率 r 是谁给的？本课又是从哪里来的？", "en": "Who gave lesson 2's retention r? Where does it come from here?"},
            explanations=[
                {"zh": "对：第 2 课要有人告诉我们保持率；本课从订单记录中为每位客户估计“留下”的可能。",
                 "en": "Right: lesson 2 needs someone to tell us the retention rate; here the order log estimates each "
                 "customer's chance of staying."},
                {"zh": "不对：本课每年的毛利同样除以 1.1ᵗ。", "en": "No: each year's margin is divided by 1.1ᵗ here too."},
                {"zh": "不对：本课最重要的改变就是每位客户不一样。", "en": "No: the main change is that every customer differs."},
            ],
        ),
        Choice(
            prompt={"zh": "在下面哪种情况下，不应该用 BG/NBD 去估计谁还是客户？",
                    "en": "In which of these settings should you NOT use BG/NBD to estimate who is still a customer?"},
            options=[
                {"zh": "家电企业的经销商订单", "en": "An appliance maker's dealer orders"},
                {"zh": "网店的零售订单", "en": "An online shop's retail orders"},
                {"zh": "手机套餐：客户要办理退订才会离开", "en": "Mobile phone plans: customers must cancel to leave"},
            ],
            correct=2,
            hint={"zh": "哪种情况下，离开是看得见的？", "en": "Where is leaving observed?"},
            explanations=[
                {"zh": "可以用：经销商不需要“退订”，只是不再下单。", "en": "Fine: dealers do not cancel, they just stop ordering."},
                {"zh": "可以用：网店客户也是悄悄离开的（注意促销和季节的影响）。",
                 "en": "Fine: online shoppers leave silently too (mind promotions and seasons)."},
                {"zh": "对：合同情境中离开是观察得到的，直接用第 3 课的保持率和生存分析，不必猜 P(alive)。",
                 "en": "Right: in a contractual setting leaving is observed; use lesson 3's retention rates and survival "
                 "analysis, there is no P(alive) to guess."},
            ],
        ),
    ]
