"""Self-check questions of lesson 1 (谁是我们的客户). Numeric answers are computed by
coursekit (the TV choice scoring of coursekit.charts), never typed in."""

from coursekit.charts import price_rating, tv_choice
from coursekit.quiz import Choice, Number

# A cuts its price from 2,800 to 2,650 yuan; B stays at 2,600; one point per 100 yuan.
OLD_PRICE_RATING = float(price_rating([2800, 2600], yuan_per_point=100)[0])
CUT_PRICE_RATING = float(price_rating([2650, 2600], yuan_per_point=100)[0])
# A price-sensitive customer: cost weighs 3, every other attribute 1; course default ratings.
THRIFTY = tv_choice(weights={"cost": 3})
THRIFTY_B = round(float(THRIFTY.loc["overall", "points_b"]), 2)
THRIFTY_A = round(float(THRIFTY.loc["overall", "points_a"]), 2)
B = {name: f"{rating:g}" for name, rating in THRIFTY["rating_b"].items()}  # B's default ratings, as text
B_SUM = f"{B['service']} + {B['appearance']} + {B['image']} + 3 × {B['cost']} + {B['delivery']}"

QUESTIONS = [
    Choice(
        prompt={
            "zh": "按本课的说法，下面哪一句最能说明“客户”和“消费者”的区别？",
            "en": "As this lesson uses the words, which sentence best states how a customer differs from a consumer?",
        },
        options=[
            {"zh": "客户都是企业，消费者都是个人。", "en": "Customers are firms; consumers are individuals."},
            {
                "zh": "客户属于某个有共同需求的细分群体，与企业有长期关系、需要专人服务；"
                "消费者往往是分散的个人，与企业的关系短而简单。",
                "en": "Customers belong to a segment with shared needs and have a long relationship that needs "
                "dedicated "
                "staff; consumers are scattered individuals with short, simple ties to the firm.",
            },
            {"zh": "消费者比客户买得多。", "en": "Consumers buy more than customers."},
            {"zh": "两者是同一个意思，可以随便换用。", "en": "They mean the same and can be swapped freely."},
        ],
        correct=1,
        hint={
            "zh": "回想四点区别：细分群体、需求与金额、关系与专人服务、分层级。",
            "en": "Recall the four differences: segment, needs and amounts, relationship and dedicated staff, tiers.",
        },
        explanations=[
            {
                "zh": "不对：零售客户也是个人。区别不在是不是企业，而在有没有持续的、被管理的关系。",
                "en": "No: retail customers are individuals too. The difference is a managed, lasting relationship, "
                "not being a firm.",
            },
            {
                "zh": "对：这正是素材列出的区别；海川电器的数据也显示，商家、分销商的订单多、金额大。",
                "en": "Yes: these are the differences the lesson lists; Haichuan's data show business customers "
                "ordering more and larger amounts.",
            },
            {
                "zh": "不对：恰恰相反，客户（尤其是企业客户）的购买金额通常更大、交易持续更久。",
                "en": "No: the opposite; customers (business customers above all) usually buy larger amounts "
                "over a longer time.",
            },
            {
                "zh": "不对：日常用语里常混用（有的素材写“顾客，又称消费者”），但在客户管理中要区分开。",
                "en": "No: everyday speech mixes them (one source even says so), but customer management "
                "keeps them apart.",
            },
        ],
    ),
    Choice(
        prompt={
            "zh": "海川电器的渠道分销商属于哪一类客户？",
            "en": "What kind of customer is one of Haichuan's channel distributors?",
        },
        options=[
            {"zh": "外延客户", "en": "An extension (market) customer"},
            {"zh": "内涵客户", "en": "An intension (partner or internal) customer"},
            {
                "zh": "不是客户，只是合作伙伴",
                "en": "Not a customer at all, only a partner",
            },
        ],
        correct=1,
        hint={
            "zh": "内涵客户包括供应商、分销商和企业内部的部门、分支机构。",
            "en": "Intension customers include suppliers, distributors and the firm's own departments and branches.",
        },
        explanations=[
            {
                "zh": "不对：外延客户是市场上广泛存在的个人或机构买主，例如零售客户。",
                "en": "No: extension customers are the individual or institutional buyers out in the market, "
                "such as retail customers.",
            },
            {
                "zh": "对：分销商是企业价值链上的伙伴，按素材的定义属于内涵客户；它同样需要服务和管理。",
                "en": "Yes: a distributor is a partner in the firm's value chain, an intension customer by the "
                "definition; it needs service and management too.",
            },
            {
                "zh": "不对：分销商向企业购买产品、为企业带来收入，当然是客户。",
                "en": "No: a distributor buys from the firm and brings it revenue, so it is a customer.",
            },
        ],
    ),
    Choice(
        prompt={
            "zh": "一家连锁酒店为客房采购 200 台电视机：采购部经理拍板，财务部付款，客人在房间里看电视。"
            "按“识别客户群体的三个问题”，谁是产品的受益者？",
            "en": "A hotel chain buys 200 TVs for its rooms: the purchasing manager decides, the finance department "
            "pays, the guests watch. By the three questions, who benefits from the product?",
        },
        options=[
            {"zh": "采购部经理", "en": "The purchasing manager"},
            {"zh": "财务部", "en": "The finance department"},
            {"zh": "住店的客人", "en": "The hotel guests"},
        ],
        correct=2,
        hint={
            "zh": "三个问题：收入从哪里来？谁决定购买？谁从中受益？三个答案可以是不同的人。",
            "en": "The three questions: where does the revenue come from, who decides, who benefits? "
            "The answers can be different people.",
        },
        explanations=[
            {
                "zh": "不对：经理是购买的决策者（第二个问题），但不是用电视的人。",
                "en": "No: the manager is the decision maker (question two), not the one who uses the TVs.",
            },
            {
                "zh": "不对：财务部是付款方，回答的是“收入从哪里来”。",
                "en": "No: finance pays; that answers where the revenue comes from.",
            },
            {
                "zh": "对：客人是受益者。卖给酒店时，既要说服决策者，也要让受益者满意——客人的抱怨最终会传到采购部。",
                "en": "Yes: the guests benefit. Selling to the hotel means convincing the decision maker and "
                "satisfying the beneficiaries, whose complaints reach the purchasing manager in the end.",
            },
        ],
    ),
    Number(
        prompt={
            "zh": "电视机练习中，最便宜的得 10 分，每贵 100 元扣 1 分。"
            "B 公司仍卖 2600 元，A 公司降价到 2650 元。A 的“成本”评分是几分？",
            "en": "In the TV exercise the cheapest TV rates 10 and every 100 yuan more costs one point. B stays at "
            "2,600 yuan and A cuts its price to 2,650 yuan. What is A's cost rating?",
        },
        answer=CUT_PRICE_RATING,
        hint={
            "zh": "评分 = 10 − (A 的价格 − 最低价) ÷ 100。",
            "en": "rating = 10 − (A's price − lowest price) ÷ 100.",
        },
        explanation={
            "zh": f"10 − (2650 − 2600) ÷ 100 = {CUT_PRICE_RATING:g} 分：降价 150 元，"
            f"成本一项从 {OLD_PRICE_RATING:g} 分升到 {CUT_PRICE_RATING:g} 分。",
            "en": f"10 − (2,650 − 2,600) ÷ 100 = {CUT_PRICE_RATING:g}: a 150-yuan cut raises A's cost rating "
            f"from {OLD_PRICE_RATING:g} to {CUT_PRICE_RATING:g}.",
        },
    ),
    Number(
        prompt={
            "zh": "一位很在意价格的顾客：“成本”的权重是 3，服务、外观、形象、交货各是 1，"
            f"各项评分用课上的默认值（B 的成本 {B['cost']} 分）。B 公司电视机的加权总分是多少？（保留两位小数）",
            "en": "A price-sensitive customer weighs cost 3 and service, appearance, image and delivery 1 each; "
            f"the ratings are the lesson's defaults (B's cost rating is {B['cost']}). What is B's weighted score? "
            "(two decimals)",
        },
        answer=THRIFTY_B,
        hint={
            "zh": f"权重之和是 7；B 的评分：服务 {B['service']}、外观 {B['appearance']}、形象 {B['image']}、"
            f"成本 {B['cost']}、交货 {B['delivery']}。总分 = Σ(权重 × 评分) ÷ 7。",
            "en": f"The weights add up to 7; B's ratings: service {B['service']}, appearance {B['appearance']}, "
            f"image {B['image']}, cost {B['cost']}, delivery {B['delivery']}. "
            "Score = Σ(weight × rating) ÷ 7.",
        },
        explanation={
            "zh": f"({B_SUM}) ÷ 7 = {THRIFTY_B:.2f} 分；A 只有 {THRIFTY_A:.2f} 分。"
            "对这位顾客，价格的分量大，B 赢得更多。",
            "en": f"({B_SUM}) ÷ 7 = {THRIFTY_B:.2f}; A scores only {THRIFTY_A:.2f}. For this "
            "customer price weighs heavily, and B wins by more.",
        },
    ),
    Choice(
        prompt={
            "zh": "销售员小李离职去了竞争对手，他负责的 30 家商家客户也跟着走了。事先做什么最能防止这种情况？",
            "en": "Salesman Li leaves for a competitor and the 30 merchants he looked after follow him. "
            "What would have prevented this best?",
        },
        options=[
            {"zh": "给小李涨工资", "en": "Paying Li more"},
            {
                "zh": "建立并真正使用客户档案，让客户关系由团队而不是一个人维护",
                "en": "Keeping customer records in use, so that a team, not one person, holds each relationship",
            },
            {"zh": "以后不再雇用销售员", "en": "Employing no more salespeople"},
        ],
        correct=1,
        hint={
            "zh": "客户资源应当属于谁？只存在销售员脑子里的客户，企业并不真正拥有。",
            "en": "Who should own the customer relationships? Customers known only to a salesperson are not "
            "really the firm's.",
        },
        explanations=[
            {
                "zh": "不全对：留住员工有帮助，但员工总会流动；客户资源不能只系于一个人。",
                "en": "Not enough: keeping staff helps, but people always move on; customers must not depend on "
                "one person.",
            },
            {
                "zh": "对：客户档案是企业的资产。记录客户是谁、买了什么、想要什么，并让多人接触客户，人走了客户还在。",
                "en": "Yes: customer records are a company asset. Record who the customers are, what they bought "
                "and want, and let several people know them: when someone leaves, the customers stay.",
            },
            {
                "zh": "不对：商家客户需要专人服务（客户与消费者的区别之一），不能没有销售员。",
                "en": "No: business customers need dedicated staff (one of the differences from consumers).",
            },
        ],
    ),
]
