"""Every piece of fixed text printed in the PDF reports (one place, to translate later).

The reports are Chinese work documents filed by the county, so these are plain Chinese strings.
Labels of codes (purposes, campaigns...) come from the database's code lists instead.
"""

from __future__ import annotations

# ---- titles -----------------------------------------------------------------------------------
TITLE_SUMMARY = "工作报表"
TITLE_LEDGER = "{register}台账"
TITLE_ROSTER = "慰问金发放签收表"
TITLE_JOBFAIR = "招聘会情况报告"
TITLE_BLANK_VISITS = "来访登记表"
TITLE_BLANK_FAIR = "招聘会求职登记表"
TITLE_BLANK = "空白登记表"

REGISTER_NAMES = {
    "visits": "来访登记",
    "relief": "慰问走访",
    "fairs": "招聘会",
    "seekers": "求职者登记",
    "intentions": "招聘会意向",
    "volunteers": "志愿者",
    "service_records": "志愿服务记录",
}

# ---- header, footer, title block ----------------------------------------------------------------
PAGE_OF = "第 {page} 页 / 共 {pages} 页"
GENERATED_AT = "生成时间：{when}"
STATION = "填报单位：{station}"
PERIOD = "统计期间：{period}"
PROGRAM = "祥云县职工之家工作台"
CONFIDENTIAL_FULL = "本表含完整身份证号码和电话号码，请妥善保管，用后按规定销毁。"
MASKED_NOTE = "为保护个人信息，身份证号码和电话号码已部分隐去。"
NO_RECORDS = "本期间无记录。"
TOTAL = "合计"
WHOLE_PERIOD = "全期"
UNIT_PEOPLE = "人"
SEQ = "序号"
YES = "是"
NO = "否"
TRUNCATED = "…（内容过长，已截断）"

# ---- signature blocks ---------------------------------------------------------------------------
SIGN_FILLED_BY = "填报人："
SIGN_REVIEWED_BY = "审核人："
SIGN_DATE = "日期："
SIGN_DATE_BLANK = "年　　月　　日"
SIGN_STAMP = "单位（盖章）"
SIGN_ISSUER = "发放人："
SIGN_WITNESS = "监督人："
SIGN_LEADER = "负责人："

# ---- summary ------------------------------------------------------------------------------------
SUMMARY_KEY_FIGURES = "主要数据"
SUMMARY_CHART = "各月走势"
SUMMARY_VISITS = "一、来访登记"
SUMMARY_RELIEF = "二、慰问走访"
SUMMARY_FAIRS = "三、招聘会"
SUMMARY_VOLUNTEERS = "四、志愿服务"
SUMMARY_MONTHLY = "五、分月统计"
SUMMARY_STATIONS = "六、分站点统计"
SUMMARY_DEFINITIONS = "统计口径说明"
HEADLINE_VISITS = "接待来访 {batches} 批次，来访 {person_times} 人次（一批可有多人，同一人来几次计几人次）。"
HEADLINE_RELIEF = ("慰问 {person_times} 人次、{people} 人，发放慰问金 {cash} 元，"
                   "慰问物品折价 {goods} 元。")
HEADLINE_FAIRS = ("举办招聘会 {events} 场，用人单位 {employers} 家，提供岗位 {positions} 个，"
                  "登记求职者 {seekers} 人，达成意向 {intentions} 人。")
HEADLINE_VOLUNTEERS = ("期末在册志愿者 {registered} 人；本期参与服务 {serving} 人"
                       "（按服务记录计，含服务后已退出或暂停的），服务 {records} 次，共 {hours} 小时。")
COL_MEASURE = "指标"
COL_UNIT = "单位"
COL_DEFINITION = "口径"
COL_REGISTER = "台账"
COL_THIS_PERIOD = "本期"
COL_YEAR_TO_DATE = "本年累计"
NOTE_YEAR_TO_DATE = "注：本年累计为 {start} 至 {end}。"
NOTE_CHART = "注：图中数字与本表各月数字相同；{what}。"
CHART_MONTHS_OF_YEAR = "月报显示本年各月"
CHART_MONTHS_OF_PERIOD = "显示本期各月"
BY_PURPOSE = "按来访事由"
BY_STATUS = "按办理状态"
BY_CAMPAIGN = "按慰问活动"
BY_CATEGORY = "按慰问对象类别"
BY_SKILL = "在册志愿者按服务技能（一人可有多项）"
COL_PURPOSE = "来访事由"
COL_STATUS = "办理状态"
COL_COUNT_VISITS = "接待批次"
COL_SHARE = "占比"
COL_CAMPAIGN = "慰问活动"
COL_CATEGORY = "对象类别"
COL_RELIEF_VISITS = "慰问人次"
COL_RELIEF_PEOPLE = "慰问人数"
COL_CASH = "慰问金（元）"
COL_GOODS_VALUE = "物品折价（元）"
COL_SKILL = "服务技能"
COL_VOLUNTEERS = "人数"
NOTE_PEOPLE_DISTINCT = ("注：慰问人数按身份证号（无身份证号时按姓名和电话）去重，"
                        "同一人在多个活动或类别中只在合计中计一次，故合计人数可能小于各项之和。")
