"""The blank return template and the layouts of generated sheets, built from the ruleset with openpyxl."""
