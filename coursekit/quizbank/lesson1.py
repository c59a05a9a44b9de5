"""Self-check questions of lesson 1 (谁是我们的客户). Numeric answers are computed by
coursekit (the TV choice scoring of coursekit.customer_base), never typed in."""

from coursekit import data
from coursekit.customer_base import customer_mix, tv_choice
from coursekit.quiz import Choice, Number

INTENSION = ("distributor", "franchisee", "internal")  # the lesson's reading: partners and own departments


def intension_revenue_share():
    """The share of 2023–2025 revenue that comes from intension customers, in percent (lesson 1's chart)."""
    revenue = data.transactions().groupby("customer_id")["revenue"].sum()
    customers = data.customers().join(revenue, on="customer_id").fillna({"revenue": 0.0})
    customers["scope"] = customers["customer_type"].isin(INTENSION).map({True: "intension", False: "extension"})
    return 100 * float(customer_mix(customers, by="scope").loc["intension", "revenue_share"])


def questions():
    """The questions of this lesson, built when a quiz asks for them (their answers are
    computed from the course data and coursekit's formulas, so importing costs nothing)."""
    # A price-sensitive customer: cost weighs 3, every other attribute 1; course default ratings.
    thrifty = tv_choice(weights={"cost": 3})
    thrifty_b = round(float(thrifty.loc["overall", "points_b"]), 2)
    thrifty_a = round(float(thrifty.loc["overall", "points_a"]), 2)
    b = {name: f"{rating:g}" for name, rating in thrifty["rating_b"].items()}  # TV B's default ratings, as text
    b_sum = f"{b['service']} + {b['appearance']} + {b['image']} + 3 × {b['cost']} + {b['delivery']}"

    return [
        Choice(
            prompt={
                "zh": "按本课的说法，下面哪一句最能说明“客户”和“消费者”的区别？",
                "en": "As this lesson uses the words, which sentence best states how a customer differs from a consumer?",
            },
            options=[
                {
                    "zh": "客户都是企业和机构，消费者都是个人和家庭：区别只在买方是不是单位。",
                    "en": "Customers are firms and institutions, consumers are people and households: "
                    "the only difference is who buys.",
                },
                {
                    "zh": "客户属于有共同需求的细分群体，关系长久、需要专人服务；消费者分散，关系短而简单。",
                    "en": "Customers form segments with shared needs and long ties served by dedicated staff; "
                    "consumers are scattered, with short, simple ties.",
                },
                {
                    "zh": "消费者买得比客户多、比客户频繁，所以企业要先为消费者安排专人服务。",
                    "en": "Consumers buy more and more often than customers, so they are the ones who get dedicated staff.",
                },
                {
                    "zh": "两者是同一个意思：素材里就写着“顾客，又称消费者”，可以随便换用。",
                    "en": "They mean the same: one source even says a customer is also called a consumer; "
                    "swap them freely.",
                },
            ],
            correct=1,
            hint={
                "zh": "回想四点区别：细分群体、需求与金额、关系与专人服务、分层级。",
                "en": "Recall the four differences: segment, needs and amounts, relationship and dedicated staff, tiers.",
            },
            explanations=[
                {
                    "zh": "不对：零售客户也是个人和家庭。区别不在是不是单位，而在有没有持续的、被管理的关系。",
                    "en": "No: retail customers are individuals too. The difference is a managed, lasting relationship, "
                    "not being a firm.",
                },
                {
                    "zh": "对：这正是素材列出的区别；海川电器的数据也显示，商家、分销商的订单多、金额大。",
                    "en": "Yes: these are the differences the lesson lists; Haichuan's data show business customers "
                    "ordering more and larger amounts.",
                },
                {
                    "zh": "不对：恰恰相反，客户（尤其是企业客户）的购买金额通常更大、交易持续更久，需要专人服务的是客户。",
                    "en": "No: the opposite; customers (business customers above all) usually buy larger amounts "
                    "over a longer time, and it is customers who need dedicated staff.",
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
                {"zh": "外延客户", "en": "An extension customer"},
                {"zh": "内涵客户", "en": "An intension customer"},
                {"zh": "不算客户，只是合作伙伴", "en": "Not a customer, only a partner"},
            ],
            correct=1,
            hint={
                "zh": "想一想：分销商是市场上随便哪一个买主，还是和企业签约、替企业在当地卖货的伙伴？",
                "en": "Is a distributor just any buyer in the market, or a partner under contract who sells for the "
                "firm locally?",
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
                    "zh": "不对：财务部只是办理付款的部门。对卖方来说，收入来自这家酒店（第一个问题）；"
                    "受益者是用电视的人。",
                    "en": "No: finance only handles the payment. For the seller the revenue comes from the hotel "
                    "(question one); the beneficiaries are the people who use the TVs.",
                },
                {
                    "zh": "对：客人是受益者。卖给酒店时，既要说服决策者，也要让受益者满意——客人的抱怨最终会传到采购部。",
                    "en": "Yes: the guests benefit. Selling to the hotel means convincing the decision maker and "
                    "satisfying the beneficiaries, whose complaints reach the purchasing manager in the end.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "海川电器要挑选优先开发的优质客户。按本课优质客户的特征，下面三家商家中哪一家最合适？",
                "en": "Haichuan wants to pick quality customers to develop first. By the marks of a quality customer, "
                "which of these three merchants fits best?",
            },
            options=[
                {
                    "zh": "甲：订货量最大，但常常拖欠货款，每单都要额外上门服务",
                    "en": "A: orders the most, but often pays late and wants extra visits with every order",
                },
                {
                    "zh": "乙：订货量中等，集中在我们这里采购，付款及时，很少要额外服务",
                    "en": "B: orders a medium amount, buys mostly from us, pays on time, rarely needs extra service",
                },
                {
                    "zh": "丙：订货量很大，但每次都拿对手的报价来压价，随时可能转走",
                    "en": "C: orders a lot, but always uses rivals' quotes to push the price down and may leave any time",
                },
            ],
            correct=1,
            hint={
                "zh": "回想优质客户的三个特征。订货量大不等于利润高：想一想付款和服务成本。",
                "en": "Recall the three marks of a quality customer. Large orders are not the same as high profit: "
                "think of payment and the cost to serve.",
            },
            explanations=[
                {
                    "zh": "不对：金额大，但拖欠货款说明不够可靠，服务成本又高，潜在利润未必高。",
                    "en": "No: large amounts, but late payment means less reliable, and the cost to serve is high, "
                    "so the profit potential may be low.",
                },
                {
                    "zh": "对：付款及时（可靠、诚实），集中采购、服务简单（潜在利润高），"
                    "愿意集中在我们这里买，也说明他认为我们更物有所值。",
                    "en": "Yes: paying on time (reliable, honest), buying in one place with simple service needs "
                    "(higher profit potential), and buying mostly from us shows he sees us as better value.",
                },
                {
                    "zh": "不对：只比价格、随时会走的客户并不认为我们更物有所值，关系也不稳定。",
                    "en": "No: a customer who only compares prices and may leave any time does not see us as better "
                    "value, and the relationship is not stable.",
                },
            ],
        ),
        Number(
            prompt={
                "zh": "一位很在意价格的顾客：“成本”的权重是 3，服务、外观、形象、交货各是 1，"
                f"各项评分用课上的默认值（B 的成本 {b['cost']} 分）。B 公司电视机的加权总分是多少？（保留两位小数）",
                "en": "A price-sensitive customer weighs cost 3 and service, appearance, image and delivery 1 each; "
                f"the ratings are the lesson's defaults (B's cost rating is {b['cost']}). What is B's weighted score? "
                "(two decimals)",
            },
            answer=thrifty_b,
            decimals=2,
            tolerance=0.001,  # 0.1 %: accepts 8.43 (and the unrounded 8.428...), not a neighbouring answer
            hint={
                "zh": f"权重之和是 7；B 的评分：服务 {b['service']}、外观 {b['appearance']}、形象 {b['image']}、"
                f"成本 {b['cost']}、交货 {b['delivery']}。总分 = Σ(权重 × 评分) ÷ 7。",
                "en": f"The weights add up to 7; B's ratings: service {b['service']}, appearance {b['appearance']}, "
                f"image {b['image']}, cost {b['cost']}, delivery {b['delivery']}. "
                "Score = Σ(weight × rating) ÷ 7.",
            },
            explanation={
                "zh": f"({b_sum}) ÷ 7 = {thrifty_b:.2f} 分；A 只有 {thrifty_a:.2f} 分。"
                "对这位顾客，价格的分量大，B 赢得更多。",
                "en": f"({b_sum}) ÷ 7 = {thrifty_b:.2f}; A scores only {thrifty_a:.2f}. For this "
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
                {"zh": "给小李涨工资、发奖金，让他不想走", "en": "Pay Li more and give bonuses so he stays"},
                {
                    "zh": "建立并用好客户档案，由团队共同维护客户",
                    "en": "Keep customer records in use; a team serves each customer",
                },
                {
                    "zh": "和小李签协议，禁止他离职后联系老客户",
                    "en": "Make Li sign not to contact old customers after he leaves",
                },
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
                    "zh": "不全对：协议只能管一时，也管不住客户愿意跟谁走；客户资料本来就应当属于企业。",
                    "en": "Not enough: a contract binds only for a while and cannot decide whom the customers follow; "
                    "the customer records should belong to the firm in the first place.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "海川电器的员工福利中心每年向公司采购一批电器，作为节日福利发给员工。按性质划分，它是哪一类客户？",
                "en": "Haichuan's staff-welfare centre buys appliances from the company every year as holiday gifts "
                "for staff. By its nature, what kind of customer is it?",
            },
            options=[
                {"zh": "零售客户", "en": "A retail customer"},
                {"zh": "商家", "en": "A merchant"},
                {"zh": "内部客户", "en": "An internal customer"},
                {"zh": "不是客户：自己的部门不算", "en": "Not a customer: the firm's own department does not count"},
            ],
            correct=2,
            hint={
                "zh": "四类客户：零售客户、商家、渠道分销商和加盟商、内部客户。福利中心是谁的部门？",
                "en": "Four kinds: retail customers, merchants, distributors and franchisees, internal customers. "
                "Whose department is the welfare centre?",
            },
            explanations=[
                {
                    "zh": "不对：零售客户是买最终产品的个人或家庭；福利中心是公司的一个部门。",
                    "en": "No: retail customers are people or households buying for themselves; the centre is a "
                    "department of the firm.",
                },
                {
                    "zh": "不对：商家买进产品是为了转手出售；福利中心不卖，是发给员工。",
                    "en": "No: a merchant buys to resell; the centre does not sell, it gives the goods to staff.",
                },
                {
                    "zh": "对：企业内部的个人或部门是内部客户，也属于内涵客户；他们同样会满意或不满意。",
                    "en": "Yes: people or departments inside the firm are internal customers (and intension "
                    "customers); they too are satisfied or not.",
                },
                {
                    "zh": "不对：内部客户同样要购买、要服务；忽视他们，正是本课提醒的常见错误。",
                    "en": "No: internal customers buy and need service too; overlooking them is the mistake the "
                    "lesson warns about.",
                },
            ],
        ),
        Number(
            prompt={
                "zh": "按本课的归类（分销商、加盟商、内部客户是内涵客户），海川电器 2023–2025 年的收入中，"
                "来自内涵客户的占百分之几？（填百分数，保留一位小数）",
                "en": "With the lesson's grouping (distributors, franchisees and internal customers are intension "
                "customers), what percentage of Haichuan's 2023–2025 revenue comes from intension customers? "
                "(a percentage, one decimal)",
            },
            answer=round(intension_revenue_share(), 1),
            decimals=1,
            tolerance=0.001,  # 0.1 %: accepts the answer to one decimal (and unrounded), not 52 for 52.4
            unit="percent",
            hint={
                "zh": "看“外延/内涵客户”那张图里橙色的收入占比条；或用 customer_base.customer_mix(customers, by=\"scope\")。",
                "en": "Read the orange revenue-share bar of the extension/intension chart, or use "
                "customer_base.customer_mix(customers, by=\"scope\").",
            },
            explanation={
                "zh": f"内涵客户的收入 ÷ 全部收入 = {intension_revenue_share():.1f}%：一成多的客户带来一半以上的收入。"
                "人数最多的客户，不一定带来最多的收入。",
                "en": f"Intension customers' revenue ÷ all revenue = {intension_revenue_share():.1f}%: a little over a "
                "tenth of the customers bring more than half the revenue.",
            },
        ),
        Choice(
            prompt={
                "zh": "建好客户资料库后，要从中挑出最有价值的客户。下面哪种做法最合适，而且用订单记录就能做？",
                "en": "With a customer database built, the most valuable customers are to be picked out. Which way "
                "fits best and needs only the order log?",
            },
            options=[
                {
                    "zh": "RFM 评分：按最近一次购买（R）、购买次数（F）、购买金额（M）给每位客户打 1–5 分",
                    "en": "RFM scoring: rate each customer 1–5 on recency (R), frequency (F) and monetary value (M)",
                },
                {
                    "zh": "挑人数最多的那一类客户，整类作为目标客户",
                    "en": "Take the most numerous type of customer, the whole type, as the target",
                },
                {
                    "zh": "只看获客成本：获客成本最低的客户最有价值",
                    "en": "Look only at acquisition cost: the cheapest customers to win are the most valuable",
                },
            ],
            correct=0,
            hint={
                "zh": "最有价值要看客户的购买行为：多久前买过、买了几次、买了多少钱。",
                "en": "Value shows in buying behaviour: how recently, how often, how much.",
            },
            explanations=[
                {
                    "zh": "对：RFM 用订单记录就能算（coursekit.segments.rfm，本课“目标客户”一节演示过），三项都高的客户最值得优先经营。",
                    "en": "Yes: RFM needs only the order log (coursekit.segments.rfm, shown in the lesson's target-customer section); customers "
                    "high on all three come first.",
                },
                {
                    "zh": "不对：人数最多不等于收入最多，更不等于最有价值；“优质”要看具体的客户。",
                    "en": "No: most numerous is not most revenue, let alone most valuable; value is a matter of the "
                    "individual customer.",
                },
                {
                    "zh": "不对：获客便宜的客户往往买得也少（本课的渠道表）；价值要看客户带来的，而不只是花掉的。",
                    "en": "No: cheap-to-win customers often buy little (the lesson's channel table); value is what a "
                    "customer brings, not only what winning him costs.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "本组的客户档案表里，同学想加一个“身份证号”字段，“以后也许用得上”。按本课的要求，应该怎样做？",
                "en": "A group member wants an ID-card-number field in the group's profile table, \"it may come in "
                "handy\". What does the lesson say?",
            },
            options=[
                {
                    "zh": "加上：资料越全越好，客户档案是企业的资产",
                    "en": "Add it: the more data the better, profiles are a company asset",
                },
                {
                    "zh": "不加：每个字段要说得出企业拿它做什么，个人信息只收集必要的，并告知客户、取得同意",
                    "en": "Leave it out: each field needs a use, and personal data are collected only as needed, "
                    "with the customer told and agreeing",
                },
                {
                    "zh": "加上，但只在表单里填同学的真实号码做测试",
                    "en": "Add it, but test the form with classmates' real numbers",
                },
            ],
            correct=1,
            hint={
                "zh": "任务实施第 1 步和第 2 步：字段不是越多越好；《个人信息保护法》怎么说？",
                "en": "Steps 1 and 2 of the task: more fields are not better; what does the Personal Information "
                "Protection Law say?",
            },
            explanations=[
                {
                    "zh": "不对：档案是资产，但字段不是越多越好；多收的个人信息只会增加风险和负担。",
                    "en": "No: profiles are an asset, but more fields are not better; personal data collected without "
                    "need only add risk.",
                },
                {
                    "zh": "对：只收集必要的信息，告知并取得同意；课堂练习一律用虚构的客户。",
                    "en": "Yes: collect only what is needed, tell the customer and get consent; in class use invented "
                    "customers only.",
                },
                {
                    "zh": "不对：真实的身份证号是敏感的个人信息，练习必须用虚构的数据。",
                    "en": "No: a real ID number is sensitive personal data; exercises use invented data.",
                },
            ],
        ),
        Choice(
            prompt={
                "zh": "十年前买空调，很多家庭只问“制冷快不快、价格多少”；现在不少人要变频、静音、能用手机控制。"
                "这种需求变化主要来自哪两个原因？",
                "en": "Ten years ago many families asked of an air conditioner only \"does it cool fast, what does it "
                "cost\"; now many want inverter drive, quiet running and phone control. Which two causes are these "
                "mainly?",
            },
            options=[
                {"zh": "消费升级和技术进步", "en": "Consumption upgrading and technical progress"},
                {"zh": "只是价格下降", "en": "Only falling prices"},
                {"zh": "客户的基本需求消失了", "en": "The customers' basic needs disappeared"},
            ],
            correct=0,
            hint={
                "zh": "需求变化的三个原因：市场变化、消费升级、技术进步。",
                "en": "The three causes of changing needs: market change, consumption upgrading, technical progress.",
            },
            explanations=[
                {
                    "zh": "对：收入提高后更看重品质和体验（消费升级），变频和联网技术让这些期待成为可能（技术进步）。",
                    "en": "Yes: higher incomes make quality and experience matter more (upgrading), and inverter and "
                    "connected technology make them possible (technical progress).",
                },
                {
                    "zh": "不对：价格只是五个方面中的“成本”；这里客户要的是新的功能和体验。",
                    "en": "No: price is only the cost attribute; here customers want new features and experience.",
                },
                {
                    "zh": "不对：制冷快、质量可靠这些基本需求还在，只是客户在此之上要得更多。",
                    "en": "No: the basic needs (cooling, reliability) remain; customers now want more on top.",
                },
            ],
        ),
    ]
