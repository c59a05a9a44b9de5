"""Self-check questions of lesson 2 (客户价值, customer value).

Numeric answers are computed here by coursekit, never typed in: if a formula or the course
data change, the expected answers change with them.
"""

from coursekit import data, segments, value
from coursekit.quiz import Choice, Number


def questions():
    """The questions of this lesson, built when a quiz asks for them (their answers are
    computed from the course data and coursekit's formulas, so importing costs nothing)."""
    revenue = data.transactions().groupby("customer_id")["revenue"].sum()

    return [
        Number(
            prompt={
                "zh": "客户保持率 90%，折现率 12%，毛利每年不变、不限年数："
                "一位客户值几年的毛利（利润乘数）？保留两位小数。",
                "en": "Retention 90 %, discount rate 12 %, a constant margin, no time limit: how many years of margin "
                "is a customer worth (the margin multiple)? Two decimals.",
            },
            answer=float(value.margin_multiple(0.9, 0.12)),
            decimals=2,
            hint={
                "zh": "利润乘数 = r / (1 + i − r)，r 是保持率，i 是折现率。",
                "en": "Margin multiple = r / (1 + i − r), with retention r and discount rate i.",
            },
            explanation={
                "zh": "0.9 / (1 + 0.12 − 0.9) = 0.9 / 0.22 ≈ 4.09：这位客户值 4 年多的毛利，而不是“永远”的毛利。",
                "en": "0.9 / (1 + 0.12 − 0.9) = 0.9 / 0.22 ≈ 4.09: the customer is worth about four years of margin, "
                "not margin forever.",
            },
        ),
        Number(
            prompt={
                "zh": "一位新客户每年带来毛利 200 元，保持率 75%，折现率 10%，不限年数，争取他花了 300 元。"
                "他的客户终身价值（已扣获客成本）是多少元？",
                "en": "A new customer brings a margin of 200 yuan a year, retention 75 %, discount rate 10 %, no time "
                "limit, and cost 300 yuan to win. What is the lifetime value after the acquisition cost, in yuan?",
            },
            answer=float(value.lifetime_value(200, 0.75, 0.10, acquisition_cost=300)),
            hint={
                "zh": "CLV = 毛利 × 利润乘数 − 获客成本，利润乘数 = r / (1 + i − r)。",
                "en": "CLV = margin × margin multiple − acquisition cost, margin multiple = r / (1 + i − r).",
            },
            explanation={
                "zh": "200 × 0.75 / (1.10 − 0.75) − 300 = 428.57 − 300 ≈ 128.57 元："
                "仍然值得争取，但获客成本吃掉了大半价值。",
                "en": "200 × 0.75 / (1.10 − 0.75) − 300 = 428.57 − 300 ≈ 128.57 yuan: still worth winning, but the "
                "acquisition cost takes most of the value.",
            },
        ),
        Number(
            prompt={
                "zh": "在海川电器 2023–2025 年的交易数据中，收入最高的 20% 客户带来了总收入的百分之几？"
                "（填百分数，保留一位小数，例如 65.3）",
                "en": "In Haichuan Appliances' 2023–2025 transactions, what percentage of total revenue do the top 20 % "
                "of customers by revenue bring? (A percentage with one decimal, e.g. 65.3)",
            },
            answer=round(100 * segments.pareto_share(revenue, top=0.2), 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "本课的帕累托曲线上，横轴 20% 处的那个点；或者运行 segments.pareto_share(revenue, top=0.2)。",
                "en": "The marked point at 20 % on the lesson's Pareto curve; "
                "or run segments.pareto_share(revenue, top=0.2).",
            },
            explanation={
                "zh": "接近 80%，但不正好是 80%：80/20 是经验规律，不是定律，各行业、各企业的数字都不一样。",
                "en": "Close to 80 %, but not exactly: 80/20 is a rule of thumb, not a law, and the number differs "
                "between industries and firms.",
            },
            tolerance=0.01,
        ),
        Choice(
            prompt={
                "zh": "素材说，福特汽车估计一位客户“至少值 30 万美元”。把这个数字当作客户终身价值用，最大的问题是什么？",
                "en": 'The material says Ford estimated a customer to be worth "at least $300,000". What is the main '
                "problem if we use this figure as the customer's lifetime value?",
            },
            options=[
                {
                    "zh": "它是几十年收入的简单相加：不是利润，也没有计入客户流失和折现",
                    "en": "It simply adds up decades of revenue: it is not profit, and it ignores churn and discounting",
                },
                {"zh": "它太小了：福特的客户一辈子都不会离开", "en": "It is too small: Ford's customers never leave"},
                {
                    "zh": "没有问题：它就是按利润乘数算出的现值",
                    "en": "No problem: it is the present value from the margin multiple",
                },
                {
                    "zh": "它说明每位客户都值得同样多的投入",
                    "en": "It shows every customer deserves the same investment",
                },
            ],
            correct=0,
            hint={
                "zh": "回想本课用 lifetime_revenue 和 lifetime_value 算出的两个数字差在哪里。",
                "en": "Recall how the lesson's lifetime_revenue and lifetime_value results differ.",
            },
            explanations=[
                {
                    "zh": "对。收入要先乘毛利率才是利润；客户会流失；将来的钱要折现。三者都计入后，价值小得多。",
                    "en": "Right. Revenue must be turned into margin; customers leave; future money is discounted. "
                    "With all three the value is much smaller.",
                },
                {
                    "zh": "不对。客户会流失（保持率小于 1），而且越远的钱折现后越不值钱，所以数字只会更小。",
                    "en": "No. Customers do leave (retention below 1), and distant money is worth less after discounting: "
                    "the true value is smaller, not larger.",
                },
                {
                    "zh": "不对。30 万美元是收入的简单相加，没有毛利、保持率和折现，利润乘数算的是这三者都计入后的值。",
                    "en": "No. $300,000 simply adds up revenue, without margin, retention or discounting; the margin "
                    "multiple counts all three.",
                },
                {
                    "zh": "不对。客户价值差别很大（想想 80/20 和客户金字塔），所以才要区别对待。",
                    "en": "No. Customers differ greatly in value (think of 80/20 and the pyramid): that is why firms "
                    "treat them differently.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "和满意度一般的客户相比，一位非常满意的客户通常对价格……",
                "en": "Compared with a customer of average satisfaction, a highly satisfied customer is usually …",
            },
            options=[
                {
                    "zh": "更敏感：越满意越挑剔，会更多比价",
                    "en": "more price-sensitive: the more satisfied, the choosier, comparing prices more",
                },
                {
                    "zh": "不那么敏感：愿意为信得过的企业多付一些",
                    "en": "less price-sensitive: willing to pay a little more to a firm he trusts",
                },
                {"zh": "完全不在乎：价格再高也会买", "en": "indifferent to price: he buys at any price"},
            ],
            correct=1,
            hint={
                "zh": "看本课“满意的客户会做什么”一节和其中的素材勘误。",
                "en": "See the lesson's section on what satisfied customers do, and its correction of the material.",
            },
            explanations=[
                {
                    "zh": "不对，这正是素材中的错误。科特勒的清单和实证研究（如 Homburg 等 2005）"
                    "都说满意的客户对价格不那么敏感。",
                    "en": "No: this is the error in the material. Kotler's list and studies such as Homburg et al. (2005) "
                    "find satisfied customers less price-sensitive.",
                },
                {
                    "zh": "对。满意的客户更少比价、更愿意为信任付一点溢价，这也是满意客户利润更高的原因之一。",
                    "en": "Right. Satisfied customers shop around less and accept a small premium for trust: one reason "
                    "satisfied customers are more profitable.",
                },
                {
                    "zh": "不对，说过头了。不那么敏感不等于不在乎：差价大到一定程度，满意的客户也会转向更便宜的供应商。",
                    "en": "No, that goes too far. Less sensitive is not indifferent: when the price gap grows large "
                    "enough, satisfied customers also switch to a cheaper supplier.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "客户金字塔中，哪一层客户希望得到价格折扣，并且同时和多家企业做生意来降低自己的风险？",
                "en": "In the customer pyramid, which tier wants price discounts and does business with several firms "
                "to lower its own risk?",
            },
            options=[
                {"zh": "铂金客户", "en": "Platinum"},
                {"zh": "黄金客户", "en": "Gold"},
                {"zh": "钢铁客户", "en": "Iron"},
                {"zh": "重铅客户", "en": "Lead"},
            ],
            correct=1,
            hint={
                "zh": "这一层利润不错，但忠诚度不如最上面一层。",
                "en": "This tier is profitable, but less loyal than the top tier.",
            },
            explanations=[
                {
                    "zh": "不对。铂金客户对价格不太敏感，忠诚，愿意试用新产品。",
                    "en": "No. Platinum customers are loyal, not very price-sensitive, and try new products.",
                },
                {
                    "zh": "对。黄金客户有利润，但要折扣、分散采购：企业要争取他们更多的“钱包份额”。",
                    "en": "Right. Gold customers are profitable but want discounts and spread their purchases: the firm "
                    "should win a larger share of their wallet.",
                },
                {
                    "zh": "不对。钢铁客户数量多、能消化产能，但消费水平和忠诚度不值得特殊对待。",
                    "en": "No. Iron customers are many and fill capacity, but their spending and loyalty do not justify "
                    "special treatment.",
                },
                {
                    "zh": "不对。重铅客户不带来利润，要求多，消耗企业资源。",
                    "en": "No. Lead customers bring no profit, demand a lot and use up the firm's resources.",
                },
            ],
        ),
    ]
