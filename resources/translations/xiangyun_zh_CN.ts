<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>密码至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>A password has at most 200 characters.</source>
        <translation>密码最多 200 个字符。</translation>
    </message>
    <message>
        <source>The password must not be the account name.</source>
        <translation>密码不能与账户名相同。</translation>
    </message>
    <message>
        <source>An account name has 1 to 50 characters and no spaces.</source>
        <translation>账户名为 1 到 50 个字符，不能含空格。</translation>
    </message>
    <message>
        <source>This account name is taken.</source>
        <translation>该账户名已被使用。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name (at most 50 characters).</source>
        <translation>请填写本人姓名（最多 50 个字符）。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>This station already has accounts: sign in instead.</source>
        <translation>本站已有账户，请直接登录。</translation>
    </message>
    <message>
        <source>The station needs at least one active station head.</source>
        <translation>本站至少要保留一个启用的站长账户。</translation>
    </message>
    <message>
        <source>Sign in with an account first.</source>
        <translation>请先用账户登录。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>This recovery code is not valid.</source>
        <translation>恢复码无效。</translation>
    </message>
    <message>
        <source>Wrong account name or password.</source>
        <translation>账户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again in {n} seconds.</source>
        <translation>密码错误次数过多，请 {n} 秒后再试。</translation>
    </message>
    <message>
        <source>Choose between {low} and {high} minutes.</source>
        <translation>请在 {low} 到 {high} 分钟之间选择。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts and locking</source>
        <translation>账户与自动锁定</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Set &amp;role</source>
        <translation>设为该角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Enable / disable</source>
        <translation>启用/停用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Temporary password…</source>
        <translation>临时密码(&amp;T)…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock after this long without use:</source>
        <translation>无操作多久后自动锁定(&amp;L)：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Temporary password for %1</source>
        <translation>%1 的临时密码</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>&amp;Account name</source>
        <translation>账户名(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First password</source>
        <translation>初始密码(&amp;F)</translation>
    </message>
    <message>
        <source>The person chooses their own password at the first sign-in.</source>
        <translation>本人首次登录时须改成自己的密码。</translation>
    </message>
</context>
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
    <message>
        <source>The program is already open</source>
        <translation>程序已经打开</translation>
    </message>
    <message>
        <source>Xiangyun Workers&apos; Home Desk is already open on this computer with the same data. Use the window that is open (look for it in the taskbar); a second one is not opened.</source>
        <translation>祥云县职工之家工作台已经在这台电脑上打开（同一份数据）。请使用已经打开的窗口（在任务栏里找它），不会再打开第二个窗口。</translation>
    </message>
    <message>
        <source>The data of this program is in use by the program on the computer %1. Close it there first. Open here anyway only if the program on %1 is surely closed (for example after a power cut).</source>
        <translation>这份数据正被电脑 %1 上的程序使用。请先在那台电脑上关闭程序。只有确定 %1 上的程序已经关闭（例如停电之后），才在这里“仍然打开”。</translation>
    </message>
    <message>
        <source>Open &amp;anyway</source>
        <translation>仍然打开(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>showed full ID/phone</source>
        <translation>查看完整身份证号或电话</translation>
    </message>
    <message>
        <source>erased a person&apos;s details</source>
        <translation>应本人要求清除个人信息</translation>
    </message>
    <message>
        <source>corrected a person&apos;s details</source>
        <translation>更正个人信息</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>backed up to a folder</source>
        <translation>备份到文件夹</translation>
    </message>
    <message>
        <source>restored a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>failed to sign in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>locked (idle)</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>failed to unlock</source>
        <translation>解锁失败</translation>
    </message>
    <message>
        <source>created an account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>changed an account</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <source>changed a password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>reset a password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>used the recovery code</source>
        <translation>使用恢复码</translation>
    </message>
    <message>
        <source>changed settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>loaded the county key card</source>
        <translation>载入县总工会密钥卡</translation>
    </message>
    <message>
        <source>made a new station signing key</source>
        <translation>生成新的站点签名密钥</translation>
    </message>
    <message>
        <source>re-enrolled a station (its new key)</source>
        <translation>重新登记站点（新密钥）</translation>
    </message>
    <message>
        <source>added a station to the list</source>
        <translation>在站点列表中添加了站点</translation>
    </message>
    <message>
        <source>changed a station in the list</source>
        <translation>修改了站点列表中的站点</translation>
    </message>
    <message>
        <source>confirmed a station&apos;s key fingerprint</source>
        <translation>确认了站点的密钥指纹</translation>
    </message>
    <message>
        <source>made a report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>made a report with full ID numbers</source>
        <translation>生成报表（含完整身份证号）</translation>
    </message>
    <message>
        <source>undid an import</source>
        <translation>撤销了一次导入</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>(system: command line or tools)</source>
        <translation>（系统：命令行或工具）</translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation>（未知账户）</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
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
        <source>Time of visit</source>
        <translation>来访时间</translation>
    </message>
    <message>
        <source>Time of leaving</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Union member</source>
        <translation>是否会员</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>来访人数</translation>
    </message>
    <message>
        <source>Purpose of visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>转办单位</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Date of the relief visit</source>
        <translation>慰问日期</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>慰问活动</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Recipient category</source>
        <translation>对象类别</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Goods value</source>
        <translation>物品折价</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date held</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Job fair</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Positions offered</source>
        <translation>岗位数</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>招聘岗位</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪资范围</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Poverty-relief household</source>
        <translation>脱贫户</translation>
    </message>
    <message>
        <source>Desired job</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Employer at the fair</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Date agreed</source>
        <translation>达成日期</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>Date joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Date served</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Minutes idle before the screen locks</source>
        <translation>无操作自动锁定（分钟）</translation>
    </message>
    <message>
        <source>Relief amount per visit that asks for confirmation</source>
        <translation>单次慰问需确认的金额</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>A bundle expected every month</source>
        <translation>每月应报送</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Key state</source>
        <translation>密钥状态</translation>
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
        <source>Job-fair employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Code lists</source>
        <translation>代码表</translation>
    </message>
    <message>
        <source>Intention status</source>
        <translation>意向状态</translation>
    </message>
    <message>
        <source>Volunteer status</source>
        <translation>志愿者状态</translation>
    </message>
    <message>
        <source>work report</source>
        <translation>工作报表</translation>
    </message>
    <message>
        <source>register printout</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>relief roster</source>
        <translation>慰问名册</translation>
    </message>
    <message>
        <source>job-fair report</source>
        <translation>招聘会报表</translation>
    </message>
    <message>
        <source>a person&apos;s records</source>
        <translation>个人信息表</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>held until the station&apos;s key is confirmed</source>
        <translation>暂存，待确认站点密钥后导入</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>already imported before</source>
        <translation>此前已导入过</translation>
    </message>
    <message>
        <source>older than the data already loaded</source>
        <translation>比已载入的数据旧，未使用</translation>
    </message>
    <message>
        <source>waiting for confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>%n new</source>
        <translation>新增 %n 条</translation>
    </message>
    <message>
        <source>%n changed</source>
        <translation>修改 %n 条</translation>
    </message>
    <message>
        <source>%n deleted</source>
        <translation>删除 %n 条</translation>
    </message>
    <message>
        <source>%n unchanged</source>
        <translation>%n 条未变</translation>
    </message>
    <message>
        <source>%n refused</source>
        <translation>拒收 %n 条</translation>
    </message>
    <message>
        <source>%n other</source>
        <translation>其他 %n 条</translation>
    </message>
    <message>
        <source>wrong recovery code</source>
        <translation>恢复码不正确</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>没有这个账户</translation>
    </message>
    <message>
        <source>another action</source>
        <translation>其他操作</translation>
    </message>
    <message>
        <source>another register</source>
        <translation>其他台账</translation>
    </message>
    <message>
        <source>another field</source>
        <translation>其他项目</translation>
    </message>
    <message>
        <source>(code no longer in the list)</source>
        <translation>（已不在代码表中）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>(another record)</source>
        <translation>（另一条记录）</translation>
    </message>
    <message>
        <source>(another state)</source>
        <translation>（其他状态）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%n record(s)</source>
        <translation>%n 条</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <source>%n record(s) in all</source>
        <translation>共 %n 条记录</translation>
    </message>
    <message>
        <source>Register: %1</source>
        <translation>台账：%1</translation>
    </message>
    <message>
        <source>with full ID numbers</source>
        <translation>含完整身份证号</translation>
    </message>
    <message>
        <source>Reference bundle</source>
        <translation>参考数据包</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>(another result)</source>
        <translation>（其他结果）</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>站点：%1</translation>
    </message>
    <message>
        <source>Bundle number %1</source>
        <translation>第 %1 号同步包</translation>
    </message>
    <message>
        <source>Reference bundle number %1</source>
        <translation>第 %1 号参考数据包</translation>
    </message>
    <message>
        <source>Full bundle (all records)</source>
        <translation>全量同步包（全部记录）</translation>
    </message>
    <message>
        <source>Changes %1 to %2</source>
        <translation>变更序号 %1 至 %2</translation>
    </message>
    <message>
        <source>Reason: the program met an unexpected error</source>
        <translation>原因：程序出现意外错误</translation>
    </message>
    <message>
        <source>Reason: the file cannot be used</source>
        <translation>原因：文件无法使用</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Receipts of station %1: %n bundle(s)</source>
        <translation>站点 %1 的回执：%n 个同步包</translation>
    </message>
    <message>
        <source>Key fingerprint: %1</source>
        <translation>密钥指纹：%1</translation>
    </message>
    <message>
        <source>Replaces the key with fingerprint %1</source>
        <translation>替换了指纹为 %1 的密钥</translation>
    </message>
    <message>
        <source>Retired key fingerprint: %1</source>
        <translation>停用的密钥指纹：%1</translation>
    </message>
    <message>
        <source>Previous key fingerprint: %1</source>
        <translation>原密钥指纹：%1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>原状态：%1</translation>
    </message>
    <message>
        <source>The station&apos;s key was confirmed</source>
        <translation>站点密钥已确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Not finished: its number is not used again</source>
        <translation>未完成，此编号作废不再使用</translation>
    </message>
    <message>
        <source>County code: %1</source>
        <translation>县级编码：%1</translation>
    </message>
    <message>
        <source>County: %1</source>
        <translation>县总工会：%1</translation>
    </message>
    <message>
        <source>At the first set-up</source>
        <translation>首次设置时</translation>
    </message>
    <message>
        <source>Confirmed by its first bundle</source>
        <translation>由首个同步包确认</translation>
    </message>
    <message>
        <source>With a note</source>
        <translation>附有说明</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Township: %1</source>
        <translation>乡镇：%1</translation>
    </message>
    <message>
        <source>A bundle is expected every month</source>
        <translation>每月应报送同步包</translation>
    </message>
    <message>
        <source>Code list: %1</source>
        <translation>代码表：%1</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>No longer offered for new records</source>
        <translation>新记录中不再提供</translation>
    </message>
    <message>
        <source>A new item</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>A new recovery code was made</source>
        <translation>重新生成了恢复码</translation>
    </message>
    <message>
        <source>Failed attempt number %1 in a row</source>
        <translation>连续第 %1 次失败</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>What: %1</source>
        <translation>内容：%1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>期间：%1</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>慰问活动：%1</translation>
    </message>
    <message>
        <source>For one job fair</source>
        <translation>某一场招聘会</translation>
    </message>
    <message>
        <source>The data before the restore was kept as %1</source>
        <translation>恢复前的数据已另存为 %1</translation>
    </message>
    <message>
        <source>%n log entries made after the backup were kept</source>
        <translation>保留了备份之后的 %n 条日志</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>其他：%1</translation>
    </message>
    <message>
        <source>a report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not yet confirmed</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>ID numbers masked</source>
        <translation>身份证号已打码</translation>
    </message>
    <message>
        <source>Data bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <source>Changes since the last bundle</source>
        <translation>上次报送以来的变更</translation>
    </message>
    <message>
        <source>Typed in by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>No monthly bundle expected</source>
        <translation>不要求每月报送</translation>
    </message>
    <message>
        <source>another list</source>
        <translation>其他代码表</translation>
    </message>
    <message>
        <source>On the command line</source>
        <translation>在命令行中</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>命令：%1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
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
        <source>Job-fair employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>（全部人员）</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>（系统）</translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation>（未知账户）</translation>
    </message>
    <message>
        <source>(all actions)</source>
        <translation>（全部操作）</translation>
    </message>
    <message>
        <source>(all registers)</source>
        <translation>（全部登记簿）</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Search name, record, details</source>
        <translation>搜索姓名、记录、详情</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>(the newest %1 shown)</source>
        <translation>（显示最新 %1 条）</translation>
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
        <source>{file} cannot be restored: {problems}. The database was not changed.</source>
        <translation>无法恢复 {file}：{problems}。数据库未被改动。</translation>
    </message>
    <message>
        <source>The records are kept on the PostgreSQL server {url}: back them up there with pg_dump (for example pg_dump -Fc -f xiangyun.dump DATABASE) and restore with pg_restore. This program&apos;s backup copies only the SQLite database file, so it has made no copy.</source>
        <translation>数据保存在 PostgreSQL 服务器 {url} 上，请在服务器上用 pg_dump 备份（例如 pg_dump -Fc -f xiangyun.dump 数据库名），用 pg_restore 恢复。本程序的备份只复制 SQLite 数据库文件，因此没有做任何复制。</translation>
    </message>
</context>
<context>
    <name>BackupSecretDialog</name>
    <message>
        <source>Encrypt the backup</source>
        <translation>加密备份</translation>
    </message>
    <message>
        <source>With the station head&apos;s &amp;recovery code (recommended)</source>
        <translation>用站长的恢复码加密（推荐）(&amp;R)</translation>
    </message>
    <message>
        <source>With a &amp;passphrase chosen now</source>
        <translation>用现在设定的备份密码加密(&amp;P)</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>恢复码(&amp;C)：</translation>
    </message>
    <message>
        <source>At least 10 characters: several words or a short sentence that others cannot guess. Write it down and give it to the station head: without it the backup cannot be opened.</source>
        <translation>至少 10 个字符：几个词或一句别人猜不到的短句。请写在纸上交站长保管：没有它，这份备份就打不开。</translation>
    </message>
    <message>
        <source>The copy on the USB stick is encrypted, so a lost stick reveals nothing. It opens again with the recovery code printed for the station head (type it as on the sheet), also on a new PC.</source>
        <translation>U盘上的备份是加密的，U盘丢了也不会泄露信息。恢复时用打印给站长的恢复码（照纸上的样子输入）即可打开，换了新电脑也可以。</translation>
    </message>
    <message>
        <source>The copy on the USB stick is encrypted, so a lost stick reveals nothing. This desk has no recovery code (no station head account): choose a passphrase; restoring the backup will ask for it.</source>
        <translation>U盘上的备份是加密的，U盘丢了也不会泄露信息。本机没有恢复码（没有站长账户）：请设定一个备份密码，恢复这份备份时要输入它。</translation>
    </message>
    <message>
        <source>This is not the current recovery code of a station head. Type it as printed on the sheet, or choose a passphrase instead.</source>
        <translation>这不是站长当前有效的恢复码。请照纸上打印的样子输入，或改用备份密码。</translation>
    </message>
    <message>
        <source>Passp&amp;hrase:</source>
        <translation>备份密码(&amp;H)：</translation>
    </message>
    <message>
        <source>R&amp;epeat the passphrase:</source>
        <translation>再输一次备份密码(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <source>The record belongs to station {code}, not to the station that sent the bundle.</source>
        <translation>这条记录属于站点 {code}，不属于发送此同步包的站点。</translation>
    </message>
    <message>
        <source>The record {id} appears twice in the bundle.</source>
        <translation>记录 {id} 在同步包中出现了两次。</translation>
    </message>
    <message>
        <source>It links to a record ({id}) that the county does not have.</source>
        <translation>它关联的记录（{id}）在县总工会这里不存在。</translation>
    </message>
    <message>
        <source>The record key is already used by station {code}.</source>
        <translation>这个记录编号已被站点 {code} 使用。</translation>
    </message>
    <message>
        <source>This data directory is not set up yet.</source>
        <translation>该数据目录尚未设置。</translation>
    </message>
    <message>
        <source>Only a station exports sync bundles.</source>
        <translation>只有站点才导出同步包。</translation>
    </message>
    <message>
        <source>Load the county&apos;s key card first (xiangyun-desk load-county-key FILE, or 同步 → 载入县总工会密钥卡).</source>
        <translation>请先载入县总工会密钥卡（xiangyun-desk load-county-key 文件，或 同步 → 载入县总工会密钥卡）。</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>The bundle could not be written: {error}</source>
        <translation>同步包未能写入：{error}</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>The bundle did not read back correctly from {path}; the file was removed. Try another USB stick or folder.</source>
        <translation>同步包写入 {path} 后校验未通过，文件已删除。请换一个U盘或文件夹再试。</translation>
    </message>
    <message>
        <source>Field {field} has a value of the wrong kind.</source>
        <translation>字段 {field} 的值类型不对。</translation>
    </message>
    <message>
        <source>Unknown field {field} (the station runs a newer version: update this program).</source>
        <translation>未知字段 {field}（站点使用的是更新的版本：请先升级本程序）。</translation>
    </message>
    <message>
        <source>Field {field} is missing.</source>
        <translation>缺少字段 {field}。</translation>
    </message>
    <message>
        <source>Field {field} is longer than {limit} characters.</source>
        <translation>字段 {field} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The record key is not a UUID.</source>
        <translation>记录编号不是 UUID。</translation>
    </message>
    <message>
        <source>{what} is larger than allowed ({size} bytes).</source>
        <translation>{what} 超过允许的大小（{size} 字节）。</translation>
    </message>
    <message>
        <source>{what} is not valid UTF-8 text.</source>
        <translation>{what} 不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>{what} is nested too deeply.</source>
        <translation>{what} 嵌套层数过多。</translation>
    </message>
    <message>
        <source>{what} is not valid JSON.</source>
        <translation>{what} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The file holds {n} entries; a bundle has at most {limit}.</source>
        <translation>文件内有 {n} 个条目；同步包最多只有 {limit} 个。</translation>
    </message>
    <message>
        <source>The file holds an entry with an unsafe path: {name}</source>
        <translation>文件内有路径不安全的条目：{name}</translation>
    </message>
    <message>
        <source>The file holds an entry that does not belong in a bundle: {name}</source>
        <translation>文件内有不属于同步包的条目：{name}</translation>
    </message>
    <message>
        <source>The file holds an entry twice: {name}</source>
        <translation>文件内有重复的条目：{name}</translation>
    </message>
    <message>
        <source>{what} would expand {ratio} times; this is not a bundle of this program.</source>
        <translation>{what} 解压后会膨胀 {ratio} 倍；这不是本程序生成的同步包。</translation>
    </message>
    <message>
        <source>The records do not match the manifest: the file is damaged or was changed.</source>
        <translation>记录与清单不符：文件已损坏或被改动。</translation>
    </message>
    <message>
        <source>The file is damaged (a part of it does not read back).</source>
        <translation>文件已损坏（有部分内容无法读出）。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file is not a bundle (not a zip archive, or truncated).</source>
        <translation>该文件不是同步包（不是 zip 压缩包，或已被截断）。</translation>
    </message>
    <message>
        <source>The file is not a complete bundle: {name} is missing.</source>
        <translation>同步包不完整：缺少 {name}。</translation>
    </message>
    <message>
        <source>The signature is damaged.</source>
        <translation>签名已损坏。</translation>
    </message>
    <message>
        <source>This is a reference bundle from the county, not a station bundle.</source>
        <translation>这是县总工会下发的参考数据包，不是站点同步包。</translation>
    </message>
    <message>
        <source>This is a station bundle, not a reference bundle from the county.</source>
        <translation>这是站点同步包，不是县总工会下发的参考数据包。</translation>
    </message>
    <message>
        <source>The file is not a bundle of this program.</source>
        <translation>该文件不是本程序生成的同步包。</translation>
    </message>
    <message>
        <source>The bundle was made by a newer version of the program (format {version}); update this program first.</source>
        <translation>该同步包由更新版本的程序生成（格式 {version}）；请先升级本程序。</translation>
    </message>
    <message>
        <source>The records inside the bundle are damaged.</source>
        <translation>同步包内的记录已损坏。</translation>
    </message>
    <message>
        <source>A line of {what} is longer than {limit} bytes.</source>
        <translation>{what} 中有一行超过 {limit} 字节。</translation>
    </message>
    <message>
        <source>The manifest lacks a valid {field}.</source>
        <translation>清单缺少有效的 {field}。</translation>
    </message>
    <message>
        <source>Station {code}: bundle(s) No. {numbers} not received.</source>
        <translation>站点 {code}：第 {numbers} 号包未收到。</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <source>Only the county imports station bundles.</source>
        <translation>只有县总工会才导入站点同步包。</translation>
    </message>
    <message>
        <source>The bundle is for county {theirs}, not for this county ({ours}).</source>
        <translation>该同步包是发给 {theirs} 的，不是本县（{ours}）。</translation>
    </message>
    <message>
        <source>The bundle claims to come from the county itself ({code}).</source>
        <translation>该同步包自称来自县总工会本身（{code}）。</translation>
    </message>
    <message>
        <source>This county installation has no decryption key (keys/county-age.key).</source>
        <translation>本县级安装没有解密密钥（keys/county-age.key）。</translation>
    </message>
    <message>
        <source>The bundle was encrypted for another county key (fingerprint {theirs}). The station must load this county&apos;s current key card and export a full bundle.</source>
        <translation>该同步包是用另一把县级密钥加密的（指纹 {theirs}）。站点须载入本县当前的密钥卡，并导出一个全量包。</translation>
    </message>
    <message>
        <source>The signature does not match: the file was changed after the station wrote it.</source>
        <translation>签名不符：文件在站点生成后被改动过。</translation>
    </message>
    <message>
        <source>The file was renamed (the station wrote it as {name}); its contents decide, not its name.</source>
        <translation>文件已被改名（站点生成时名为 {name}）；以内容为准，不看文件名。</translation>
    </message>
    <message>
        <source>Bundle No. {seq} of station {code} was imported before; nothing changes.</source>
        <translation>站点 {code} 的第 {seq} 号包此前已导入；没有任何变化。</translation>
    </message>
    <message>
        <source>The encrypted records do not match the manifest: the file is damaged or was changed.</source>
        <translation>加密记录与清单不符：文件已损坏或被改动。</translation>
    </message>
    <message>
        <source>The records cannot be decrypted with this county&apos;s key.</source>
        <translation>无法用本县密钥解密这些记录。</translation>
    </message>
    <message>
        <source>The records of {table} do not match the manifest.</source>
        <translation>{table} 的记录与清单不符。</translation>
    </message>
    <message>
        <source>Bundle No. {seq} is older than No. {newest} already imported; the county keeps the newer records.</source>
        <translation>第 {seq} 号包早于已导入的第 {newest} 号包；县里保留较新的记录。</translation>
    </message>
    <message>
        <source>{n} record(s) in this bundle are older than the county&apos;s copy and were left as they are.</source>
        <translation>本包中有 {n} 条记录比县里的版本旧，保持不变。</translation>
    </message>
    <message>
        <source>{n} record(s) were refused; see the list. The rest of the bundle was applied.</source>
        <translation>有 {n} 条记录被拒收，见下方列表；本包其余记录已导入。</translation>
    </message>
    <message>
        <source>The signing key is not a valid Ed25519 public key.</source>
        <translation>签名密钥不是有效的 Ed25519 公钥。</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read.</source>
        <translation>无法读取密钥文件 {path}。</translation>
    </message>
    <message>
        <source>This is not a county key card of this program.</source>
        <translation>这不是本程序的县总工会密钥卡。</translation>
    </message>
    <message>
        <source>The key card&apos;s fingerprint does not match its keys: the file was changed.</source>
        <translation>密钥卡上的指纹与密钥不符：文件被改动过。</translation>
    </message>
    <message>
        <source>Only a county installation has a county key card.</source>
        <translation>只有县级安装才有县总工会密钥卡。</translation>
    </message>
    <message>
        <source>The key card could not be written to {path}: {error}</source>
        <translation>无法把密钥卡写到 {path}：{error}</translation>
    </message>
    <message>
        <source>Only the county publishes reference bundles.</source>
        <translation>只有县总工会才发布参考数据包。</translation>
    </message>
    <message>
        <source>Only a station applies reference bundles.</source>
        <translation>只有站点才载入参考数据包。</translation>
    </message>
    <message>
        <source>The reference bundle is not signed by the county whose key card this station loaded.</source>
        <translation>该参考数据包不是由本站已载入密钥卡的县总工会签署的。</translation>
    </message>
    <message>
        <source>Reference bundle No. {seq} is not newer than No. {last} already applied; nothing changes.</source>
        <translation>第 {seq} 号参考数据包不比已载入的第 {last} 号新；没有任何变化。</translation>
    </message>
    <message>
        <source>Only the county changes code lists.</source>
        <translation>只有县总工会才修改代码表。</translation>
    </message>
    <message>
        <source>A code item needs a list, a code (at most 40 characters) and a Chinese label.</source>
        <translation>代码项需要代码表名、代码（最多 40 个字符）和中文名称。</translation>
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
        <source>Fair employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Code lists</source>
        <translation>代码表</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>already imported (duplicate)</source>
        <translation>此前已导入（重复）</translation>
    </message>
    <message>
        <source>older than what the county has (stale)</source>
        <translation>比县里已有的旧（过期）</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>would be applied</source>
        <translation>将导入</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>{file}: {status}</source>
        <translation>{file}：{status}</translation>
    </message>
    <message>
        <source>{file}: {name} ({code}), bundle No. {seq} ({kind}): {status}</source>
        <translation>{file}：{name}（{code}），第 {seq} 号包（{kind}）：{status}</translation>
    </message>
    <message>
        <source>Station {code} is not in the county&apos;s list of stations. Before applying it, call the station and check that its key fingerprint (同步 → 本站密钥指纹) is {fp}, then confirm it.</source>
        <translation>站点 {code} 不在本县的站点列表中。导入前请打电话给该站点，核对其密钥指纹（同步 → 本站密钥指纹）是否为 {fp}，核对无误后再确认。</translation>
    </message>
    <message>
        <source>The key of station {code} has not been confirmed. Call the station and check that its key fingerprint is {fp}, then confirm it.</source>
        <translation>站点 {code} 的密钥尚未确认。请打电话给该站点，核对其密钥指纹是否为 {fp}，核对无误后再确认。</translation>
    </message>
    <message>
        <source>Station {code} signed this bundle with another key (fingerprint {new}); the confirmed key is {old}. If the station renewed its key, check the new fingerprint with the station by phone and confirm it.</source>
        <translation>站点 {code} 用另一把密钥（指纹 {new}）签名了此同步包；已确认的密钥指纹为 {old}。如该站点确实更换了密钥，请电话核对新指纹后再确认。</translation>
    </message>
    <message>
        <source>The fingerprint confirmed for station {code} ({typed}) is not the fingerprint of this bundle&apos;s key: nothing was confirmed.</source>
        <translation>为站点 {code} 确认的指纹（{typed}）与此同步包的密钥指纹不符：未确认任何密钥。</translation>
    </message>
    <message>
        <source>The key of station {code} was accepted at its first bundle, without a check (confirmed by first use). Verify its fingerprint {fp} with the station and confirm it in 站点.</source>
        <translation>站点 {code} 的密钥是在收到其第一个同步包时未经核对接受的（首次使用确认）。请与该站点核对指纹 {fp}，并在“站点”中确认。</translation>
    </message>
    <message>
        <source>A key fingerprint is 20 digits (in five groups of four).</source>
        <translation>密钥指纹为 20 位数字（四位一组，共五组）。</translation>
    </message>
    <message>
        <source>change number</source>
        <translation>变更序号</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>phone (normalised)</source>
        <translation>电话（规范格式）</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>date of the fair</source>
        <translation>招聘会日期</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>岗位数</translation>
    </message>
    <message>
        <source>job titles</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <source>pay range</source>
        <translation>薪资范围</translation>
    </message>
    <message>
        <source>job seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>date of the intention</source>
        <translation>达成意向日期</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>date of service</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>awaiting confirmation of the station&apos;s key</source>
        <translation>待确认（站点密钥未确认）</translation>
    </message>
    <message>
        <source>Its change number {n} is outside the bundle&apos;s range ({low} to {high}].</source>
        <translation>其变更序号 {n} 不在本同步包的范围（{low} 至 {high}]内。</translation>
    </message>
    <message>
        <source>The time {time} is impossible.</source>
        <translation>时间 {time} 不可能。</translation>
    </message>
    <message>
        <source>The normalised phone does not match the phone as typed.</source>
        <translation>规范格式的电话与填写的电话不一致。</translation>
    </message>
    <message>
        <source>A station sends only its own job fairs; the county&apos;s fairs are not sent back.</source>
        <translation>站点只能发送本站的招聘会；县总工会的招聘会不应回传。</translation>
    </message>
    <message>
        <source>Only a station installation has a station key.</source>
        <translation>只有站点安装才有站点密钥。</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>This is not a relay bundle from the tier below (it is a station or reference bundle).</source>
        <translation>这不是下级转报包（而是站点同步包或参考数据包）。</translation>
    </message>
    <message>
        <source>This is a relay bundle for a prefecture or province, not a station or reference bundle.</source>
        <translation>这是报给州或省总工会的转报包，不是站点同步包或参考数据包。</translation>
    </message>
    <message>
        <source>station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县总工会</translation>
    </message>
    <message>
        <source>prefecture</source>
        <translation>州总工会</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省总工会</translation>
    </message>
    <message>
        <source>Only a county or a prefecture forwards relay bundles to the next tier.</source>
        <translation>只有县总工会或州总工会向上级报送转报包。</translation>
    </message>
    <message>
        <source>This is this installation&apos;s own key card, not the next tier&apos;s.</source>
        <translation>这是本单位自己的密钥卡，不是上级的密钥卡。</translation>
    </message>
    <message>
        <source>Load the next tier&apos;s key card first (xiangyun-desk load-upper-key FILE).</source>
        <translation>请先载入上级的密钥卡（xiangyun-desk load-upper-key 文件）。</translation>
    </message>
    <message>
        <source>{code}: relay bundle(s) No. {numbers} not received.</source>
        <translation>{code}：第 {numbers} 号转报包未收到。</translation>
    </message>
    <message>
        <source>Only a prefecture or a province imports relay bundles.</source>
        <translation>只有州总工会或省总工会导入转报包。</translation>
    </message>
    <message>
        <source>The relay bundle is for {theirs}, not for this installation ({ours}).</source>
        <translation>此转报包是报给 {theirs} 的，不是报给本单位（{ours}）的。</translation>
    </message>
    <message>
        <source>The relay bundle was encrypted for another key (fingerprint {theirs}). The tier below must load this installation&apos;s current key card and export a full relay bundle.</source>
        <translation>此转报包是用另一把密钥加密的（指纹 {theirs}）。下级须载入本单位当前的密钥卡，再导出一个完整转报包。</translation>
    </message>
    <message>
        <source>The signature does not match: the file was changed after the tier below wrote it.</source>
        <translation>签名不符：下级生成此文件后，文件被改动过。</translation>
    </message>
    <message>
        <source>Relay bundle No. {seq} of {code} was imported before; nothing changes.</source>
        <translation>{code} 的第 {seq} 号转报包已导入过，无任何变化。</translation>
    </message>
    <message>
        <source>The records cannot be decrypted with this installation&apos;s key.</source>
        <translation>无法用本单位的密钥解密这些记录。</translation>
    </message>
    <message>
        <source>{code} is not enrolled here. Before applying its relay bundles, call it and check that its key card&apos;s fingerprint is {fp}, then confirm it.</source>
        <translation>{code} 尚未在本单位登记。导入其转报包前，请打电话核对其密钥卡指纹是否为 {fp}，再确认。</translation>
    </message>
    <message>
        <source>The key of {code} has not been confirmed. Call it and check that its key card&apos;s fingerprint is {fp}, then confirm it.</source>
        <translation>{code} 的密钥尚未确认。请打电话核对其密钥卡指纹是否为 {fp}，再确认。</translation>
    </message>
    <message>
        <source>{code} signed this relay bundle with another key (fingerprint {new}); the confirmed one is {old}. Check the new fingerprint by phone and confirm it.</source>
        <translation>{code} 用另一把密钥（指纹 {new}）签名了此转报包；已确认的指纹是 {old}。请打电话核对新指纹后再确认。</translation>
    </message>
    <message>
        <source>{sender} vouches for station {station}, which is not under it.</source>
        <translation>{sender} 为站点 {station} 担保，但该站点不属于它的下级。</translation>
    </message>
    <message>
        <source>Relay bundle No. {seq} is older than No. {newest} already imported; nothing changes.</source>
        <translation>第 {seq} 号转报包早于已导入的第 {newest} 号，无任何变化。</translation>
    </message>
    <message>
        <source>Bundle No. {seq} of station {station} does not carry the station&apos;s valid signature: it was changed after the station signed it.</source>
        <translation>站点 {station} 的第 {seq} 号同步包没有该站点的有效签名：站点签名后被改动过。</translation>
    </message>
    <message>
        <source>Bundle No. {seq} of station {station} is signed by a key (fingerprint {fp}) that {sender} did not confirm for the station.</source>
        <translation>站点 {station} 的第 {seq} 号同步包所用的签名密钥（指纹 {fp}）不是 {sender} 为该站点确认的密钥。</translation>
    </message>
    <message>
        <source>The records of station {station} (bundle No. {seq}, {table}) do not match what the station signed: they were changed on the way. Nothing of this relay bundle was applied.</source>
        <translation>站点 {station} 的记录（第 {seq} 号同步包，{table}）与站点签名的内容不符：途中被改动过。此转报包的任何内容都未导入。</translation>
    </message>
    <message>
        <source>{code} does not report to this installation: its relay bundle cannot be imported here.</source>
        <translation>{code} 不向本单位报送，其转报包不能在此导入。</translation>
    </message>
    <message>
        <source>{file}: {name} ({code}), relay bundle No. {seq} ({kind}): {status}</source>
        <translation>{file}：{name}（{code}），第 {seq} 号转报包（{kind}）：{status}</translation>
    </message>
    <message>
        <source>{code} {name}, bundle No. {seq}: {status}</source>
        <translation>{code} {name}，第 {seq} 号同步包：{status}</translation>
    </message>
    <message>
        <source>Only the newest applied import can be undone, and only one imported by this version of the program: undo the later imports first.</source>
        <translation>只能撤销最近一次已应用的导入（且须是本版本程序导入的）：请先撤销之后的导入。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The station head set a temporary password. Choose your own.</source>
        <translation>站长为您设了临时密码，请改成自己的密码。</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再输一次(&amp;R)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
    <message>
        <source>Cannot read the password file: {reason}</source>
        <translation>无法读取密码文件：{reason}</translation>
    </message>
    <message>
        <source>Give the password with --password-file FILE (or - for standard input).</source>
        <translation>请用 --password-file 文件 提供密码（- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Recovery code of {user} (print it or write it down and keep it locked away; it is shown only now):</source>
        <translation>{user} 的恢复码（请打印或抄写并锁好保管；只显示这一次）：</translation>
    </message>
    <message>
        <source>Created the station head&apos;s account {user}.</source>
        <translation>已创建站长账户 {user}。</translation>
    </message>
    <message>
        <source>Use --recovery-code: the station head&apos;s printed recovery code sets a new password. Staff ask the station head.</source>
        <translation>请使用 --recovery-code：用站长打印保存的恢复码设置新密码。工作人员请找站长重设。</translation>
    </message>
    <message>
        <source>With --password-file -, give the code after --recovery-code.</source>
        <translation>使用 --password-file - 时，请在 --recovery-code 后直接写恢复码。</translation>
    </message>
    <message>
        <source>Recovery code: </source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <source>No recovery code was given.</source>
        <translation>没有输入恢复码。</translation>
    </message>
    <message>
        <source>The password of {user} was changed. The old recovery code no longer works.</source>
        <translation>{user} 的密码已更改，旧的恢复码已失效。</translation>
    </message>
    <message>
        <source>Row {row}: {status}. {reason}</source>
        <translation>第 {row} 行：{status}。{reason}</translation>
    </message>
    <message>
        <source>{ready} ready, {possible} possible duplicates, {duplicate} duplicates skipped, {refused} refused, {merged} merged into another row.</source>
        <translation>可导入 {ready} 行，可能重复 {possible} 行，重复已跳过 {duplicate} 行，拒绝 {refused} 行，并入其他行 {merged} 行。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported {n} records into {register}.</source>
        <translation>已导入 {n} 条记录到 {register}。</translation>
    </message>
    <message>
        <source>Wrote {n} records to {path}</source>
        <translation>已导出 {n} 条记录到 {path}</translation>
    </message>
    <message>
        <source>Cannot read {path}.</source>
        <translation>无法读取 {path}。</translation>
    </message>
    <message>
        <source>This command is for the county installation.</source>
        <translation>该命令用于县级安装。</translation>
    </message>
    <message>
        <source>This command is for a station installation.</source>
        <translation>该命令用于站点安装。</translation>
    </message>
    <message>
        <source>Wrote the key card of {name} to {path}. Fingerprint: {fp}</source>
        <translation>已将 {name} 的密钥卡写入 {path}。指纹：{fp}</translation>
    </message>
    <message>
        <source>Loaded the key card of {name} ({code}). Fingerprint: {fp} — compare it with the county by phone.</source>
        <translation>已载入 {name}（{code}）的密钥卡。指纹：{fp} —— 请电话与县总工会核对。</translation>
    </message>
    <message>
        <source>No bundle files (*.xyb) were given or found.</source>
        <translation>没有给出或找到同步包文件（*.xyb）。</translation>
    </message>
    <message>
        <source>No station {code} is known to this county.</source>
        <translation>本县没有站点 {code} 的记录。</translation>
    </message>
    <message>
        <source>  The county confirmed bundle(s) {numbers}.</source>
        <translation>  县总工会已确认收到第 {numbers} 号包。</translation>
    </message>
    <message>
        <source>Station {code}: key fingerprint {fp} confirmed. Bundles signed with it are applied; any other key is held for confirmation.</source>
        <translation>站点 {code}：已确认密钥指纹 {fp}。用此密钥签名的同步包将被导入；其他密钥签名的同步包将待确认。</translation>
    </message>
    <message>
        <source>A station keeps its records in the database file of its data directory; --database-url is for the county and the tiers above it.</source>
        <translation>站点的数据保存在数据目录中的数据库文件里；--database-url 只用于县总工会及以上各级。</translation>
    </message>
    <message>
        <source>{dir} already names a database server ({file}); edit or remove that file instead.</source>
        <translation>{dir} 已经指定了数据库服务器（{file}）；请修改或删除该文件。</translation>
    </message>
    <message>
        <source>--confirm takes CODE=FINGERPRINT, e.g. --confirm &quot;03=2113 0079 7777 8066 7812&quot;.</source>
        <translation>--confirm 的格式为 站点代码=指纹，例如 --confirm &quot;03=2113 0079 7777 8066 7812&quot;。</translation>
    </message>
    <message>
        <source>  Not applied. After checking the fingerprint with the station by phone: xiangyun-desk import-bundle &quot;{file}&quot; --confirm &quot;{code}={fp}&quot;</source>
        <translation>  未导入。电话与站点核对指纹无误后执行：xiangyun-desk import-bundle &quot;{file}&quot; --confirm &quot;{code}={fp}&quot;</translation>
    </message>
    <message>
        <source>       a bundle brought key {fp}: check it with the station, then confirm-station-key {code} --fingerprint &quot;{fp}&quot;</source>
        <translation>       收到的同步包带来密钥 {fp}：请与站点核对后执行 confirm-station-key {code} --fingerprint &quot;{fp}&quot;</translation>
    </message>
    <message>
        <source>Station {code} {name} added.</source>
        <translation>已添加站点 {code} {name}。</translation>
    </message>
    <message>
        <source>Station {code} {name} saved.</source>
        <translation>已保存站点 {code} {name}。</translation>
    </message>
    <message>
        <source>Key fingerprint of {name} ({code}):</source>
        <translation>{name}（{code}）的密钥指纹：</translation>
    </message>
    <message>
        <source>Read it out to the county office by phone: the county confirms it before it applies this station&apos;s bundles.</source>
        <translation>请打电话把指纹念给县总工会：县总工会核对确认后才会导入本站的同步包。</translation>
    </message>
    <message>
        <source>New signing key, fingerprint {fp}. Read it out to the county office by phone: until the county confirms it (confirm-station-key {code}), this station&apos;s bundles wait there for confirmation.</source>
        <translation>已生成新签名密钥，指纹 {fp}。请打电话把指纹念给县总工会：在县总工会确认（confirm-station-key {code}）之前，本站的同步包将在县里待确认。</translation>
    </message>
    <message>
        <source>Added demo records:</source>
        <translation>已添加演示记录：</translation>
    </message>
    <message>
        <source>  {register}: {n}</source>
        <translation>  {register}：{n} 条</translation>
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
        <source>Employers at the fairs</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer service records</source>
        <translation>志愿服务记录</translation>
    </message>
    <message>
        <source>Period: {start} to {end}</source>
        <translation>统计期间：{start} 至 {end}</translation>
    </message>
    <message>
        <source>the first record</source>
        <translation>最早的记录</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>No. {seq}  {created}  {kind}  {records} records  county receipt {confirmed}  {file}</source>
        <translation>第 {seq} 号  {created}  {kind}  {records} 条记录  县总工会回执 {confirmed}  {file}</translation>
    </message>
    <message>
        <source>No. {seq} ({date})</source>
        <translation>第 {seq} 号（{date}）</translation>
    </message>
    <message>
        <source>Name the backup file to restore, or list a folder&apos;s backups with --list FOLDER.</source>
        <translation>请指定要恢复的备份文件，或用 --list 文件夹 列出文件夹中的备份。</translation>
    </message>
    <message>
        <source>A backup to a folder outside the data directory is encrypted: give --recovery-code-file FILE or --passphrase-file FILE (- for standard input).</source>
        <translation>备份到数据目录以外的文件夹时会加密：请用 --recovery-code-file 文件 或 --passphrase-file 文件 提供恢复码或备份密码（- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>Station head&apos;s recovery code: </source>
        <translation>站长的恢复码：</translation>
    </message>
    <message>
        <source>This desk has no recovery code: choose a passphrase for the backup (at least 10 characters; write it down, restoring asks for it).</source>
        <translation>本机没有恢复码：请为这份备份设定一个备份密码（至少 10 个字符；请写在纸上保管，恢复时要输入）。</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>备份密码：</translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>再输一次备份密码：</translation>
    </message>
    <message>
        <source>This is not the current recovery code of a station head; nothing was written.</source>
        <translation>这不是站长当前有效的恢复码；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Recovery code or passphrase of the backup: </source>
        <translation>这份备份的恢复码或备份密码：</translation>
    </message>
    <message>
        <source>There are no backups of this program in {folder}.</source>
        <translation>{folder} 中没有本程序的备份。</translation>
    </message>
    <message>
        <source>This command is for a county or prefecture installation.</source>
        <translation>此命令用于县总工会或州总工会的安装。</translation>
    </message>
    <message>
        <source>This command is for a prefecture or province installation.</source>
        <translation>此命令用于州总工会或省总工会的安装。</translation>
    </message>
    <message>
        <source>Loaded the key card of the next tier, {name} ({code}). Fingerprint: {fp} — compare it with them by phone.</source>
        <translation>已载入上级 {name}（{code}）的密钥卡。指纹：{fp}——请打电话与上级核对。</translation>
    </message>
    <message>
        <source>Wrote relay bundle No. {seq}: {items} station bundle(s), {records} record(s).</source>
        <translation>已生成第 {seq} 号转报包：{items} 个站点同步包，{records} 条记录。</translation>
    </message>
    <message>
        <source>No relay bundle files (*.xyf) were given or found.</source>
        <translation>没有指定或找到转报包文件（*.xyf）。</translation>
    </message>
    <message>
        <source>  Not applied. After checking the key card&apos;s fingerprint with {code} by phone: xiangyun-desk import-relay &quot;{file}&quot; --confirm &quot;{code}={fp}&quot;</source>
        <translation>  未导入。打电话与 {code} 核对密钥卡指纹后执行：xiangyun-desk import-relay &quot;{file}&quot; --confirm &quot;{code}={fp}&quot;</translation>
    </message>
    <message>
        <source>{name} ({code}) enrolled.</source>
        <translation>已登记 {name}（{code}）。</translation>
    </message>
    <message>
        <source>{code}: key card fingerprint {fp} confirmed. Relay bundles signed with it are applied; any other key is held for confirmation.</source>
        <translation>{code}：已确认密钥卡指纹 {fp}。用它签名的转报包将被导入；其他密钥签名的包待确认。</translation>
    </message>
    <message>
        <source>{code}  {name}  last bundle {last}  missing {missing}  {late} days late  key {fp} [{state}]  {records} records</source>
        <translation>{code}  {name}  最后一个同步包 {last}  缺号 {missing}  逾期 {late} 天  密钥 {fp} [{state}]  共 {records} 条记录</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可以撤销的导入。</translation>
    </message>
    <message>
        <source>The newest import was undone: {removed} record(s) it added were removed, {restored} it changed were put back.</source>
        <translation>已撤销最近一次导入：删除了它新增的 {removed} 条记录，恢复了它改动的 {restored} 条记录。</translation>
    </message>
    <message>
        <source>The password file {path} can be read by other users of this computer: make it readable by you only (chmod 600 {path}) and run the command again.</source>
        <translation>密码文件 {path} 本机其他用户也能读取：请改为只有您能读取（chmod 600 {path}），然后重新运行命令。</translation>
    </message>
    <message>
        <source>The password file is not UTF-8 text.</source>
        <translation>密码文件不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>This desk has accounts: this command needs one. Add --user NAME (the password is asked for, or read from --password-file FILE).</source>
        <translation>本机已设置账户，此命令需要用账户登录：请加上 --user 账户名（随后会询问密码，或用 --password-file 文件 读取密码）。</translation>
    </message>
    <message>
        <source>The account {user} has a temporary password: sign in once in the window and choose your own password, then run the command again.</source>
        <translation>账户 {user} 使用的是临时密码：请先在程序窗口中登录一次并设置自己的密码，然后重新运行命令。</translation>
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
    <name>ConfirmKeyDialog</name>
    <message>
        <source>Confirm the key of station %1</source>
        <translation>确认站点 %1 的密钥</translation>
    </message>
    <message>
        <source>A sync bundle from this station was signed with the key below. Call the station, ask them to read out their key fingerprint (同步 → 本站密钥指纹) and compare it group by group:</source>
        <translation>该站点的同步包由下面这把密钥签名。请打电话给该站点，请对方念出本站密钥指纹（同步 → 本站密钥指纹），逐组核对：</translation>
    </message>
    <message>
        <source>Call the station, ask them to read out their key fingerprint (同步 → 本站密钥指纹) and type it here:</source>
        <translation>请打电话给该站点，请对方念出本站密钥指纹（同步 → 本站密钥指纹），填在这里：</translation>
    </message>
    <message>
        <source>Key on record: %1 (%2)</source>
        <translation>已登记的密钥：%1（%2）</translation>
    </message>
    <message>
        <source>Key &amp;fingerprint</source>
        <translation>密钥指纹(&amp;F)</translation>
    </message>
    <message>
        <source>The station read out the same: &amp;confirm</source>
        <translation>与站点念的一致，确认(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Correct the person&apos;s details</source>
        <translation>更正个人信息</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Gender (M / F / U)</source>
        <translation>性别（M 男 / F 女 / U 未填）(&amp;G)</translation>
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
        <source>&amp;Employer</source>
        <translation>工作单位(&amp;E)</translation>
    </message>
    <message>
        <source>Fill in only what should change; it is set in all %1 records.</source>
        <translation>只填需要更改的项目，将在全部 %1 条记录中一并更改。</translation>
    </message>
</context>
<context>
    <name>CountyRegisterTab</name>
    <message>
        <source>Search name, phone, ID tail, employer, initials (zs)</source>
        <translation>搜索姓名、电话、身份证尾号、单位、拼音首字母（如 zs）</translation>
    </message>
    <message>
        <source>&amp;Station:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <source>Records of the stations are read-only at the county; the station that owns a record changes it.</source>
        <translation>站点的记录在县里只读；由记录所属站点修改。</translation>
    </message>
    <message>
        <source>(all stations)</source>
        <translation>（全部站点）</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>CountyTexts</name>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
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
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
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
        <source>Relief visits</source>
        <translation>慰问走访</translation>
    </message>
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
        <source>Cash</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Desired job</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>(all purposes)</source>
        <translation>（全部来访事由）</translation>
    </message>
    <message>
        <source>(all campaigns)</source>
        <translation>（全部慰问活动）</translation>
    </message>
    <message>
        <source>(all education levels)</source>
        <translation>（全部学历）</translation>
    </message>
    <message>
        <source>(all statuses)</source>
        <translation>（全部状态）</translation>
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
    <message>
        <source>Cannot go on</source>
        <translation>无法继续</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a sync bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>The USB stick or a folder</source>
        <translation>U盘或文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>选择文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Changes since the last bundle (incremental)</source>
        <translation>上次导出以来的变化（增量）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Everything (full bundle)</source>
        <translation>全部记录（全量包）(&amp;E)</translation>
    </message>
    <message>
        <source>County: %1 (key fingerprint %2)</source>
        <translation>县总工会：%1（密钥指纹 %2）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Load the county&apos;s key card first (同步 → 载入县总工会密钥卡).</source>
        <translation>请先载入县总工会密钥卡（同步 → 载入县总工会密钥卡）。</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder</source>
        <translation>选择U盘或文件夹</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>Bundle No. %1 (%2): %3 records</source>
        <translation>第 %1 号包（%2）：%3 条记录</translation>
    </message>
    <message>
        <source>Choose an existing folder (the USB stick).</source>
        <translation>请选择一个已存在的文件夹（U盘）。</translation>
    </message>
    <message>
        <source>Writing and checking the bundle…</source>
        <translation>正在写入并校验同步包…</translation>
    </message>
    <message>
        <source>Written and checked: %1
Bundle No. %2, %3 records. Take the USB stick to the county office.</source>
        <translation>已写入并校验：%1
第 %2 号包，%3 条记录。请把U盘送到县总工会。</translation>
    </message>
    <message>
        <source>The bundle was not written: %1</source>
        <translation>同步包未写入：%1</translation>
    </message>
</context>
<context>
    <name>Figures</name>
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
        <translation>志愿服务</translation>
    </message>
    <message>
        <source>Visits received</source>
        <translation>接待批次</translation>
    </message>
    <message>
        <source>Visitor attendances</source>
        <translation>来访人次</translation>
    </message>
    <message>
        <source>Relief visits made</source>
        <translation>慰问人次</translation>
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
        <source>Goods value (yuan)</source>
        <translation>物品折价（元）</translation>
    </message>
    <message>
        <source>Job fairs held</source>
        <translation>招聘会场次</translation>
    </message>
    <message>
        <source>Employers taking part</source>
        <translation>用人单位</translation>
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
        <source>Service records</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the station head&apos;s account</source>
        <translation>创建站长账户</translation>
    </message>
    <message>
        <source>This station has no accounts yet. Create the account of the station head (administrator), who can then add the staff.</source>
        <translation>本站还没有账户。请先创建站长（管理员）账户，站长再为工作人员添加账户。</translation>
    </message>
    <message>
        <source>Create the administrator&apos;s account</source>
        <translation>创建管理员账户</translation>
    </message>
    <message>
        <source>This county office has no accounts yet. Create the account of its administrator, who can then add the staff.</source>
        <translation>县总工会尚无任何账户。请创建管理员账户，之后由管理员添加工作人员的账户。</translation>
    </message>
</context>
<context>
    <name>FirstAdminForm</name>
    <message>
        <source>&amp;Account name</source>
        <translation>账户名(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的姓名(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再输一次(&amp;R)</translation>
    </message>
    <message>
        <source>At least %1 characters. After this you will get a recovery code to print and keep locked away: it is the only way back in if the password is forgotten.</source>
        <translation>至少 %1 个字符。完成后会显示一个恢复码，请打印并锁好保管：忘记密码时只能靠它重新进入。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Word to look for, then Enter</source>
        <translation>输入要找的词，按回车</translation>
    </message>
    <message>
        <source>F&amp;ind in the guide:</source>
        <translation>在说明中查找(&amp;I)：</translation>
    </message>
    <message>
        <source>The user guide was not found (%1). Install the program again, or ask the county office for help.</source>
        <translation>找不到使用说明（%1）。请重新安装本程序，或请县总工会帮忙。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>没有找到</translation>
    </message>
</context>
<context>
    <name>HeldBundleDialog</name>
    <message>
        <source>Awaiting confirmation (待确认)</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>%1 signed bundle No. %2 with a key the county has not confirmed (the station may have renewed its key, or someone else wrote it).</source>
        <translation>%1 的第 %2 号同步包用一把县总工会尚未确认的密钥签名（可能是站点更换了密钥，也可能是他人冒名制作）。</translation>
    </message>
    <message>
        <source>%1 is not an enrolled station of this county, or its key has not been confirmed. Bundle No. %2 is not applied until you confirm its key.</source>
        <translation>%1 不是本县已登记的站点，或其密钥尚未确认。确认密钥之前，第 %2 号同步包不会导入。</translation>
    </message>
    <message>
        <source>Call the station (use a number you know, not one from the bundle), ask them to read out their key fingerprint (同步 → 本站密钥指纹) and compare it group by group with:</source>
        <translation>请打电话给该站点（用您已知的号码，不要用同步包里的号码），请对方念出本站密钥指纹（同步 → 本站密钥指纹），与下面的指纹逐组核对：</translation>
    </message>
    <message>
        <source>Confirm only if every digit is the same. Anyone with the county&apos;s key card can make a bundle; the fingerprint is what tells the real station apart.</source>
        <translation>每一位数字都相同才能确认。任何拿到县总工会密钥卡的人都能制作同步包，只有指纹能辨别真正的站点。</translation>
    </message>
    <message>
        <source>&amp;Not the same / not now</source>
        <translation>不一致 / 暂不确认(&amp;N)</translation>
    </message>
    <message>
        <source>Same fingerprint: &amp;confirm and import</source>
        <translation>指纹一致，确认并导入(&amp;C)</translation>
    </message>
    <message>
        <source>%1 is not enrolled here, or its key card has not been confirmed. Relay bundle No. %2 is not applied until you confirm it.</source>
        <translation>%1 尚未在本单位登记，或其密钥卡尚未确认。确认之前，第 %2 号转报包不会导入。</translation>
    </message>
    <message>
        <source>Call them (use a number you know, not one from the bundle), ask them to read out the fingerprint of their key card and compare it group by group with:</source>
        <translation>请打电话给对方（用您已知的号码，不要用包里的号码），请对方念出其密钥卡的指纹，逐组与下面的数字核对：</translation>
    </message>
    <message>
        <source>Confirm only if every digit is the same. Anyone with this installation&apos;s key card can make a relay bundle; the fingerprint is what tells the real tier below apart.</source>
        <translation>每一位数字都相同才能确认。任何拿到本单位密钥卡的人都能制作转报包，只有指纹能辨别真正的下级单位。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import sync bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose a f&amp;older (USB stick)…</source>
        <translation>选择文件夹（U盘）(&amp;O)…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Choose the bundle files; a dry run shows what would change before anything is imported.</source>
        <translation>请选择同步包文件；导入前会先试导入，显示将会发生的变化。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Sync bundles</source>
        <translation>同步包</translation>
    </message>
    <message>
        <source>Sync bundles (*.xyb);;All files (*)</source>
        <translation>同步包 (*.xyb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder with sync bundles</source>
        <translation>同步包所在文件夹</translation>
    </message>
    <message>
        <source>No bundle files (*.xyb) in that folder.</source>
        <translation>该文件夹中没有同步包文件（*.xyb）。</translation>
    </message>
    <message>
        <source>Checking the bundles (dry run)…</source>
        <translation>正在检查同步包（试导入）…</translation>
    </message>
    <message>
        <source>Importing… (the database was backed up first)</source>
        <translation>正在导入…（已先备份数据库）</translation>
    </message>
    <message>
        <source>Dry run: %1 bundle(s) would be applied, %2 refused. Nothing was changed yet; press Import to apply.</source>
        <translation>试导入：%1 个包将导入，%2 个被拒绝。尚未做任何更改；按“导入”正式导入。</translation>
    </message>
    <message>
        <source>Imported: %1 bundle(s) applied, %2 refused. The report is kept in the import history.</source>
        <translation>已导入：%1 个包导入成功，%2 个被拒绝。报告已保存在导入记录中。</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>导入中止：%1</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>%1 bundle(s) wait for the confirmation of their station&apos;s key. Only the administrator may confirm a key; the other bundles are imported now.</source>
        <translation>%1 个同步包的站点密钥待确认。只有管理员可以确认密钥；其他同步包现在导入。</translation>
    </message>
    <message>
        <source>%1 bundle(s) await confirmation of their station&apos;s key (待确认): Import asks you to confirm each fingerprint after a phone call with the station.</source>
        <translation>%1 个同步包的站点密钥待确认：点“导入”后，请在与站点电话核对后逐个确认指纹。</translation>
    </message>
    <message>
        <source>%1 bundle(s) were not applied: their station&apos;s key is not confirmed (待确认).</source>
        <translation>%1 个同步包未导入：站点密钥未确认（待确认）。</translation>
    </message>
    <message>
        <source>Import relay bundles</source>
        <translation>导入转报包</translation>
    </message>
    <message>
        <source>Relay bundles (*.xyf);;All files (*)</source>
        <translation>转报包 (*.xyf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No relay bundle files (*.xyf) in that folder.</source>
        <translation>该文件夹中没有转报包文件（*.xyf）。</translation>
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
        <translation>用人单位</translation>
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
        <translation>用人单位</translation>
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
        <translation>用人单位(&amp;E)</translation>
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
        <translation>用人单位与岗位</translation>
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
        <source>&amp;Job seeker</source>
        <translation>求职者(&amp;J)</translation>
    </message>
    <message>
        <source>E&amp;mployer</source>
        <translation>用人单位(&amp;M)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <source>Job fair id (for the command line: report jobfair --event): %1</source>
        <translation>招聘会编号（命令行 report jobfair --event 用）：%1</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <source>Fair &amp;name</source>
        <translation>招聘会名称(&amp;N)</translation>
    </message>
    <message>
        <source>Search employer, jobs, contact, phone, initials</source>
        <translation>搜索用人单位、岗位、联系人、电话、拼音首字母</translation>
    </message>
    <message>
        <source>Choose a job fair above (or create one).</source>
        <translation>请在上方选择一场招聘会（或新建）。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>E&amp;xit the program</source>
        <translation>退出程序(&amp;X)</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Exit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Exit without saving forms that are still open?</source>
        <translation>退出程序？仍打开的表单将不会保存。</translation>
    </message>
    <message>
        <source>%1 locked the program by hand.</source>
        <translation>%1 手动锁定了程序。</translation>
    </message>
    <message numerus="yes">
        <source>The program was locked after %n minute(s) without use.</source>
        <translation>
            <numerusform>%n 分钟无人操作，程序已自动锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, enter your password to go on. Someone else can sign in with &quot;Switch user&quot;; forms still open are then closed without saving.</source>
        <translation>%1，请输入密码继续使用。换人使用请点“切换用户”：尚未保存的表单将被关闭，填写的内容不保存。</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
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
        <source>S&amp;how deleted records</source>
        <translation>显示已删除记录(&amp;H)</translation>
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
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>报表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Make a report…</source>
        <translation>生成报表(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Work report…</source>
        <translation>工作报表(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Ledger of the register in front…</source>
        <translation>当前登记簿的台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Relief payment &amp;roster…</source>
        <translation>慰问金发放签收表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Job-fair report…</source>
        <translation>招聘会情况报告(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Blank forms…</source>
        <translation>空白登记表(&amp;B)…</translation>
    </message>
    <message>
        <source>Relief &amp;amount to confirm…</source>
        <translation>慰问金额提醒(&amp;A)…</translation>
    </message>
    <message>
        <source>Relief amount to confirm</source>
        <translation>慰问金额提醒</translation>
    </message>
    <message>
        <source>Ask for a confirmation when one relief visit (cash plus goods value) is above this many yuan:</source>
        <translation>一次慰问（现金加物品折价）超过多少元时，保存前请工作人员再确认一次：</translation>
    </message>
    <message>
        <source>Restored the %1 of %2.</source>
        <translation>已恢复 %2 的%1。</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>The backup was encrypted, written and checked:
%1
Restoring it will ask for the station head&apos;s recovery code.</source>
        <translation>备份已加密、写入并检查通过：
%1
恢复时需要输入站长的恢复码。</translation>
    </message>
    <message>
        <source>The backup was encrypted, written and checked:
%1
Restoring it will ask for the passphrase just chosen: write it down and give it to the station head.</source>
        <translation>备份已加密、写入并检查通过：
%1
恢复时需要输入刚才设定的备份密码：请把它写在纸上，交站长保管。</translation>
    </message>
</context>
<context>
    <name>MaskedLineEdit</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full value (recorded in the audit log)</source>
        <translation>显示完整内容（会记入操作日志）</translation>
    </message>
</context>
<context>
    <name>NamesakeDialog</name>
    <message>
        <source>Several people with this name</source>
        <translation>同名人员</translation>
    </message>
    <message>
        <source>{count} people are stored under the name {name}. Choose the one you mean by employer, phone tail or age.</source>
        <translation>登记过的“{name}”共有 {count} 人。请按工作单位、电话尾号或年龄选择要找的人。</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Phone tail</source>
        <translation>电话尾号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
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
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>较上月</translation>
    </message>
    <message>
        <source>Who served: anyone with service in the month or year, including volunteers who have since left.</source>
        <translation>参与服务：期间内有服务记录的志愿者，含服务后已退出或暂停的。</translation>
    </message>
    <message>
        <source>Last 12 months: %1</source>
        <translation>近 12 个月：%1</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Relief visit</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
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
        <source>Visited at</source>
        <translation>来访时间</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Union member</source>
        <translation>是否会员</translation>
    </message>
    <message>
        <source>Party size</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>转办单位</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>慰问活动</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
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
        <source>Goods value (yuan)</source>
        <translation>物品折价（元）</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Job fair</source>
        <translation>招聘会</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
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
        <source>Poverty-relief labour</source>
        <translation>脱贫劳动力</translation>
    </message>
    <message>
        <source>Desired job</source>
        <translation>求职意向</translation>
    </message>
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
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>达成意向</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Enter an ID number, or a name and a phone number.</source>
        <translation>请输入身份证号，或同时输入姓名和电话。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Personal information held</source>
        <translation>个人信息记录</translation>
    </message>
    <message>
        <source>This printout contains full ID numbers and phone numbers. Keep it safe and destroy it after use.</source>
        <translation>本件含完整身份证号和电话号码，请妥善保管，用后按规定销毁。</translation>
    </message>
    <message>
        <source>ID numbers and phone numbers are partly hidden.</source>
        <translation>为保护个人信息，身份证号和电话号码已部分隐去。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>No records about this person.</source>
        <translation>没有此人的记录。</translation>
    </message>
    <message>
        <source>Enter a name, an ID number, or a name and a phone number.</source>
        <translation>请输入姓名、身份证号，或姓名和电话。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>自定义起止日期</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Q1 (Jan–Mar)</source>
        <translation>第一季度（1—3月）</translation>
    </message>
    <message>
        <source>Q2 (Apr–Jun)</source>
        <translation>第二季度（4—6月）</translation>
    </message>
    <message>
        <source>Q3 (Jul–Sep)</source>
        <translation>第三季度（7—9月）</translation>
    </message>
    <message>
        <source>Q4 (Oct–Dec)</source>
        <translation>第四季度（10—12月）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Station head (administrator)</source>
        <translation>站长（管理员）</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your account is read-only: it cannot add, change or delete records.</source>
        <translation>您的账户为只读，不能新增、修改或删除记录。</translation>
    </message>
    <message>
        <source>Your account may not show full ID numbers or phone numbers.</source>
        <translation>您的账户无权查看完整的身份证号或电话号码。</translation>
    </message>
    <message>
        <source>Your account may not print full ID numbers or phone numbers.</source>
        <translation>您的账户无权打印完整的身份证号或电话号码。</translation>
    </message>
    <message>
        <source>Your account may not export data.</source>
        <translation>您的账户无权导出数据。</translation>
    </message>
    <message>
        <source>Your account may not import data.</source>
        <translation>您的账户无权导入数据。</translation>
    </message>
    <message>
        <source>Only the station head may erase a person&apos;s details.</source>
        <translation>只有站长可以清除个人信息。</translation>
    </message>
    <message>
        <source>Only the station head may read the audit log.</source>
        <translation>只有站长可以查看操作日志。</translation>
    </message>
    <message>
        <source>Only the station head may do this.</source>
        <translation>只有站长可以进行此操作。</translation>
    </message>
    <message>
        <source>Only the station head and staff may do this; your account is read-only.</source>
        <translation>只有站长和工作人员可以操作；您的账户是只读的。</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Person lookup</source>
        <translation>个人信息查询</translation>
    </message>
    <message>
        <source>18-character ID number</source>
        <translation>18 位身份证号</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Erase on request…</source>
        <translation>应本人要求清除(&amp;E)…</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Nothing is stored about this person.</source>
        <translation>没有此人的任何记录。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print ID numbers and phones in full? (No prints them partly hidden.)</source>
        <translation>是否打印完整的身份证号和电话？（选“否”则部分隐去。）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Erase on request</source>
        <translation>应本人要求清除</translation>
    </message>
    <message>
        <source>Erase the name, ID number, phone, employer, address and notes of this person in all %1 records? Dates, amounts and categories stay so the figures still add up. This cannot be undone.</source>
        <translation>清除此人在全部 %1 条记录中的姓名、身份证号、电话、工作单位、地址和备注？日期、金额和类别保留，统计数字不变。此操作不能撤销。</translation>
    </message>
    <message>
        <source>The person&apos;s details were erased from %1 records.</source>
        <translation>已在 %1 条记录中清除此人的个人信息。</translation>
    </message>
    <message>
        <source>or the name (and the phone, if known):</source>
        <translation>或输入姓名（知道电话的话一并输入）：</translation>
    </message>
    <message>
        <source>Sho&amp;w full ID/phone</source>
        <translation>显示完整证件号/电话(&amp;W)</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>The window cannot open: this computer lacks system libraries that Qt needs for the desktop (X11): {libraries}.
Install them, then start again:
    sudo apt install {packages}</source>
        <translation>无法打开窗口：这台电脑缺少 Qt 显示桌面窗口（X11）所需的系统库：{libraries}。
请先安装，然后重新启动本程序：
    sudo apt install {packages}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请修改标红的项目。</translation>
    </message>
    <message>
        <source>Save and ne&amp;xt</source>
        <translation>保存并继续(&amp;X)</translation>
    </message>
    <message>
        <source>Saved %1 (%2 so far). Enter the next one.</source>
        <translation>已保存 %1（本次共 %2 条），请录入下一条。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Last used by you: %1</source>
        <translation>您上次选的：%1</translation>
    </message>
    <message>
        <source>The ID number is of a man.</source>
        <translation>身份证号码显示为男性。</translation>
    </message>
    <message>
        <source>The ID number is of a woman.</source>
        <translation>身份证号码显示为女性。</translation>
    </message>
    <message>
        <source>The ID number gives the birth year %1.</source>
        <translation>身份证号码显示出生年份为 %1。</translation>
    </message>
    <message>
        <source>Check which is right (saving is not blocked).</source>
        <translation>请核对哪个正确（仍可保存）。</translation>
    </message>
    <message>
        <source>Close the form and throw away what was typed?</source>
        <translation>关闭表单，不保存已填写的内容？</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>If the password of %1 is ever forgotten, this code sets a new one. Print it or write it down and keep it locked away. It is shown only now.</source>
        <translation>如果忘记了 %1 的密码，可用此恢复码设置新密码。请打印或抄写下来并锁好保管。恢复码只显示这一次。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>打印为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>I have printed or written down the code</source>
        <translation>我已打印或抄写好恢复码</translation>
    </message>
    <message>
        <source>Print the recovery code</source>
        <translation>打印恢复码</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <source>Forgot password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Enter the station head&apos;s printed recovery code and a new password. Staff who forgot theirs ask the station head.</source>
        <translation>请输入站长打印保存的恢复码和新密码。工作人员忘记密码请找站长重设。</translation>
    </message>
    <message>
        <source>Recovery &amp;code</source>
        <translation>恢复码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再输一次(&amp;R)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The password of %1 was changed. Sign in with the new password.</source>
        <translation>%1 的密码已更改，请用新密码登录。</translation>
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
        <source>Delete %1 from %2? It can be restored later from &quot;Show deleted&quot;.</source>
        <translation>从“%2”中删除 %1？以后可以在“显示已删除”中恢复。</translation>
    </message>
    <message>
        <source>Restored: %1 (%2).</source>
        <translation>已恢复：%1（%2）。</translation>
    </message>
    <message>
        <source>this record</source>
        <translation>这条记录</translation>
    </message>
    <message>
        <source>Only return visits due ✕</source>
        <translation>只看到期回访 ✕</translation>
    </message>
    <message>
        <source>Showing the visits being followed up whose return-visit date is today or past; click to show all.</source>
        <translation>正在只显示跟进中、回访日期已到或已过的来访；点击显示全部。</translation>
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
    <message>
        <source>{employer} does not offer the position {position}; it offers: {offered}.</source>
        <translation>{employer} 没有招聘“{position}”这个岗位；它招聘的岗位有：{offered}。</translation>
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
        <translation>物品折价</translation>
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
        <translation>物品折价（元）(&amp;V)</translation>
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
        <source>Visited &amp;by</source>
        <translation>走访人员(&amp;B)</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <source>%1 already received a visit in this campaign this year:
%2

Save another visit anyway?</source>
        <translation>%1 今年已在本次慰问活动中慰问过：
%2

仍要再保存一次慰问吗？</translation>
    </message>
    <message>
        <source>Large amount</source>
        <translation>金额较大</translation>
    </message>
    <message>
        <source>This visit gives %1 yuan (cash and goods), more than %2 yuan per visit. Is the amount right?</source>
        <translation>这次慰问共 %1 元（现金加物品），超过每次 %2 元的提醒金额。金额填对了吗？</translation>
    </message>
    <message>
        <source>%1, %2, %3 yuan, %4</source>
        <translation>%1，%2，%3 元，%4</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report saved</source>
        <translation>报表已保存</translation>
    </message>
    <message>
        <source>No program was found to open it. The report is here:
%1</source>
        <translation>没有找到可以打开它的程序。报表保存在：
%1</translation>
    </message>
    <message>
        <source>Make a report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>Work report (monthly, quarterly, yearly)</source>
        <translation>工作报表（月报、季报、年报）</translation>
    </message>
    <message>
        <source>Ledger of one register</source>
        <translation>台账（某一登记簿的全部记录）</translation>
    </message>
    <message>
        <source>Relief payment roster with signatures</source>
        <translation>慰问金发放签收表</translation>
    </message>
    <message>
        <source>Job-fair report</source>
        <translation>招聘会情况报告</translation>
    </message>
    <message>
        <source>Blank forms to fill in by hand</source>
        <translation>空白登记表（手工填写用）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
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
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer service records</source>
        <translation>志愿服务记录</translation>
    </message>
    <message>
        <source>(no job fairs recorded)</source>
        <translation>（还没有登记招聘会）</translation>
    </message>
    <message>
        <source>(county)</source>
        <translation>（县总工会发布）</translation>
    </message>
    <message>
        <source>Visitor sign-in sheet</source>
        <translation>来访登记表</translation>
    </message>
    <message>
        <source>Job-fair registration sheet</source>
        <translation>招聘会求职登记表</translation>
    </message>
    <message>
        <source>Print ID numbers and phone numbers in full</source>
        <translation>完整打印身份证号码和电话号码</translation>
    </message>
    <message>
        <source>Normally they are partly hidden (5329**********1234, 138****5678). Printing them in full asks for confirmation and is recorded.</source>
        <translation>平时只打印部分号码（5329**********1234、138****5678）。完整打印需要确认，并会记入操作日志。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>选择文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报表种类(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>统计期间(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;gister:</source>
        <translation>登记簿(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>慰问活动(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Job fair:</source>
        <translation>招聘会(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Forms:</source>
        <translation>登记表(&amp;F)：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>保存位置(&amp;I)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Make the report</source>
        <translation>生成报表(&amp;M)</translation>
    </message>
    <message>
        <source>The figures of every register for the period, with a signature block: the report the station files with the county.</source>
        <translation>本期各登记簿的汇总数据，附签字盖章栏，用于报送县总工会。</translation>
    </message>
    <message>
        <source>Every record of one register in the period, as in the paper ledger.</source>
        <translation>某一登记簿在统计期间内的全部记录，相当于纸质台账。</translation>
    </message>
    <message>
        <source>The recipients of one relief campaign in the period, with an empty column for each signature and the totals at the end.</source>
        <translation>某一慰问活动在统计期间内的慰问对象名单，每人留有签名栏，末尾有合计。</translation>
    </message>
    <message>
        <source>The employers, positions, job seekers and intentions of one job fair.</source>
        <translation>某一场招聘会的用人单位、岗位、求职者和达成意向情况。</translation>
    </message>
    <message>
        <source>Empty sheets to fill in by hand on days when the computer is off.</source>
        <translation>空白的登记表，电脑不能用时打印出来手工填写。</translation>
    </message>
    <message>
        <source>Choose the register for the ledger.</source>
        <translation>请选择要打印台账的登记簿。</translation>
    </message>
    <message>
        <source>Choose the relief campaign for the roster.</source>
        <translation>请选择慰问活动。</translation>
    </message>
    <message>
        <source>There is no job fair to report on yet.</source>
        <translation>还没有登记招聘会，无法生成招聘会情况报告。</translation>
    </message>
    <message>
        <source>Tick at least one form.</source>
        <translation>请至少勾选一种登记表。</translation>
    </message>
    <message>
        <source>Choose the folder to save the report in.</source>
        <translation>请选择报表的保存位置。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Enter a file name.</source>
        <translation>请输入文件名。</translation>
    </message>
    <message>
        <source>A file name cannot contain any of \ / : * ? &quot; &lt; &gt; |</source>
        <translation>文件名中不能有 \ / : * ? &quot; &lt; &gt; | 这些字符。</translation>
    </message>
    <message>
        <source>Save reports in</source>
        <translation>报表保存位置</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整身份证号码</translation>
    </message>
    <message>
        <source>The report will show complete ID numbers and phone numbers. Keep the printout safe and destroy it when it is no longer needed.

Print them in full?</source>
        <translation>报表将显示完整的身份证号码和电话号码。请妥善保管打印件，不再需要时按规定销毁。

确定要完整打印吗？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>“%1”已经存在，要替换它吗？</translation>
    </message>
    <message>
        <source>Making the report…
%1</source>
        <translation>正在生成报表…
%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，没有保存任何文件。</translation>
    </message>
    <message>
        <source>The report could not be made because of an error in the program.</source>
        <translation>程序出错，报表没有生成。</translation>
    </message>
    <message>
        <source>The report was saved:
%1</source>
        <translation>报表已保存：
%1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>报表已保存：%1</translation>
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
        <source>Choose the job fair with --event (the start of its id, or its name and date): {fairs}</source>
        <translation>请用 --event 指定招聘会（编号的开头几位，或名称和日期，如“春风行动 2026-02-20”）：{fairs}</translation>
    </message>
    <message>
        <source>No job fair is called {event}.</source>
        <translation>没有名为 {event} 的招聘会。</translation>
    </message>
    <message>
        <source>Several job fairs match {event}; add the date or use the id: {fairs}</source>
        <translation>有多场招聘会与 {event} 相符，请加上日期或使用编号：{fairs}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>There are no backups of this program in this folder.</source>
        <translation>这个文件夹里没有本程序的备份。</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>恢复这份备份(&amp;R)…</translation>
    </message>
    <message>
        <source>Before restoring, the current records are saved as a backup before a restore, so a restore can be undone.</source>
        <translation>恢复前，程序会先把现在的数据另存为一份“恢复前备份”，恢复之后也可以撤销。</translation>
    </message>
    <message>
        <source>Backups in %1</source>
        <translation>%1 中的备份</translation>
    </message>
    <message>
        <source>Choose the folder with the backups (e.g. a USB stick)</source>
        <translation>选择存放备份的文件夹（如 U盘）</translation>
    </message>
    <message>
        <source>Replace all current records with the %1 of %2? The current records are backed up first, so this can be undone.</source>
        <translation>用 %2 的%1替换现在的全部数据吗？程序会先备份现在的数据，可以撤销。</translation>
    </message>
    <message>
        <source>Other fi&amp;le…</source>
        <translation>其他文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.age)</source>
        <translation>备份文件 (*.sqlite3 *.age)</translation>
    </message>
</context>
<context>
    <name>SecretPromptDialog</name>
    <message>
        <source>Open the encrypted backup</source>
        <translation>打开加密备份</translation>
    </message>
    <message>
        <source>&amp;Code or passphrase:</source>
        <translation>恢复码或备份密码(&amp;C)：</translation>
    </message>
    <message>
        <source>This backup is encrypted. Enter %1 to open it.</source>
        <translation>这份备份是加密的。请输入%1来打开它。</translation>
    </message>
</context>
<context>
    <name>SecurityUi</name>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Show full ID number and phone</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Full ID number and phone</source>
        <translation>完整身份证号和电话</translation>
    </message>
    <message>
        <source>S&amp;ecurity</source>
        <translation>安全(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Person lookup…</source>
        <translation>个人信息查询(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Acc&amp;ounts and locking…</source>
        <translation>账户与自动锁定(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;recovery code…</source>
        <translation>新的恢复码(&amp;R)…</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <source>Make a new recovery code? The old one stops working.</source>
        <translation>生成新的恢复码？旧的恢复码将失效。</translation>
    </message>
</context>
<context>
    <name>Setup</name>
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
    <message>
        <source>Choose an amount between {low} and {high} yuan.</source>
        <translation>请填写 {low} 到 {high} 元之间的金额。</translation>
    </message>
    <message>
        <source>Choose station, county, prefecture or province.</source>
        <translation>请选择站点、县总工会、州总工会或省总工会。</translation>
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
    <message>
        <source>Station head&apos;s account</source>
        <translation>站长账户</translation>
    </message>
    <message>
        <source>The station head signs in with this account and adds the staff&apos;s accounts. Everyone signs in when the program starts.</source>
        <translation>站长用此账户登录，并为工作人员添加账户。每次启动程序时都需要登录。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>&amp;County office (collects the stations&apos; sync bundles)</source>
        <translation>县总工会（汇总各站点的同步包）(&amp;C)</translation>
    </message>
    <message>
        <source>County office</source>
        <translation>县总工会</translation>
    </message>
    <message>
        <source>The county federation&apos;s code and name. The keys for the stations&apos; sync bundles are made when you finish.</source>
        <translation>县总工会的编码和名称。同步包所用的密钥在点击“完成”时生成。</translation>
    </message>
    <message>
        <source>County &amp;code</source>
        <translation>县级编码(&amp;C)</translation>
    </message>
    <message>
        <source>The people who work at the county office, one name per line.</source>
        <translation>在县总工会工作的人员，每行一个姓名。</translation>
    </message>
    <message>
        <source>Administrator&apos;s account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <source>The administrator signs in with this account and adds the staff&apos;s accounts. Everyone signs in when the program starts.</source>
        <translation>管理员用此账户登录，并添加工作人员的账户。每次启动程序时，每个人都要登录。</translation>
    </message>
    <message>
        <source>The county&apos;s key card (optional)</source>
        <translation>县总工会密钥卡（可选）</translation>
    </message>
    <message>
        <source>Sync bundles are encrypted to the county office&apos;s key. Load the key card file it gave you now, or later from the Sync menu.</source>
        <translation>同步包用县总工会的密钥加密。可以现在载入县总工会给的密钥卡文件，也可以以后在“同步”菜单中载入。</translation>
    </message>
    <message>
        <source>No key card loaded</source>
        <translation>未载入密钥卡</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>The county&apos;s key card</source>
        <translation>县总工会密钥卡</translation>
    </message>
    <message>
        <source>Key card (*.json);;All files (*)</source>
        <translation>密钥卡 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (%2)
Fingerprint: %3
Call the county office and compare this number with theirs before you rely on it.</source>
        <translation>%1（%2）
指纹：%3
请先打电话与县总工会核对这串数字，一致后再使用。</translation>
    </message>
    <message>
        <source>This key card was not loaded: %1</source>
        <translation>未载入此密钥卡：%1</translation>
    </message>
    <message>
        <source>Don&apos;t &amp;load</source>
        <translation>不载入(&amp;L)</translation>
    </message>
    <message>
        <source>County na&amp;me</source>
        <translation>县总工会名称(&amp;M)</translation>
    </message>
    <message>
        <source>Station na&amp;me</source>
        <translation>站点名称(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Prefecture federation (collects the counties&apos; relay bundles)</source>
        <translation>州总工会（汇总各县的转报包）(&amp;P)</translation>
    </message>
    <message>
        <source>Pro&amp;vince federation (collects the prefectures&apos; relay bundles)</source>
        <translation>省总工会（汇总各州的转报包）(&amp;V)</translation>
    </message>
    <message>
        <source>Prefecture or province federation</source>
        <translation>州总工会或省总工会</translation>
    </message>
    <message>
        <source>Its division code and name. The keys for the relay bundles of the tier below are made when you finish.</source>
        <translation>行政区划代码和名称。完成时生成接收下级转报包所用的密钥。</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <source>The people who work at the office, one name per line.</source>
        <translation>在本单位工作的人员，每行一个姓名。</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <source>Export E&amp;xcel</source>
        <translation>导出 E&amp;xcel</translation>
    </message>
    <message>
        <source>Save the records listed now (search, filters and sort) as an Excel workbook; ID numbers and phones masked</source>
        <translation>把当前列出的记录（按当前搜索、筛选和排序）保存为 Excel 表格；身份证号码和电话部分隐去</translation>
    </message>
    <message>
        <source>Export Excel with full ID numbers and phones…</source>
        <translation>导出 Excel（含完整身份证号码和电话）…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add records from an Excel/WPS or CSV sheet</source>
        <translation>从 Excel/WPS 表格或 CSV 文件添加记录</translation>
    </message>
    <message>
        <source>Save a blank import template…</source>
        <translation>保存空白导入模板…</translation>
    </message>
    <message>
        <source>Export with full ID numbers</source>
        <translation>导出完整身份证号码</translation>
    </message>
    <message>
        <source>The workbook will hold complete ID numbers and phone numbers. Keep it safe and delete it when it is no longer needed. Continue?</source>
        <translation>导出的表格将包含完整的身份证号码和电话号码，请妥善保管，用后及时删除。是否继续？</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 条记录到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the job fair first.</source>
        <translation>请先选择招聘会。</translation>
    </message>
    <message>
        <source>Save a blank import template</source>
        <translation>保存空白导入模板</translation>
    </message>
    <message>
        <source>&amp;Export the list to Excel…</source>
        <translation>将列表导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Import into %1</source>
        <translation>导入到%1</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>An Excel or WPS workbook (.xlsx) or CSV file</source>
        <translation>Excel 或 WPS 表格（.xlsx）或 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Save a blank &amp;template…</source>
        <translation>保存空白模板(&amp;T)…</translation>
    </message>
    <message>
        <source>The first rows of the sheet should hold the column headings (姓名, 联系电话, 身份证号码 …); they are matched automatically and can be changed in the next step. CSV files may be in UTF-8 or GBK. Nothing is written before you confirm the preview.</source>
        <translation>表格的前几行应有列标题（姓名、联系电话、身份证号码……），程序会自动对应，下一步可以修改。CSV 文件可以是 UTF-8 或 GBK 编码。确认预览之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Job fair: %1 (%2)</source>
        <translation>招聘会：%1（%2）</translation>
    </message>
    <message>
        <source>Each row names its volunteer (and the phone when two volunteers share a name).</source>
        <translation>每一行写明志愿者姓名（有同名志愿者时再写电话）。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Heading in the sheet</source>
        <translation>表格中的标题</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Value for every row (fields the sheet has no column for)</source>
        <translation>所有行统一填写（表格中没有的列）</translation>
    </message>
    <message>
        <source>Only rows that will not be imported as they are</source>
        <translation>只显示不能按原样导入的行</translation>
    </message>
    <message>
        <source>Also import rows flagged as possible duplicates</source>
        <translation>也导入标为“可能重复”的行</translation>
    </message>
    <message>
        <source>&amp;Save the report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>1. Choose the file</source>
        <translation>1. 选择文件</translation>
    </message>
    <message>
        <source>2. Match the columns</source>
        <translation>2. 对应列</translation>
    </message>
    <message>
        <source>3. Check every row</source>
        <translation>3. 逐行检查</translation>
    </message>
    <message>
        <source>4. Done</source>
        <translation>4. 完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>选择表格文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a blank template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <source>encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <source>headings in row %1</source>
        <translation>标题在第 %1 行</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Two columns go to the same field: %1</source>
        <translation>有两列对应到同一字段：%1</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>可导入 %1 行</translation>
    </message>
    <message>
        <source>%1 possible duplicates</source>
        <translation>可能重复 %1 行</translation>
    </message>
    <message>
        <source>%1 duplicates (skipped)</source>
        <translation>重复 %1 行（跳过）</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>拒绝 %1 行</translation>
    </message>
    <message>
        <source>%1 merged into another row</source>
        <translation>并入其他行 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 record(s). Skipped %2 (duplicates). Refused %3 row(s); save the report to correct them in the sheet.</source>
        <translation>已导入 %1 条记录，跳过 %2 行（重复），拒绝 %3 行；请保存报告，按报告在表格中改正。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>CSV for Excel/WPS (*.csv);;JSON (*.json)</source>
        <translation>CSV，可用 Excel/WPS 打开 (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <source>Excel turned this number into a rounded number (like 5.32923E+17) and the last digits are lost. Format the column as text and type the numbers again.</source>
        <translation>Excel 已把这个号码变成了近似数字（如 5.32923E+17），最后几位已经丢失。请把该列设置为“文本”格式，重新输入号码。</translation>
    </message>
    <message>
        <source>This value is masked (digits replaced by *). Use a sheet exported with full ID numbers and phones, or type the full value.</source>
        <translation>这是部分隐去的号码（部分数字为 *）。请使用导出时含完整身份证号码和电话的表格，或填写完整号码。</translation>
    </message>
    <message>
        <source>Not one of the listed values: {choices}.</source>
        <translation>不是列表中的值：{choices}。</translation>
    </message>
    <message>
        <source>Enter 是 or 否.</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>Unknown register {register}; choose one of: {registers}.</source>
        <translation>没有登记簿 {register}；可选：{registers}。</translation>
    </message>
    <message>
        <source>Choose the job fair these rows belong to (--fair ID).</source>
        <translation>请选择这些记录所属的招聘会（--fair 编号）。</translation>
    </message>
    <message>
        <source>No heading row found. The first rows of the sheet should hold column headings such as {examples}.</source>
        <translation>没有找到标题行。表格的前几行应有列标题，例如：{examples}。</translation>
    </message>
    <message>
        <source>{field} is not a field of this register; choose one of: {fields}.</source>
        <translation>{field} 不是本登记簿的字段；可选：{fields}。</translation>
    </message>
    <message>
        <source>CSV text in {encoding}.</source>
        <translation>CSV 文本，编码 {encoding}。</translation>
    </message>
    <message>
        <source>Headings found in row {row}; the rows above (titles) were skipped.</source>
        <translation>标题在第 {row} 行；上面的行（表名）已跳过。</translation>
    </message>
    <message>
        <source>{n} empty row(s) skipped.</source>
        <translation>已跳过 {n} 个空行。</translation>
    </message>
    <message>
        <source>The heading &quot;{header}&quot; is one merged cell over columns {first}-{last}, and each of those columns holds data. Unmerge the heading and give every column its own heading (e.g. 手机, 固定电话), then import again.</source>
        <translation>标题“{header}”是跨 {first}-{last} 列的合并单元格，而这几列都有数据。请取消合并，为每一列单独写标题（如 手机、固定电话），再导入。</translation>
    </message>
    <message>
        <source>The heading &quot;{header}&quot; is merged over columns {first}-{last}; its first column was used.</source>
        <translation>标题“{header}”合并了 {first}-{last} 列；已使用其中第一列。</translation>
    </message>
    <message>
        <source>A totals row (合计) is not a record.</source>
        <translation>合计行不是记录。</translation>
    </message>
    <message>
        <source>The sheet has no column for this field.</source>
        <translation>表格中没有这一列。</translation>
    </message>
    <message>
        <source>Already in the register (an identical record); skipped.</source>
        <translation>登记簿中已有完全相同的记录，已跳过。</translation>
    </message>
    <message>
        <source>The same as {other} of this sheet; skipped.</source>
        <translation>与本表 {other} 相同，已跳过。</translation>
    </message>
    <message>
        <source>Possibly a duplicate of an existing record ({how}).</source>
        <translation>可能与已有记录重复（{how}）。</translation>
    </message>
    <message>
        <source>Possibly the same as {other} of this sheet ({how}).</source>
        <translation>可能与本表 {other} 重复（{how}）。</translation>
    </message>
    <message>
        <source>Nothing was imported: row {row}: {reason}</source>
        <translation>未导入任何记录：第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>No volunteer named {name} (with this phone) on the roster: add the volunteer first.</source>
        <translation>志愿者名册中没有名为 {name}（及此电话）的志愿者：请先添加该志愿者。</translation>
    </message>
    <message>
        <source>Several volunteers are named {name}: give the volunteer&apos;s phone to tell them apart.</source>
        <translation>有多名志愿者叫 {name}：请填写志愿者电话以便区分。</translation>
    </message>
    <message>
        <source>No job seeker named {name} (with this phone) is registered at this fair.</source>
        <translation>本场招聘会没有登记名为 {name}（及此电话）的求职者。</translation>
    </message>
    <message>
        <source>Several job seekers at this fair are named {name}: give the seeker&apos;s phone.</source>
        <translation>本场招聘会有多名求职者叫 {name}：请填写求职者电话。</translation>
    </message>
    <message>
        <source>No employer named {name} takes part in this fair.</source>
        <translation>本场招聘会没有名为 {name} 的用人单位。</translation>
    </message>
    <message>
        <source>Several employers at this fair are named {name}.</source>
        <translation>本场招聘会有多家单位名为 {name}。</translation>
    </message>
    <message>
        <source>The sheet has no column for: {columns}. Choose the column for each in the mapping (or give one value for every row).</source>
        <translation>表格中没有以下列：{columns}。请在列对应中为其选择一列（或为所有行统一填写一个值）。</translation>
    </message>
    <message>
        <source>Another position of the employer in row {row}: added to that row.</source>
        <translation>第 {row} 行单位的另一个岗位：已并入该行。</translation>
    </message>
    <message>
        <source>One employer over several rows: {n} positions in all.</source>
        <translation>同一单位占多行：合计 {n} 个岗位。</translation>
    </message>
    <message>
        <source>No job fair with the id {fair} (or it is not unique).</source>
        <translation>没有编号为 {fair} 的招聘会（或编号不唯一）。</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>可导入</translation>
    </message>
    <message>
        <source>possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>duplicate, skipped</source>
        <translation>重复，跳过</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>merged into an earlier row</source>
        <translation>并入前面的行</translation>
    </message>
    <message>
        <source>The import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <source>The file is too large ({mb} MB; at most {limit} MB). Split it into several files.</source>
        <translation>文件太大（{mb} MB，最多 {limit} MB）。请拆分成几个文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The workbook is protected with a password. Open it in Excel or WPS, remove the password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password, clear it), save, and import it again.</source>
        <translation>该工作簿设置了打开密码。请用 Excel 或 WPS 打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿 &gt; 用密码进行加密，清空密码），保存后再导入。</translation>
    </message>
    <message>
        <source>This is an old-format Excel or WPS file (.xls/.et). Open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV, then import that file.</source>
        <translation>这是旧格式的 Excel 或 WPS 文件（.xls/.et）。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）或 CSV，再导入新文件。</translation>
    </message>
    <message>
        <source>This file is a web page or XML saved with a spreadsheet name, not a workbook. Open it in Excel or WPS and save it as .xlsx or CSV.</source>
        <translation>这个文件其实是网页或 XML，只是用了表格文件名，并不是工作簿。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>This is a PDF document, not a spreadsheet. Import the Excel or CSV file it was made from.</source>
        <translation>这是 PDF 文档，不是表格。请导入生成它的 Excel 或 CSV 文件。</translation>
    </message>
    <message>
        <source>The file claims to be a workbook but unpacks to far more data than any real sheet ({detail}). It was refused unread (it may be damaged or malicious).</source>
        <translation>该文件自称是工作簿，但解压后的数据量远超任何正常表格（{detail}），已拒绝读取（文件可能已损坏或含恶意内容）。</translation>
    </message>
    <message>
        <source>The file looks like an Excel workbook but is damaged (the zip container cannot be read). Open it in Excel or WPS and save it again.</source>
        <translation>该文件像是 Excel 工作簿，但已损坏（无法读取压缩包结构）。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV in WPS or LibreOffice and import that file.</source>
        <translation>这是 OpenDocument 表格（.ods）。请在 WPS 或 LibreOffice 中另存为 .xlsx 或 CSV，再导入新文件。</translation>
    </message>
    <message>
        <source>This is a Word document, not a spreadsheet. Copy the table into Excel or WPS, save it as .xlsx, and import that file.</source>
        <translation>这是 Word 文档，不是表格。请把表格复制到 Excel 或 WPS，保存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>This zip file is not an Excel workbook (.xlsx).</source>
        <translation>这个压缩文件不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The workbook cannot be read ({reason}). Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>无法读取该工作簿（{reason}）。请用 Excel 或 WPS 打开，重新保存为 .xlsx。</translation>
    </message>
    <message>
        <source>The workbook has no sheet named {sheet}.</source>
        <translation>工作簿中没有名为 {sheet} 的工作表。</translation>
    </message>
    <message>
        <source>The workbook has no visible sheet.</source>
        <translation>工作簿中没有可见的工作表。</translation>
    </message>
    <message>
        <source>The workbook has {n} sheets; read the sheet &quot;{sheet}&quot;.</source>
        <translation>工作簿有 {n} 个工作表；已读取“{sheet}”。</translation>
    </message>
    <message>
        <source>The sheet has more than {limit} rows. Split it into several files.</source>
        <translation>表格超过 {limit} 行，请拆分成几个文件。</translation>
    </message>
    <message>
        <source>This file is not a spreadsheet: it is neither an Excel workbook (.xlsx) nor a CSV text file in UTF-8 or GBK.</source>
        <translation>这个文件不是表格：既不是 Excel 工作簿（.xlsx），也不是 UTF-8 或 GBK 编码的 CSV 文本文件。</translation>
    </message>
    <message>
        <source>The CSV file is malformed: {reason}</source>
        <translation>CSV 文件格式有误：{reason}</translation>
    </message>
    <message>
        <source>This CSV file seems to be in the {encoding} encoding (used for traditional Chinese, Japanese or Korean), which would be read as garbled text. Open it in Excel or WPS and save it as .xlsx or as CSV UTF-8, then import it again.</source>
        <translation>这个 CSV 文件似乎是 {encoding} 编码（繁体中文、日文或韩文常用），直接导入会变成乱码。请用 Excel 或 WPS 打开，另存为 .xlsx 或“CSV UTF-8”后再导入。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Forgot password…</source>
        <translation>忘记密码(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可以再试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Add a station</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>Edit station %1</source>
        <translation>编辑站点 %1</translation>
    </message>
    <message>
        <source>A sync bundle is expected every month</source>
        <translation>每月应报送同步包</translation>
    </message>
    <message>
        <source>Station &amp;code</source>
        <translation>站点代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Township</source>
        <translation>乡镇(&amp;T)</translation>
    </message>
    <message>
        <source>Key &amp;fingerprint</source>
        <translation>密钥指纹(&amp;F)</translation>
    </message>
    <message>
        <source>Optional: the 20 digits the station reads out over the phone (同步 → 本站密钥指纹). Without them, the station&apos;s first bundle waits for confirmation.</source>
        <translation>可选：站点电话念出的 20 位数字（同步 → 本站密钥指纹）。不填时，该站点的第一个同步包将待确认。</translation>
    </message>
    <message>
        <source>Enrol the tier below</source>
        <translation>登记下级单位</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Key card &amp;fingerprint</source>
        <translation>密钥卡指纹(&amp;F)</translation>
    </message>
    <message>
        <source>The 20 digits of its key card (同步 → 导出本单位密钥卡), read out over the phone. Without them, its first relay bundle waits for confirmation.</source>
        <translation>对方密钥卡上的 20 位数字（同步 → 导出密钥卡），电话念出。不填时，其第一个转报包将待确认。</translation>
    </message>
</context>
<context>
    <name>StationFiguresBox</name>
    <message>
        <source>By station</source>
        <translation>分站点统计</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>The totals row is the county&apos;s figures (stations and the county&apos;s own records). People visited are counted once across the county, so the total can be less than the sum of the stations.</source>
        <translation>合计行为全县数字（各站点和县总工会自己的记录）。慰问人数在全县范围去重，故合计可能小于各站之和。</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>county office</source>
        <translation>县总工会</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Stations are grouped by county; a county&apos;s row adds up its stations (— where people are counted once, which does not add up). The totals row is the figures of every station below.</source>
        <translation>站点按县分组；县行为其各站点之和（人数按人去重，不能相加，显示为 —）。合计行为下属全部站点的数字。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 station(s)</source>
        <translation>%1（%2）：%3 个站点</translation>
    </message>
</context>
<context>
    <name>StationKeyDialog</name>
    <message>
        <source>This station&apos;s key fingerprint</source>
        <translation>本站密钥指纹</translation>
    </message>
    <message>
        <source>Key fingerprint of %1 (%2):</source>
        <translation>%1（%2）的密钥指纹：</translation>
    </message>
    <message>
        <source>Read these 20 digits out to the county office by phone, group by group. The county confirms them before it applies this station&apos;s sync bundles. Nobody needs to keep this number secret.</source>
        <translation>请打电话把这 20 位数字逐组念给县总工会。县总工会核对确认后才会导入本站的同步包。这个号码不需要保密。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>confirmed by first use (verify it)</source>
        <translation>首次使用确认（请核对）</translation>
    </message>
    <message>
        <source>awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>A station code is 1 to 20 digits, e.g. 03.</source>
        <translation>站点代码为 1 至 20 位数字，例如 03。</translation>
    </message>
    <message>
        <source>The fingerprint confirmed for station {code} ({typed}) is not the fingerprint of the key that signed the bundle ({actual}).</source>
        <translation>为站点 {code} 确认的指纹（{typed}）不是签名此同步包的密钥的指纹（{actual}）。</translation>
    </message>
    <message>
        <source>Only a county installation keeps a list of stations.</source>
        <translation>只有县级安装才有站点列表。</translation>
    </message>
    <message>
        <source>This is the county&apos;s own code.</source>
        <translation>这是县总工会自己的代码。</translation>
    </message>
    <message>
        <source>Station {code} is already in the list.</source>
        <translation>站点 {code} 已在列表中。</translation>
    </message>
    <message>
        <source>Station {code} is not in the list of stations.</source>
        <translation>站点 {code} 不在站点列表中。</translation>
    </message>
    <message>
        <source>Only a prefecture or a province enrols the tier below.</source>
        <translation>只有州总工会或省总工会登记下级单位。</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>最新包号</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>导出日期</translation>
    </message>
    <message>
        <source>Missing bundles</source>
        <translation>缺少的包</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Relief visits</source>
        <translation>慰问走访</translation>
    </message>
    <message>
        <source>Job seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Refused imports</source>
        <translation>被拒导入</translation>
    </message>
    <message>
        <source>&amp;Import sync bundles…</source>
        <translation>导入同步包(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>%1 station(s); %2 late, %3 with missing bundles.</source>
        <translation>共 %1 个站点；%2 个逾期，%3 个缺包。</translation>
    </message>
    <message>
        <source>never sent</source>
        <translation>从未报送</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月报送</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>&amp;Add station…</source>
        <translation>添加站点(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Confirm &amp;key fingerprint…</source>
        <translation>确认密钥指纹(&amp;K)…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 awaiting confirmation of their key (待确认): select the station and confirm its fingerprint after a phone call.</source>
        <translation>%1 个站点的密钥待确认：请选中站点，电话核对后确认其指纹。</translation>
    </message>
    <message>
        <source>%1 confirmed by first use: verify their fingerprints with the stations by phone.</source>
        <translation>%1 个站点为首次使用确认：请电话与站点核对指纹。</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Station %1 is not in the list yet: add it first.</source>
        <translation>站点 %1 尚未在列表中：请先添加。</translation>
    </message>
    <message>
        <source>Select a station in the table first.</source>
        <translation>请先在表格中选中一个站点。</translation>
    </message>
    <message>
        <source>&amp;Import relay bundles…</source>
        <translation>导入转报包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Enrol the tier below…</source>
        <translation>登记下级单位(&amp;E)…</translation>
    </message>
    <message>
        <source>%1 (%2): %3 station(s)</source>
        <translation>%1（%2）：%3 个站点</translation>
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
    <message>
        <source>The database address {url} is not supported: use postgresql+psycopg://user@host/database, or leave it out for the database file in the data directory.</source>
        <translation>不支持数据库地址 {url}：请使用 postgresql+psycopg://用户名@主机/数据库名，或不填写（使用数据目录中的数据库文件）。</translation>
    </message>
    <message>
        <source>The database {url} cannot be used: {detail}. Check the address, the password and that the server is running; nothing has been changed.</source>
        <translation>无法使用数据库 {url}：{detail}。请检查地址、密码以及服务器是否在运行；没有做任何更改。</translation>
    </message>
    <message>
        <source>Another program is writing to the data; please try again in a moment. (If the window is open, finish what it is doing first.) Nothing has been changed.</source>
        <translation>另一个程序正在写入数据，请稍后再试（如果程序窗口开着，请先让它做完手头的事）。数据没有改动。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space (empty the recycle bin, move old files away) and try again; the database is not damaged and nothing saved has been lost.</source>
        <translation>{path} 所在的磁盘已满。请腾出空间（清空回收站、移走旧文件）后再试；数据库没有损坏，已保存的记录没有丢失。</translation>
    </message>
    <message>
        <source>An unfinished file {file} could not be removed from it; delete it.</source>
        <translation>其中有一个未写完的文件 {file} 无法删除，请手动删除。</translation>
    </message>
    <message>
        <source>Nothing unfinished was left there.</source>
        <translation>没有在那里留下未写完的文件。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full. Delete files you no longer need from it, or choose another folder or USB stick, then try again. {after}</source>
        <translation>{folder} 所在的磁盘已满。请删除其中不再需要的文件，或换一个文件夹或U盘，然后再试。{after}</translation>
    </message>
    <message>
        <source>{folder} is read-only. If it is on a USB stick, slide the stick&apos;s write-protect switch to unlocked (or use another stick), then try again. {after}</source>
        <translation>{folder} 是只读的。如果是U盘，请把U盘上的写保护开关拨到解锁位置（或换一个U盘），然后再试。{after}</translation>
    </message>
    <message>
        <source>This program may not write to {folder}. Choose another folder (for example on the USB stick or in Documents), then try again. {after}</source>
        <translation>本程序没有权限写入 {folder}。请换一个文件夹（例如U盘上或“文档”中的文件夹），然后再试。{after}</translation>
    </message>
    <message>
        <source>{folder} cannot be reached: the USB stick may have been pulled out, or it is faulty. Plug it in again (or use another stick), then try again. {after}</source>
        <translation>无法访问 {folder}：U盘可能已被拔出或已损坏。请重新插好U盘（或换一个U盘），然后再试。{after}</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}. {after}</source>
        <translation>无法写入 {folder}：{reason}。{after}</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Import sync bundles…</source>
        <translation>导入同步包(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history</source>
        <translation>导入记录(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Publish reference data…</source>
        <translation>发布参考数据(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the county &amp;key card…</source>
        <translation>导出县总工会密钥卡(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Export a sync bundle…</source>
        <translation>导出同步包(&amp;E)…</translation>
    </message>
    <message>
        <source>Exported &amp;bundles</source>
        <translation>已导出的同步包(&amp;B)</translation>
    </message>
    <message>
        <source>Load the county &amp;key card…</source>
        <translation>载入县总工会密钥卡(&amp;K)…</translation>
    </message>
    <message>
        <source>Load &amp;reference data from the county…</source>
        <translation>载入县级参考数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Where to write the reference bundle</source>
        <translation>参考数据包保存到</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>参考数据</translation>
    </message>
    <message>
        <source>Wrote %1.
Copy it to every station; they load it with 同步 → 载入县级参考数据.</source>
        <translation>已写入 %1。
请拷贝给各站点；站点用 同步 → 载入县级参考数据 载入。</translation>
    </message>
    <message>
        <source>Save the county key card</source>
        <translation>保存县总工会密钥卡</translation>
    </message>
    <message>
        <source>Key card (*.json)</source>
        <translation>密钥卡 (*.json)</translation>
    </message>
    <message>
        <source>Key card</source>
        <translation>密钥卡</translation>
    </message>
    <message>
        <source>Wrote %1.
Fingerprint: %2
Give the file to every station and read the fingerprint to them by phone.</source>
        <translation>已写入 %1。
指纹：%2
请把文件交给各站点，并电话告知指纹以便核对。</translation>
    </message>
    <message>
        <source>Export a sync bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>Exported bundles</source>
        <translation>已导出的同步包</translation>
    </message>
    <message>
        <source>Import sync bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>This station&apos;s key &amp;fingerprint…</source>
        <translation>本站密钥指纹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import relay bundles…</source>
        <translation>导入转报包(&amp;I)…</translation>
    </message>
    <message>
        <source>Export a &amp;relay bundle to the next tier…</source>
        <translation>向上级导出转报包(&amp;R)…</translation>
    </message>
    <message>
        <source>Load the next tier&apos;s key &amp;card…</source>
        <translation>载入上级密钥卡(&amp;C)…</translation>
    </message>
    <message>
        <source>Write this unit&apos;s &amp;key card…</source>
        <translation>导出本单位密钥卡(&amp;K)…</translation>
    </message>
    <message>
        <source>Relay bundle</source>
        <translation>转报包</translation>
    </message>
    <message>
        <source>Where to write the relay bundle</source>
        <translation>转报包保存到哪里</translation>
    </message>
    <message>
        <source>Wrote relay bundle No. %1 (%2 station bundle(s), %3 record(s)) to %4.</source>
        <translation>已把第 %1 号转报包（%2 个站点同步包，%3 条记录）写到 %4。</translation>
    </message>
    <message>
        <source>The next tier&apos;s key card</source>
        <translation>上级的密钥卡</translation>
    </message>
    <message>
        <source>Loaded the key card of %1 (%2).
Fingerprint: %3
Compare it with them by phone.</source>
        <translation>已载入 %1（%2）的密钥卡。
指纹：%3
请打电话与对方核对。</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Confirmed by the county</source>
        <translation>县总工会已确认</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>Exported bundles</source>
        <translation>已导出的同步包</translation>
    </message>
    <message>
        <source>The county&apos;s key card</source>
        <translation>县总工会密钥卡</translation>
    </message>
    <message>
        <source>Key card (*.json);;All files (*)</source>
        <translation>密钥卡 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Key card</source>
        <translation>密钥卡</translation>
    </message>
    <message>
        <source>Loaded the key card of %1.
Fingerprint: %2
Compare it with the county office by phone.</source>
        <translation>已载入 %1 的密钥卡。
指纹：%2
请电话与县总工会核对指纹。</translation>
    </message>
    <message>
        <source>Reference bundle from the county</source>
        <translation>县总工会参考数据包</translation>
    </message>
    <message>
        <source>Reference bundle (*.xyr);;All files (*)</source>
        <translation>参考数据包 (*.xyr);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The county confirmed bundle(s) %1.</source>
        <translation>县总工会已确认收到第 %1 号包。</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>参考数据</translation>
    </message>
</context>
<context>
    <name>Todo</name>
    <message>
        <source>{n} station(s) have not sent this month&apos;s bundle yet: {codes}</source>
        <translation>{n} 个站点尚未报送本月同步包：{codes}</translation>
    </message>
    <message>
        <source>{n} visit(s) being followed up are due for a return visit</source>
        <translation>{n} 条跟进中的来访已到回访日期</translation>
    </message>
    <message>
        <source>This month&apos;s sync bundle for the county has not been exported yet</source>
        <translation>本月报送县总工会的同步包尚未导出</translation>
    </message>
    <message>
        <source>{n} exported bundle(s) have no county receipt loaded yet</source>
        <translation>{n} 个已导出的同步包尚未载入县总工会回执</translation>
    </message>
</context>
<context>
    <name>UsbBackup</name>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Manual backup</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Backup before an import</source>
        <translation>导入前备份</translation>
    </message>
    <message>
        <source>Backup before a restore</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <source>Backup before an upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <source>Encrypted USB backup</source>
        <translation>U盘加密备份</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A backup outside the program&apos;s own folder is encrypted: enter the station head&apos;s recovery code or a passphrase. Nothing was written.</source>
        <translation>备份到程序自己的文件夹以外时会加密：请输入站长的恢复码或备份密码。没有写入任何文件。</translation>
    </message>
    <message>
        <source>The recovery code or passphrase is wrong for the backup {file}: it cannot be opened. Nothing was restored; the records are unchanged.</source>
        <translation>恢复码或备份密码不对，打不开备份 {file}。没有恢复任何数据，现有数据没有改变。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的备份密码不一致。</translation>
    </message>
    <message>
        <source>The passphrase is too weak: use at least {n} characters, for example several words or a short sentence that others cannot guess.</source>
        <translation>备份密码太简单：请至少用 {n} 个字符，比如几个词或一句别人猜不到的短句。</translation>
    </message>
    <message>
        <source>{day}/{month}/{year} {time}</source>
        <translation>{year}年{month}月{day}日 {time}</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>the station head&apos;s recovery code</source>
        <translation>站长的恢复码</translation>
    </message>
    <message>
        <source>the passphrase chosen at the backup</source>
        <translation>备份时设定的备份密码</translation>
    </message>
    <message>
        <source>the recovery code or passphrase</source>
        <translation>恢复码或备份密码</translation>
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
    <message>
        <source>Contains invisible control characters or broken characters: type or paste the text again.</source>
        <translation>含有不可见的控制字符或损坏的字符，请重新输入或粘贴。</translation>
    </message>
    <message>
        <source>The date {date} is outside the possible range ({earliest} to {latest}).</source>
        <translation>日期 {date} 不在合理范围内（{earliest} 至 {latest}）。</translation>
    </message>
    <message>
        <source>Not a valid value.</source>
        <translation>不是有效的值。</translation>
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
        <source>&amp;Follow-up date</source>
        <translation>回访日期(&amp;F)</translation>
    </message>
    <message>
        <source>Visitor log</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Purpos&amp;e</source>
        <translation>来访事由(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;taff on duty</source>
        <translation>值班人员(&amp;T)</translation>
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
