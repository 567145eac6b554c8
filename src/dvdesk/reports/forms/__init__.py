"""Printed forms (mẫu biểu), each filled from a plain dataclass."""
