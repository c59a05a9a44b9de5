"""Self-check questions of lesson 3 (客户保持的经济学, retention economics); see coursekit.quiz.

Numeric answers are computed here by coursekit.retention, never typed in: if a formula
changes, the expected answers change with it.
"""

from coursekit import data
from coursekit.quiz import Choice, Number
from coursekit.retention import annual_churn, lapse_by_case_outcome, retention_profit_lift, survival_after


def questions():
    """The questions of this lesson, built when a quiz asks for them (their answers are
    computed from the course data and coursekit's formulas, so importing costs nothing)."""
    lost_in_five_years = 100 * (1 - survival_after(0.8, 5))
    yearly_at_2_percent = 100 * annual_churn(0.02)
    # Kotler's "7 times" (the low end of the seed's 7-10), other numbers than the lesson's worked example
    kotler_ratio, cost_new, budget = 7, 140, 7_000
    kept_for_budget = budget / (cost_new / kotler_ratio)
    won_for_budget = budget / cost_new
    lapse = lapse_by_case_outcome(data.transactions(), data.service_cases(), year=2024).set_index("worst_outcome")
    lapse = {str(outcome): rate for outcome, rate in lapse["lapse_rate"].items()}
    short = retention_profit_lift([0.60, 0.90], years=3)["profit_lift"].tolist()  # 3 years, 10 % discount
    long = retention_profit_lift([0.60, 0.90], years=20)["profit_lift"].tolist()

    return [
        Number(
            prompt={
                "zh": "一家公司每年流失 20% 的客户（保持率 80%）。今天的 100 位客户中，5 年后一共流失了百分之几？"
                "（填百分数，保留一位小数）",
                "en": "A company loses 20 % of its customers every year (80 % retention). What percentage of today's "
                "100 customers has it lost after 5 years? (A percentage with one decimal)",
            },
            answer=round(lost_in_five_years, 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "5 年后还剩 0.8 × 0.8 × 0.8 × 0.8 × 0.8 = 0.8⁵；流失的是 1 − 0.8⁵。",
                "en": "After 5 years 0.8 × 0.8 × 0.8 × 0.8 × 0.8 = 0.8⁵ are left; the lost share is 1 − 0.8⁵.",
            },
            explanation={
                "zh": f"1 − 0.8⁵ = 1 − 0.328 ≈ {lost_in_five_years:.1f}%，而不是素材所说的 50%。"
                "5 年流失一半，对应的是每年约 13% 的流失率。",
                "en": f"1 − 0.8⁵ = 1 − 0.328 ≈ {lost_in_five_years:.1f} %, not the seed's 50 %. Losing half in five "
                "years means about 13 % churn a year.",
            },
            tolerance=0.01,
        ),
        Number(
            prompt={
                "zh": "每月流失 2% 的客户，相当于每年流失百分之几？（填百分数，保留一位小数）",
                "en": "A monthly churn of 2 %: what yearly churn is that? (A percentage with one decimal)",
            },
            answer=round(yearly_at_2_percent, 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "一位客户要连续 12 个月都不走才算留下一年：年保持率 = 0.98¹²。",
                "en": "A customer stays the year only by staying all 12 months: yearly retention = 0.98¹².",
            },
            explanation={
                "zh": f"1 − 0.98¹² ≈ {yearly_at_2_percent:.1f}%：比 12 × 2% = 24% 少一点，"
                "因为已经走了的客户不会再“走”第二次。",
                "en": f"1 − 0.98¹² ≈ {yearly_at_2_percent:.1f} %: a little less than 12 × 2 % = 24 %, because a "
                "customer who has left cannot leave again.",
            },
        ),
        Number(
            prompt={
                "zh": f"争取一位新客户要花 {cost_new} 元；按素材中科特勒的说法，获客成本是保持成本的 {kotler_ratio} 倍。"
                f"同样 {budget:,} 元如果全部用来留住老客户，能留住多少位？",
                "en": f"Winning a new customer costs {cost_new} yuan; the seed quotes Kotler: acquiring costs "
                f"{kotler_ratio} times as much as keeping. How many current customers can the same {budget:,} yuan "
                "keep?",
            },
            answer=float(kept_for_budget),
            hint={
                "zh": f"留住一位的成本 = {cost_new} ÷ {kotler_ratio} 元；再用预算除以它。",
                "en": f"Keeping one costs {cost_new} ÷ {kotler_ratio} yuan; divide the budget by that.",
            },
            explanation={
                "zh": f"{budget} ÷ ({cost_new} ÷ {kotler_ratio}) = {kept_for_budget:.0f} 位，而同样的钱只能争取 "
                f"{won_for_budget:.0f} 位新客户。但这个倍数是经验法则，不同行业差别很大；而且留住的客户只有在"
                "本来会走时才算数。",
                "en": f"{budget:,} ÷ ({cost_new} ÷ {kotler_ratio}) = {kept_for_budget:.0f} customers, while the same "
                f"money wins only {won_for_budget:.0f} new ones. The ratio is a rule of thumb that varies a lot between "
                "industries, and a kept customer only counts if they would otherwise have left.",
            },
        ),
        Choice(
            prompt={
                "zh": "Reichheld & Sasser（1990）“流失率降低 5 个百分点，利润增加 25%–85%”说的是什么？",
                "en": 'What does Reichheld & Sasser\'s (1990) "5 points fewer defections, 25 %–85 % more profit" say?',
            },
            options=[
                {
                    "zh": "任何公司只要把保持率提高 5%，公司的总利润就会增加 25%–85%。",
                    "en": "Any company that raises retention by 5 % raises its total profit by 25 %–85 %.",
                },
                {
                    "zh": "在他们研究的九个行业里，流失率降低 5 个百分点，平均每位客户的净现值增加 25%–85%。",
                    "en": "In the nine industries they studied, 5 points fewer defections raised the net present "
                    "value of an average customer by 25 %–85 %.",
                },
                {
                    "zh": "保持率越高，再提高 5 个百分点带来的增幅一定越大。",
                    "en": "The higher retention already is, the larger the lift from 5 more points, always.",
                },
            ],
            correct=1,
            hint={
                "zh": "看本课的条形图：每一条是一个行业，度量的是“客户净现值”。",
                "en": "Look at the lesson's bar chart: one bar per industry, and what is measured is customer NPV.",
            },
            explanations=[
                {
                    "zh": "不对：原文是九个行业的测算，度量的是每位客户的净现值，不是任何公司的总利润；"
                    "“5%”指流失率降低 5 个百分点。",
                    "en": "No: the article measured nine industries, and the measure is the NPV of a customer, not any "
                    'company\'s total profit; "5 %" means 5 percentage points fewer defections.',
                },
                {
                    "zh": "对：这是 HBR 原文图表的含义。不同行业差别很大（信用保险 25%，银行网点存款 85%）。",
                    "en": "Yes: that is what the HBR exhibit shows. Industries differ a lot (credit insurance 25 %, "
                    "branch deposits 85 %).",
                },
                {
                    "zh": f"不一定：期限短时正好相反。按 3 年、折现率 10% 计算，保持率 60% → 65% 提升 {short[0]:.0%}，"
                    f"90% → 95% 只提升 {short[1]:.0%}；按 20 年计算才是 {long[0]:.0%} 对 {long[1]:.0%}。",
                    "en": f"Not always: over a short horizon it is the other way round. Over 3 years at a 10 % discount "
                    f"rate, 60 % → 65 % gives {short[0]:.0%} but 90 % → 95 % only {short[1]:.0%}; over 20 years it "
                    f"is {long[0]:.0%} against {long[1]:.0%}.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "“千里之堤，毁于蚁穴”：按本课对海川电器数据的分析，客户流失的“蚁穴”是什么？",
                "en": '"A dike a thousand li long collapses through an ant hole": in the lesson\'s look at the Haichuan '
                "data, what is the ant hole that loses customers?",
            },
            options=[
                {
                    "zh": "有客户投诉：投诉过的客户都比没投诉的客户更容易流失。",
                    "en": "Complaints as such: every customer who complained is more likely to leave than one who did not.",
                },
                {
                    "zh": "投诉没有处理好：投诉未解决的客户，第二年不再购买的比例远高于其他客户。",
                    "en": "Complaints handled badly: customers whose complaint stayed unresolved stop buying far more "
                    "often than the others.",
                },
                {
                    "zh": "价格比对手高：客户主要是被更低的价格吸引走的。",
                    "en": "Higher prices than rivals: customers are mainly drawn away by lower prices.",
                },
            ],
            correct=1,
            hint={
                "zh": "回想按“服务记录中处理得最差的一次”分组的柱状图：哪一组和没有服务记录的客户差不多？",
                "en": "Remember the bar chart by the worst-handled service case: which group is about the same as the "
                "customers without a case?",
            },
            explanations=[
                {
                    "zh": f"不对：投诉已解决的客户第二年不再购买的比例是 {lapse['resolved']:.0%}，和没有服务记录的客户"
                    f"（{lapse['no_case']:.0%}）差不多。问题不在有人投诉。",
                    "en": f"No: of the customers whose complaint was resolved, {lapse['resolved']:.0%} stopped buying, "
                    f"about the same as those without a case ({lapse['no_case']:.0%}). Complaining is not the problem.",
                },
                {
                    "zh": f"对：投诉未解决的客户有 {lapse['unresolved']:.0%} 第二年不再购买，已解决的只有 "
                    f"{lapse['resolved']:.0%}。注意课程数据是按 TARP 的研究结论模拟生成的，这里演示的是怎样在自己的"
                    "数据里找蚁穴；而且大多数不满意的客户根本不投诉（第 4 课）。",
                    "en": f"Yes: {lapse['unresolved']:.0%} of the customers with an unresolved complaint stopped buying, "
                    f"against {lapse['resolved']:.0%} with a resolved one. The course data are simulated to follow the "
                    "TARP findings, so this shows how to look for the ant hole in your own data; and most unhappy "
                    "customers never complain at all (lesson 4).",
                },
                {
                    "zh": "本课的数据没有比较价格；素材的说法正相反：价格能吸引客户，却留不住客户。蚁穴说的是被忽视的"
                    "小投诉。",
                    "en": "The lesson's data do not compare prices; the seed says the opposite: price attracts customers "
                    "but does not keep them. The ant hole is the small complaint that is ignored.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "下面哪一项最能体现“后营销”（售后以维持现有客户为目标的营销）？",
                "en": "Which of these is most clearly aftermarketing (marketing after the sale, aimed at keeping "
                "the customer)?",
            },
            options=[
                {
                    "zh": "在电视上投放新品广告，吸引从没买过的人。",
                    "en": "A TV advert for a new model, aimed at people who never bought.",
                },
                {
                    "zh": "安装一个月后回访，教客户用好新功能，并对老客户推荐的新客户双方都给奖励。",
                    "en": "A follow-up call a month after installation that teaches the new features, plus a reward for "
                    "both sides when a customer refers a friend.",
                },
                {"zh": "把价格降到比所有对手都低。", "en": "Cutting the price below every competitor's."},
            ],
            correct=1,
            hint={
                "zh": "4P 关心怎样“成交”，后营销关心成交“之后”怎样留住客户。",
                "en": "The 4P ask how to make the sale; aftermarketing asks how to keep the customer after it.",
            },
            explanations=[
                {
                    "zh": "这是争取新客户的传统营销（4P 中的促销），发生在销售之前。",
                    "en": "That is traditional marketing to win new customers (promotion in the 4P), before the sale.",
                },
                {
                    "zh": "对：回访、教会客户使用（让客户成为行家）、感谢和奖励推荐，都发生在售后，目的是维持关系。",
                    "en": "Yes: follow-up, teaching the customer (making them an expert), thanking and rewarding "
                    "referrals all happen after the sale, to keep the relationship.",
                },
                {
                    "zh": "价格战能吸引客户，却留不住客户：对手再降价，客户就走了"
                    "（回想保险公司比银行利率高 3 个百分点的承诺）。",
                    "en": "A price war attracts customers but does not keep them: when a rival cuts further, they leave "
                    "(remember the insurer promising 3 points above the bank rate).",
                },
            ],
        ),
    ]
