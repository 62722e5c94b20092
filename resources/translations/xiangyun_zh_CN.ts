<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Xiangyun Workers&apos; Home Desk</source>
        <translation>祥云职工之家工作台</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The latest backup is %1. Restore it? The damaged file is kept beside it.</source>
        <translation>最近的备份是 %1。要恢复它吗？损坏的文件会保留在旁边，不会删除。</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>The database is intact ({n} records).</source>
        <translation>数据库完好（共 {n} 条记录）。</translation>
    </message>
    <message>
        <source>The database has problems: {problems}. Restore the latest backup.</source>
        <translation>数据库有问题：{problems}。请从最近的备份恢复。</translation>
    </message>
    <message>
        <source>The backup copy failed its check: {problems}</source>
        <translation>备份文件未通过检查：{problems}</translation>
    </message>
    <message>
        <source>Could not write the backup to {folder}: the disk may be full or the USB stick removed ({detail}). Nothing was left behind.</source>
        <translation>无法把备份写到 {folder}：磁盘可能已满，或 U 盘已拔出（{detail}）。没有留下不完整的文件。</translation>
    </message>
    <message>
        <source>{file} cannot be restored: {problems}. The database was not changed.</source>
        <translation>无法恢复 {file}：{problems}。数据库未被改动。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Set up {name} ({code}) in {dir}</source>
        <translation>已设置 {name}（{code}），数据目录 {dir}</translation>
    </message>
    <message>
        <source>This data directory is not set up yet: run xiangyun-desk init first.</source>
        <translation>此数据目录尚未设置：请先运行 xiangyun-desk init。</translation>
    </message>
    <message>
        <source>--records must be at least 1.</source>
        <translation>--records 至少为 1。</translation>
    </message>
    <message>
        <source>Added demo records: {counts}</source>
        <translation>已添加演示数据：{counts}</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to 早于 --from。</translation>
    </message>
    <message>
        <source>The latest backup is {path}.</source>
        <translation>最近的备份是 {path}。</translation>
    </message>
    <message>
        <source>Restored {file}. The previous state was saved as {safety}.</source>
        <translation>已恢复 {file}。恢复前的数据已另存为 {safety}。</translation>
    </message>
    <message>
        <source>--period is required (2026-10, 2026-Q4 or 2026).</source>
        <translation>需要 --period（如 2026-10、2026-Q4 或 2026）。</translation>
    </message>
    <message>
        <source>--register is required for a ledger: {registers}.</source>
        <translation>台账需要 --register：{registers}。</translation>
    </message>
    <message>
        <source>--campaign is required for a roster (e.g. winter or 冬送温暖).</source>
        <translation>签收表需要 --campaign（如 winter 或 冬送温暖）。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已生成 {path}</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;mployer</source>
        <translation>工作单位(&amp;M)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved records are safe. Please send the details below to the county IT contact.
Log file: %1</source>
        <translation>程序内部出现了错误。已保存的记录不受影响。请把下面的详细信息发给县总工会的技术联系人。
