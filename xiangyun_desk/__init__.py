"""祥云职工之家工作台 (xiangyun-desk)."""

__version__ = "0.1.0"
