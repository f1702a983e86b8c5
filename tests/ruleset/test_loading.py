"""Loading rulesets: a council's own file, `extends`, and errors that name the file, the field and what is allowed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ruleset import RulesetError, load_ruleset


def write(tmp_path: Path, text: str, name: str = "council.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_ruleset_loads_with_both_published_schemes() -> None:
    rules = load_ruleset()
    assert {"2012/13", "2022/23"} <= set(rules.data.schemes)
    bands = rules.data.schemes["2012/13"].bands
    assert [(b.status, b.bound, b.inclusive) for b in bands[:3]] == [
        ("Blue", 2, False), ("Green", 0, True), ("Amber", -5, True)]


def test_council_file_extends_default_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, """
        extends: default
        name: Anytown ruleset
        council: Anytown Borough Council
        default_scheme: "2012/13"
        measure_rules:
          "CM PM05": {scheme: "2022/23"}
        improvement_report:
          criterion: red_or_forecast_amber_red
          criteria:
            red_or_forecast_amber_red:
              label: Red now or forecast Red/Amber
              quarterly: [Red]
              forecast: [Red, Amber]
    """)
    rules = load_ruleset(path)
    assert rules.name == "Anytown ruleset"
    assert len(rules.register) >= 63  # inherited, with the register file resolved from the default's folder
    assert rules.rate("100", "103", polarity="High").status == "Blue"  # 2012/13 now the default
    assert rules.rate("100", "103", code="CM PM05").status == "Green"  # its override: 2022/23
    assert not rules.in_improvement_report("Amber", "Green")


def test_council_can_define_its_own_scheme_with_absolute_points(tmp_path: Path) -> None:
    path = write(tmp_path, """
        extends: default
        schemes:
          points:
            bands:
              - {status: Green, bound: 0}
              - {status: Amber, bound: -1}
              - {status: Red}
        default_scheme: points
        rating: {tolerance_basis: absolute}
    """)
    rules = load_ruleset(path)
    assert rules.rate("50", "49", polarity="High").status == "Amber"  # exactly 1 point below: inclusive
    assert rules.rate("50", "48.9", polarity="High").status == "Red"
    assert rules.rate("50", "49.5", polarity="Low").status == "Green"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("extends: default\nschemes:\n  x:\n    bands:\n      - {status: Purple, bound: 1}\n      - {status: Red}\n",
         "schemes.x.bands.0.status: Input should be 'Blue', 'Green', 'Amber' or 'Red' (found 'Purple')"),
        ("extends: default\nrating: {zero_target: guess}\n",
         "rating.zero_target: Input should be 'meet_or_miss' or 'not_rated' (found 'guess')"),
        ("extends: default\nrating: {tolerence_basis: relative}\n",
         "rating.tolerence_basis: unknown field (allowed here: tolerance_basis, zero_target)"),
        ("extends: default\ndefault_scheme: '2030/31'\n",
         "default_scheme '2030/31' is not a scheme defined here: ['2012/13', '2022/23']"),
        ("extends: default\nmeasure_rules:\n  CM PM05: {scheme: nope}\n",
         "measure_rules.CM PM05.scheme 'nope' is not a scheme defined here"),
        ("extends: default\nschemes:\n  x:\n    bands:\n      - {status: Red, bound: -5}\n      - {status: Blue, bound: 2}\n      - {status: Green}\n",
         "bands must be listed best first"),
        ("extends: default\nschemes:\n  x:\n    bands:\n      - {status: Blue, bound: 2}\n      - {status: Red, bound: 0}\n",
         "the last band takes everything else and must have no bound"),
        ("extends: default\nimprovement_report: {criterion: mine, criteria: {}}\n",
         "criterion 'mine' is not one of the criteria defined"),
        ("extends: default\nvocabularies:\n  measure_status:\n    - {value: Blue}\n",
         "vocabularies.measure_status must include ['Green', 'Amber', 'Red', 'N/A']"),
        ("extends: default\nvocabularies:\n  colours: []\n", "vocabularies.colours"),
        ("extends: default\nmarkers:\n  - {name: TBC, means: later}\n", "markers.0.means: Input should be"),
        ("extends: default\nregister_file: null\nmeasures:\n  - {code: X1, description: d, directorate: D, "
         "polarity: Up, unit: '%', frequency: Monthly}\n", "measures.0.polarity: Input should be 'High' or 'Low'"),
        ("name: [unclosed\n", "line 2, column 1: not valid YAML"),
        ("- just\n- a list\n", "must hold a mapping"),
        ("extends: nowhere.yaml\n", "nowhere.yaml: the file does not exist"),
        ("extends: default\nregister_file: null\nmeasures:\n"
         "  - {code: X1, description: d, directorate: D, polarity: High, unit: '%', frequency: Monthly}\n"
         "  - {code: x 1, description: d, directorate: D, polarity: High, unit: '%', frequency: Monthly}\n",
         "code 'x 1' is listed twice"),
        ("extends: default\nvocabularies:\n  measure_status:\n    - {value: Blue, synonyms: [B]}\n"
         "    - {value: Green, synonyms: [B]}\n    - {value: Amber}\n    - {value: Red}\n    - {value: N/A}\n",
         "'B' is listed for both 'Blue' and 'Green'"),
    ],
)
def test_bad_ruleset_names_file_field_and_allowed(tmp_path: Path, text, expected) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    message = str(caught.value)
    assert expected in message
    assert "ruleset file" in message and "council.yaml" in message or "nowhere.yaml" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match="does not exist"):
        load_ruleset(tmp_path / "absent.yaml")


def test_extends_loop(tmp_path: Path) -> None:
    write(tmp_path, "extends: b.yaml\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\n", "b.yaml")
    with pytest.raises(RulesetError, match="extends itself in a loop"):
        load_ruleset(tmp_path / "a.yaml")


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    import os

    path = write(tmp_path, "extends: default\nname: First\n")
    assert load_ruleset(path).name == "First"
    path.write_text("extends: default\nname: Second\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert load_ruleset(path).name == "Second"


def test_measure_rule_overrides_polarity_and_zero_target(tmp_path: Path) -> None:
    path = write(tmp_path, """
        extends: default
        measure_rules:
          "SP PM09e": {polarity: High, zero_target: not_rated}
    """)
    rules = load_ruleset(path)
    assert rules.rate("0.15", "0.2", code="SP PM09e", scheme="2012/13").status == "Blue"  # now High
    assert rules.rate("0", "0", code="SP PM09e").status == "N/A"
    assert load_ruleset().rate("0.15", "0.2", code="SP PM09e", scheme="2012/13").status == "Red"  # register: Low


def test_ruleset_stays_pure() -> None:
    """ruleset/ imports no Excel library and nothing from the other folders."""
    import subprocess
    import sys

    code = ("import sys, ruleset, ruleset.cli; ruleset.load_ruleset();"
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('openpyxl', 'xlwings', 'python_calamine', 'validators', 'addin', 'workbook_templates')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