COL_MONTH = "月份"
COL_VISITS = "接待批次"
COL_VISIT_PEOPLE = "来访人次"
COL_FAIRS = "招聘会"
COL_POSITIONS = "岗位"
COL_SEEKERS = "求职者"
COL_INTENTIONS = "意向人数"
COL_SERVICE_HOURS = "服务时长"
NOTE_MONTHLY = ("注：“全期”一行为整个统计期间的数字；慰问人数在期间内去重，"
                "故可能小于各月之和。")
MONTH_LABEL = "{month}月"
COL_STATION = "站点"
NOTE_STATIONS = ("注：合计行为全县数字（含县总工会自己的记录），等于本报表前面各部分的数字；"
                 "慰问人数在全县范围去重，故合计可能小于各站之和。")
STATIONS_LATE = "逾期或从未报送的站点"
STATIONS_LATE_NONE = "本期没有逾期或从未报送的站点。"
COL_LAST_BUNDLE = "最后一个同步包"
COL_LAST_BUNDLE_DATE = "生成日期"
COL_LATE = "情况"
LATE_NEVER = "从未报送"
LATE_DAYS = "逾期 {days} 天"
LATE_GAPS = "缺第 {seqs} 号包"
COUNTY_OWN = "县总工会"
STATION_NEVER_SEEN = "　未报送"

# ---- job fairs ----------------------------------------------------------------------------------
COL_FAIR_DATE = "日期"
COL_FAIR_NAME = "招聘会名称"
COL_FAIR_PLACE = "地点"
COL_FAIR_ORGANISER = "主办单位"
COL_EMPLOYERS = "用人单位"
FAIR_INFO = "名称：{name}　　日期：{date}　　地点：{place}　　主办：{organiser}"
FAIR_SECTION_POSITIONS = "一、各岗位达成意向"
FAIR_SECTION_EMPLOYERS = "二、用人单位及岗位"
FAIR_SECTION_SEEKERS = "三、登记求职者"
FAIR_SECTION_INTENTIONS = "四、达成意向"
FAIR_NO_POSITION = "（未填岗位）"
FAIR_TOTAL_POSITIONS = "合计：{records} 条意向，{people} 人"
NOTE_FAIR_POSITIONS = "注：意向数为意向条数；一人可对几个岗位有意向，故意向人数可能小于各岗位之和。"
FAIR_HEADLINE = ("用人单位 {employers} 家，提供岗位 {positions} 个；登记求职者 {seekers} 人；"
                 "达成意向 {intentions} 人（{records} 条意向）。")
FAIR_SOURCE_COUNTY = "（县总工会发布）"

# ---- column headers of the ledgers --------------------------------------------------------------
COL = {
    "seq": SEQ,
    "visited_at": "来访时间",
    "name": "姓名",
    "gender": "性别",
    "phone": "联系电话",
    "id_number": "身份证号码",
    "employer": "工作单位",
    "purpose": "来访事由",
    "party_size": "人数",
    "summary": "情况摘要",
    "status": "办理状态",
    "staff": "值班人员",
    "visit_date": "日期",
    "campaign": "慰问活动",
    "category": "对象类别",
    "address": "住址",
    "cash": "慰问金（元）",
    "goods": "慰问物品",
    "goods_value": "物品折价（元）",
    "visitors": "走访人员",
    "signature": "领取人签字",
    "notes": "备注",
    "held_on": "日期",
    "fair_name": "招聘会名称",
    "place": "地点",
    "organiser": "主办单位",
    "employers": "用人单位数",
    "positions": "岗位数",
    "seekers": "求职者",
    "intentions": "意向人数",
    "birth_year": "出生年份",
    "education": "学历",
    "household": "户籍",
    "poverty_relief": "脱贫劳动力",
    "desired_job": "求职意向",
    "seeker_intentions": "意向数",
    "skills": "服务技能",
    "availability": "可服务时间",
    "joined_on": "加入日期",
    "vol_status": "状态",
    "hours_period": "本期时长（小时）",
    "hours_total": "累计时长（小时）",
    "served_on": "服务日期",
    "volunteer": "志愿者",
    "activity": "服务内容",
    "hours": "时长（小时）",
    "employer_name": "用人单位",
    "credit_code": "统一社会信用代码",
    "contact": "联系人",
    "job_titles": "招聘工种",
    "pay_range": "月薪范围（元）",
    "employer_intentions": "意向人数",
    "agreed_on": "日期",
    "seeker": "求职者",
    "intention_status": "状态",
    "position": "岗位",
    "position_intentions": "意向数",
    "position_people": "意向人数",
}

