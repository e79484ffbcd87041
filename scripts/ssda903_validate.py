"""Runs the DfE's SSDA903 rules (csc-validator-be-903, package lac_validator) on an export's Header and
Episodes files and prints each rule that fires, with how many rows, as `CODE<TAB>ROWS<TAB>MESSAGE`.

usage: python ssda903_validate.py DIR RULESET COLLECTION_YEAR LOCAL_AUTHORITY
(COLLECTION_YEAR is the year the collection ends, as the validator counts: 2027 for 2026-27.)
"""
import importlib
import logging
import sys
from pathlib import Path

logging.disable(logging.CRITICAL)  # the validator logs every rule at INFO

from lac_validator.lac_validator import LacValidator  # noqa: E402


# Rules whose answer depends on finding HOME_POST and PL_POST in the ONS directory the validator ships.
POSTCODE_RULES = {"392c", "169", "179", "218"}


def main():
    folder, ruleset, year, authority = sys.argv[1:5]
    files = [
        dict(name=name, file_content=(Path(folder) / name).read_bytes(), description="This year")
        for name in ("header.csv", "episodes.csv")
    ]
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    v = LacValidator(metadata={"collectionYear": year, "localAuthority": authority}, files=files, registry=registry)
    for code in v.fails:
        print(f"{code}\tcrashed\t{registry[code].message}")
    episodes = v.ds_results["Episodes"]
    # A postcode the directory lacks (the demo's invented ones, until issue 14 part 1) leaves no distance.
    unknown = episodes["PL_DISTANCE"].isna()
    if unknown.any():
        print(f"postcodes\t{int(unknown.sum())}\tEpisodes: rows whose HOME_POST or PL_POST is not in the ONS directory; "
              f"rules {', '.join(sorted(POSTCODE_RULES))} are checked on the other rows only")
    for table, frame in v.ds_results.items():
        if not hasattr(frame, "columns"):
            continue
        for column in frame.columns:
            if str(column).startswith("ERR_"):
                code = column[4:]
                fired = frame[column].fillna(False).astype(bool)
                if table == "Episodes" and code in POSTCODE_RULES:
                    fired = fired & ~unknown
                rows = int(fired.sum())
                if rows:
                    print(f"{code}\t{rows}\t{table}: {registry[code].message}")


if __name__ == "__main__":
    main()
