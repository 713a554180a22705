"""gongkai: 政府信息公开 annual reports and requests."""
__version__ = "0.1.0"