LEDGER_TOTAL_VISITS = "合计：接待 {visits} 批次，来访 {people} 人次"
LEDGER_TOTAL_RELIEF = "合计：慰问 {visits} 人次、{people} 人，慰问金 {cash} 元，物品折价 {goods} 元"
LEDGER_TOTAL_FAIRS = ("合计：{events} 场，用人单位 {employers} 家，岗位 {positions} 个，"
                      "求职者 {seekers} 人，意向 {intentions} 人")
LEDGER_TOTAL_SEEKERS = "合计：{seekers} 人"
LEDGER_TOTAL_INTENTIONS = "合计：{records} 条意向，涉及求职者 {people} 人"
LEDGER_TOTAL_VOLUNTEERS = "合计：{count} 人（其中在册 {registered} 人），本期服务 {hours} 小时"
LEDGER_TOTAL_SERVICE = "合计：{records} 次，{people} 人，{hours} 小时"

# ---- roster -------------------------------------------------------------------------------------
ROSTER_CAMPAIGN = "慰问活动：{campaign}"
ROSTER_TOTAL = "合计：{people} 人（{visits} 次），慰问金 {cash} 元，物品折价 {goods} 元"
ROSTER_AMOUNT_WORDS = "慰问金合计（大写）：{words}"
ROSTER_NOTE = "请领取人核对金额后本人签字；代领的请注明代领人姓名及关系。"

# ---- blank forms --------------------------------------------------------------------------------
BLANK_VISIT_FIELDS = (("日期：", "年　　月　　日"), ("值班人员：", ""))
BLANK_FAIR_FIELDS = (("招聘会名称：", ""), ("日期：", "年　　月　　日"), ("地点：", ""))
BLANK_PURPOSE_HINT = "来访事由代码：{codes}"
BLANK_EDU_HINT = "学历：{codes}　　户籍：{households}"
BLANK_VISIT_COLS = ("序号", "来访时间", "姓名", "性别", "联系电话", "工作单位", "来访事由",
                    "人数", "情况摘要", "离开时间", "本人签字")
BLANK_FAIR_COLS = ("序号", "姓名", "性别", "出生年份", "联系电话", "学历", "户籍",
                   "脱贫劳动力\n（是/否）", "求职意向", "意向单位", "本人签字")
FAIR_TOTAL_EMPLOYERS = "合计：{employers} 家，{positions} 个岗位"
FAIR_TOTAL_SEEKERS = "合计：{seekers} 人"
FAIR_TOTAL_INTENTIONS = "合计：{records} 条意向，{people} 人"

# ---- recovery code printout (signin: 打印为 PDF) ------------------------------------------------
RECOVERY_TITLE = "账户恢复码"
RECOVERY_STATION = "站点：{station}"
RECOVERY_ACCOUNT = "账户：{username}"
RECOVERY_DATE = "打印日期：{date}"
RECOVERY_CODE_HEADING = "恢复码（共 {groups} 组，每组 4 个字符）"
RECOVERY_READ_ALOUD = ("读给别人听时，一组一组地读：{groups}。"
                       "只有数字和大写字母，没有字母 I、L、O、U。")
RECOVERY_WHAT_HEADING = "这张纸有什么用"
RECOVERY_WHAT = [
    "站长忘记密码时，用这个恢复码设置新密码：在登录窗口点“忘记密码”，输入恢复码和新密码。"
    "也可以在命令行运行 xiangyun-desk reset-password --recovery-code。",
    "用过一次后，程序会给出一个新的恢复码，这张纸随即作废：请打印新的恢复码，把这张纸销毁。",
]
RECOVERY_KEEP_HEADING = "怎样保管"
RECOVERY_KEEP = [
    "锁在柜子里，或交给站里指定的人保管；不要贴在电脑旁，不要拍照发到微信群。",
    "任何人拿到这张纸，都能改掉站长的密码，看到全部登记信息。",
    "如果怀疑恢复码被人看到，站长登录后在“安全”菜单中生成新的恢复码，旧的立即失效。",
]
RECOVERY_FILE_NAME = "恢复码-{station}-{date}.pdf"
