"""The 操作日志 speaks Chinese (issue 11): one entry of every kind, rendered in the audit view,
holds no column name, detail key, action name or raw code: only words a union office uses."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtWidgets import QApplication
from security_helpers import VISIT

from xiangyun_desk.services.audit import ACTIONS
from xiangyun_desk.ui.i18n import install_translators
from xiangyun_desk.ui.security.audit_view import AuditView

# Values a person typed or chose that may be ASCII: account names, file suffixes.
ALLOWED = {"zhanzhang", "gongzuo", "zhidu", "xlsx", "zip", "pdf", "sqlite3", "db"}

# Entries as the features write them (same actions and detail keys as their audit.record calls).
FEATURE_ENTRIES = [
    ("reveal", "visit", {"fields": ["id_number", "phone"]}),
    ("erase", "visit", {"fields": ["address", "gender", "id_number", "name"]}),
    ("correct", "visit", {"changes": {"gender": ["U", "M"]}}),
    ("export", None, {"bundle": "sync", "file": "数据包-0001.zip", "folder": "/媒体/优盘",
                      "bundle_seq": 1, "kind": "incremental", "change_seq": [1, 120],
                      "records": 120, "counts": {"visits": 100, "relief": 20}}),
    ("export", None, {"bundle": "reference", "file": "代码表-3.zip", "folder": "/优盘",
                      "reference_seq": 3, "counts": {"code_lists": 4},
                      "receipts": {"03": 2}}),
    ("export", None, {"bundle": "sync", "file": "数据包-0002.zip", "bundle_seq": 2,
                      "failed": True}),
    ("export", "visit", {"file": "来访登记.xlsx", "register": "visits", "records": 12,
                         "full_ids": False}),
    ("import", None, {"bundle": "sync", "file": "数据包-0001.zip", "status": "applied",
                      "station": "03", "bundle_seq": 1, "kind": "full", "change_seq": [1, 9],
                      "new": 5, "updated": 2, "deleted": 1, "unchanged": 0, "rejected": 0,
                      "counts": {"visits": {"new": 5, "updated": 2}, "relief": {"deleted": 1}},
                      "fingerprint": "1234 5678 9012", "key_confirmed": True}),
    ("import", None, {"bundle": "sync", "file": "坏包.zip", "status": "rejected",
                      "reason_code": "bad_signature", "reason": "签名不符"}),
    ("import", None, {"bundle": "sync", "file": "坏包2.zip", "status": "held",
                      "reason_code": "error"}),
    ("import", None, {"bundle": "reference", "file": "代码表-3.zip", "status": "applied",
                      "reference_seq": 3, "new": 1, "counts": {"code_lists": {"new": 1}},
                      "confirmed": True}),
    ("import", "relief_visit", {"file": "慰问.xlsx", "register": "relief", "records": 3}),
    ("import-undo", None, {"bundle": "sync", "file": "数据包-0003.zip", "station": "03",
                           "bundle_seq": 3, "removed": 4, "restored": 1}),
    ("print", None, {"what": "person", "records": 2}),
    ("print", None, {"report": "summary", "file": "工作报表.pdf", "period": "2026年10月"}),
    ("print_full", None, {"report": "roster", "file": "名册.pdf", "campaign": "winter",
                          "register": "relief"}),
    ("print_full", None, {"report": "jobfair", "file": "招聘会.pdf",
                          "event_id": "2f1c7e1a-0000-4000-8000-000000000000"}),
    ("backup", None, {"file": "备份.sqlite3", "folder": "/优盘"}),
    ("restore_backup", None, {"file": "备份.sqlite3", "safety": "恢复前.sqlite3",
                              "carried_over": 4}),
    ("sign_in_failed", "account", {"reason": "recovery_code"}),
    ("sign_in_failed", "account", {"reason": "unknown account"}),
    ("sign_in_failed", "account", {"failures": 3}),
    ("lock", "account", None),
    ("unlock", "account", None),
    ("unlock_failed", "account", None),
    ("sign_out", "account", None),
    ("recovery_used", "account", {"username": "zhanzhang"}),
    ("account_update", "account", {"username": "gongzuo", "recovery_code": "renewed"}),
    ("settings", None, {"changes": {"lock_minutes": [10, 15]}}),
    ("settings", None, {"changes": {"relief_confirm_above_fen": [500000, 300000]}}),
    ("settings", None, {"code_list": "campaign", "code": "flood", "label_zh": "抗洪慰问",
                        "label_en": "Flood relief", "active": True, "new": True}),
    ("county_key", None, {"county": "532929", "county_name": "祥云县总工会",
                          "fingerprint": "1111 2222", "replaced_fingerprint": "3333 4444",
                          "at_setup": True}),
    ("renew_key", None, {"fingerprint": "5555 6666", "retired_fingerprint": "7777 8888"}),
    ("reenrol_station", None, {"station": "03", "fingerprint": "9999 0000"}),
    ("station_add", None, {"station": "03", "name": "禾甸镇职工之家", "township": "禾甸镇",
                           "monthly_expected": True}),
    ("station_edit", None, {"station": "03", "changes": {"township": ["禾甸镇", "刘厂镇"],
                                                         "monthly_expected": [True, False]}}),
    ("station_key", None, {"station": "03", "fingerprint": "1212 3434", "via": "typed",
                           "previous_fingerprint": "5656 7878", "previous_state": "pending",
                           "note": True}),
]


@pytest.fixture
def chinese(qapp):
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    yield
    install_translators(app, "zh_CN")


def test_every_kind_of_entry_reads_as_chinese(qtbot, desk, people, chinese):
    # Real register changes: create, change (gender U -> M, campaign), delete, restore.
    visit_id = desk.visits.create({**VISIT, "gender": "U"})
    desk.visits.update(visit_id, {**VISIT, "gender": "M"})
    desk.visits.delete(visit_id)
    desk.visits.restore(visit_id)
    relief_id = desk.relief.create({"visit_date": "2026-01-10", "campaign": "spring",
                                    "name": "张三", "category": "hardship", "cash_fen": "500"})
    desk.relief.update(relief_id, {"visit_date": "2026-01-10", "campaign": "winter",
                                   "name": "张三", "category": "hardship", "cash_fen": "800"})
    # Real account entries: account_create (fixture), password change and reset, sign-in.
    desk.accounts.reset_password(people["staff"].id, "Another-pass-123")
    for action, table, detail in FEATURE_ENTRIES:
        desk.audit.record(action, table, None, detail)
    recorded = {row.action for row in desk.audit.entries()}
    assert set(ACTIONS) - recorded <= {"sign_in", "password_change"}  # one of every kind

    dialog = AuditView(desk)
    qtbot.addWidget(dialog)
    model = dialog.model
    texts = []
    for r in range(model.rowCount()):
        texts.append(" | ".join(model.index(r, c).data() or "" for c in range(
            model.columnCount())))
        dialog.show_details(r)
        texts.append(dialog.details.toPlainText())
    text = "\n".join(texts)
    if os.environ.get("XYD_SHOTS"):  # for looking at it
        dialog.show()
        dialog.table.selectRow(3)
        dialog.grab().save(os.path.join(os.environ["XYD_SHOTS"], "audit-zh.png"))
    found = {w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text) if w not in ALLOWED}
    assert not found, [line for line in text.splitlines()
                       if found & set(re.findall(r"[A-Za-z_]\w*", line))]
    assert "性别：未填 → 男" in text
    assert "慰问活动：春节送温暖 → 冬送温暖" in text
    assert "慰问活动：冬送温暖" in text
    assert "生成报表" in text and "删除" in text and "已删除" not in text
    assert "新增 5 条" in text
