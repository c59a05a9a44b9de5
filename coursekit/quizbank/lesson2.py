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
    table = segments.customer_value_table()
    table["tier"] = segments.customer_tiers(table["profit"])
    economics = segments.tier_economics(table, cost_to_serve="service_cost")
    lead_cost, iron_cost = (round(float(economics.loc[t, "cost_to_serve_per_customer"])) for t in ("lead", "iron"))
    lead_margin = float(economics.loc["lead", "profit_per_customer"] + economics.loc["lead", "cost_to_serve_per_customer"])
    eaten = round(100 * lead_cost / lead_margin)
    john = 5_000_000 * float(value.margin_multiple(0.9, 0.10)) / 10_000  # in 万美元 (ten thousand dollars)

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
                "他的客户终身价值（已扣获客成本）是多少元？保留两位小数。",
                "en": "A new customer brings a margin of 200 yuan a year, retention 75 %, discount rate 10 %, no time "
                "limit, and cost 300 yuan to win. What is the lifetime value after the acquisition cost, in yuan? "
                "Two decimals.",
            },
            answer=float(value.lifetime_value(200, 0.75, 0.10, acquisition_cost=300)),
            decimals=2,
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
                    "zh": "它看起来是几十年收入的相加（素材没有说怎样算出，本课的假设也能“加”出它）："
                    "不是利润，也没有计入客户流失和折现",
                    "en": "It looks like decades of revenue added up (the material does not say how it was made; the "
                    "lesson's assumptions add up to it): it is not profit, and it ignores churn and discounting",
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
                    "zh": "对。收入要先乘毛利率才是毛利；客户会流失；将来的钱要折现。三者都计入后，价值小得多"
                    "（本课的假设下约 3000 美元）。",
                    "en": "Right. Revenue must be turned into margin; customers leave; future money is discounted. "
                    "With all three the value is much smaller.",
                },
                {
                    "zh": "不对。客户会流失（保持率小于 1），而且越远的钱折现后越不值钱，所以数字只会更小。",
                    "en": "No. Customers do leave (retention below 1), and distant money is worth less after discounting: "
                    "the true value is smaller, not larger.",
                },
                {
                    "zh": "不对。按本课的假设，30 万美元正好是收入的相加，没有毛利、保持率和折现；"
                    "利润乘数算的是这三者都计入后的值，小得多。",
                    "en": "No. On the lesson's assumptions $300,000 is exactly revenue added up, without margin, "
                    "retention or discounting; the margin multiple counts all three and is far smaller.",
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
        Choice(
            prompt={
                "zh": "海川电器客户 C00603 的累计毛利曲线前一年多和稳定的老客户一样陡，之后变成一条水平线。"
                "在客户生命周期中，这说明什么？",
                "en": "Customer C00603's cumulative margin rises as steeply as a steady customer's for over a year, "
                "then runs flat. What does this say in terms of the customer life cycle?",
            },
            options=[
                {"zh": "它进入了承诺阶段：关系稳定，不用再管", "en": "It reached commitment: a stable tie, no need to act"},
                {"zh": "它已经解散（流失）：累计贡献还在，但不再购买", "en": "It dissolved (churned): the past total stays, but it no longer buys"},
                {"zh": "它还在探索阶段：刚开始试着购买", "en": "It is still exploring: only starting to buy"},
            ],
            correct=1,
            hint={
                "zh": "累计曲线变平，意味着这段时间没有新的毛利。",
                "en": "A flat cumulative curve means no new margin in that time.",
            },
            explanations=[
                {
                    "zh": "不对。承诺阶段的客户一直在买，曲线会继续上升（像 C00118）。",
                    "en": "No. A committed customer keeps buying, so the curve keeps rising (like C00118).",
                },
                {
                    "zh": "对。只看累计贡献，它像一位好客户；看曲线的走势，才知道关系已经解散。",
                    "en": "Right. Its total looks like a good customer's; only the shape shows the tie has dissolved.",
                },
                {
                    "zh": "不对。探索阶段在关系的开头，买得少、曲线平缓地起步；C00603 前一年多买得很多。",
                    "en": "No. Exploration comes at the start, with few purchases; C00603 bought a lot for over a year.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "老客户推荐来的新客户，获客成本比其他渠道低得多。省下的这笔钱，是推荐人的哪一种价值？",
                "en": "New customers referred by existing ones cost far less to win. Whose value, and which kind, "
                "is the money saved?",
            },
            options=[
                {"zh": "推荐人的口碑价值", "en": "The referrer's word-of-mouth value"},
                {"zh": "新客户的利润源泉价值", "en": "The new customer's value as a source of profit"},
                {"zh": "推荐人的信息价值", "en": "The referrer's information value"},
            ],
            correct=0,
            hint={
                "zh": "它不会出现在推荐人自己的购买记录里。",
                "en": "It does not show in the referrer's own purchases.",
            },
            explanations=[
                {
                    "zh": "对。口碑价值是满意的客户向别人推荐带来的价值；账本只把它记在新客户身上，推荐人自己的记录里看不到。",
                    "en": "Right. Word of mouth is what satisfied customers bring by recommending; the books show it "
                    "nowhere in the referrer's own record.",
                },
                {
                    "zh": "不对。新客户以后的购买是他自己的利润源泉；省下的获客成本是推荐人带来的。",
                    "en": "No. The new customer's later purchases are his own profit; the acquisition cost saved comes "
                    "from the referrer.",
                },
                {
                    "zh": "不对。信息价值是客户提供需求、竞争对手和满意度的信息（如“洗地瓜”），不是带来新客户。",
                    "en": "No. Information value is what customers tell the firm about needs, rivals and satisfaction "
                    "(the sweet-potato washer), not new customers.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "利润乘数 r / (1 + i − r) 的分子为什么是 r，而不是 1？（本课约定毛利在年末结算）",
                "en": "Why is the numerator of the margin multiple r / (1 + i − r) r, not 1? (In this lesson margins "
                "are paid at the end of each year.)",
            },
            options=[
                {
                    "zh": "只有留到第 1 年年末的客户才付第 1 年的毛利，第一项已经乘上了 r",
                    "en": "Only customers still there at the end of year 1 pay year 1's margin, so the first term "
                    "already carries r",
                },
                {"zh": "r 是折现率，分子放折现率", "en": "r is the discount rate, which goes on top"},
                {
                    "zh": "分子是 1 才对：第 1 年的毛利是确定的",
                    "en": "The numerator should be 1: year 1's margin is certain",
                },
            ],
            correct=0,
            hint={
                "zh": "看推导的第一行：第 t 年留下的比例是 r 的 t 次方，t 从 1 开始。",
                "en": "Look at the first line of the derivation: the share left in year t is r to the power t, t "
                "starting at 1.",
            },
            explanations=[
                {
                    "zh": "对。和是 m·(q + q² + q³ + …)，q = r/(1+i)，等于 m·q/(1 − q) = m·r/(1 + i − r)。",
                    "en": "Right. The sum is m·(q + q² + q³ + …) with q = r/(1+i), which is m·q/(1 − q) = "
                    "m·r/(1 + i − r).",
                },
                {
                    "zh": "不对。r 是保持率，i 才是折现率。",
                    "en": "No. r is the retention rate; i is the discount rate.",
                },
                {
                    "zh": "不对。那是另一种约定（第一笔毛利在签约时就到手），乘数是 (1 + i)/(1 + i − r)，本课不用它。",
                    "en": "No. That is another convention (the first margin paid on signing), with multiple "
                    "(1 + i)/(1 + i − r); this lesson does not use it.",
                },
            ],
        ),
        Number(
            prompt={
                "zh": "海川电器的 2000 位客户中，三年利润（毛利 − 服务成本）为负的客户占百分之几？"
                "（填百分数，保留一位小数）",
                "en": "Of Haichuan's 2000 customers, what percentage have a negative three-year profit (margin − cost "
                "to serve)? (A percentage with one decimal)",
            },
            answer=round(100 * float((table["profit"] < 0).mean()), 1),
            decimals=1,
            unit="percent",
            hint={
                "zh": "(table[\"profit\"] < 0).mean() 是比例（小数），乘 100 就是百分数。",
                "en": "(table[\"profit\"] < 0).mean() is the share (a fraction); times 100 is the percentage.",
            },
            explanation={
                "zh": "约八分之一的客户让企业亏钱：他们带来的毛利抵不上为他们付出的服务成本。",
                "en": "About one customer in eight loses the firm money: the margin does not cover the cost to serve.",
            },
        ),
        Choice(
            prompt={
                "zh": f"重铅客户每位的服务成本约 {lead_cost:,} 元，钢铁客户约 {iron_cost:,} 元。"
                "重铅客户合起来几乎不赚钱，原因是什么？",
                "en": f"Lead customers cost about {lead_cost:,} yuan each to serve, iron customers about "
                f"{iron_cost:,}. Why do lead customers together earn almost nothing?",
            },
            options=[
                {
                    "zh": "他们的服务成本比钢铁客户高",
                    "en": "Their cost to serve is higher than iron customers'",
                },
                {
                    "zh": "服务成本相对于他们带来的毛利太高：几乎吃掉了全部毛利",
                    "en": "Their cost to serve is high relative to their margin: it eats almost all of it",
                },
                {"zh": "他们根本不买东西", "en": "They buy nothing at all"},
            ],
            correct=1,
            hint={
                "zh": "比较的不是各层的服务成本，而是每层的服务成本和它带来的毛利。",
                "en": "Compare not the tiers' costs with each other but each tier's cost with its own margin.",
            },
            explanations=[
                {
                    "zh": f"不对。按绝对数，重铅客户的服务成本（约 {lead_cost:,} 元）比钢铁客户（约 {iron_cost:,} 元）还低。",
                    "en": f"No. In yuan, a lead customer costs less to serve (about {lead_cost:,}) than an iron one "
                    f"(about {iron_cost:,}).",
                },
                {
                    "zh": f"对。重铅客户的服务成本约占他们毛利的 {eaten}%：问题在于服务成本相对于毛利太高，"
                    "而不是服务成本本身高。",
                    "en": f"Right. Their cost to serve is about {eaten} % of their margin: the problem is cost relative "
                    "to margin, not the cost itself.",
                },
                {
                    "zh": "不对。他们有购买、有毛利，只是毛利几乎全被服务成本抵消了。",
                    "en": "No. They do buy and bring a margin; the cost to serve cancels almost all of it.",
                },
            ],
        ),
        Number(
            prompt={
                "zh": "工程师约翰丢掉了每年 500 万美元的订单。假设这位客户每年有 90% 的可能留下，折现率 10%，"
                "不限年数：未来订单收入的现值是多少万美元？保留整数。",
                "en": "Engineer John lost orders of $5 million a year. Suppose the customer stays each year with "
                "probability 90 %, discount rate 10 %, no time limit: what is the present value of the future orders, "
                "in ten thousands of US dollars (万美元)? A whole number.",
            },
            answer=float(round(john)),
            decimals=0,
            hint={
                "zh": "500 万 × 利润乘数 r / (1 + i − r)，再换算成万美元（除以 1 万）。",
                "en": "5 million × the margin multiple r / (1 + i − r), then in ten thousands (divide by 10,000).",
            },
            explanation={
                "zh": "0.9 / (1.1 − 0.9) = 4.5：相当于 4.5 年的订单，约 2250 万美元。这是收入，不是利润，"
                "但丢掉一位大客户的代价远不止一年的订单。",
                "en": "0.9 / (1.1 − 0.9) = 4.5: four and a half years of orders, about $22.5 million. It is revenue, "
                "not profit, but losing a big customer costs far more than one year.",
            },
        ),
        Choice(
            prompt={
                "zh": "“赚一个人所有的钱，是学问”：扩大钱包份额，在终身价值公式里主要体现为哪一项？",
                "en": "\"Earning all of one person's money takes skill\": a larger share of wallet shows up in the "
                "lifetime-value formula mainly as which term?",
            },
            options=[
                {"zh": "毛利增长 g：同一位客户带来的毛利逐年增加", "en": "Margin growth g: the same customer brings more margin each year"},
                {"zh": "折现率 i 变低", "en": "A lower discount rate i"},
                {"zh": "获客成本 c 变高", "en": "A higher acquisition cost c"},
            ],
            correct=0,
            hint={
                "zh": "钱包份额说的是同一位客户的花费中，有多少花在我们这里。",
                "en": "Share of wallet is how much of one customer's spending comes to us.",
            },
            explanations=[
                {
                    "zh": "对。客户买的产品线越来越多（交叉购买），每年的毛利就增长；满意的客户还会留得更久（r 更高）。",
                    "en": "Right. As the customer buys more product lines (cross-buying), yearly margin grows; a satisfied "
                    "customer also stays longer (higher r).",
                },
                {
                    "zh": "不对。折现率反映钱的时间价值和风险，不由客户买多少决定。",
                    "en": "No. The discount rate reflects the time value of money and risk, not how much a customer buys.",
                },
                {
                    "zh": "不对。获客成本是争取客户时花的钱；钱包份额说的是已经争取到的客户。",
                    "en": "No. Acquisition cost is spent winning a customer; share of wallet is about customers already won.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "本课有两个听起来相近的词：客户“经验”的演变（第 10 节，工程师约翰）和“体验”经济（第 11 节）。"
                "下面哪一种说法对？",
                "en": "The lesson has two similar-sounding ideas: the evolution of customer experience (buyer "
                "learning, section 10, engineer John) and the experience economy (section 11). Which statement is "
                "right?",
            },
            options=[
                {
                    "zh": "经验的演变：客户用得多了，从看重全套服务的新手变成只看价格、不要附加服务的行家；"
                    "体验经济：企业把让顾客难忘的体验当作产品来卖，顾客愿意多付钱、也更忠诚",
                    "en": "Buyer learning: with use, a customer turns from a novice who values full service into an "
                    "expert who wants a low price without extras; the experience economy: firms sell a memorable "
                    "experience, for which customers pay more and stay more loyal",
                },
                {
                    "zh": "两者是一回事：说的都是顾客在店里的感受",
                    "en": "They are the same thing: both are about how customers feel in the shop",
                },
                {
                    "zh": "行家客户最看重周到的服务和全套方案，所以企业对行家要多送服务",
                    "en": "Expert customers value attentive service and complete solutions most, so firms should give "
                    "experts more free service",
                },
                {
                    "zh": "体验经济说的是越便宜越好：同样的咖啡豆，作为体验出售时每杯最便宜",
                    "en": "The experience economy means cheaper is better: the same coffee beans are cheapest per cup "
                    "when sold as an experience",
                },
            ],
            correct=0,
            hint={
                "zh": "回想约翰的采购经理要的是什么，以及同一杯咖啡作为体验出售时的价格。",
                "en": "Recall what John's purchasing manager wanted, and the price of the same coffee sold as an "
                "experience.",
            },
            explanations=[
                {
                    "zh": "对。“经验”是客户的知识和经历：行家更愿意买价格低、稳定可靠的产品，甚至拆开分别采购，"
                    "所以要对新手给全套服务、对行家拆开报价。“体验”是企业卖的东西：它体现为更高的价格和忠诚，"
                    "也就是更高的毛利和保持率。",
                    "en": "Right. Experience in buyer learning is the customer's knowledge: experts prefer low-priced, "
                    "reliable products, even buying the parts separately, so novices get full service and experts an "
                    "unbundled price. An experience in the experience economy is what the firm sells: it shows up as a "
                    "higher price and loyalty, i.e. higher margin and retention.",
                },
                {
                    "zh": "不对。第 10 节的“经验”是客户积累的知识（新手变行家），第 11 节的“体验”是企业设计、"
                    "出售的难忘经历；本课特意说明两者不是一回事。",
                    "en": "No. Section 10's experience is knowledge the customer builds up (novice to expert); section "
                    "11's experience is a memorable event the firm designs and sells. The lesson points out they differ.",
                },
                {
                    "zh": "不对。这说的是新手：新手看重功能齐全和周到的服务；行家只看价格，约翰的采购经理说"
                    "“价格，价格，还是价格”。对行家要拆开报价，服务另外收费。",
                    "en": "No. That describes novices, who value complete features and attentive service; experts look at "
                    "price (\"price, price and price\", said John's purchasing manager). Experts get an unbundled "
                    "price, with service charged separately.",
                },
                {
                    "zh": "不对。正相反：同样的咖啡豆作为体验出售时，每杯的价格从几美分涨到几美元；"
                    "体验创造的价值体现为更高的价格和忠诚。",
                    "en": "No. The opposite: sold as an experience, the same beans fetch dollars a cup instead of cents; "
                    "the value an experience creates shows up as a higher price and loyalty.",
                },
            ],
        ),
    ]
