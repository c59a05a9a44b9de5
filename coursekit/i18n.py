"""One table of every label and message coursekit shows, in Chinese and English.

Notebook code never writes a label itself: it asks coursekit, so the English
edition of a lesson changes prose only. Add new text here, with both languages.

>>> from coursekit import i18n
>>> i18n.text("yes", lang="zh"), i18n.text("yes", lang="en")
('是', 'yes')
>>> i18n.text("range_error", lang="en", name="retention", value=1.5, allowed="[0, 1)")
'retention = 1.5 is not allowed; allowed: [0, 1).'
"""

LANGUAGES = ("zh", "en")

TEXT = {
    # general
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "ok": {"zh": "正常", "en": "OK"},
    "problem": {"zh": "有问题", "en": "problem"},
    "reset": {"zh": "恢复默认", "en": "Reset"},
    # input errors (coursekit.errors puts zh and en side by side)
    "range_error": {
        "zh": "参数 {name} = {value!r} 不在允许范围内；允许：{allowed}。",
        "en": "{name} = {value!r} is not allowed; allowed: {allowed}.",
    },
    "type_error": {
        "zh": "参数 {name} 应为{expected}，收到的是 {value!r}。",
        "en": "{name} must be {expected_en}; got {value!r}.",
    },
    "choice_error": {
        "zh": "参数 {name} = {value!r} 不是可选值；可选：{allowed}。",
        "en": "{name} = {value!r} is not one of the choices: {allowed}.",
    },
    "columns_error": {
        "zh": "数据表 {name} 缺少列：{missing}；需要的列：{required}。",
        "en": "table {name} is missing column(s): {missing}; required: {required}.",
    },
    "empty_error": {"zh": "数据表 {name} 是空的（没有数据行）。", "en": "table {name} is empty (no data rows)."},
    # environment self-check (coursekit.selfcheck)
    "check_item": {"zh": "检查项", "en": "Check"},
    "check_result": {"zh": "结果", "en": "Result"},
    "check_detail": {"zh": "说明", "en": "Details"},
    "check_python": {"zh": "Python 版本", "en": "Python version"},
    "check_python_ok": {
        "zh": "Python {version}，满足要求（3.11 及以上）",
        "en": "Python {version} (3.11 or newer required)",
    },
    "check_python_bad": {
        "zh": "Python {version} 太旧，请安装 3.11 或更新版本",
        "en": "Python {version} is too old; install 3.11 or newer",
    },
    "check_package": {"zh": "软件包 {name}", "en": "Package {name}"},
    "check_package_ok": {"zh": "已安装 {installed}，与课程要求一致", "en": "{installed} installed, as the course pins"},
    "check_package_other": {
        "zh": "已安装 {installed}，课程测试的是 {pinned}；一般能用，如遇问题请重新安装",
        "en": "{installed} installed, the course is tested with {pinned}; usually fine, reinstall if something breaks",
    },
    "check_package_missing": {
        "zh": "未安装，请按 README 重新安装课程环境",
        "en": "not installed; reinstall the course environment as the README says",
    },
    "check_font": {"zh": "图表中文字体", "en": "Chinese chart font"},
    "check_font_ok": {
        "zh": "已使用 {family}，图中的中文可以正常显示",
        "en": "{family} in use; Chinese in charts will display",
    },
    "check_font_bad": {
        "zh": "图中的中文会显示成方框：请先运行 coursekit.setup()",
        "en": "Chinese in charts would show as boxes: run coursekit.setup() first",
    },
    "check_widgets": {"zh": "交互组件（滑块）", "en": "Interactive widgets (sliders)"},
    "check_widgets_ok": {
        "zh": "前端扩展已安装；请确认下面的滑块能拖动",
        "en": "front-end extension installed; check that the slider below moves",
    },
    "check_widgets_bad": {
        "zh": "缺少 jupyterlab_widgets，滑块无法显示",
        "en": "jupyterlab_widgets missing; sliders cannot display",
    },
    "check_all_ok": {"zh": "全部正常，可以开始上课了！", "en": "All good: ready for class!"},
    "check_some_bad": {
        "zh": "有 {n} 项需要处理，请按“说明”一栏操作，或把这张表发给老师。",
        "en": "{n} item(s) need attention: follow the Details column, or send this table to your teacher.",
    },
    # demo chart and slider of the course guide
    "demo_title": {"zh": "中文显示测试：客户数量（示例）", "en": "Font test: customers (example)"},
    "demo_xlabel": {"zh": "年份", "en": "Year"},
    "demo_ylabel": {"zh": "仍在购买的客户（位）", "en": "Customers still buying"},
    "demo_year": {"zh": "第{n}年", "en": "Year {n}"},
    "demo_start": {"zh": "开始", "en": "Start"},
    "demo_slider": {"zh": "每年留住", "en": "Kept each year"},
    "demo_result": {
        "zh": "每年留住 {rate:.0%} 的客户：100 位新客户，5 年后还剩 {left:.0f} 位。",
        "en": "Keeping {rate:.0%} a year: of 100 new customers, {left:.0f} remain after 5 years.",
    },
    # Each module adds its labels below its own marker; table columns use the key
    # "col_<column>", category codes "cat_<code>".
    # --- value ---
    "col_year": {"zh": "第几年", "en": "Year"},
    "col_survival": {"zh": "仍为客户的比例", "en": "Share still customers"},
    "col_margin": {"zh": "每位客户的利润", "en": "Margin per customer"},
    "col_expected_margin": {"zh": "期望利润", "en": "Expected margin"},
    "col_discounted_margin": {"zh": "折现后的期望利润", "en": "Discounted expected margin"},
    "col_cumulative_value": {"zh": "累计价值（已扣获客成本）", "en": "Cumulative value (after acquisition cost)"},
    "col_current_base": {"zh": "现有客户的价值", "en": "Value of current customers"},
    "col_future_cohorts": {"zh": "未来新客户的价值", "en": "Value of future new customers"},
    "col_total": {"zh": "合计", "en": "Total"},
    "value_infinite_error": {
        "zh": "参数 growth = {growth:g} 使客户终身价值成为无穷大：retention × (1 + growth) = {kept:g} 不小于 1 + discount = {limit:g}（留下的利润增长得比折现还快）。允许：retention × (1 + growth) < 1 + discount；或用 years 设定有限的年数。",
        "en": "growth = {growth:g} makes the lifetime value infinite: retention × (1 + growth) = {kept:g} is not below 1 + discount = {limit:g} (the margin kept grows faster than it is discounted). Allowed: retention × (1 + growth) < 1 + discount; or give a finite number of years.",
    },
    "value_equity_discount_error": {
        "zh": "参数 discount = 0 不允许：每年都有新客户（new_customers = {new_customers:g}）且永远持续时，客户资产是无穷大。允许：discount > 0；或用 years 限定有新客户的年数。",
        "en": "discount = 0 is not allowed: with new customers (new_customers = {new_customers:g}) arriving every year forever, customer equity is infinite. Allowed: discount > 0; or give years to limit how many years new customers arrive.",
    },
    # --- retention ---
    "col_customers": {"zh": "客户数", "en": "Customers"},
    "col_churn_rate": {"zh": "流失率", "en": "Churn rate"},
    "col_cost_per_customer": {"zh": "每位客户的重置成本", "en": "Replacement cost per customer"},
    "col_lost_per_period": {"zh": "每期流失的客户", "en": "Customers lost per period"},
    "col_cost_per_period": {"zh": "每期重置成本", "en": "Replacement cost per period"},
    "col_periods": {"zh": "期数", "en": "Periods"},
    "col_lost_total": {"zh": "流失客户合计", "en": "Customers lost in total"},
    "col_cost_total": {"zh": "重置成本合计", "en": "Replacement cost in total"},
    "col_lost": {"zh": "当年流失", "en": "Lost this year"},
    "col_cumulative_lost": {"zh": "累计流失", "en": "Lost so far"},
    "col_retention": {"zh": "客户保持率", "en": "Retention rate"},
    "col_improved_retention": {"zh": "提高后的保持率", "en": "Improved retention rate"},
    "col_discount": {"zh": "折现率", "en": "Discount rate"},
    "col_margin_growth": {"zh": "每年利润增长率", "en": "Margin growth per year"},
    "col_customer_value": {"zh": "客户净现值", "en": "Customer net present value"},
    "col_improved_customer_value": {"zh": "提高保持率后的客户净现值", "en": "Customer NPV with improved retention"},
    "col_profit_lift": {"zh": "利润提升", "en": "Profit lift"},
    "col_new_customers": {"zh": "新客户数", "en": "New customers"},
    "col_profit": {"zh": "利润", "en": "Profit"},
    "col_cumulative_profit": {"zh": "累计利润（折现）", "en": "Cumulative profit (discounted)"},
    "col_industry": {"zh": "行业", "en": "Industry"},
    "cat_branch_deposits": {"zh": "银行网点存款", "en": "Branch bank deposits"},
    "cat_credit_card": {"zh": "信用卡", "en": "Credit card"},
    "cat_insurance_brokerage": {"zh": "保险经纪", "en": "Insurance brokerage"},
    "cat_industrial_distribution": {"zh": "工业品分销", "en": "Industrial distribution"},
    "cat_industrial_laundry": {"zh": "工业洗衣", "en": "Industrial laundry"},
    "cat_office_building_management": {"zh": "写字楼管理", "en": "Office building management"},
    "cat_software": {"zh": "软件", "en": "Software"},
    "cat_auto_service": {"zh": "汽车维修服务", "en": "Auto service"},
    "cat_credit_insurance": {"zh": "信用保险", "en": "Credit insurance"},
    # --- segments ---
    "col_recency_days": {"zh": "距上次购买天数（R）", "en": "Days since last purchase (R)"},
    "col_purchase_count": {"zh": "购买次数（F）", "en": "Number of purchases (F)"},
    "col_monetary": {"zh": "消费总额（M）", "en": "Total spend (M)"},
    "col_r_score": {"zh": "R 得分", "en": "R score"},
    "col_f_score": {"zh": "F 得分", "en": "F score"},
    "col_m_score": {"zh": "M 得分", "en": "M score"},
    "col_rfm_score": {"zh": "RFM 得分组合", "en": "RFM score (R, F, M digits)"},
    "col_rfm_total": {"zh": "RFM 总分", "en": "RFM total score"},
    "col_frequency": {"zh": "重复购买次数（期数）", "en": "Repeat purchases (frequency)"},
    "col_recency": {"zh": "最后一次购买时的客户年龄（期）", "en": "Customer age at last purchase (recency)"},
    "col_T": {"zh": "观察期末的客户年龄（期）", "en": "Customer age at end of observation (T)"},
    "col_monetary_value": {"zh": "重复购买的平均金额", "en": "Mean value of repeat purchases"},
    "col_cum_customer_share": {"zh": "累计客户占比", "en": "Cumulative share of customers"},
    "col_cum_value_share": {"zh": "累计价值占比", "en": "Cumulative share of value"},
    "col_customer_share": {"zh": "客户占比", "en": "Share of customers"},
    "col_value_share": {"zh": "价值占比", "en": "Share of value"},
    "col_tier": {"zh": "客户层级", "en": "Customer tier"},
    "col_customer_count": {"zh": "客户数", "en": "Customers"},
    "col_tier_revenue": {"zh": "该层收入", "en": "Tier revenue"},
    "col_revenue_share": {"zh": "收入占比", "en": "Share of revenue"},
    "col_tier_profit": {"zh": "该层利润", "en": "Tier profit"},
    "col_profit_per_customer": {"zh": "每位客户利润", "en": "Profit per customer"},
    "col_cost_to_serve_per_customer": {"zh": "每位客户服务成本", "en": "Cost to serve per customer"},
    "cat_platinum": {"zh": "铂金客户", "en": "Platinum"},
    "cat_gold": {"zh": "黄金客户", "en": "Gold"},
    "cat_iron": {"zh": "钢铁客户", "en": "Iron"},
    "cat_lead": {"zh": "重铅客户", "en": "Lead"},
    "segments_missing_error": {
        "zh": "数据表 {name} 的列 {column} 有缺失值（第一个在行 {row!r}）。",
        "en": "table {name} has missing values in column {column} (first at row {row!r}).",
    },
    "segments_no_values": {
        "zh": "参数 {name} 是空的：至少需要一位客户的数值。",
        "en": "{name} is empty: give at least one customer's value.",
    },
    "segments_all_zero": {
        "zh": "参数 {name} 全部为 0：总值为 0 时无法计算占比。",
        "en": "{name} are all 0: shares of a zero total cannot be computed.",
    },
    "segments_cutoffs_order": {
        "zh": "参数 {name} = {value!r} 必须严格递增，例如 (0.05, 0.2, 0.7)。",
        "en": "{name} = {value!r} must be strictly increasing, e.g. (0.05, 0.2, 0.7).",
    },
    "segments_duplicate_customer": {
        "zh": "数据表 customers 的 customer_id = {value!r} 缺失或重复；允许：每位客户一行，编号各不相同。",
        "en": "customers has a missing or repeated customer_id = {value!r}; allowed: one row per customer, each with its own id.",
    },
    "segments_unknown_customer": {
        "zh": "数据表 transactions 中有 {n} 行的 customer_id 不在 customers 中（例如 {value!r}）；允许：customers 中已有的客户编号。",
        "en": "transactions has {n} row(s) whose customer_id is not in customers (e.g. {value!r}); allowed: ids listed in customers.",
    },
    # --- complaints ---
    "cat_satisfied": {"zh": "满意", "en": "Satisfied"},
    "cat_neutral": {"zh": "基本满意（符合期望）", "en": "Neutral (as expected)"},
    "cat_dissatisfied": {"zh": "不满意", "en": "Dissatisfied"},
    "cat_major": {"zh": "严重问题（损失超过 100 美元）", "en": "Major problem (loss over $100)"},
    "cat_minor": {"zh": "轻微问题（损失较小）", "en": "Minor problem (small loss)"},
    "attr_service": {"zh": "服务", "en": "Service"},
    "attr_appearance": {"zh": "外观", "en": "Appearance"},
    "attr_image": {"zh": "形象", "en": "Image"},
    "attr_cost": {"zh": "成本", "en": "Cost"},
    "attr_delivery": {"zh": "交货", "en": "Delivery"},
    "attr_overall": {"zh": "总体（加权）", "en": "Overall (weighted)"},
    "col_attribute": {"zh": "属性", "en": "Attribute"},
    "col_weight": {"zh": "权重", "en": "Weight"},
    "col_expectation": {"zh": "期望", "en": "Expectation"},
    "col_performance": {"zh": "实际绩效", "en": "Performance"},
    "col_gap": {"zh": "差距（实绩 − 期望）", "en": "Gap (performance − expectation)"},
    "col_zone": {"zh": "满意程度", "en": "Satisfaction zone"},
    "col_buy_probability": {"zh": "购买概率", "en": "Purchase probability"},
    "col_satisfied_buyers": {"zh": "满意的购买者（占潜在客户）", "en": "Satisfied buyers (share of prospects)"},
    "col_dissatisfied_buyers": {"zh": "不满意的购买者（占潜在客户）", "en": "Dissatisfied buyers (share of prospects)"},
    "col_dissatisfied": {"zh": "不满意的客户", "en": "Dissatisfied customers"},
    "col_complain_to_firm": {"zh": "向企业投诉", "en": "Complain to the firm"},
    "col_third_party": {
        "zh": "向第三方投诉（消协、媒体、法院）",
        "en": "Go to third parties (consumer associations, media, courts)",
    },
    "col_silent": {"zh": "沉默不投诉", "en": "Stay silent"},
    "col_silent_leave": {"zh": "沉默并流失", "en": "Silent and leave"},
    "col_tell_more_than_20": {"zh": "告诉 20 人以上的客户", "en": "Customers telling more than 20 people"},
    "col_hear_bad_wom": {"zh": "听到负面口碑的人数", "en": "People hearing bad word of mouth"},
    "col_hear_good_wom": {"zh": "听到正面口碑的人数", "en": "People hearing good word of mouth"},
    "col_complainers": {"zh": "投诉客户", "en": "Complainers"},
    "col_stay": {"zh": "留下的客户", "en": "Stay"},
    "col_leave": {"zh": "流失的客户", "en": "Leave"},
    "col_value_lost": {"zh": "流失的价值", "en": "Value lost"},
    "col_noncomplainers": {"zh": "未投诉的不满意客户", "en": "Dissatisfied non-complainers"},
    "col_noncomplainers_stay": {"zh": "未投诉但留下", "en": "Non-complainers who stay"},
    "col_noncomplainers_leave": {"zh": "未投诉并流失", "en": "Non-complainers who leave"},
    "col_noncomplainers_value_lost": {"zh": "未投诉客户流失的价值", "en": "Value lost with non-complainers"},
    "col_total_value_lost": {"zh": "流失的总价值", "en": "Total value lost"},
    "col_stay_probability": {"zh": "再次购买的概率", "en": "Probability of buying again"},
    "col_did_not_complain": {"zh": "未投诉", "en": "Did not complain"},
    "col_not_resolved": {"zh": "投诉未解决", "en": "Complained, not resolved"},
    "col_resolved": {"zh": "投诉已解决", "en": "Complained, resolved"},
    "col_resolved_quickly": {"zh": "投诉迅速解决", "en": "Complained, resolved quickly"},
    "complaints_keys_error": {
        "zh": "参数 {name} = {value!r} 的属性与 {reference} 不一致：缺少 {missing}，多出 {extra}；允许的属性：{allowed}。",
        "en": "{name} = {value!r} must list the same attributes as {reference}: missing {missing}, extra {extra}; allowed: {allowed}.",
    },
    "complaints_weights_error": {
        "zh": "参数 {name} = {value!r} 的权重全为 0；允许：每个权重 ≥ 0，且至少一个 > 0。",
        "en": "{name} = {value!r} has all weights 0; allowed: every weight ≥ 0 and at least one > 0.",
    },
    "complaints_share_sum_error": {
        "zh": "参数 complain_share + third_party_share = {value!r} 超过 1；允许：两者之和 ≤ 1。",
        "en": "complain_share + third_party_share = {value!r} is more than 1; allowed: a sum of at most 1.",
    },
    # --- data ---
    "col_customer_id": {"zh": "客户编号", "en": "Customer ID"},
    "col_customer_type": {"zh": "客户类型", "en": "Customer type"},
    "col_region": {"zh": "地区", "en": "Region"},
    "col_city_tier": {"zh": "城市级别", "en": "City tier"},
    "col_join_date": {"zh": "注册日期", "en": "Join date"},
    "col_acquisition_channel": {"zh": "获客渠道", "en": "Acquisition channel"},
    "col_acquisition_cost": {"zh": "获客成本（元）", "en": "Acquisition cost (yuan)"},
    "col_age": {"zh": "年龄", "en": "Age"},
    "col_gender": {"zh": "性别", "en": "Gender"},
    "col_preferred_contact": {"zh": "偏好的联系方式", "en": "Preferred contact"},
    "col_service_cost": {"zh": "服务成本（元，2023–2025 合计）", "en": "Cost to serve (yuan, 2023–2025)"},
    "col_transaction_id": {"zh": "交易编号", "en": "Transaction ID"},
    "col_date": {"zh": "日期", "en": "Date"},
    "col_product": {"zh": "产品", "en": "Product"},
    "col_quantity": {"zh": "数量（台）", "en": "Quantity (units)"},
    "col_revenue": {"zh": "销售收入（元）", "en": "Revenue (yuan)"},
    "col_gross_margin": {"zh": "毛利（元）", "en": "Gross margin (yuan)"},
    "col_case_id": {"zh": "服务单号", "en": "Case ID"},
    "col_opened": {"zh": "受理日期", "en": "Opened"},
    "col_channel": {"zh": "受理渠道", "en": "Channel"},
    "col_category": {"zh": "问题类别", "en": "Category"},
    "col_response_hours": {"zh": "响应时间（小时）", "en": "Response time (hours)"},
    "col_resolution": {"zh": "处理结果", "en": "Resolution"},
    "col_compensation_yuan": {"zh": "补偿金额（元）", "en": "Compensation (yuan)"},
    "col_satisfaction_before": {"zh": "处理前满意度（1–5）", "en": "Satisfaction before (1–5)"},
    "col_satisfaction_after": {"zh": "处理后满意度（1–5）", "en": "Satisfaction after (1–5)"},
    "col_repurchased_12m": {"zh": "12 个月内再次购买", "en": "Bought again within 12 months"},
    "col_note": {"zh": "备注", "en": "Note"},
    "col_call_id": {"zh": "来电编号", "en": "Call ID"},
    "col_hour": {"zh": "来电时段（点）", "en": "Hour"},
    "col_wait_seconds": {"zh": "等待时间（秒）", "en": "Wait (seconds)"},
    "col_handle_seconds": {"zh": "通话时长（秒）", "en": "Talk time (seconds)"},
    "col_abandoned": {"zh": "未接通即挂断", "en": "Abandoned"},
    "col_agent_id": {"zh": "客服工号", "en": "Agent No."},
    "col_satisfaction": {"zh": "满意度（1–5）", "en": "Satisfaction (1–5)"},
    "col_respondent_id": {"zh": "问卷编号", "en": "Respondent ID"},
    "col_expectation_service": {"zh": "期望：服务（1–7）", "en": "Expectation: service (1–7)"},
    "col_performance_service": {"zh": "实际绩效：服务（1–7）", "en": "Performance: service (1–7)"},
    "col_expectation_appearance": {"zh": "期望：外观（1–7）", "en": "Expectation: appearance (1–7)"},
    "col_performance_appearance": {"zh": "实际绩效：外观（1–7）", "en": "Performance: appearance (1–7)"},
    "col_expectation_image": {"zh": "期望：形象（1–7）", "en": "Expectation: image (1–7)"},
    "col_performance_image": {"zh": "实际绩效：形象（1–7）", "en": "Performance: image (1–7)"},
    "col_expectation_cost": {"zh": "期望：成本（1–7）", "en": "Expectation: cost (1–7)"},
    "col_performance_cost": {"zh": "实际绩效：成本（1–7）", "en": "Performance: cost (1–7)"},
    "col_expectation_delivery": {"zh": "期望：交货（1–7）", "en": "Expectation: delivery (1–7)"},
    "col_performance_delivery": {"zh": "实际绩效：交货（1–7）", "en": "Performance: delivery (1–7)"},
    "col_overall_satisfaction": {"zh": "总体满意度（1–7）", "en": "Overall satisfaction (1–7)"},
    "col_would_repurchase": {"zh": "再次购买意愿（1–7）", "en": "Would buy again (1–7)"},
    "col_would_recommend": {"zh": "推荐意愿（0–10）", "en": "Would recommend (0–10)"},
    "cat_retail": {"zh": "零售客户", "en": "Retail customer"},
    "cat_merchant": {"zh": "商家", "en": "Merchant"},
    "cat_distributor": {"zh": "渠道分销商", "en": "Distributor"},
    "cat_franchisee": {"zh": "加盟商", "en": "Franchisee"},
    "cat_internal": {"zh": "内部客户", "en": "Internal customer"},
    "cat_north": {"zh": "华北", "en": "North"},
    "cat_east": {"zh": "华东", "en": "East"},
    "cat_south": {"zh": "华南", "en": "South"},
    "cat_central": {"zh": "华中", "en": "Central"},
    "cat_west": {"zh": "西部", "en": "West"},
    "cat_northeast": {"zh": "东北", "en": "Northeast"},
    "cat_washer": {"zh": "洗衣机", "en": "Washer"},
    "cat_fridge": {"zh": "冰箱", "en": "Fridge"},
    "cat_aircon": {"zh": "空调", "en": "Air conditioner"},
    "cat_tv": {"zh": "电视", "en": "TV"},
    "cat_small_appliance": {"zh": "小家电", "en": "Small appliance"},
    "cat_store": {"zh": "门店", "en": "Store"},
    "cat_online": {"zh": "线上", "en": "Online"},
    "cat_referral": {"zh": "老客户推荐", "en": "Referral"},
    "cat_trade_fair": {"zh": "展会", "en": "Trade fair"},
    "cat_sales_visit": {"zh": "销售拜访", "en": "Sales visit"},
    "cat_head_office": {"zh": "总部安排", "en": "Head office"},
    "cat_phone": {"zh": "电话", "en": "Phone"},
    "cat_wechat": {"zh": "微信", "en": "WeChat"},
    "cat_sms": {"zh": "短信", "en": "SMS"},
    "cat_email": {"zh": "电子邮件", "en": "E-mail"},
    "cat_visit": {"zh": "上门拜访", "en": "Visit"},
    "cat_female": {"zh": "女", "en": "Female"},
    "cat_male": {"zh": "男", "en": "Male"},
    "cat_letter": {"zh": "信函", "en": "Letter"},
    "cat_in_person": {"zh": "当面", "en": "In person"},
    "cat_media": {"zh": "媒体", "en": "Media"},
    "cat_legal": {"zh": "法律途径", "en": "Legal"},
    "cat_product_quality": {"zh": "产品质量", "en": "Product quality"},
    "cat_installation": {"zh": "安装", "en": "Installation"},
    "cat_delivery": {"zh": "送货", "en": "Delivery"},
    "cat_repair": {"zh": "维修", "en": "Repair"},
    "cat_staff_attitude": {"zh": "服务态度", "en": "Staff attitude"},
    "cat_waiting_time": {"zh": "等待时间", "en": "Waiting time"},
    "cat_price_billing": {"zh": "价格与收费", "en": "Price and billing"},
    "cat_resolved": {"zh": "已解决", "en": "Resolved"},
    "cat_partial": {"zh": "部分解决", "en": "Partly resolved"},
    "cat_unresolved": {"zh": "未解决", "en": "Unresolved"},
    "cat_washing_vegetables": {"zh": "用洗衣机洗地瓜、蔬菜", "en": "Washer used to wash sweet potatoes or vegetables"},
    "data_no_file": {"zh": "找不到文件 {path}。", "en": "file not found: {path}."},
    "data_encoding": {
        "zh": "无法读取文件 {file}：它不是文本 CSV 文件，或者编码不是 {encodings} 之一。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”。",
        "en": 'cannot read {file}: it is not a text CSV file, or its encoding is none of {encodings}. In Excel, use Save As "CSV UTF-8 (Comma delimited)".',
    },
    "data_not_csv": {
        "zh": "文件 {file} 不是规整的 CSV 表格：{detail}",
        "en": "{file} is not a well-formed CSV table: {detail}",
    },
    "data_empty_file": {"zh": "文件 {file} 是空的。", "en": "{file} is empty."},
    "data_no_rows": {"zh": "文件 {file} 只有表头，没有数据行。", "en": "{file} has a header row but no data rows."},
    "data_missing_columns": {
        "zh": "文件 {file} 缺少列：{missing}。表头可以写英文列名或中文列名；文件中的列：{found}。",
        "en": "{file} is missing column(s): {missing}. Headers may be the English or the Chinese column names; the file has: {found}.",
    },
    "data_duplicate_column": {
        "zh": "文件 {file} 中有多列都表示 {column}：{headers}；请只保留一列。",
        "en": "{file} has more than one column meaning {column}: {headers}; keep only one.",
    },
    "data_bad_cells": {
        "zh": "文件 {file} 有 {n} 个单元格无法读取（行号与 Excel 相同，表头是第 1 行）：{cells_zh}。",
        "en": "{file} has {n} cell(s) that cannot be read (row numbers as in Excel, header = row 1): {cells_en}.",
    },
    "data_bad_cell": {
        "zh": "第 {row} 行 {column} 列为 {value!r}，应为{expected}",
        "en": "row {row}, column {column}: {value!r}, expected {expected}",
    },
    "data_more_cells": {"zh": "……另有 {n} 个", "en": "… and {n} more"},
    "data_expect_text": {"zh": "非空内容", "en": "a value (not blank)"},
    "data_expect_category": {"zh": "以下之一：{allowed}", "en": "one of: {allowed} (or their Chinese names)"},
    "data_expect_int": {"zh": "整数", "en": "a whole number"},
    "data_expect_float": {"zh": "数值", "en": "a number"},
    "data_expect_range": {"zh": "，范围 {allowed}", "en": " in {allowed}"},
    "data_expect_date": {"zh": "日期，例如 2024-03-05", "en": "a date such as 2024-03-05"},
    # --- quiz ---
    "quiz_no_questions": {
        "zh": "第 {lesson} 课还没有自测题。",
        "en": "Lesson {lesson} has no self-check questions yet.",
    },
    "quiz_check": {"zh": "检查答案", "en": "Check answer"},
    "quiz_hint": {"zh": "提示", "en": "Hint"},
    "quiz_answer_label": {"zh": "你的答案", "en": "Your answer"},
    "quiz_correct": {"zh": "✔ 正确！", "en": "✔ Correct!"},
    "quiz_wrong": {"zh": "✘ 还不对。", "en": "✘ Not yet."},
    "quiz_try_again": {"zh": "先看看提示，再试一次。", "en": "Look at the hint and try again."},
    "quiz_expected": {"zh": "正确答案：{answer}", "en": "Correct answer: {answer}"},
    "quiz_show_answer": {"zh": "显示答案", "en": "Show answer"},
    "quiz_no_choice": {"zh": "请先选择一个选项。", "en": "Choose an option first."},
    "quiz_not_number": {"zh": "请输入一个数字，例如 {example}。", "en": "Enter a number, for example {example}."},
    "quiz_question": {"zh": "第 {n} 题", "en": "Question {n}"},
    # --- profile (lesson 1 task: customer profile form) ---
    "profile_name": {"zh": "姓名", "en": "Name"},
    "profile_gender": {"zh": "性别", "en": "Gender"},
    "profile_age": {"zh": "年龄", "en": "Age"},
    "profile_phone": {"zh": "手机号", "en": "Mobile phone"},
    "profile_customer_type": {"zh": "客户类型", "en": "Customer type"},
    "profile_city": {"zh": "所在城市", "en": "City"},
    "profile_first_purchase": {"zh": "首次购买日期", "en": "First purchase"},
    "profile_products": {"zh": "已购产品", "en": "Products bought"},
    "profile_budget": {"zh": "愿意花费（元）", "en": "Budget (yuan)"},
    "profile_wanted_benefit": {"zh": "最看重的利益", "en": "Benefit wanted most"},
    "profile_preferred_contact": {"zh": "偏好的联系方式", "en": "Preferred contact"},
    "profile_notes": {"zh": "备注", "en": "Notes"},
    "gender_female": {"zh": "女", "en": "female"},
    "gender_male": {"zh": "男", "en": "male"},
    "gender_undisclosed": {"zh": "不愿透露", "en": "prefer not to say"},
    "contact_phone": {"zh": "电话", "en": "phone"},
    "contact_wechat": {"zh": "微信", "en": "WeChat"},
    "contact_email": {"zh": "电子邮件", "en": "e-mail"},
    "contact_visit": {"zh": "上门拜访", "en": "visit"},
    "benefit_price": {"zh": "价格实惠", "en": "low price"},
    "benefit_quality": {"zh": "质量可靠", "en": "reliable quality"},
    "benefit_service": {"zh": "服务周到", "en": "good service"},
    "benefit_design": {"zh": "外观设计", "en": "design"},
    "benefit_delivery": {"zh": "送货安装快", "en": "fast delivery"},
    "profile_add": {"zh": "添加到档案表", "en": "Add to table"},
    "profile_export": {"zh": "导出 CSV", "en": "Export CSV"},
    "profile_download": {"zh": "点击下载 {file}（可用 Excel 打开）", "en": "Download {file} (opens in Excel)"},
    "profile_added": {"zh": "已添加，档案表共 {n} 位客户。", "en": "Added; the table has {n} customer(s)."},
    "profile_required": {"zh": "“{field}”必须填写。", "en": "{field} is required."},
    "profile_bad_age": {
        "zh": "“{field}”应为 0–120 之间的整数，收到的是“{value}”。",
        "en": "{field} must be a whole number from 0 to 120; got '{value}'.",
    },
    "profile_bad_phone": {
        "zh": "“{field}”应为 11 位数字、以 1 开头，收到的是“{value}”。",
        "en": "{field} must be 11 digits starting with 1; got '{value}'.",
    },
    "profile_bad_date": {
        "zh": "“{field}”应为日期，例如 2025-03-08，收到的是“{value}”。",
        "en": "{field} must be a date such as 2025-03-08; got '{value}'.",
    },
    "profile_future_date": {
        "zh": "“{field}”不能晚于今天（{value}）。",
        "en": "{field} cannot be in the future ({value}).",
    },
    "profile_bad_budget": {
        "zh": "“{field}”应为不小于 0 的数字，收到的是“{value}”。",
        "en": "{field} must be a number ≥ 0; got '{value}'.",
    },
    "profile_unknown_field": {
        "zh": "没有名为 {value!r} 的档案字段；可选：{allowed}。",
        "en": "no profile field {value!r}; choices: {allowed}.",
    },
    # --- lesson1 ---
    "lesson1_keys_error": {
        "zh": "参数 {name} 的属性不对：缺少 {missing}，多出 {extra}。",
        "en": "{name} has the wrong attributes: missing {missing}, extra {extra}.",
    },
    "col_orders_per_customer": {"zh": "每位客户的订单数", "en": "Orders per customer"},
    "col_revenue_per_order": {"zh": "平均每单金额（元）", "en": "Revenue per order (yuan)"},
    "col_revenue_per_customer": {"zh": "每位客户的收入（元）", "en": "Revenue per customer (yuan)"},
    "col_retail_customers": {"zh": "其中零售客户", "en": "Of which retail customers"},
    "col_calls_per_day": {"zh": "每天来电数", "en": "Calls per day"},
    "col_mean_wait_seconds": {"zh": "平均等待时间（秒）", "en": "Mean wait (seconds)"},
    "col_wait_above_mean": {"zh": "比全天平均多等（秒）", "en": "Wait above the all-day mean (seconds)"},
    "col_loss_share": {
        "zh": "服务成本高于毛利的客户占比",
        "en": "Share of customers costing more to serve than their margin",
    },
    "col_scope": {"zh": "外延/内涵客户", "en": "Extension / intension customer"},
    "col_role": {"zh": "在价值链中的角色（广义客户）", "en": "Role in the value chain (broad concept)"},
    "cat_extension": {"zh": "外延客户", "en": "Extension (market) customer"},
    "cat_intension": {"zh": "内涵客户", "en": "Intension (partner or internal) customer"},
    "cat_value_creating": {"zh": "内部客户：创造价值", "en": "Internal customer: creates value"},
    "cat_value_transmitting": {"zh": "中间客户：传递价值", "en": "Intermediate customer: passes value on"},
    "cat_value_purchasing": {"zh": "最终客户：购买价值", "en": "Final customer: buys the value"},
    "col_rating_a": {"zh": "A 评分（1–10）", "en": "Company A rating (1–10)"},
    "col_rating_b": {"zh": "B 评分（1–10）", "en": "Company B rating (1–10)"},
    "col_points_a": {"zh": "A 加权得分", "en": "Company A weighted points"},
    "col_points_b": {"zh": "B 加权得分", "en": "Company B weighted points"},
    "lesson1_wait_title": {
        "zh": "客服热线：各时段的平均等待时间与来电量",
        "en": "Customer hotline: mean wait and number of calls by hour",
    },
    "lesson1_wait_bars": {"zh": "平均等待时间（左轴）", "en": "Mean wait (left axis)"},
    "lesson1_calls_line": {"zh": "每天来电数（右轴）", "en": "Calls per day (right axis)"},
    "lesson1_calls_ylabel": {"zh": "每天来电数（个）", "en": "Calls per day"},
    "lesson1_wait_ylabel": {"zh": "平均等待时间（秒）", "en": "Mean wait (seconds)"},
    "lesson1_wait_mean": {"zh": "全天平均等待时间", "en": "All-day mean wait"},
    "lesson1_mix_title": {"zh": "按{by}：客户占比与收入占比", "en": "By {by}: share of customers and share of revenue"},
    "lesson1_mix_xlabel": {"zh": "占全部的比例", "en": "Share of the total"},
    "lesson1_margin_title": {
        "zh": "每位客户的毛利与服务成本（每个点是一位客户）",
        "en": "Gross margin and cost to serve (one dot per customer)",
    },
    "lesson1_margin_xlabel": {"zh": "毛利（元，对数刻度）", "en": "Gross margin (yuan, log scale)"},
    "lesson1_margin_ylabel": {"zh": "服务成本（元，对数刻度）", "en": "Cost to serve (yuan, log scale)"},
    "lesson1_margin_line": {"zh": "服务成本 = 毛利", "en": "Cost to serve = margin"},
    "lesson1_margin_loss": {
        "zh": "对角线左上方：服务成本高于毛利（亏钱）\n对角线右下方：毛利高于服务成本（赚钱）",
        "en": "Above the diagonal: serving costs more than the margin (a loss)\nBelow it: the margin exceeds the cost to serve (a profit)",
    },
    "lesson1_points": {"zh": "{n} 分", "en": "{n} pts"},
    "lesson1_spread_title": {
        "zh": "同样的产品，客户的期望各不相同（满意度调查，1–7 分）",
        "en": "Same products, different expectations (survey, 1–7 points)",
    },
    "lesson1_spread_xlabel": {
        "zh": "受访者占比（颜色越深，期望越高）",
        "en": "Share of respondents (darker = higher expectation)",
    },
    "lesson1_tv_option": {"zh": "{company} 公司（{price:,} 元）", "en": "Company {company} ({price:,} yuan)"},
    "lesson1_tv_title": {
        "zh": "这位顾客会选哪台电视机？加权得分（满分 10 分）",
        "en": "Which TV does this customer choose? Weighted score (out of 10)",
    },
    "lesson1_tv_xlabel": {
        "zh": "加权得分（分）：每一段 = 权重占比 × 评分",
        "en": "Weighted score (points): each segment = weight share × rating",
    },
    "lesson1_tv_total": {"zh": "{points:.2f} 分", "en": "{points:.2f} pts"},
    "lesson1_tv_winner": {"zh": "（胜出）", "en": " (chosen)"},
    "lesson1_tv_tie": {
        "zh": "A 公司、B 公司都是 <b>{points:.2f}</b> 分：两台得分相同，选哪台都行。",
        "en": "Company A and company B both score <b>{points:.2f}</b>: a tie, either TV will do.",
    },
    "lesson1_tv_summary": {
        "zh": "A 公司 <b>{a:.2f}</b> 分，B 公司 <b>{b:.2f}</b> 分 → 这位顾客选 <b>{winner}</b>。",
        "en": "Company A <b>{a:.2f}</b> points, company B <b>{b:.2f}</b> → this customer chooses <b>{winner}</b>.",
    },
    "lesson1_tv_price_note": {
        "zh": "B 便宜 {gap:,.0f} 元，加权后在“成本”一项上比 A 多得 {lead:.2f} 分；A 只能在服务、外观、形象、交货上把这些分赢回来。",
        "en": "B is {gap:,.0f} yuan cheaper and, weighted, earns {lead:.2f} more points on cost; A can only win them back on service, appearance, image and delivery.",
    },
    "lesson1_tv_price_ignored": {
        "zh": "这位顾客不在乎价格（“成本”的重要程度为 0），价格差不起作用。",
        "en": "This customer does not care about price (importance of cost 0): the price gap counts for nothing.",
    },
    "lesson1_tv_price_note_other": {
        "zh": "A 不比 B 贵：在“成本”一项上 A 不吃亏。",
        "en": "A is not dearer than B: A loses nothing on cost.",
    },
    "lesson1_tv_weight": {"zh": "{attribute}·重要程度", "en": "{attribute}: importance"},
    "lesson1_tv_rating_a": {"zh": "A 公司·{attribute}（分）", "en": "Company A: {attribute} (pts)"},
    # --- lesson2 ---
    "col_profit_share": {"zh": "利润占比", "en": "Share of profit"},
    "col_product_lines": {"zh": "买过的产品线（条）", "en": "Product lines bought"},
    "lesson2_no_customers": {
        "zh": "参数 {name} 是空的：至少给出一个客户编号。",
        "en": "{name} is empty: give at least one customer ID.",
    },
    "lesson2_unknown_customer": {
        "zh": "参数 {name} 中的 {value!r} 不在交易记录中；允许：transactions 里出现过的客户编号，例如 {example!r}。",
        "en": "{name}: {value!r} is not in the transactions; allowed: customer IDs that appear in transactions, e.g. {example!r}.",
    },
    "lesson2_no_referrals": {
        "zh": "数据表 {name} 中没有一种客户类型既有“老客户推荐”获得的客户，又有获客成本大于 0 的其他渠道客户，无法比较。",
        "en": "table {name} has no customer type with both referred customers and customers from other channels that cost more than 0 to win: nothing to compare.",
    },
    "lesson2_history_title": {
        "zh": "客户价值随时间累积：每位客户的累计毛利",
        "en": "Customer value builds up over time: cumulative gross margin",
    },
    "lesson2_history_xlabel": {"zh": "日期（年）", "en": "Date (year)"},
    "lesson2_history_ylabel": {"zh": "累计毛利（元）", "en": "Cumulative gross margin (yuan)"},
    "lesson2_history_label": {"zh": "{customer}（{orders} 笔订单）", "en": "{customer} ({orders} orders)"},
    "lesson2_referral_title": {
        "zh": "口碑价值：老客户推荐来的新客户，获客成本低得多",
        "en": "Word-of-mouth value: referred customers cost far less to win",
    },
    "lesson2_referral_xlabel": {
        "zh": "推荐客户的平均获客成本 ÷ 其他渠道客户的平均获客成本",
        "en": "Mean acquisition cost of referred customers ÷ that of other channels",
    },
    "lesson2_referral_label": {
        "zh": "推荐 {referral:,.0f} 元 / 其他 {other:,.0f} 元 = {share:.0%}",
        "en": "referred {referral:,.0f} / other {other:,.0f} yuan = {share:.0%}",
    },
    "lesson2_scissors_title": {
        "zh": "买卖双方热情的“剪刀差”（角田识之的观点）",
        "en": 'The seller–buyer enthusiasm "scissors gap" (after 角田识之)',
    },
    "lesson2_scissors_ylabel": {"zh": "热情（示意，无单位）", "en": "Enthusiasm (illustrative, no unit)"},
    "lesson2_scissors_note": {
        "zh": "示意图：表达观点，不是测量数据",
        "en": "An illustration of an idea, not measured data",
    },
    "lesson2_phase_contact": {"zh": "接触客户", "en": "First contact"},
    "lesson2_phase_contract": {"zh": "签约", "en": "Contract"},
    "lesson2_phase_delivery": {"zh": "交货", "en": "Delivery"},
    "lesson2_phase_payment": {"zh": "收款", "en": "Payment"},
    "lesson2_phase_after_sales": {"zh": "售后服务", "en": "After-sales service"},
    "lesson2_seller": {"zh": "卖方（销售员）的热情", "en": "Seller's enthusiasm"},
    "lesson2_buyer": {"zh": "买方（客户）的热情与需要", "en": "Buyer's enthusiasm and needs"},
    "lesson2_gap": {"zh": "剪刀差", "en": "Scissors gap"},
    "lesson2_seller_lifetime": {"zh": "提供终身服务的卖方", "en": "Seller who serves for life"},
    "lesson2_concentration_title": {
        "zh": "客户价值有多集中？（帕累托曲线）",
        "en": "How concentrated is customer value? (Pareto curve)",
    },
    "lesson2_concentration_xlabel": {
        "zh": "客户占比（按价值从高到低排列）",
        "en": "Share of customers (most valuable first)",
    },
    "lesson2_concentration_ylabel": {"zh": "占总价值的累计比例", "en": "Cumulative share of total value"},
    "lesson2_concentration_curve": {"zh": "实际数据", "en": "The data"},
    "lesson2_concentration_equal": {"zh": "每位客户价值相同时", "en": "If every customer were worth the same"},
    "lesson2_concentration_point": {
        "zh": "前 {top:.0%} 的客户：{share:.1%}",
        "en": "Top {top:.0%} of customers: {share:.1%}",
    },
    "lesson2_concentration_rule": {"zh": "“80/20 法则”的点", "en": 'The "80/20 rule" point'},
    "lesson2_pyramid_title": {
        "zh": "客户金字塔：各层的客户占比与利润占比",
        "en": "The customer pyramid: share of customers and of profit by tier",
    },
    "lesson2_pyramid_band": {
        "zh": "{tier}：{customers:.0%} 的客户，{profit:.0%} 的利润\n每位客户利润（三年合计）{per_customer:,.0f} 元",
        "en": "{tier}: {customers:.0%} of customers, {profit:.0%} of profit\nprofit per customer (three years) {per_customer:,.0f} yuan",
    },
    "lesson2_pyramid_note": {
        "zh": "图形只示意层级，面积不代表人数",
        "en": "The shape only shows the tiers: areas are not numbers of customers",
    },
    "lesson2_referral_same": {"zh": "成本相同", "en": "Same cost"},
    "lesson2_satisfaction_title": {
        "zh": "越满意的客户，越愿意再买、越愿意推荐",
        "en": "The more satisfied, the more willing to buy again and to recommend",
    },
    "lesson2_mean_score": {"zh": "平均分", "en": "Mean score"},
    "lesson2_experience_title": {
        "zh": "同一杯咖啡的四种卖法（Pine & Gilmore 1998）",
        "en": "One cup of coffee sold four ways (Pine & Gilmore 1998)",
    },
    "lesson2_experience_xlabel": {"zh": "每杯价格（美元，对数刻度）", "en": "Price per cup (US$, log scale)"},
    "lesson2_experience_label": {"zh": "{low:g}–{high:g} 美元", "en": "${low:g}–{high:g}"},
    "lesson2_stage_commodity": {"zh": "初级产品：期货市场上的咖啡豆", "en": "Commodity: beans on the futures market"},
    "lesson2_stage_goods": {"zh": "商品：超市里的袋装咖啡", "en": "Good: packaged coffee in a grocery"},
    "lesson2_stage_services": {"zh": "服务：普通小餐馆煮好的一杯", "en": "Service: a cup in a diner"},
    "lesson2_stage_experiences": {
        "zh": "体验：五星级餐厅或意式咖啡吧的一杯",
        "en": "Experience: a cup in a five-star restaurant or espresso bar",
    },
    # --- lesson3 ---
    "col_buy_year": {"zh": "年份", "en": "Year"},
    "col_next_year": {"zh": "次年", "en": "Next year"},
    "col_active": {"zh": "当年购买（位）", "en": "Buyers that year"},
    "col_retained": {"zh": "次年再买（位）", "en": "Bought again next year"},
    "col_lapsed": {"zh": "次年没有再买", "en": "Did not buy next year"},
    "col_worst_outcome": {"zh": "服务记录中最差的处理结果", "en": "Worst outcome of their service cases"},
    "col_lapse_rate": {"zh": "次年没有再买的比例", "en": "Share not buying next year"},
    "col_revenue_in_year": {"zh": "当年销售收入（元）", "en": "Revenue that year (yuan)"},
    "col_first_revenue": {"zh": "首次购买的收入（元）", "en": "Revenue of first orders (yuan)"},
    "col_repeat_revenue": {"zh": "重复购买的收入（元）", "en": "Revenue of repeat orders (yuan)"},
    "col_repeat_share": {"zh": "重复购买收入占比", "en": "Repeat share of revenue"},
    "col_mean_acquisition_cost": {"zh": "平均获客成本（元/位）", "en": "Mean acquisition cost (yuan)"},
    "cat_no_case": {"zh": "没有服务记录", "en": "No service case"},
    "cat_all_customers": {"zh": "全部客户", "en": "All customers"},
    "lesson3_years_error": {
        "zh": "数据表 {name} 的日期只覆盖 {years} 年，没有相邻的两年；允许：至少包含相邻两个年份的数据。",
        "en": "table {name} only covers the year(s) {years}, no two consecutive years; allowed: data of at least two consecutive years.",
    },
    "lesson3_unknown_customers": {
        "zh": "数据表 {name} 中有 {n} 位客户不在 customers 表中（例如 {example!r}）；允许：customers 表包含全部客户。",
        "en": "table {name} has {n} customer(s) missing from customers (e.g. {example!r}); allowed: a customers table listing every customer.",
    },
    "lesson3_no_new_customers": {
        "zh": "没有在 {start}（交易记录的第一天）或之后加入的客户，无法区分首次购买和重复购买；允许：customers 中至少一位客户的 join_date ≥ {start}。",
        "en": "no customer joined on or after {start} (the first day of the orders), so first and repeat purchases cannot be told apart; allowed: at least one customer with join_date ≥ {start}.",
    },
    "lesson3_rs_title": {
        "zh": "流失率降低 5 个百分点，客户净现值提高多少？",
        "en": "Defections 5 points lower: how much more is a customer worth?",
    },
    "lesson3_rs_xlabel": {
        "zh": "客户净现值的增幅（%），Reichheld & Sasser（1990）",
        "en": "Increase in customer net present value (%), Reichheld & Sasser (1990)",
    },
    "lesson3_cohort_title": {
        "zh": "{start:,.0f} 位新客户，{years} 年后还剩多少？",
        "en": "{start:,.0f} new customers: how many are left after {years} years?",
    },
    "lesson3_cohort_line": {
        "zh": "每年保持 {keep:.1%}（流失 {churn:.1%}）",
        "en": "{keep:.1%} kept a year ({churn:.1%} churn)",
    },
    "lesson3_cohort_half": {"zh": "只剩一半", "en": "Half left"},
    "lesson3_cohort_xlabel": {"zh": "第几年", "en": "Year"},
    "lesson3_cohort_ylabel": {"zh": "仍是客户的人数（位）", "en": "Customers still with us"},
    "lesson3_group_title": {
        "zh": "海川电器：当年购买的客户，次年还买吗？",
        "en": "Haichuan Appliances: do this year's buyers buy again next year?",
    },
    "lesson3_group_ylabel": {"zh": "次年再次购买的比例（%）", "en": "Share buying again next year (%)"},
    "lesson3_group_pair": {"zh": "{year} → {next_year} 年", "en": "{year} → {next_year}"},
    "lesson3_group_reference": {"zh": "保持率 80%（“典型”流失率 20%）", "en": '80 % retention ("typical" 20 % churn)'},
    "lesson3_lift_title": {
        "zh": "保持率提高 {points:.0f} 个百分点，客户价值提高多少？",
        "en": "Retention {points:.0f} points higher: how much more is a customer worth?",
    },
    "lesson3_lift_line": {"zh": "期限 {years} 年", "en": "{years}-year horizon"},
    "lesson3_lift_band": {
        "zh": "Reichheld & Sasser 的行业范围 {low:.0%}–{high:.0%}",
        "en": "Reichheld & Sasser's industries, {low:.0%}–{high:.0%}",
    },
    "lesson3_lift_legend": {
        "zh": "折现率 {discount:.0%}，利润年增长 {growth:.0%}",
        "en": "Discount {discount:.0%}, margin growth {growth:.0%} a year",
    },
    "lesson3_lift_xlabel": {"zh": "当前的客户保持率（%）", "en": "Retention now (%)"},
    "lesson3_lift_ylabel": {"zh": "客户净现值的增幅（%）", "en": "Increase in customer value (%)"},
    "lesson3_lapse_title": {
        "zh": "{year} 年购买过的客户，{next_year} 年没有再买的比例",
        "en": "Customers of {year} who bought nothing in {next_year}",
    },
    "lesson3_lapse_ylabel": {"zh": "次年未再购买的比例（%）", "en": "Share not buying next year (%)"},
    "lesson3_lapse_tick": {"zh": "{outcome}\n（{n} 位）", "en": "{outcome}\n({n})"},
    "lesson3_lapse_xlabel": {"zh": "服务记录中处理得最差的一次", "en": "Worst-handled of their service cases"},
    # --- lesson4 ---
    "col_case_count": {"zh": "投诉件数", "en": "Cases"},
    "col_within_24h": {"zh": "24 小时内答复", "en": "Answered within 24 h"},
    "col_after_24h": {"zh": "超过 24 小时才答复", "en": "Answered after more than 24 h"},
    "lesson4_same_length_error": {
        "zh": "参数 {a} 和 {b} 应为等长、非空的一维数值序列；收到 {a} 有 {n_a} 个值，{b} 有 {n_b} 个值。",
        "en": "{a} and {b} must be non-empty one-dimensional sequences of numbers of equal length; got {n_a} values in {a} and {n_b} in {b}.",
    },
    "lesson4_gap_title": {
        "zh": "问卷：实绩超出期望越多，总体越满意",
        "en": "Survey: the more performance beats expectation, the more satisfied",
    },
    "lesson4_gap_xlabel": {
        "zh": "差距 = 实际绩效 − 期望（5 项属性的平均，分）",
        "en": "Gap = performance − expectation (mean of 5 attributes, points)",
    },
    "lesson4_gap_ylabel": {"zh": "总体满意度（1–7 分，平均）", "en": "Overall satisfaction (1–7, mean)"},
    "lesson4_iceberg_title": {
        "zh": "投诉冰山：{dissatisfied:,.0f} 位不满意的客户",
        "en": "The complaint iceberg: {dissatisfied:,.0f} dissatisfied customers",
    },
    "lesson4_iceberg_ylabel": {"zh": "客户（位）", "en": "Customers"},
    "lesson4_iceberg_visible": {"zh": "水面以上：企业听得到", "en": "Above the waterline: the firm hears them"},
    "lesson4_iceberg_hidden": {"zh": "水面以下：企业听不到", "en": "Below the waterline: the firm never hears"},
    "lesson4_iceberg_wom": {
        "zh": "另有约 {people:,.0f} 人\n听到负面口碑",
        "en": "About {people:,.0f} more people\nhear bad word of mouth",
    },
    "lesson4_iceberg_firm": {"zh": "向企业投诉", "en": "Complain\nto the firm"},
    "lesson4_iceberg_third_party": {
        "zh": "向第三方投诉\n（消协、媒体、法院）",
        "en": "Go to third parties\n(associations, media, courts)",
    },
    "lesson4_iceberg_silent": {"zh": "沉默、不投诉", "en": "Stay silent"},
    "lesson4_iceberg_silent_leave": {"zh": "其中：\n悄悄流失", "en": "Of these:\nquietly leave"},
    "lesson4_channel_count_title": {"zh": "各渠道的投诉件数", "en": "Cases by channel"},
    "lesson4_channel_count_xlabel": {"zh": "件数（2023–2024 年）", "en": "Cases (2023–2024)"},
    "lesson4_channel_hours_title": {"zh": "首次答复用时（中位数）", "en": "Time to first response (median)"},
    "lesson4_channel_hours_xlabel": {"zh": "小时", "en": "Hours"},
    "lesson4_fast": {"zh": "{hours:g} 小时内答复", "en": "Answered within {hours:g} h"},
    "lesson4_slow": {"zh": "超过 {hours:g} 小时才答复", "en": "Answered after more than {hours:g} h"},
    "lesson4_repurchase_title": {
        "zh": "答复快、解决彻底的投诉，再次购买的比例更高",
        "en": "Cases answered fast and fully resolved: a higher share bought again",
    },
    "lesson4_repurchase_ylabel": {"zh": "12 个月内再次购买的比例（%）", "en": "Bought again within 12 months (%)"},
    "lesson4_tarp_title": {
        "zh": "TARP 调查：遇到问题的客户中愿意再次购买的比例",
        "en": "TARP surveys: customers with a problem who would buy again",
    },
    "lesson4_tarp_ylabel": {"zh": "愿意再次购买（%）", "en": "Would buy again (%)"},
    "lesson4_all_agents": {"zh": "全部客服", "en": "All agents"},
    "lesson4_agent": {
        "zh": "{agent} 号客服（n = 该客服接听的通话数）",
        "en": "Agent No. {agent} (n = calls this agent answered)",
    },
    "lesson4_wait_title": {
        "zh": "排队越久越不满意，礼貌的客服也一样",
        "en": "The longer the wait, the lower the rating, even with a polite agent",
    },
    "lesson4_wait_xlabel": {"zh": "排队等待时间（分钟）", "en": "Waiting time in the queue (minutes)"},
    "lesson4_wait_ylabel": {"zh": "通话后满意度（1–5 分，平均）", "en": "Rating after the call (1–5, mean)"},
    # --- sims ---
    "sim_invalid_kept": {
        "zh": "下面灰色的数字和图仍是上一次能计算的结果。",
        "en": "The greyed numbers and the figure below are from the last values that could be computed.",
    },
    "sim_clv_infinite_error": {
        "zh": "期限为 ∞ 时终身价值会是无穷大：保持率 × (1 + 毛利增长) = {retention:.0%} × {growth_factor:.2f} = {kept:.2f}，不低于 1 + 折现率 = {limit:.2f}，留下的毛利增长得比折现还快。请调低保持率或毛利增长、调高折现率，或把期限设为有限的年数。",
        "en": "With the horizon at ∞ the lifetime value would be infinite: retention × (1 + margin growth) = {retention:.0%} × {growth_factor:.2f} = {kept:.2f} is not below 1 + discount rate = {limit:.2f}, so the margin kept grows faster than it is discounted. Lower retention or margin growth, raise the discount rate, or choose a finite horizon.",
    },
    "sim_retention_over_100_error": {
        "zh": "当前保持率 {retention:.0%} + 保持率提高 {points:.0f} 个百分点 = {total:.0%}，超过 100%：请调低其中一个。",
        "en": "Retention now {retention:.0%} + a gain of {points:.0f} points = {total:.0%}, above 100%: lower one of the two.",
    },
    "sim_acquire_no_customers_error": {
        "zh": "现有客户为 0：没有老客户可留，保持率提高 1 个百分点的成本也就无从算起。请把现有客户至少设为 {least:,} 位。",
        "en": "Customers today is 0: there is nobody to keep, so a point of retention has no cost to work out. Set customers today to at least {least:,}.",
    },
    "sim_pyramid_slider_shares_error": {
        "zh": "铂金、黄金、钢铁客户占比之和 {platinum:.0%} + {gold:.0%} + {iron:.0%} = {total:.0%}，但重铅客户是其余的客户，三者之和必须低于 100%。请调低其中一个。",
        "en": "Platinum, gold and iron customers add up to {platinum:.0%} + {gold:.0%} + {iron:.0%} = {total:.0%}, but lead customers are the rest, so the three shares must add up to less than 100%. Lower one of them.",
    },
    "sim_complaint_no_complaints_error": {
        "zh": "投诉率为 0%：没有人投诉时，无法从投诉推算出背后沉默的不满意客户（冰山）。请把投诉率至少设为 {least:.0%}。",
        "en": "Share who complain is 0%: when nobody complains, complaints tell nothing about the silent dissatisfied customers behind them (the iceberg). Set it to at least {least:.0%}.",
    },
    "sim_pyramid_cost": {"zh": "服务成本", "en": "Cost to serve"},
    "sim_pyramid_platinum": {"zh": "铂金客户占比（%）", "en": "Platinum customers (%)"},
    "sim_pyramid_gold": {"zh": "黄金客户占比（%）", "en": "Gold customers (%)"},
    "sim_pyramid_iron": {"zh": "钢铁客户占比（%）", "en": "Iron customers (%)"},
    "sim_pyramid_reallocation": {"zh": "重铅服务成本转给铂金/黄金（%）", "en": "Lead cost to serve moved (%)"},
    "sim_pyramid_top_elasticity": {"zh": "铂金/黄金收入弹性（%/%）", "en": "Top tiers' elasticity (%/%)"},
    "sim_pyramid_lead_elasticity": {"zh": "重铅收入弹性（%/%）", "en": "Lead sales elasticity (%/%)"},
    "sim_pyramid_bars_title": {"zh": "客户金字塔", "en": "Customer pyramid"},
    "sim_pyramid_bars_xlabel": {"zh": "每位客户（元，2023–2025 年）", "en": "Per customer (yuan, 2023–2025)"},
    "sim_pyramid_lorenz_title": {"zh": "收入集中度（80/20）", "en": "Revenue concentration (80/20)"},
    "sim_pyramid_lorenz_xlabel": {"zh": "累计客户占比（%，从低到高）", "en": "Customers, smallest first (cum. %)"},
    "sim_pyramid_lorenz_ylabel": {"zh": "累计收入占比（%）", "en": "Revenue (cum. %)"},
    "sim_pyramid_lorenz": {"zh": "洛伦兹曲线", "en": "Lorenz curve"},
    "sim_pyramid_equality": {"zh": "完全平均", "en": "Equality"},
    "sim_pyramid_top20": {"zh": "前 20% 客户：{share:.1%}", "en": "Top 20%: {share:.1%}"},
    "sim_pyramid_summary_data": {
        "zh": "数据（2023–2025 年）：收入最高的 20% 客户带来 {top20_share:.1%} 的收入（“80/20 法则”说的是 80%）。",
        "en": "In the data (2023–2025) the top 20% of customers by revenue bring {top20_share:.1%} of revenue (the “80/20 rule” would say 80%).",
    },
    "sim_pyramid_summary_tiers": {
        "zh": "按利润排序：铂金和黄金客户占客户的 {top_customer_share:.0%}，带来 {top_profit_share:.0%} 的利润；重铅客户占 {lead_share:.0%}，带来 {lead_profit_share:.1%} 的利润。",
        "en": "Ranked by profit: platinum and gold customers are {top_customer_share:.0%} of customers and bring {top_profit_share:.0%} of profit; lead customers are {lead_share:.0%} and bring {lead_profit_share:.1%}.",
    },
    "sim_pyramid_summary_today": {
        "zh": "今天的服务分配：总利润 {profit:,.0f} 元（2023–2025 年合计）。",
        "en": "Today's service allocation: total profit {profit:,.0f} yuan (2023–2025).",
    },
    "sim_pyramid_summary_move": {
        "zh": "教学假设：把重铅客户 {reallocation:.0%} 的服务成本（{moved:,.0f} 元）转给铂金和黄金客户，他们的服务投入增加 {service_lift:.1%}，收入增加 {revenue_lift:.1%}（弹性 {top_elasticity:.2f}）；重铅客户收入减少 {lead_revenue_drop:.1%}（弹性 {lead_elasticity:.2f}）。总服务成本不变，总利润 {profit_today:,.0f} → {profit:,.0f} 元（{profit_change:+,.0f} 元）。",
        "en": "Teaching assumption: moving {reallocation:.0%} of the lead customers' cost to serve ({moved:,.0f} yuan) to platinum and gold customers raises their service by {service_lift:.1%} and their revenue by {revenue_lift:.1%} (elasticity {top_elasticity:.2f}); lead revenue falls by {lead_revenue_drop:.1%} (elasticity {lead_elasticity:.2f}). Total cost to serve is unchanged; total profit {profit_today:,.0f} → {profit:,.0f} yuan ({profit_change:+,.0f} yuan).",
    },
    "sim_pyramid_shares_error": {
        "zh": "参数 platinum + gold + iron = {total:.0%} 不允许：其余的客户才是重铅客户；允许：三者之和 < 100%。",
        "en": "platinum + gold + iron = {total:.0%} is not allowed: lead customers are the rest; allowed: a sum below 100%.",
    },
    "sim_pyramid_no_top_cost": {
        "zh": "参数 reallocation = {reallocation:g} 无法计算：没有铂金或黄金客户，或他们的服务成本合计为 0，转来的服务无法按比例分配；允许：reallocation = 0，或铂金/黄金客户有服务成本。",
        "en": "reallocation = {reallocation:g} cannot be computed: there are no platinum or gold customers, or their cost to serve is 0, so there is nothing to scale up; allowed: reallocation = 0, or top customers with a cost to serve.",
    },
    "sim_clv_margin": {"zh": "毛利（元/年）", "en": "Margin (yuan a year)"},
    "sim_clv_retention": {"zh": "保持率（%/年）", "en": "Retention (% a year)"},
    "sim_clv_discount": {"zh": "折现率（%/年）", "en": "Discount rate (% a year)"},
    "sim_clv_years": {"zh": "期限（年，∞ = 无限期）", "en": "Horizon (years, ∞ = no limit)"},
    "sim_clv_acquisition_cost": {"zh": "获客成本（元/位）", "en": "Acquisition cost (yuan)"},
    "sim_clv_growth": {"zh": "毛利增长（%/年）", "en": "Margin growth (% a year)"},
    "sim_clv_curve": {"zh": "累计折现价值", "en": "Cumulative discounted value"},
    "sim_clv_line": {"zh": "终身价值（CLV）", "en": "Lifetime value (CLV)"},
    "sim_clv_breakeven_point": {"zh": "收回获客成本", "en": "Acquisition cost paid back"},
    "sim_clv_title": {"zh": "一位新客户逐年带来的价值", "en": "What one new customer brings, year by year"},
    "sim_clv_xlabel": {"zh": "客户关系的第几年", "en": "Year of the relationship"},
    "sim_clv_ylabel": {"zh": "累计折现价值（元）", "en": "Cumulative discounted value (yuan)"},
    "sim_clv_infinite": {"zh": "无限期", "en": "an unlimited horizon"},
    "sim_clv_n_years": {"zh": "{n} 年", "en": "{n} years"},
    "sim_clv_summary_value": {
        "zh": "一位客户的终身价值（CLV）：<b>{clv:,.0f} 元</b> = {horizon}内折现后的期望毛利 {discounted_margins:,.0f} 元 − 获客成本 {acquisition_cost:,.0f} 元。",
        "en": "Lifetime value (CLV) of one customer: <b>{clv:,.0f} yuan</b> = expected discounted margins over {horizon}, {discounted_margins:,.0f} yuan − acquisition cost {acquisition_cost:,.0f} yuan.",
    },
    "sim_clv_summary_breakeven": {
        "zh": "第 <b>{year}</b> 年收回获客成本（曲线上的圆点）。",
        "en": "The acquisition cost is paid back in year <b>{year}</b> (the dot on the curve).",
    },
    "sim_clv_summary_never": {
        "zh": "{limit} 年内<b>收不回</b>获客成本。",
        "en": "The acquisition cost is <b>not paid back</b> within {limit} years.",
    },
    "sim_clv_summary_never_infinite": {
        "zh": "<b>永远收不回</b>获客成本：终身价值是负的。",
        "en": "The acquisition cost is <b>never paid back</b>: the lifetime value is negative.",
    },
    "sim_clv_summary_multiple": {
        "zh": "利润乘数 r / (1 + i − r) = {multiple:.2f}：毛利不变、无限期时，一位客户值 {multiple:.2f} 年的毛利，即 {margin:,.0f} × {multiple:.2f} = {multiple_value:,.0f} 元（Gupta & Lehmann）。",
        "en": "Margin multiple r / (1 + i − r) = {multiple:.2f}: with a constant margin and no time limit, a customer is worth {multiple:.2f} years of margin, {margin:,.0f} × {multiple:.2f} = {multiple_value:,.0f} yuan (Gupta & Lehmann).",
    },
    "sim_clv_summary_naive": {
        "zh": "简单相加：{margin:,.0f} 元/年 × {years} 年 = {naive:,.0f} 元，不计流失和折现——福特“每位客户至少值 30 万美元”也是这类简单相加（而且加的是收入，不是毛利）。计入保持率、折现和毛利增长后是 {discounted_margins:,.0f} 元，是简单相加的 {share_of_naive:.0%}。",
        "en": 'Simply added up: {margin:,.0f} yuan a year × {years} years = {naive:,.0f} yuan, with no churn and no discounting; Ford\'s "a loyal customer is worth at least $300,000" is this kind of sum (and of revenue, not margin). With retention, discounting and margin growth: {discounted_margins:,.0f} yuan, {share_of_naive:.0%} of the simple sum.',
    },
    "sim_clv_summary_naive_infinite": {
        "zh": "简单相加（不计流失和折现，福特“每位客户至少值 30 万美元”就是这类算法）：无限期的毛利加起来是无穷大；计入保持率和折现后是有限的 {discounted_margins:,.0f} 元。",
        "en": 'Simply added up with no churn and no discounting (the kind of sum behind Ford\'s "a loyal customer is worth at least $300,000"), margins with no time limit add up to infinity; with retention and discounting they are worth a finite {discounted_margins:,.0f} yuan.',
    },
    "sim_retention_retention": {"zh": "当前保持率（%/年）", "en": "Retention now (% a year)"},
    "sim_retention_delta": {"zh": "保持率提高（百分点）", "en": "Retention gain (points)"},
    "sim_retention_discount": {"zh": "折现率（%/年）", "en": "Discount rate (% a year)"},
    "sim_retention_growth": {"zh": "利润增长（%/年）", "en": "Margin growth (% a year)"},
    "sim_retention_years": {"zh": "年数（年）", "en": "Years"},
    "sim_retention_now": {"zh": "当前保持率", "en": "Retention now"},
    "sim_retention_improved": {"zh": "提高后的保持率", "en": "Improved retention"},
    "sim_retention_survivors_title": {"zh": "仍是客户的人数", "en": "Customers still with us"},
    "sim_retention_cumulative_profit_title": {"zh": "累计折现利润", "en": "Cumulative profit"},
    "sim_retention_xlabel": {"zh": "第几年", "en": "Year"},
    "sim_retention_survivors_ylabel": {"zh": "客户（位）", "en": "Customers"},
    "sim_retention_profit_ylabel": {"zh": "折现利润（元）", "en": "Discounted profit (yuan)"},
    "sim_retention_summary_cohort": {
        "zh": "{customers:,.0f} 位新客户，保持率从 {retention:.0%} 提高到 {improved_retention:.0%}（流失率降低 {delta_points:.0f} 个百分点）：{years} 年后还剩 {survivors_end:,.0f} 位 → {improved_survivors_end:,.0f} 位。",
        "en": "{customers:,.0f} new customers, retention raised from {retention:.0%} to {improved_retention:.0%} (defection {delta_points:.0f} points lower): after {years} years {survivors_end:,.0f} → {improved_survivors_end:,.0f} remain.",
    },
    "sim_retention_summary_profit": {
        "zh": "第 {years} 年的折现利润 {last_profit:,.0f} 元 → {improved_last_profit:,.0f} 元；{years} 年累计折现利润 {total_profit:,.0f} 元 → {improved_total_profit:,.0f} 元：<b>提升 {profit_lift:.0%}</b>。",
        "en": "Discounted profit in year {years}: {last_profit:,.0f} → {improved_last_profit:,.0f} yuan; over {years} years: {total_profit:,.0f} → {improved_total_profit:,.0f} yuan: <b>a lift of {profit_lift:.0%}</b>.",
    },
    "sim_retention_summary_reichheld": {
        "zh": "Reichheld & Sasser（1990）在九个行业算出：流失率降低 5 个百分点，客户价值提升 {rs_low:.0%}–{rs_high:.0%}。提升多少取决于保持率的高低、折现率和利润随客户年限的增长——移动这些滑块试试。",
        "en": "Reichheld & Sasser (1990) found in nine industries that 5 points less defection raised customer value by {rs_low:.0%}–{rs_high:.0%}. How much depends on the retention level, the discount rate and how profit grows with tenure: move those sliders.",
    },
    "sim_acquire_budget": {"zh": "营销预算（元/年）", "en": "Budget (yuan a year)"},
    "sim_acquire_share": {"zh": "用于留住老客户（%）", "en": "Share spent on retention (%)"},
    "sim_acquire_cost_new": {"zh": "获客成本（元/位）", "en": "Cost per new customer (yuan)"},
    "sim_acquire_ratio": {"zh": "获客成本 ÷ 保持成本（倍）", "en": "Acquire ÷ retain cost (times)"},
    "sim_acquire_customers": {"zh": "现有客户（位）", "en": "Customers today"},
    "sim_acquire_retention": {"zh": "保持率（%/年）", "en": "Retention (% a year)"},
    "sim_acquire_margin": {"zh": "毛利（元/位/年）", "en": "Margin (yuan each a year)"},
    "sim_acquire_plan": {"zh": "当前分配", "en": "Chosen split"},
    "sim_acquire_reference": {"zh": "全部用于争取新客户", "en": "All on acquisition"},
    "sim_acquire_customers_title": {"zh": "客户数", "en": "Customers"},
    "sim_acquire_cumulative_profit_title": {"zh": "累计利润", "en": "Cumulative profit"},
    "sim_acquire_xlabel": {"zh": "第几年", "en": "Year"},
    "sim_acquire_customers_ylabel": {"zh": "客户（位）", "en": "Customers"},
    "sim_acquire_profit_ylabel": {"zh": "扣除预算后的利润（元）", "en": "Profit after budget (yuan)"},
    "sim_acquire_summary_split": {
        "zh": "每年预算 {budget:,.0f} 元：{retention_budget:,.0f} 元用于留住老客户，{acquisition_budget:,.0f} 元用于争取新客户。",
        "en": "Budget {budget:,.0f} yuan a year: {retention_budget:,.0f} yuan on keeping customers, {acquisition_budget:,.0f} yuan on winning new ones.",
    },
    "sim_acquire_summary_effect": {
        "zh": "争取一位新客户的成本是留住一位的 {cost_ratio:g} 倍，所以保持率每提高 1 个百分点每年花 {point_cost:,.0f} 元：保持率 {retention:.1%} → {kept:.1%}，每年新增 {new_customers:,.0f} 位客户。",
        "en": "Winning a customer costs {cost_ratio:g} times as much as keeping one, so one point of retention costs {point_cost:,.0f} yuan a year: retention {retention:.1%} → {kept:.1%}, {new_customers:,.0f} new customers a year.",
    },
    "sim_acquire_summary_capped": {
        "zh": "保持率最多只能提高到 {max_retention:.0%}（模型的上限）：超出的保持预算不再有效果。",
        "en": "Retention cannot rise above {max_retention:.0%} (the model's ceiling): retention money beyond that has no effect.",
    },
    "sim_acquire_summary_end": {
        "zh": "{years} 年后：客户 <b>{end_customers:,.0f}</b> 位，累计利润 <b>{end_profit:,.0f}</b> 元；全部用于争取新客户时：{reference_end_customers:,.0f} 位，{reference_end_profit:,.0f} 元（相差 {profit_gain:+,.0f} 元）。",
        "en": "After {years} years: <b>{end_customers:,.0f}</b> customers and a cumulative profit of <b>{end_profit:,.0f}</b> yuan; all on acquisition: {reference_end_customers:,.0f} customers, {reference_end_profit:,.0f} yuan (difference {profit_gain:+,.0f} yuan).",
    },
    "sim_churn_customers": {"zh": "客户数（百万位）", "en": "Customers (millions)"},
    "sim_churn_rate": {"zh": "月流失率（%）", "en": "Monthly churn (%)"},
    "sim_churn_cost": {"zh": "替换成本（美元/位）", "en": "Replacement cost ($ each)"},
    "sim_churn_title": {"zh": "替换流失客户的成本，逐月累计", "en": "Cost of replacing lost customers, month by month"},
    "sim_churn_xlabel": {"zh": "月份", "en": "Month"},
    # sim_churn_ylabel and sim_churn_bar_total pair with MONEY_UNIT in coursekit/sims/retention.py:
    # the bars are in 亿 (1e8) in Chinese and in billions (1e9) in English.
    "sim_churn_ylabel": {"zh": "累计替换成本（亿美元）", "en": "Cumulative replacement cost (billion $)"},
    "sim_churn_bar_total": {"zh": "{value:.4g} 亿美元", "en": "${value:.4g} billion"},
    "sim_churn_summary_cost": {
        "zh": "每月流失 <b>{lost_month_wan:.4g} 万</b>位客户，替换成本 <b>{cost_month_yi:.4g} 亿美元</b>；一年流失 {lost_year_wan:.4g} 万位，替换成本 <b>{cost_year_yi:.4g} 亿美元</b>。",
        "en": "Each month <b>{lost_month_million:.4g} million</b> customers leave and replacing them costs <b>${cost_month_million:.4g} million</b>; in a year {lost_year_million:.4g} million leave, costing <b>${cost_year_billion:.4g} billion</b>.",
    },
    "sim_churn_summary_annual": {
        "zh": "月流失率 {monthly_churn:.1%} 相当于年流失率 {annual_churn:.1%}：一位客户要连续 12 个月都不走才算留下一年，1 − (1 − {monthly_churn:.1%})^12。流失的客户都被替换，客户数保持 {customers_yi:.4g} 亿位。",
        "en": "A monthly churn of {monthly_churn:.1%} is a yearly churn of {annual_churn:.1%}: a customer stays the year only by staying all 12 months, 1 − (1 − {monthly_churn:.1%})^12. Every lost customer is replaced, so the base stays at {customers_million:.4g} million.",
    },
    "sim_complaint_complainers": {"zh": "每月收到的投诉（件）", "en": "Complaints a month"},
    "sim_complaint_days": {"zh": "答复用时（天）", "en": "Response time (days)"},
    "sim_complaint_resolution": {"zh": "问题解决程度（%）", "en": "Problem resolved (%)"},
    "sim_complaint_apology": {"zh": "道歉与补偿（%）", "en": "Apology, compensation (%)"},
    "sim_complaint_severity": {"zh": "问题严重程度", "en": "Problem severity"},
    "sim_complaint_value": {"zh": "每位客户的价值（元）", "en": "Value per customer (yuan)"},
    "sim_complaint_share": {"zh": "投诉率（%）", "en": "Share who complain (%)"},
    "sim_complaint_bars_title": {"zh": "留下还是流失", "en": "Stay or leave"},
    "sim_complaint_bars_xlabel": {"zh": "占该组客户的比例（%）", "en": "Share of the group (%)"},
    "sim_complaint_row_complained": {"zh": "投诉的客户", "en": "Complained"},
    "sim_complaint_row_silent": {"zh": "沉默的客户", "en": "Stayed silent"},
    "sim_complaint_curve_title": {"zh": "答复越晚，留下越少", "en": "Later answers, fewer stay"},
    "sim_complaint_curve_ylabel": {"zh": "再次购买的概率（%）", "en": "Probability of buying again (%)"},
    "sim_complaint_curve": {"zh": "投诉客户（当前处理方式）", "en": "Complainers (current handling)"},
    "sim_complaint_current": {"zh": "当前答复用时", "en": "Current response time"},
    "sim_complaint_silent_line": {"zh": "沉默的客户", "en": "Silent customers"},
    "sim_complaint_summary_handled": {
        "zh": "每月 {complainers:,.0f} 件投诉：{stay:,.0f} 位投诉客户留下（{stay_probability:.0%}），{leave:,.0f} 位流失，损失 {value_lost:,.0f} 元。流失的投诉者向 {hear_bad_wom:,.0f} 人说坏话；问题解决后，{hear_good_wom:,.0f} 人听到好口碑。",
        "en": "{complainers:,.0f} complaints a month: {stay:,.0f} complainers stay ({stay_probability:.0%}), {leave:,.0f} leave, a loss of {value_lost:,.0f} yuan. Complainers who leave tell {hear_bad_wom:,.0f} people bad news; resolved problems bring good word of mouth to {hear_good_wom:,.0f} people.",
    },
    "sim_complaint_summary_iceberg": {
        "zh": "冰山之下：投诉率 {complain_share:.0%}，每位投诉者背后约有 {silent_per_complainer:,.0f} 位沉默的不满意客户，共 {noncomplainers:,.0f} 位；其中 {noncomplainers_leave:,.0f} 位悄悄流失，损失 {noncomplainers_value_lost:,.0f} 元。",
        "en": "Below the waterline: with {complain_share:.0%} complaining, each complainer stands for about {silent_per_complainer:,.0f} silent dissatisfied customers, {noncomplainers:,.0f} in all; {noncomplainers_leave:,.0f} of them quietly leave, a loss of {noncomplainers_value_lost:,.0f} yuan.",
    },
    "sim_complaint_summary_total": {
        "zh": "流失的总价值：{total_value_lost:,.0f} 元。",
        "en": "Total value lost: {total_value_lost:,.0f} yuan.",
    },
    "sim_expectation_expect": {"zh": "{attribute}·期望（分）", "en": "{attribute}: expected (pts)"},
    "sim_expectation_perform": {"zh": "{attribute}·实绩（分）", "en": "{attribute}: performance (pts)"},
    "sim_expectation_tolerance": {"zh": "容忍区间 ±（分）", "en": "Zone of tolerance ± (pts)"},
    "sim_expectation_title": {
        "zh": "各属性的期望（◆）与实际绩效（●）",
        "en": "Expectation (◆) and performance (●) by attribute",
    },
    "sim_expectation_xlabel": {
        "zh": "评分（1–10 分）；右侧数字：差距 = 实绩 − 期望",
        "en": "Rating (1–10 points); right: gap = performance − expectation",
    },
    "sim_expectation_band": {"zh": "容忍区间", "en": "Zone of tolerance"},
    "sim_expectation_summary": {
        "zh": "总体（加权）：期望 {expectation:.1f} 分，实绩 {performance:.1f} 分，差距 {gap:+.1f} 分 → {zone}。实绩高于期望（超出容忍区间）才满意。",
        "en": "Overall (weighted): expected {expectation:.1f}, performance {performance:.1f}, gap {gap:+.1f} → {zone}. Only performance above expectation (beyond the zone of tolerance) satisfies.",
    },
    "sim_overpromise_promised": {"zh": "承诺水平（分）", "en": "Promised level (pts)"},
    "sim_overpromise_delivered": {"zh": "实际交付（分）", "en": "Delivered level (pts)"},
    "sim_overpromise_title": {
        "zh": "承诺越高买的人越多，交付跟不上就不满意",
        "en": "Bigger promises sell more, but buyers judge delivery against them",
    },
    "sim_overpromise_xlabel": {"zh": "承诺水平（0–10 分）", "en": "Promised level (0–10 points)"},
    "sim_overpromise_ylabel": {"zh": "占潜在客户的比例（%）", "en": "Share of prospects (%)"},
    "sim_overpromise_buyers": {"zh": "购买者：{zone}", "en": "Buyers: {zone}"},
    "sim_overpromise_current": {"zh": "当前承诺", "en": "Current promise"},
    "sim_overpromise_delivered_line": {"zh": "实际交付水平", "en": "Delivered level"},
    "sim_overpromise_summary": {
        "zh": "承诺 {promised:.1f} 分，交付 {delivered:.1f} 分（差距 {gap:+.1f} 分）：{buy_probability:.0%} 的潜在客户购买，购买后{zone}。满意的购买者占潜在客户 {satisfied_buyers:.0%}，不满意的占 {dissatisfied_buyers:.0%}。",
        "en": "Promise {promised:.1f}, delivery {delivered:.1f} (gap {gap:+.1f}): {buy_probability:.0%} of prospects buy, and after buying they are: {zone}. Satisfied buyers: {satisfied_buyers:.0%} of prospects; dissatisfied buyers: {dissatisfied_buyers:.0%}.",
    },
    "sim_invalid": {"zh": "这组数值不能计算：", "en": "These values cannot be computed:"},
}


