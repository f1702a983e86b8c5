"""The council's rules as data and the pure functions that apply them. No Excel, no I/O beyond reading YAML.

    from ruleset import load_ruleset
    rules = load_ruleset()                      # or load_ruleset("our-council.yaml")
    rules.rate("95", "93", polarity="High", scheme="2012/13").status   # 'Amber'
"""

from .loading import RulesetError
from .models import Polarity, ToleranceBasis, ZeroTargetRule
from .rules import Ruleset, load_ruleset
from .status import NOT_RATED, Rating, RatingRule, rate
from .values import ParsedValue, ValueKind, format_number

__all__ = [
    "NOT_RATED", "ParsedValue", "Polarity", "Rating", "RatingRule", "Ruleset", "RulesetError",
    "ToleranceBasis", "ValueKind", "ZeroTargetRule", "format_number", "load_ruleset", "rate",
]
