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
    for table, frame in v.ds_results.items():
        if not hasattr(frame, "columns"):
            continue
        for column in frame.columns:
            if str(column).startswith("ERR_"):
                code = column[4:]
                rows = int(frame[column].fillna(False).astype(bool).sum())
                if rows:
                    print(f"{code}\t{rows}\t{table}: {registry[code].message}")


if __name__ == "__main__":
    main()
