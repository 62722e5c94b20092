"""Constants shared by the security tests."""

PASSWORD = "geheim-123"
VISIT = {"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal", "status": "done",
         "phone": "13812345678", "id_number": "532923198001010012"}
