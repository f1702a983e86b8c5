"""Reading returns into the canonical return, the rule catalogue and the validate command (issue 3)."""
