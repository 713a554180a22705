from gongkai.validate.engine import validate, validate_series

__all__ = ["validate", "validate_series"]