_state = {"lang": "zh"}


def set_language(lang):
    """Choose the language of labels and messages: ``"zh"`` or ``"en"``."""
    if lang not in LANGUAGES:
        raise ValueError(
            f"参数 lang = {lang!r} 不是可选值；可选：{LANGUAGES}。 / "
            f"lang = {lang!r} is not one of the choices: {LANGUAGES}."
        )
    _state["lang"] = lang


def get_language():
    """The language chosen by :func:`set_language` (``"zh"`` unless changed)."""
    return _state["lang"]


def text(key, lang=None, **values):
    """The label or message ``key`` in ``lang`` (default: the current language),
    with ``{placeholders}`` filled from ``values``.

    >>> text("demo_year", lang="zh", n=3)
    '第3年'
    """
    lang = lang or get_language()
    if lang not in LANGUAGES:
        set_language(lang)  # raises the bilingual error naming the allowed languages
    return TEXT[key][lang].format(**values)


def category_label(code, lang=None):
    """The label of a category code (the ``cat_<code>`` entry), or the code itself.

    >>> category_label("retail", lang="en"), category_label("no-such-code")
    ('Retail customer', 'no-such-code')
    """
    key = f"cat_{code}"
    return text(key, lang=lang) if key in TEXT else code


def localize(table, lang=None):
    """A copy of a pandas table for display: column names and category codes in the
    current language (via the ``col_<column>`` and ``cat_<code>`` entries), True/False
    as 是/否; names without an entry stay as they are. The numbers are not changed,
    and neither is the original table.

    >>> import pandas as pd
    >>> localize(pd.DataFrame({"tier": ["platinum", "lead"], "lapsed": [True, False]}), lang="zh")
       客户层级 次年没有再买
    0  铂金客户      是
    1  重铅客户      否
    """
    import pandas as pd

    from coursekit.errors import CourseInputError, bilingual

    if not isinstance(table, (pd.DataFrame, pd.Series)):
        raise CourseInputError(
            bilingual("type_error", name="table", value=type(table).__name__, expected="数据表", expected_en="a table")
        )

    def column(name):
        return text(f"col_{name}", lang=lang) if f"col_{name}" in TEXT else name

    def code(value):
        return category_label(value, lang) if isinstance(value, str) else value

    def values(series):
        if pd.api.types.is_bool_dtype(series):
            return series.map({True: text("yes", lang=lang), False: text("no", lang=lang)})
        if isinstance(series.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(series):
            return series.map(code)
        return series

    frame = table.to_frame() if isinstance(table, pd.Series) else table
    shown = frame.apply(values).rename(columns=column)
    shown.index = shown.index.map(code)
    shown.index.name = column(frame.index.name) if frame.index.name else None
    return shown