日志文件：%1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>JobFairTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Job fair</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>用工单位</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>岗位数</translation>
    </message>
    <message>
        <source>Seekers</source>
        <translation>求职人数</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>主办单位(&amp;O)</translation>
    </message>
    <message>
        <source>Search fairs</source>
        <translation>搜索招聘会</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>招聘岗位</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪资</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>用工单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Positions offered</source>
        <translation>提供岗位数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>招聘岗位(&amp;J)</translation>
    </message>
    <message>
        <source>Pa&amp;y range</source>
        <translation>薪资范围(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Lifted from poverty</source>
        <translation>脱贫劳动力</translation>
    </message>
    <message>
        <source>Desired job</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <source>&amp;Birth year</source>
        <translation>出生年份(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;ducation</source>
        <translation>学历(&amp;D)</translation>
    </message>
    <message>
        <source>Ho&amp;usehold</source>
        <translation>户籍(&amp;U)</translation>
    </message>
    <message>
        <source>Lifted from po&amp;verty</source>
        <translation>脱贫劳动力(&amp;V)</translation>
    </message>
    <message>
        <source>Desired &amp;job</source>
        <translation>求职意向(&amp;J)</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>&amp;Register seeker</source>
        <translation>登记求职者(&amp;R)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Employers and positions</source>
        <translation>用工单位与岗位</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Job fairs</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Choose a job fair on the left (or create one).</source>
        <translation>请在左侧选择一场招聘会（或新建）。</translation>
    </message>
    <message>
        <source>Job &amp;seeker</source>
        <translation>求职者(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Xiangyun Workers&apos; Home Desk — %1</source>
        <translation>祥云职工之家工作台 — %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Relief visits</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>Job fairs</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>On duty:</source>
        <translation>值班：</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;deleted records</source>
        <translation>显示已删除记录(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;staff member…</source>
        <translation>添加工作人员(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>添加工作人员</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Xiangyun Workers&apos; Home Desk %1
Registers, reports and sync for the township workers&apos; homes of Xiangyun County.
Data directory: %2</source>
        <translation>祥云职工之家工作台 %1
祥云县乡镇职工之家的台账登记、报表与数据报送。
数据目录：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1：%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back up to a folder…</source>
        <translation>备份到文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Back up to a folder (e.g. a USB stick)</source>
        <translation>备份到文件夹（如 U 盘）</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The backup was written and checked:
%1</source>
        <translation>备份已写入并检查通过：
%1</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3)</source>
        <translation>数据库备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Replace all current records with the backup %1? The current state is backed up first, so this can be undone.</source>
        <translation>用备份 %1 替换当前的全部记录吗？恢复前会先备份当前数据，可以撤销。</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Visits to the station</source>
        <translation>来访人次</translation>
    </message>
    <message>
        <source>People who came</source>
        <translation>来访人数</translation>
    </message>
    <message>
        <source>Relief visits</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>People visited</source>
        <translation>慰问人数</translation>
    </message>
    <message>
        <source>Relief cash (yuan)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <source>Job fairs</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Positions offered</source>
        <translation>提供岗位</translation>
    </message>
    <message>
        <source>Job seekers registered</source>
        <translation>登记求职者</translation>
    </message>
    <message>
        <source>Seekers with an intention</source>
        <translation>达成意向人数</translation>
    </message>
    <message>
        <source>Volunteers on the roster</source>
        <translation>在册志愿者</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>参与服务志愿者</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请修改标红的项目。</translation>
    </message>
    <message>
        <source>Save and &amp;next</source>
        <translation>保存并继续(&amp;N)</translation>
    </message>
    <message>
        <source>Saved %1 (%2 so far). Enter the next one.</source>
        <translation>已保存 %1（本次共 %2 条），请录入下一条。</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Search name, phone, ID tail, employer, initials (zs)</source>
        <translation>搜索姓名、电话、身份证尾号、单位、拼音首字母（如 zs）</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>显示已删除</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted record(s)</source>
        <translation>
            <numerusform>已删除 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>新建：%1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>编辑：%1</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete this record? It can be restored later from &quot;Show deleted&quot;.</source>
        <translation>确定删除这条记录吗？之后可以在“显示已删除”中恢复。</translation>
    </message>
</context>
<context>
    <name>Registers</name>
    <message>
        <source>The job seeker is not registered at this fair.</source>
        <translation>该求职者未在本场招聘会登记。</translation>
    </message>
    <message>
        <source>The employer does not take part in this fair.</source>
        <translation>该单位未参加本场招聘会。</translation>
    </message>
    <message>
        <source>This record no longer exists; it may have been deleted.</source>
        <translation>这条记录已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>This record belongs to another station and is read-only here.</source>
        <translation>这条记录属于其他站点，此处只能查看。</translation>
    </message>
    <message>
        <source>This record was published by the county and is read-only here.</source>
        <translation>这条记录由县总工会发布，此处只能查看。</translation>
    </message>
    <message>
        <source>The linked record does not exist or was deleted.</source>
        <translation>关联的记录不存在或已删除。</translation>
    </message>
</context>
<context>
    <name>ReliefTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>慰问活动</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>对象类别</translation>
    </message>
    <message>
        <source>Cash (yuan)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Goods value</source>
        <translation>物品价值</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>慰问活动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Recipient ca&amp;tegory</source>
        <translation>对象类别(&amp;T)</translation>
    </message>
    <message>
        <source>Cas&amp;h (yuan)</source>
        <translation>慰问金（元）(&amp;H)</translation>
    </message>
    <message>
        <source>G&amp;oods</source>
        <translation>慰问品(&amp;O)</translation>
    </message>
    <message>
        <source>Goods &amp;value (yuan)</source>
        <translation>物品价值（元）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Visited by</source>
        <translation>走访人员(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Relief visits</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>Already visited</source>
        <translation>已慰问过</translation>
    </message>
    <message>
        <source>%1 already received a visit in this campaign this year (%2). Save anyway?</source>
        <translation>%1 今年已在同一慰问活动中受过慰问（%2）。仍要保存吗？</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>The period ends before it starts: {text}</source>
        <translation>期间的结束早于开始：{text}</translation>
    </message>
    <message>
        <source>Not a period: {text} (use 2026-10 for a month, 2026-Q4 for a quarter, 2026 for a year, or 2026-10-01..2026-11-15).</source>
        <translation>不是有效的期间：{text}（月份写 2026-10，季度写 2026-Q4，年度写 2026，或 2026-10-01..2026-11-15）。</translation>
    </message>
    <message>
        <source>This data directory is not set up yet: run xiangyun-desk init first.</source>
        <translation>此数据目录尚未设置：请先运行 xiangyun-desk init。</translation>
    </message>
    <message>
        <source>Unknown report kind {kind}; choose one of {kinds}.</source>
        <translation>未知的报表类型 {kind}；可选：{kinds}。</translation>
    </message>
    <message>
        <source>This report needs a period (e.g. 2026-10).</source>
        <translation>此报表需要指定期间（如 2026-10）。</translation>
    </message>
    <message>
        <source>Choose the register of the ledger: {registers}.</source>
        <translation>请选择台账类别：{registers}。</translation>
    </message>
    <message>
        <source>Choose the campaign of the roster: {campaigns}.</source>
        <translation>请选择慰问活动：{campaigns}。</translation>
    </message>
    <message>
        <source>Unknown blank form {form}; choose {forms}.</source>
        <translation>未知的空白表 {form}；可选：{forms}。</translation>
    </message>
    <message>
        <source>Choose the job fair with --event (the start of its id is enough): {fairs}</source>
        <translation>请用 --event 指定招聘会（写编号开头几位即可）：{fairs}</translation>
    </message>
    <message>
        <source>No job fair has the id {event}.</source>
        <translation>没有编号为 {event} 的招聘会。</translation>
    </message>
    <message>
        <source>Several job fairs have ids starting with {event}: {fairs}</source>
        <translation>有多场招聘会的编号以 {event} 开头：{fairs}</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name ending in .pdf.</source>
        <translation>{path} 是文件夹；请指定以 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}</source>
        <translation>无法写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Choose station or county.</source>
        <translation>请选择站点或县总工会。</translation>
    </message>
    <message>
        <source>The code is made of digits only.</source>
        <translation>编码只能包含数字。</translation>
    </message>
    <message>
        <source>Enter the name (at most 60 characters).</source>
        <translation>请输入名称（不超过 60 个字）。</translation>
    </message>
    <message>
        <source>This data directory is already set up.</source>
        <translation>此数据目录已经设置过。</translation>
    </message>
    <message>
        <source>A name has at most 50 characters.</source>
        <translation>姓名不能超过 50 个字。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Xiangyun Workers&apos; Home Desk</source>
        <translation>设置祥云职工之家工作台</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>This computer keeps the registers of one workers&apos; home station, or collects the work of all stations at the county office.</source>
        <translation>本电脑用于一个乡镇职工之家的台账登记，或在县总工会汇总各站点的数据。</translation>
    </message>
    <message>
        <source>&amp;Station (township workers&apos; home)</source>
        <translation>站点（乡镇职工之家）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;County office (arrives with sync bundles)</source>
        <translation>县总工会（随数据报送功能提供）(&amp;C)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>The code is given by the county federation (digits only).</source>
        <translation>站点编码由县总工会统一分配（只含数字）。</translation>
    </message>
    <message>
        <source>Station &amp;code</source>
        <translation>站点编码(&amp;C)</translation>
    </message>
    <message>
        <source>Station &amp;name</source>
        <translation>站点名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Township</source>
        <translation>所在乡镇(&amp;T)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>The people who work at the station, one name per line. They appear as &apos;staff on duty&apos; in the visitor log.</source>
        <translation>在站点工作的人员，每行一个姓名。来访登记中的“值班人员”从这里选择。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database file {path} is damaged or is not a database of this program. It has not been changed.</source>
        <translation>数据库文件 {path} 已损坏，或不是本程序的数据库。该文件未被改动。</translation>
    </message>
    <message>
        <source>The database file {path} was made by a newer version of this program (schema {revision}). Install the newer version; the file has not been changed.</source>
        <translation>数据库文件 {path} 由更新版本的程序创建（结构版本 {revision}）。请安装新版本；该文件未被改动。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Not a date: {text} (use 2026-10-01).</source>
        <translation>不是有效日期：{text}（格式如 2026-10-01）。</translation>
    </message>
    <message>
        <source>Not a date and time: {text} (use 2026-10-01 09:30).</source>
        <translation>不是有效的日期时间：{text}（格式如 2026-10-01 09:30）。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Must be at least {n}.</source>
        <translation>不能小于 {n}。</translation>
    </message>
    <message>
        <source>Must be at most {n}.</source>
        <translation>不能大于 {n}。</translation>
    </message>
    <message>
        <source>Enter a four-digit year.</source>
        <translation>请输入四位年份。</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code (18 characters with a check character).</source>
        <translation>统一社会信用代码无效（应为 18 位，含校验位）。</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters (this has {n}).</source>
        <translation>内容过长：最多 {limit} 个字符（现有 {n} 个）。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>Cannot be earlier than the start.</source>
        <translation>不能早于开始时间。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {n}.</source>
        <translation>身份证号应为 18 位，现在是 {n} 位。</translation>
    </message>
    <message>
        <source>An ID number has 17 digits followed by a digit or X.</source>
        <translation>身份证号应为 17 位数字加一位数字或 X。</translation>
    </message>
    <message>
        <source>The birth date {date} in the ID number is not a real date.</source>
        <translation>身份证号中的出生日期 {date} 不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date {date} in the ID number is impossible.</source>
        <translation>身份证号中的出生日期 {date} 不可能（晚于今天或早于 1900 年）。</translation>
    </message>
    <message>
        <source>The check character should be {expected}, not {actual}.</source>
        <translation>校验位应为 {expected}，而不是 {actual}。</translation>
    </message>
    <message>
        <source>Not an amount of money: {text}</source>
        <translation>不是有效金额：{text}</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (fen).</source>
        <translation>金额最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>Not a number of hours: {text}</source>
        <translation>不是有效的小时数：{text}</translation>
    </message>
    <message>
        <source>Hours must be more than 0 and at most 24.</source>
        <translation>时长应大于 0 且不超过 24 小时。</translation>
    </message>
    <message>
        <source>Hours go in steps of 0.5.</source>
        <translation>时长以 0.5 小时为单位。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits starting with 13-19; this one has {n} digits.</source>
        <translation>手机号应为以 13–19 开头的 11 位数字，现在是 {n} 位。</translation>
    </message>
    <message>
        <source>Add the area code to a landline number, e.g. 0872-1234567.</source>
        <translation>固定电话请加区号，如 0872-1234567。</translation>
    </message>
    <message>
        <source>Not a phone number: enter an 11-digit mobile or a landline with area code.</source>
        <translation>不是有效的电话号码：请填写 11 位手机号，或带区号的固定电话。</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visited at</source>
        <translation>来访时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>&amp;Visited at</source>
        <translation>来访时间(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Left at</source>
        <translation>离开时间(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Union member</source>
        <translation>是否会员(&amp;U)</translation>
    </message>
    <message>
        <source>Party si&amp;ze</source>
        <translation>人数(&amp;Z)</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>来访事由(&amp;U)</translation>
    </message>
    <message>
        <source>Summar&amp;y</source>
        <translation>情况摘要(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>处理结果(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Referred to</source>
        <translation>转办单位(&amp;R)</translation>
    </message>
    <message>
        <source>Staff on dut&amp;y</source>
        <translation>值班人员(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Follow-up date</source>
        <translation>回访日期(&amp;F)</translation>
    </message>
    <message>
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>特长(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Availability</source>
        <translation>可服务时间(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>加入日期(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>服务内容(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>时长（小时）(&amp;H)</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Service records: choose a volunteer above.</source>
        <translation>服务记录：请在上方选择一名志愿者。</translation>
    </message>
    <message>
        <source>Service records of %1</source>
        <translation>%1 的服务记录</translation>
    </message>
</context>
</TS>
