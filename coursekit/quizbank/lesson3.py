"""Self-check questions of lesson 3 (客户保持的经济学, retention economics); see coursekit.quiz.

Numeric answers are computed here by coursekit.retention, never typed in: if a formula
changes, the expected answers change with it.
"""

from coursekit import data
from coursekit.quiz import Choice, Number
from coursekit.retention import (
    annual_churn,
    churn_replacement_cost,
    lapse_by_case_outcome,
    retention_profit_lift,
    survival_after,
    yearly_retention,
)


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
    churn_for_half = 1 - survival_after(0.5, 1 / 5)  # (1 − c)^5 = 0.5
    paid_years_at = 0.9  # expected years of margin r + r² + … = r / (1 − r)
    paid_years = paid_years_at / (1 - paid_years_at)
    lift_70 = 100 * float(retention_profit_lift(0.70, discount=0.10, years=10)["profit_lift"].iloc[0])
    wireless = churn_replacement_cost(175e6, 0.015, 300, periods=12).iloc[0]
    lost_in_year, lost_of_start = float(wireless["lost_total"]), 175e6 * annual_churn(0.015)
    kept = yearly_retention(data.transactions()).set_index("buy_year").loc[2024]
    kept_2024 = 100 * float(kept["retention"])

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
                "zh": f"争取一位新客户要花 {cost_new} 元；素材说获客成本是保持成本的 {kotler_ratio}–10 倍（归于科特勒，"
                "出处未能核实），取 "
                f"{kotler_ratio} 倍。"
                f"同样 {budget:,} 元如果全部用来留住老客户，能留住多少位？",
                "en": f"Winning a new customer costs {cost_new} yuan; the seed says acquiring costs {kotler_ratio}–10 "
                "times as much as keeping (attributed to Kotler, a source we could not confirm); take "
                f"{kotler_ratio} times. How many current customers can the same {budget:,} yuan keep?",
            },
            answer=float(kept_for_budget),
            hint={
                "zh": f"留住一位的成本 = {cost_new} ÷ {kotler_ratio} 元；再用预算除以它。",
                "en": f"Keeping one costs {cost_new} ÷ {kotler_ratio} yuan; divide the budget by that.",
            },
            explanation={
                "zh": f"{budget} ÷ ({cost_new} ÷ {kotler_ratio}) = {kept_for_budget:.0f} 位，而同样的钱只能争取 "
                f"{won_for_budget:.0f} 位新客户。但这个倍数是经验法则（归于科特勒的出处未能核实），不同行业差别很大；"
                "而且留住的客户只有在本来会走时才算数。",
                "en": f"{budget:,} ÷ ({cost_new} ÷ {kotler_ratio}) = {kept_for_budget:.0f} customers, while the same "
                f"money wins only {won_for_budget:.0f} new ones. The ratio is a rule of thumb (its attribution to Kotler is "
                "unconfirmed) that varies a lot between industries, and a kept customer only counts if they would "
                "otherwise have left.",
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
        Number(
            prompt={
                "zh": f"海川电器 2024 年买过东西的 {int(kept['active'])} 位客户中，{int(kept['retained'])} 位 2025 年"
                "再次购买。客户保持率是百分之几？（填百分数，保留一位小数）",
                "en": f"Of Haichuan's {int(kept['active'])} customers who bought in 2024, {int(kept['retained'])} "
                "bought again in 2025. What is the retention rate? (A percentage with one decimal)",
            },
            answer=round(kept_2024, 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "保持率 = 次年再买的客户 ÷ 当年购买的客户。",
                "en": "Retention = customers who bought again next year ÷ customers who bought this year.",
            },
            explanation={
                "zh": f"{int(kept['retained'])} ÷ {int(kept['active'])} ≈ {kept_2024:.1f}%；流失率是 1 减去它，"
                f"约 {100 - kept_2024:.1f}%（{int(kept['lapsed'])} 位客户）。",
                "en": f"{int(kept['retained'])} ÷ {int(kept['active'])} ≈ {kept_2024:.1f} %; churn is 1 minus that, "
                f"about {100 - kept_2024:.1f} % ({int(kept['lapsed'])} customers).",
            },
        ),
        Choice(
            prompt={
                "zh": "素材写：许多公司每年流失 20% 的客户；即使是表现良好的机构，5 年也流失 50%。下面哪种说法对？",
                "en": "The seed says: many companies lose 20 % of their customers a year; even well-performing "
                "organisations lose 50 % in five years. Which statement is right?",
            },
            options=[
                {"zh": "两个数字互相矛盾，其中一个一定错了。",
                 "en": "The two figures contradict each other; one of them must be wrong."},
                {"zh": "说的是两个群体：每年流失 20%，5 年流失约 67%；5 年流失一半相当于每年约 13%，表现好的机构流失得少。",
                 "en": "They are about two groups: 20 % a year loses about 67 % in five years; half in five years "
                 "is about 13 % a year, so the well-performing organisations lose fewer."},
                {"zh": "每年流失 20%，5 年就是 5 × 20% = 100%，客户全走光了。",
                 "en": "20 % a year for 5 years is 5 × 20 % = 100 %: every customer is gone."},
            ],
            correct=1,
            hint={
                "zh": "t 年后还剩 r 的 t 次方；两句话各说的是哪些企业？",
                "en": "After t years r to the power t are left; which firms does each sentence talk about?",
            },
            explanations=[
                {"zh": "不矛盾：两句话说的是两群企业（“许多公司”和“表现良好的机构”），比率不同很正常。",
                 "en": "No contradiction: the sentences are about two groups of firms (many companies, "
                 "well-performing organisations), so the rates may differ."},
                {"zh": f"对：1 − 0.8⁵ ≈ {lost_in_five_years:.0f}%，1 − 0.5^(1/5) ≈ {100 * churn_for_half:.0f}%。"
                 "只是别把两个数字当成“差不多”：5 年后剩下的客户是 33 位对 50 位。",
                 "en": f"Yes: 1 − 0.8⁵ ≈ {lost_in_five_years:.0f} %, 1 − 0.5^(1/5) ≈ {100 * churn_for_half:.0f} %. Just "
                 "do not read them as about the same: after five years 33 customers are left against 50."},
                {"zh": "流失不能直接相加：每年只有还留着的客户才会流失，5 年后还剩 0.8⁵ ≈ 33%。",
                 "en": "Churn does not add up: each year only those still there can leave; after five years "
                 "0.8⁵ ≈ 33 % are left."},
            ],
        ),
        Number(
            prompt={
                "zh": "保持率 90%，按本课的公式（第 1 年也乘保持率）、不折现、不限年数，一位客户期望带来毛利的年数是多少？"
                "（保留一位小数）",
                "en": "At 90 % retention, with the lesson's formula (year 1 weighted by the retention rate too), no "
                "discounting and no limit on years, how many years of margin does a customer bring on average? "
                "(One decimal)",
            },
            answer=round(paid_years, 1),
            decimals=1,
            hint={
                "zh": "E = r + r² + r³ + …；两边乘 r 再相减，得 E = r/(1 − r)。",
                "en": "E = r + r² + r³ + …; multiply by r and subtract: E = r/(1 − r).",
            },
            explanation={
                "zh": f"0.9 ÷ 0.1 = {paid_years:.1f} 年。常见的 1/(1 − r) = 10 年多算了一年：它把客户加入的那一年也算作"
                "确定的一年，和本课第 1 年也乘 r 的约定不同。",
                "en": f"0.9 ÷ 0.1 = {paid_years:.1f} years. The common 1/(1 − r) = 10 counts one year more: it takes "
                "the year the customer joins as certain, unlike the lesson's convention of weighting year 1 by r.",
            },
        ),
        Number(
            prompt={
                "zh": "保持率从 70% 提高到 75%，按 10 年、折现率 10%、毛利不变计算，一位客户的价值提高百分之几？"
                "（填百分数，保留一位小数）",
                "en": "Retention rises from 70 % to 75 %: over 10 years at a 10 % discount rate with a constant "
                "margin, by what percentage does a customer's value rise? (A percentage with one decimal)",
            },
            answer=round(lift_70, 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "V(r) = Σ m·r^t/1.1^t（t = 1…10）；提升 = V(0.75)/V(0.70) − 1（动手练 5 的做法）。",
                "en": "V(r) = Σ m·r^t/1.1^t (t = 1…10); lift = V(0.75)/V(0.70) − 1 (as in exercise 5).",
            },
            explanation={
                "zh": f"约 {lift_70:.1f}%，在 Reichheld & Sasser 的 25%–85% 之下：毛利不增长、期限不长时，提升不大。",
                "en": f"About {lift_70:.1f} %, below Reichheld & Sasser's 25 %–85 %: without margin growth and over a "
                "short horizon the lift is small.",
            },
        ),
        Choice(
            prompt={
                "zh": f"无线通信案例：按素材的算法，一年流失 12 × 262.5 万 = {lost_in_year / 1e4:,.0f} 万位客户；"
                f"可是年流失率 {100 * annual_churn(0.015):.1f}% × 1.75 亿只有约 {lost_of_start / 1e4:,.0f} 万位。为什么？",
                "en": f"The wireless case: the seed's way, {lost_in_year / 1e6:.1f} million customers leave in a year "
                f"(12 × 2.625 million); but the yearly churn of {100 * annual_churn(0.015):.1f} % × 175 million is "
                f"only about {lost_of_start / 1e6:.1f} million. Why?",
            },
            options=[
                {"zh": "素材算错了，应该是年流失率 × 客户数。",
                 "en": "The seed is wrong; it should be yearly churn × customers."},
                {"zh": "素材假定流失的客户马上被新客户补上，补进来的新客户也会流失；年流失率只算年初就在的客户。",
                 "en": "The seed assumes every lost customer is replaced at once, and the replacements churn too; "
                 "the yearly churn rate counts only the customers there at the start."},
                {"zh": "年流失率应该是 12 × 1.5% = 18%，两个数就对上了。",
                 "en": "The yearly churn should be 12 × 1.5 % = 18 %, and the two numbers agree."},
            ],
            correct=1,
            hint={
                "zh": "两种算法数的是不是同一群客户？",
                "en": "Do the two ways count the same customers?",
            },
            explanations=[
                {"zh": "两个数都对，只是数的人不同：素材数的是一年里所有离开的人，包括年内补进来的新客户。",
                 "en": "Both are right; they count different people: the seed counts everyone who left during the "
                 "year, replacements included."},
                {"zh": f"对：多出来的约 {(lost_in_year - lost_of_start) / 1e4:,.0f} 万位是年内补进来、又走了的新客户。",
                 "en": f"Yes: the extra {(lost_in_year - lost_of_start) / 1e6:.2f} million are replacements who joined "
                 "during the year and left again."},
                {"zh": "12 × 1.5% 把已经走了的客户又算了一次；年初那批客户一年内走了 1 − 0.985¹² ≈ 16.6%。",
                 "en": "12 × 1.5 % counts customers who already left again; of those there at the start, "
                 "1 − 0.985¹² ≈ 16.6 % leave within the year."},
            ],
        ),
        Choice(
            prompt={
                "zh": "素材说“获客成本是保持成本的 7–10 倍”出自科特勒。本课怎样对待这个说法？",
                "en": "The seed says \"acquiring costs 7–10 times as much as keeping\" comes from Kotler. How does the "
                "lesson treat it?",
            },
            options=[
                {"zh": "科特勒是营销权威，可以直接当作定律引用。",
                 "en": "Kotler is a marketing authority, so it can be quoted as a law."},
                {"zh": "出处未能核实，只当作经验法则；不同研究和行业给出的倍数从 5 到 25 倍不等（Gallo 2014）。",
                 "en": "Its source is unconfirmed, so it is only a rule of thumb; studies and industries give "
                 "ratios from 5 to 25 (Gallo 2014)."},
                {"zh": "已经被证明是错的：留住老客户其实比争取新客户更贵。",
                 "en": "It has been proven wrong: keeping customers actually costs more than winning new ones."},
            ],
            correct=1,
            hint={
                "zh": "素材有没有给出书名和页码？本课在第 2 节怎样说？",
                "en": "Does the seed name a book and page? What does section 2 of the lesson say?",
            },
            explanations=[
                {"zh": "不对：素材没有给出书名和页码，我们也没有找到科特勒的这句话；而且这类倍数是经验法则，不是测量出来的定律。",
                 "en": "No: the seed names no book or page and we found no such sentence of Kotler's; and such ratios "
                 "are rules of thumb, not measured laws."},
                {"zh": "对：出处说不清的数字，要么注明“未能核实”，要么不用；倍数本身也随行业变化很大。",
                 "en": "Yes: a figure whose source cannot be named is either marked unconfirmed or dropped; and the "
                 "ratio itself varies a lot between industries."},
                {"zh": "也没有这样的证据：本课只说这个倍数的出处未能核实、大小因行业而异，并没有说方向反了。",
                 "en": "There is no such evidence either: the lesson only says the source is unconfirmed and the size "
                 "varies by industry, not that the direction is wrong."},
            ],
        ),
        Choice(
            prompt={
                "zh": "客服部想先联系高风险名单 at_risk 上“投诉没有解决的零售客户”。哪一行代码挑得对？",
                "en": "Customer service wants to call first the retail customers on the at-risk list whose complaint "
                "stayed unresolved. Which line picks them?",
            },
            options=[
                {"zh": "at_risk[(at_risk[\"customer_type\"] == \"retail\") | (at_risk[\"worst_outcome\"] == \"unresolved\")]",
                 "en": "at_risk[(at_risk[\"customer_type\"] == \"retail\") | (at_risk[\"worst_outcome\"] == \"unresolved\")]"},
                {"zh": "at_risk[(at_risk[\"customer_type\"] == \"retail\") & (at_risk[\"worst_outcome\"] == \"unresolved\")]",
                 "en": "at_risk[(at_risk[\"customer_type\"] == \"retail\") & (at_risk[\"worst_outcome\"] == \"unresolved\")]"},
                {"zh": "at_risk[at_risk[\"lapsed\"]]", "en": "at_risk[at_risk[\"lapsed\"]]"},
            ],
            correct=1,
            hint={
                "zh": "两个条件要同时满足：用“且”还是“或”？",
                "en": "Both conditions must hold: \"and\" or \"or\"?",
            },
            explanations=[
                {"zh": "| 是“或”：满足任一条件的都进来了，包括投诉部分解决的零售客户和其他类型的客户。",
                 "en": "| is \"or\": rows meeting either condition come in, partly resolved retail customers and other "
                 "types included."},
                {"zh": "对：& 是“且”，每个条件放在括号里（动手练 6）。",
                 "en": "Yes: & is \"and\", each condition in brackets (exercise 6)."},
                {"zh": "lapsed（次年没有再买）是事后才知道的；打电话时还不知道谁会走，名单要按投诉的处理结果挑。",
                 "en": "lapsed (bought nothing next year) is known only in hindsight; when calling nobody knows yet who "
                 "will leave, so pick by the outcome of the complaint."},
            ],
        ),
    ]
