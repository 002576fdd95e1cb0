"""The issue's reference loader: pandas read_csv + to_sql of one CSV into a fresh SQLite file.

Prints the seconds it took as JSON, so the Node bench can put it side by side with ours.
Pandas validates nothing; this is the bar our validated staging load has to beat.
"""
import json
import sqlite3
import sys
import time

import pandas as pd


def main() -> None:
    csv_path, db_path = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    read_done = time.perf_counter()
    with sqlite3.connect(db_path) as connection:
        frame.to_sql("order_items", connection, index=False, if_exists="replace", chunksize=50_000)
    finished = time.perf_counter()
    print(json.dumps({"rows": len(frame), "read_csv": read_done - started, "to_sql": finished - read_done, "total": finished - started}))


if __name__ == "__main__":
    main()
